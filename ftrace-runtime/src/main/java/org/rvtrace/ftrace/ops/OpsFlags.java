package org.rvtrace.ftrace.ops;

/** The ftrace_ops flags rvtrace models, with Linux's bit values (include/linux/ftrace.h). */
public final class OpsFlags {
    private OpsFlags() {
    }

    /**
     * The ops lives in memory that may go away (Linux sets it for every ops outside the core
     * kernel's data: a module's, a BPF trampoline's). The old scheme never calls such an ops
     * directly from its one trampoline, even when it is the only one registered: it goes
     * through the list function (ftrace_ops_get_list_func). CALL_OPS sites may still point
     * their literal at it.
     */
    public static final long DYNAMIC = 1L << 1;
    /** The callback wants all registers (pt_regs), not only the argument registers. */
    public static final long SAVE_REGS = 1L << 2;
    /** ftrace must guard the callback against recursion (the callback may run traced code). */
    public static final long RECURSION = 1L << 4;
    /** Internal ops of ftrace itself (nop_ops, list_ops). */
    public static final long STUB = 1L << 5;
    /** The callback may change where execution continues (fregs->epc); one such ops per function. */
    public static final long IPMODIFY = 1L << 12;
    /** The ops has a direct trampoline (direct_call) instead of, or besides, a callback. */
    public static final long DIRECT = 1L << 17;

    /** Whether a site traced by this ops alone still needs the list function as a wrapper. */
    public static boolean needsWrapper(long flags) {
        return (flags & RECURSION) != 0;
    }

    /** Whether the old scheme's trampoline must reach this ops, even alone, through the list function. */
    public static boolean needsListFunction(long flags) {
        return (flags & (DYNAMIC | RECURSION)) != 0;
    }

    public static String describe(long flags) {
        StringBuilder b = new StringBuilder();
        append(b, flags, DYNAMIC, "DYNAMIC");
        append(b, flags, SAVE_REGS, "SAVE_REGS");
        append(b, flags, RECURSION, "RECURSION");
        append(b, flags, STUB, "STUB");
        append(b, flags, IPMODIFY, "IPMODIFY");
        append(b, flags, DIRECT, "DIRECT");
        return b.isEmpty() ? "0" : b.toString();
    }

    private static void append(StringBuilder b, long flags, long bit, String name) {
        if ((flags & bit) != 0) {
            if (!b.isEmpty()) {
                b.append('|');
            }
            b.append(name);
        }
    }
}
