package org.rvtrace.language.nodes;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.Hart;

/**
 * {@code rd = mem[rs1 + imm]} (lb ... ld, lbu ... lwu); flw/fld with {@code fp}.
 *
 * <p>An {@code ld} that keeps loading the same doubleword of read-only (or
 * {@link GuestMemory#STABLE}) memory speculates on it: compiled code uses the value as a
 * constant, guarded by a watch on those 8 bytes that the first write to them invalidates.
 * This is what makes ftrace's trampoline fold: its loads of a patch site's ops literal and
 * of the ops' func and direct_call become constants, so a traced call compiles to a direct
 * call of the tracer. A load that sees a second address, or whose word keeps changing (a
 * site toggled again and again), goes back to plain loads for good, so a toggled site cannot
 * make its code deoptimize and recompile forever.
 */
public final class LoadNode extends MemoryAccessNode {
    /** Times a load may re-speculate after its word changed before it stays generic. */
    static final int MAX_SPECULATIONS = 4;

    private record Speculation(long addr, long value, Assumption valid) {
    }

    /** Marks a load that no longer speculates. */
    private static final Speculation GENERIC = new Speculation(-1, 0, null);

    private final int rd;
    /** null until the first load; then the speculation, or GENERIC. */
    @CompilationFinal private Speculation speculation;
    @CompilationFinal private int speculations;

    public LoadNode(GuestMemory mem, int rd, int rs1, long imm, Width width, boolean fp, long pc) {
        super(mem, rs1, imm, width, fp, pc);
        this.rd = rd;
        if (width != Width.D || fp) {
            speculation = GENERIC;
        }
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        long base = x(regs, hart, rs1);
        long addr = base + imm;
        Speculation s = speculation; // read once: another hart may change it
        long value;
        if (CompilerDirectives.inCompiledCode() && stackSlotHolds(regs, base)) {
            value = stackSlotValue(regs);
        } else if (s != GENERIC) {
            value = loadSpeculating(s, regs, addr);
        } else {
            flushPendingBefore(regs, addr);
            if (checkedByRun() || inRegion(addr)) {
                value = Width.loadUnchecked(width, mem, addr);
            } else {
                value = width.load(mem, addr, pc);
            }
        }
        if (!fp) {
            setX(regs, hart, rd, value);
        } else if (width == Width.W) {
            setF(regs, hart, rd, value | 0xffffffff00000000L); // flw NaN-boxes the single
        } else {
            setF(regs, hart, rd, value);
        }
    }

    /**
     * The speculated value needs no care for deferred saves (see StackSlots): a save is
     * deferred only in a region of memory, and no region holds a watched word.
     */
    private long loadSpeculating(Speculation s, long[] regs, long addr) {
        if (s != null) {
            if (s.valid.isValid()) {
                if (addr == s.addr) {
                    return s.value;
                }
            } else if (CompilerDirectives.inCompiledCode()) {
                // Compiled after the word changed but before this load ran again in the
                // interpreter: load plainly rather than deoptimize at every execution.
                flushPendingBefore(regs, addr);
                return mem.load64(addr, pc);
            }
        }
        CompilerDirectives.transferToInterpreterAndInvalidate();
        flushPendingBefore(regs, addr);
        return respeculate(addr);
    }

    /** First load, another address, or the word changed: speculate again or give up. */
    private synchronized long respeculate(long addr) {
        Speculation s = speculation;
        if ((s != null && addr != s.addr) || speculations >= MAX_SPECULATIONS || !mem.speculatable(addr)) {
            speculation = GENERIC;
            return mem.load64(addr, pc);
        }
        // The watch first: a write after it invalidates the value read below.
        Assumption valid = mem.watch(addr, 8);
        long value = mem.load64(addr, pc);
        if (valid == null) {
            speculation = GENERIC;
        } else {
            speculations++;
            speculation = new Speculation(addr, value, valid);
        }
        return value;
    }

    @Override
    boolean isStore() {
        return false;
    }
}
