package org.rvtrace.language.tracing;

import org.rvtrace.language.runtime.Hart;

/**
 * Host code that guest code can call like a function: {@link TracingHost#hostFunction} gives
 * it a guest address. The guest calls it with the usual calling convention (arguments in
 * a0..a7, return address in ra); the function reads and writes the hart's registers, and
 * control returns to ra as from any leaf function.
 *
 * <p>A host function runs inside guest code that may be compiled: keep it small, and put
 * I/O and other work Graal should not inline behind a {@code @TruffleBoundary}. One that
 * only reads its arguments is better written as a {@link HostProcedure}: compiled code then
 * passes them as values, without writing its registers back to the hart around the call.
 */
@FunctionalInterface
public interface HostFunction {
    void call(Hart hart);

    /**
     * Whether the function may read or write guest memory (through {@code GuestMemory} or a
     * system call). Compiled guest code writes the stores it deferred (a trampoline's frame
     * saves) before a call of one that may, and forgets what it knows about the caller's stack
     * slots (see the stack-slot forwarding in the language's nodes).
     */
    default boolean touchesGuestMemory() {
        return true;
    }

    /** fn, declared to read and write registers and host state only, never to read or write guest memory. */
    static HostFunction leavingMemoryAlone(HostFunction fn) {
        return new HostFunction() {
            @Override
            public void call(Hart hart) {
                fn.call(hart);
            }

            @Override
            public boolean touchesGuestMemory() {
                return false;
            }
        };
    }
}
