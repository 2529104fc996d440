package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.memory.Region;

/**
 * A load or a store: {@code mem[rs1 + imm]} of one {@link Width}, integer or (with
 * {@code fp}) floating point. It skips its own window and page checks when an
 * {@link AccessRun}'s check covers it, or when its address lies in the {@link Region} it
 * speculates on: the pages it has been touching, all of which allow the access.
 */
abstract class MemoryAccessNode extends InsnNode {
    final GuestMemory mem;
    final int rs1;
    final long imm;
    final Width width;
    final boolean fp;
    final long pc;
    /** The run whose check covers this access, or null. */
    @CompilationFinal private AccessRun run;
    /** Times the interpreter may look for a region before the access keeps what it has. */
    static final int MAX_REGIONS = 2;
    /** The region this access speculates on; null until one is found. */
    @CompilationFinal private Region region;
    @CompilationFinal private int regionsTried;

    MemoryAccessNode(GuestMemory mem, int rs1, long imm, Width width, boolean fp, long pc) {
        this.mem = mem;
        this.rs1 = rs1;
        this.imm = imm;
        this.width = width;
        this.fp = fp;
        this.pc = pc;
    }

    /** Whether this access may skip its own checks: its run's check just passed. */
    final boolean checkedByRun() {
        return run != null && run.checked();
    }

    /**
     * Whether the access at addr may skip its checks because addr lies in this access's
     * region. Compiled code compares addr with the region's two constant bounds (guarded by
     * the region's assumption). An address outside deoptimizes and the interpreter picks the
     * region around it, at most {@link #MAX_REGIONS} times; after that the access keeps its
     * last region and takes the checked path outside it. (Measured: a checked path kept in
     * compiled code beside the region check made loops slower than the checks alone.)
     */
    final boolean inRegion(long addr) {
        // The hit path is small enough for the JVM's C1 to inline into the interpreter's nodes.
        Region r = region;
        if (r != null && r.holds(addr, width.size)) {
            return true;
        }
        return regionMiss(addr);
    }

    private boolean regionMiss(long addr) {
        if (regionsTried < MAX_REGIONS) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            pickRegion(addr);
        }
        return false;
    }

    private synchronized void pickRegion(long addr) {
        regionsTried++;
        Region r = mem.regionAround(addr, width.size, !isStore(), isStore());
        if (r != null) {
            region = r;
        }
    }

    abstract boolean isStore();

    private static final int SP = 2;
    /** Stack-slot forwarding (see StackSlots.slotFor): the array indices, and this access's slot bit (0: none). */
    @CompilationFinal private int stackMask;
    @CompilationFinal private int stackSp;
    @CompilationFinal private int stackValue = -1;
    @CompilationFinal private long stackBit;
    /** Whether this access is trampoline code in a register scope, where saves may be pending (see StackSlots). */
    @CompilationFinal private boolean inScope;

    @Override
    final void bindStackSlots(RegisterHomes registerHomes, boolean forwarding) {
        stackMask = registerHomes.stack.mask;
        stackSp = registerHomes.stack.sp;
        inScope = registerHomes.stack.defersSaves();
        int slot = forwarding && rs1 == SP && width == Width.D && !fp ? registerHomes.stack.slotFor(imm) : -1;
        if (slot >= 0) {
            stackValue = registerHomes.stack.values + slot;
            stackBit = 1L << slot;
        }
    }

    /** Whether this function keeps stack slots at all (see StackSlots.forwarding). */
    final boolean keepsStackSlots() {
        return homes.stack.forwarding;
    }

    /** For a load: whether the value at sp = base is the one a slotted store of this activation left. */
    final boolean stackSlotHolds(long[] regs, long base) {
        return stackBit != 0 && homes.stack.forwards(regs) && (regs[stackMask] & stackBit) != 0 && regs[stackSp] == base;
    }

    final long stackSlotValue(long[] regs) {
        return regs[stackValue];
    }

    /** Whether this store is deferred (see StackSlots: deferred saves): slotted, in a trampoline scope, compiled. */
    final boolean defersStore(long[] regs) {
        return stackBit != 0 && homes.stack.defers(regs);
    }

    /** This slotted store of value at sp = base, deferred. */
    final void deferStore(long[] regs, long base, long value) {
        homes.stack.defer(regs, base, stackValue, stackBit, value);
    }

    /** Set when a load overlapped pending saves once: from then on it writes them all before it reads. */
    @CompilationFinal private boolean overlapSeen;

    /**
     * Before this access reads or writes memory itself (not a slot): the pending saves it
     * could see or overwrite go to memory first. In the interpreter, all of them, when a
     * deoptimization left any. In compiled code a store writes them all (the pending mask is
     * known there, so this is the stores themselves); a load writes them only when its bytes
     * may overlap them, which it checks with two compares, and the first time it does, it
     * deoptimizes rather than merge a written and an unwritten state of every slot.
     */
    final void flushPendingBefore(long[] regs, long addr) {
        if (CompilerDirectives.inInterpreter()) {
            // The field first: outside trampoline scopes (nearly every access) that is all.
            if (inScope) {
                homes.stack.flush(regs);
            }
            return;
        }
        if (!homes.stack.defers(regs)) {
            return;
        }
        if (isStore() || overlapSeen) {
            homes.stack.flush(regs);
        } else if (homes.stack.pendingOverlaps(regs, addr, width.size)) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            overlapSeen = true;
            homes.stack.flush(regs);
        }
    }

    /** For a store, once made: remember the value when it is slotted, else forget every slot. */
    final void stored(long[] regs, long base, long value) {
        if (!homes.stack.forwards(regs)) {
            return;
        }
        if (stackBit == 0) {
            homes.stack.forget(regs);
            return;
        }
        // No branch: after the first of a run of saves the sp is a known value, and compiled
        // code then knows every slot's bit (a branch would merge an unknown sp back in).
        long mask = regs[stackSp] == base ? regs[stackMask] : 0;
        regs[stackSp] = base;
        regs[stackValue] = value;
        regs[stackMask] = mask | stackBit;
    }

    final void joinRun(AccessRun accessRun) {
        this.run = accessRun;
    }
}
