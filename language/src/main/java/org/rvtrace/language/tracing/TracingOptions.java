package org.rvtrace.language.tracing;

import java.util.List;

/**
 * The riscv.Ftrace* language options, parsed. The language declares them (options belong to
 * a language), the tracing provider gives them meaning.
 *
 * @param tracer     "nop" (sites prepared, nothing traced), "function", "function_graph" or "profile"; null when unset
 * @param output     file for the trace, or null for the guest's stderr
 * @param filter     globs of functions to trace (empty: all)
 * @param notrace    globs of functions never to trace (wins over filter)
 * @param scheme     "call-ops", "call-ops-2023" or "list"
 * @param listSites  print every patch site and its state before the program runs
 * @param clock      "local" (nanoseconds since start) or "counter" (a count of events, for reproducible traces)
 * @param tracingOn  whether tracing starts switched on (as /sys/kernel/tracing/tracing_on)
 * @param sample     a built-in sample to load, like a kernel sample module ("ftrace-ops:relevant=1,irrelevant=10"), or null
 */
public record TracingOptions(String tracer, String output, List<String> filter, List<String> notrace, String scheme,
                boolean listSites, String clock, boolean tracingOn, String sample) {

    /** Whether any option asks for tracing work at all. */
    public boolean anything() {
        return tracer != null || listSites || !filter.isEmpty() || !notrace.isEmpty() || output != null || sample != null;
    }
}
