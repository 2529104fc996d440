package org.rvtrace.language.nodes;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.memory.Region;
import org.rvtrace.language.runtime.Hart;

/**
 * One check for several loads and stores of a block: those that address memory from the
 * same base register while the block changes it at most by adding constants to it, such as
 * a prologue's saves of callee-saved registers ({@code sd s0,80(sp); sd s1,72(sp); ...}), the
 * register frame an ftrace trampoline builds, or a loop body's load and store of one array
 * element around the pointer's increment ({@code ld a4,0(a5); addi a5,a5,8; sd a4,-8(a5)}).
 * This node sits before the first of them and checks the whole range they touch (at most a
 * page); when it passes, the accesses go straight to host memory, each without a check of
 * its own.
 *
 * <p>The check speculates, as a single access does, on the {@link Region} the range keeps
 * falling into (compiled code compares the range's start with two constants); outside it,
 * or once {@link MemoryAccessNode#MAX_REGIONS} regions were tried, it looks at the window
 * and the flags of the range's two end pages. If that fails (the range reaches an unmapped
 * or read-only page, or a page with translated code or watched words, where a store must be
 * seen), the run is disabled for good and its accesses check themselves again, so faults
 * and code writes are reported exactly at the instruction that makes them.
 */
public final class AccessRun extends InsnNode {
    private final GuestMemory mem;
    private final int base;
    /** The range the run touches, relative to the base register's value when this node runs. */
    private final long lo;
    private final long hi;
    private final int size;
    private final boolean loads;
    private final boolean stores;
    /** Set once the check failed; the accesses then check themselves. */
    @CompilationFinal private boolean disabled;
    /** The region the range speculates on; null until one is found. */
    @CompilationFinal private Region region;
    @CompilationFinal private int regionsTried;

    private AccessRun(GuestMemory mem, int base, long lo, long hi, boolean loads, boolean stores) {
        this.mem = mem;
        this.base = base;
        this.lo = lo;
        this.hi = hi;
        this.size = (int) (hi - lo);
        this.loads = loads;
        this.stores = stores;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        if (disabled) {
            return;
        }
        long start = x(regs, hart, base) + lo;
        Region r = region;
        if (r == null || !r.holds(start, size)) {
            checkOutsideRegion(start);
        }
    }

    private void checkOutsideRegion(long start) {
        if (regionsTried < MemoryAccessNode.MAX_REGIONS) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            pickRegion(start);
        }
        if (!mem.runAccessible(start, start + size, loads, stores)) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            disabled = true;
        }
    }

    private synchronized void pickRegion(long start) {
        regionsTried++;
        Region r = mem.regionAround(start, size, loads, stores);
        if (r != null) {
            region = r;
        }
    }

    /** Whether the accesses of this run may skip their own checks (the run's check just passed). */
    boolean checked() {
        return !disabled;
    }

    /**
     * Groups a block's accesses into runs and puts each run's check before its first access.
     * An access joins the open run of its base register unless the run would then span more
     * than a page. {@code addi r,r,k} moves the open run of r along (the later accesses'
     * offsets count from r's value at the check); any other instruction that may write a
     * register closes that register's run. Runs of one access are left alone.
     */
    static List<InsnNode> insertChecks(GuestMemory mem, List<InsnNode> body, List<Integer> writtenRegs) {
        List<Builder> runs = new ArrayList<>();
        Builder[] open = new Builder[32];
        for (int i = 0; i < body.size(); i++) {
            InsnNode insn = body.get(i);
            if (insn instanceof MemoryAccessNode access && access.rs1 != 0) {
                int b = access.rs1;
                Builder run = open[b];
                long from = access.imm + (run == null ? 0 : run.moved);
                long to = from + access.width.size;
                if (run == null || Math.max(run.hi, to) - Math.min(run.lo, from) > GuestMemory.PAGE_SIZE) {
                    // A new run: offsets count from the base register's value at its own check.
                    from = access.imm;
                    to = from + access.width.size;
                    run = new Builder(b, i, from, to);
                    open[b] = run;
                    runs.add(run);
                }
                run.add(access, from, to);
            }
            int written = writtenRegs.get(i);
            if (written > 0 && open[written] != null) {
                if (insn instanceof IntImmNode add && add.addsToItself()) {
                    open[written].moved += add.addend();
                } else {
                    open[written] = null;
                }
            }
        }
        List<InsnNode> out = new ArrayList<>(body);
        for (int k = runs.size() - 1; k >= 0; k--) {
            Builder run = runs.get(k);
            if (run.members.size() < 2) {
                continue;
            }
            AccessRun check = new AccessRun(mem, run.base, run.lo, run.hi, run.loads, run.stores);
            for (MemoryAccessNode member : run.members) {
                member.joinRun(check);
            }
            out.add(run.first, check);
        }
        return out;
    }

    private static final class Builder {
        final int base;
        final int first;
        /** What addi added to the base register since the check. */
        long moved;
        long lo;
        long hi;
        boolean loads;
        boolean stores;
        final List<MemoryAccessNode> members = new ArrayList<>();

        Builder(int base, int first, long lo, long hi) {
            this.base = base;
            this.first = first;
            this.lo = lo;
            this.hi = hi;
        }

        void add(MemoryAccessNode access, long from, long to) {
            lo = Math.min(lo, from);
            hi = Math.max(hi, to);
            if (access.isStore()) {
                stores = true;
            } else {
                loads = true;
            }
            members.add(access);
        }
    }
}
