package org.rvtrace.language.nodes;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.Hart;

/**
 * One check for several loads and stores of a block: those that address memory from the
 * same base register while the block does not change it, such as a prologue's saves of
 * callee-saved registers ({@code sd s0,80(sp); sd s1,72(sp); ...}) or the register frame an
 * ftrace trampoline builds. This node sits before the first of them and checks the whole
 * range they touch (at most a page, so at most two pages to look at); when it passes, the
 * accesses go straight to host memory, each without its own window and page check.
 *
 * <p>If the check ever fails (the range reaches an unmapped or read-only page, or a page
 * with translated code or watched words, where a store must be seen), the run is disabled
 * for good and its accesses check themselves again, so faults and code writes are reported
 * exactly at the instruction that makes them.
 */
public final class AccessRun extends InsnNode {
    private final GuestMemory mem;
    private final int base;
    private final long lo;
    private final long hi;
    private final boolean loads;
    private final boolean stores;
    /** Set once the check failed; the accesses then check themselves. */
    @CompilationFinal private boolean disabled;

    private AccessRun(GuestMemory mem, int base, long lo, long hi, boolean loads, boolean stores) {
        this.mem = mem;
        this.base = base;
        this.lo = lo;
        this.hi = hi;
        this.loads = loads;
        this.stores = stores;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        if (disabled) {
            return;
        }
        long address = x(regs, hart, base);
        if (!mem.runAccessible(address + lo, address + hi, loads, stores)) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            disabled = true;
        }
    }

    /** Whether the accesses of this run may skip their own checks (the run's check just passed). */
    boolean checked() {
        return !disabled;
    }

    /**
     * Groups a block's accesses into runs and puts each run's check before its first access.
     * An access joins the open run of its base register unless the run would then span more
     * than a page; any instruction that may write a register closes that register's run.
     * Runs of one access are left alone.
     */
    static List<InsnNode> insertChecks(GuestMemory mem, List<InsnNode> body, List<Integer> writtenRegs) {
        List<Builder> runs = new ArrayList<>();
        Builder[] open = new Builder[32];
        for (int i = 0; i < body.size(); i++) {
            InsnNode insn = body.get(i);
            if (insn instanceof MemoryAccessNode access && access.rs1 != 0) {
                int b = access.rs1;
                long from = access.imm;
                long to = from + access.width.size;
                Builder run = open[b];
                if (run == null || Math.max(run.hi, to) - Math.min(run.lo, from) > GuestMemory.PAGE_SIZE) {
                    run = new Builder(b, i, from, to);
                    open[b] = run;
                    runs.add(run);
                }
                run.add(access, from, to);
            }
            int written = writtenRegs.get(i);
            if (written > 0) {
                open[written] = null;
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
