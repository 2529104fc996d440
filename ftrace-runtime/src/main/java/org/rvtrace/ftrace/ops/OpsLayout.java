package org.rvtrace.ftrace.ops;

/**
 * rvtrace's {@code struct ftrace_ops} in guest memory: the fields the trampolines and the
 * list function read. (Linux's struct has more; these are the ones the call path touches.)
 */
public final class OpsLayout {
    private OpsLayout() {
    }

    /** {@code void (*func)(ip, parent_ip, ops, fregs)}. */
    public static final int FUNC = 0;
    /** Next registered ops (ftrace_ops_list), 0 at the end. */
    public static final int NEXT = 8;
    public static final int FLAGS = 16;
    /** The direct trampoline, or 0: ftrace_caller jumps there at once, saving nothing. */
    public static final int DIRECT_CALL = 24;
    /** A small number rvtrace uses to find the Java side of the ops. */
    public static final int ID = 32;
    public static final int SIZE = 64;
}
