package org.rvtrace.language.tracing;

import org.rvtrace.language.runtime.Hart;

/**
 * Host code that guest code can call like a function: {@link TracingHost#hostFunction} gives
 * it a guest address. The guest calls it with the usual calling convention (arguments in
 * a0..a7, return address in ra); the function reads and writes the hart's registers, and
 * control returns to ra as from any leaf function.
 *
 * <p>A host function runs inside guest code that may be compiled: keep it small, and put
 * I/O and other work Graal should not inline behind a {@code @TruffleBoundary}.
 */
@FunctionalInterface
public interface HostFunction {
    void call(Hart hart);
}
