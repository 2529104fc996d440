package org.rvtrace.language.tracing;

/**
 * Adds tracing to guest processes. Found with {@link java.util.ServiceLoader} (the
 * ftrace-runtime module provides one), so the language knows nothing of how tracing works:
 * it only offers the {@link TracingHost} services.
 */
public interface TracingProvider {
    /**
     * Called once per process after the program is loaded and before its first instruction.
     * Returns the tracing state of the process, or null when the options ask for nothing.
     * Throws {@link org.rvtrace.language.runtime.RiscvError} for options it cannot honour.
     */
    GuestTracing attach(TracingHost host);
}
