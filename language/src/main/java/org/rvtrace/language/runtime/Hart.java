package org.rvtrace.language.runtime;

import org.rvtrace.language.RiscvContext;
import org.rvtrace.language.fp.FloatFlags;

/** One hardware thread's architectural state: registers (see {@link Registers}), fcsr, reservation, call bookkeeping. */
public final class Hart extends Registers {
    /** Marks "no caller expects a return": pcs are 2-byte aligned, so it never matches. */
    public static final long NO_RETURN = 1;
    /** {@link #NO_RETURN} as a function root's link argument. */
    public static final Long NO_RETURN_LINK = NO_RETURN;
    public final FloatFlags fflags = new FloatFlags();
    /** fcsr.frm: the dynamic rounding mode. */
    public int frm;

    /** Guest calls currently on the Java stack; bounded so deep guest recursion never overflows it. */
    public int depth;
    /** linkStack[i]: the return address the i-th function root on the Java stack was called with. */
    public final long[] linkStack;
    /** The pc of the instruction a system call or fault report is about. */
    public long pc;

    /** LR/SC reservation: address (or -1) and the value loaded. */
    public long reservedAddr = -1;
    public long reservedValue;

    public final RiscvContext context;
    public final int tid;
    /** set_tid_address / CLONE_CHILD_CLEARTID: zeroed and futex-woken when the thread ends (0: none). */
    public long clearChildTid;
    /** The tracing runtime's per-hart state (shadow stack, recursion guard); null until it needs one. */
    public Object tracing;

    public Hart(RiscvContext context, int tid, int maxDepth) {
        this.context = context;
        this.tid = tid;
        this.linkStack = new long[maxDepth];
    }

    /** Does a function root further up the Java stack (below {@code depth}) continue at pc? */
    public boolean expectedAbove(long pc, int depth) {
        for (int i = depth - 1; i >= 0; i--) {
            if (linkStack[i] == pc) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new hart for a thread clone(2) makes: this hart's registers and fcsr (the caller sets
     * a0, sp and tp as clone says), its own call bookkeeping, reservation and tracing state.
     */
    public Hart cloneForThread(int newTid) {
        Hart h = new Hart(context, newTid, linkStack.length);
        for (int r = 1; r < 32; r++) {
            h.setX(r, getX(r));
        }
        for (int r = 0; r < 32; r++) {
            h.setF(r, getF(r));
        }
        h.setFcsr(fcsr());
        return h;
    }

    public int fcsr() {
        return (frm << 5) | (fflags.bits & 0x1f);
    }

    public void setFcsr(int value) {
        fflags.bits = value & 0x1f;
        frm = (value >>> 5) & 0x7;
    }
}
