package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;

import org.rvtrace.language.memory.CodeModifiedException;
import org.rvtrace.language.memory.GuestMemory;

import org.rvtrace.language.runtime.Hart;

/** {@code mem[rs1 + imm] = rs2} (sb ... sd); fsw/fsd with {@code fp}. */
public final class StoreNode extends MemoryAccessNode {
    private final int rs2;
    private final long nextPc;

    public StoreNode(GuestMemory mem, int rs1, int rs2, long imm, Width width, boolean fp, long pc, long nextPc) {
        super(mem, rs1, imm, width, fp, pc);
        this.rs2 = rs2;
        this.nextPc = nextPc;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        long value = fp ? f(regs, hart, rs2) : x(regs, hart, rs2);
        long base = x(regs, hart, rs1);
        long addr = base + imm;
        if (CompilerDirectives.inCompiledCode() && defersStore(regs) && (checkedByRun() || inRegion(addr))) {
            deferStore(regs, base, value);
            return;
        }
        flushPendingBefore(regs, addr);
        if (checkedByRun() || inRegion(addr)) {
            Width.storeUnchecked(width, mem, addr, value);
        } else {
            try {
                width.store(mem, addr, value, pc);
            } catch (CodeModifiedException e) {
                // The store rewrote translated code: resume after it, through fresh translation.
                throw new CodeModifiedException(nextPc);
            }
        }
        if (CompilerDirectives.inCompiledCode() && keepsStackSlots()) {
            stored(regs, base, value);
        }
    }

    @Override
    boolean isStore() {
        return true;
    }
}
