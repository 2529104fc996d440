package org.rvtrace.language.tracing;

import org.rvtrace.language.runtime.Hart;

/**
 * A host function that takes its arguments as values: it reads no register but a0..a3,
 * writes none, and returns to ra, like ftrace's {@code ftrace_func_t(ip, parent_ip, op,
 * fregs)}. Compiled guest code calls it with the arguments where it keeps them (machine
 * registers), without writing its registers back to the hart first and reading them again
 * after: for an ftrace callback, the trampoline's whole register traffic around the call.
 *
 * <p>The body may read the hart's other state (its tracing state, its thread id); it must
 * not read or write the hart's registers. One made with {@link #of} may read and write guest
 * memory (fregs, for one): compiled code writes the trampoline's deferred frame saves before
 * calling it. One made with {@link #leavingMemoryAlone} promises to do neither, and the
 * saves then never reach memory (they are dropped with the trampoline's popped frame).
 */
public final class HostProcedure implements HostFunction {
    private static final int A0 = 10;

    @FunctionalInterface
    public interface Body {
        void call(Hart hart, long a0, long a1, long a2, long a3);
    }

    private final Body body;
    private final boolean touchesGuestMemory;

    private HostProcedure(Body body, boolean touchesGuestMemory) {
        this.body = body;
        this.touchesGuestMemory = touchesGuestMemory;
    }

    /** A procedure that may read or write guest memory (fregs, for one). */
    public static HostProcedure of(Body body) {
        return new HostProcedure(body, true);
    }

    /** A procedure declared to use its arguments and host state only, never to read or write guest memory (see {@link HostFunction#touchesGuestMemory}). */
    public static HostProcedure leavingMemoryAlone(Body body) {
        return new HostProcedure(body, false);
    }

    /** Called with its arguments as values (compiled code, and the interpreter's call sites). */
    public void call(Hart hart, long a0, long a1, long a2, long a3) {
        body.call(hart, a0, a1, a2, a3);
    }

    /** Called the general way (a jump to its stub, a call through the hart). */
    @Override
    public void call(Hart hart) {
        body.call(hart, hart.getX(A0), hart.getX(A0 + 1), hart.getX(A0 + 2), hart.getX(A0 + 3));
    }

    @Override
    public boolean touchesGuestMemory() {
        return touchesGuestMemory;
    }
}
