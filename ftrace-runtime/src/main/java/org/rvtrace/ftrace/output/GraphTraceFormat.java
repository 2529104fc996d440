package org.rvtrace.ftrace.output;

import java.util.Objects;

/**
 * The text of Linux's {@code trace} file for the {@code function_graph}
 * tracer, with Linux's default options: funcgraph-cpu and
 * funcgraph-overhead on, funcgraph-proc, funcgraph-abstime and
 * latency-format off; funcgraph-duration and funcgraph-tail are
 * configurable.
 *
 * <p>The format comes from kernel/trace/trace_functions_graph.c
 * ({@code print_graph_cpu}, {@code print_graph_duration},
 * {@code trace_print_graph_duration}, {@code print_graph_entry_leaf},
 * {@code print_graph_entry_nested}, {@code print_graph_return},
 * {@code __print_graph_headers_flags}) and {@code trace_find_mark}
 * (kernel/trace/trace_output.c). Lines look like
 * <pre>
 *  0)               |  fib() {
 *  0)   0.125 us    |    leaf();
 *  0)   1.002 us    |  }
 * </pre>
 * With funcgraph-duration off, Linux drops the whole duration column,
 * including its {@code |} separator, so the call tree starts right after
 * the CPU column: <code>" 0) fib() {"</code>.
 *
 * <p>Line builders return one line without its terminating newline.
 */
public final class GraphTraceFormat {

    /** Linux's TRACE_GRAPH_INDENT: spaces per call depth. */
    private static final int INDENT = 2;

    /** print_graph_duration's FLAGS_FILL_FULL: an empty duration column. */
    private static final String EMPTY_DURATION = "              |  ";

    /** trace_find_mark's thresholds (exclusive), ascending, and their marks. */
    private static final long[] MARK_BOUNDS_NS = {10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L};
    private static final char[] MARKS = {'+', '!', '#', '*', '@', '$'};

    private final boolean durations;
    private final boolean funcgraphTail;
    private final int cpuWidth;

    /** Linux's defaults: durations shown, no tail comments, one CPU. */
    public GraphTraceFormat() {
        this(true, false, 1);
    }

    /**
     * A format for a one-CPU trace.
     *
     * @param durations     Linux's funcgraph-duration option (default on)
     * @param funcgraphTail Linux's funcgraph-tail option (default off): name
     *                      the function in a <code>/* fib *&#47;</code>
     *                      comment after every closing brace
     */
    public GraphTraceFormat(boolean durations, boolean funcgraphTail) {
        this(durations, funcgraphTail, 1);
    }

    /**
     * A format for a trace on {@code cpuCount} CPUs.
     *
     * @param durations     Linux's funcgraph-duration option
     * @param funcgraphTail Linux's funcgraph-tail option
     * @param cpuCount      number of possible CPUs; Linux pads the CPU
     *                      number to the width of the highest CPU id
     */
    public GraphTraceFormat(boolean durations, boolean funcgraphTail, int cpuCount) {
        if (cpuCount < 1) {
            throw new IllegalArgumentException("cpuCount must be at least 1, got " + cpuCount);
        }
        this.durations = durations;
        this.funcgraphTail = funcgraphTail;
        this.cpuWidth = Integer.toString(cpuCount - 1).length();
    }

    /**
     * The header block for this format's duration setting.
     *
     * @return the header, each line ending in a newline
     * @see #header(boolean)
     */
    public String header() {
        return header(durations);
    }

    /**
     * The header block as Linux prints it with the CPU column on:
     * <pre>
     * # tracer: function_graph
     * #
     * # CPU  DURATION                  FUNCTION CALLS
     * # |     |   |                     |   |   |   |
     * </pre>
     * Without durations the DURATION part of both column lines is left out,
     * as Linux does.
     *
     * @param durations whether the duration column is shown
     * @return the header, each line ending in a newline
     */
    public static String header(boolean durations) {
        StringBuilder sb = new StringBuilder(200);
        sb.append("# tracer: function_graph\n");
        sb.append("#\n");
        sb.append("# CPU");
        if (durations) {
            sb.append("  DURATION   ");
        }
        sb.append("               FUNCTION CALLS\n");
        sb.append("# |  ");
        if (durations) {
            sb.append("   |   |      ");
        }
        sb.append("               |   |   |   |\n");
        return sb.toString();
    }

    /**
     * The entry line of a function that calls others: <code>" 0)               |  fib() {"</code>.
     *
     * @param cpu      the CPU number
     * @param depth    call depth, 0 for the outermost traced call
     * @param function the function's name
     * @return the line
     */
    public String entry(int cpu, int depth, String function) {
        StringBuilder sb = prefix(cpu, depth);
        if (durations) {
            sb.append(EMPTY_DURATION);
        }
        indent(sb, depth);
        return sb.append(Objects.requireNonNull(function, "function")).append("() {").toString();
    }

    /**
     * The single line of a function that called no traced function:
     * {@code " 0)   0.125 us    |    leaf();"}.
     *
     * @param cpu        the CPU number
     * @param depth      call depth
     * @param function   the function's name
     * @param durationNs time between entry and return, in nanoseconds
     * @return the line
     */
    public String leaf(int cpu, int depth, String function, long durationNs) {
        StringBuilder sb = prefix(cpu, depth);
        appendDurationColumn(sb, durationNs);
        indent(sb, depth);
        return sb.append(Objects.requireNonNull(function, "function")).append("();").toString();
    }

    /**
     * The closing line of a function opened by {@link #entry}:
     * <code>" 0)   1.002 us    |  }"</code>, or <code>" 0)   1.002 us    |  } /* fib *&#47;"</code>
     * with funcgraph-tail.
     *
     * @param cpu        the CPU number
     * @param depth      the call depth given to the matching {@link #entry}
     * @param durationNs time between entry and return, in nanoseconds
     * @param function   the function's name, used by the tail comment
     * @return the line
     */
    public String exit(int cpu, int depth, long durationNs, String function) {
        StringBuilder sb = prefix(cpu, depth);
        appendDurationColumn(sb, durationNs);
        indent(sb, depth);
        if (funcgraphTail) {
            return sb.append("} /* ").append(Objects.requireNonNull(function, "function")).append(" */").toString();
        }
        return sb.append('}').toString();
    }

    /**
     * The closing line of a function that was left without returning, e.g.
     * by {@code longjmp} or a C++ exception unwinding through it. Linux has
     * no such line (its return hook always runs); this one keeps the braces
     * balanced and says what happened, with an empty duration column since
     * the function did not complete:
     * <code>" 0)               |  } /* fib (unwound) *&#47;"</code>.
     *
     * @param cpu      the CPU number
     * @param depth    the call depth given to the matching {@link #entry}
     * @param function the function's name
     * @return the line
     */
    public String unwound(int cpu, int depth, String function) {
        StringBuilder sb = prefix(cpu, depth);
        if (durations) {
            sb.append(EMPTY_DURATION);
        }
        indent(sb, depth);
        return sb.append("} /* ").append(Objects.requireNonNull(function, "function"))
                .append(" (unwound) */").toString();
    }

    /**
     * Linux's overhead mark for a duration (trace_find_mark): {@code '$'}
     * above 1 s, {@code '@'} above 100 ms, {@code '*'} above 10 ms,
     * {@code '#'} above 1 ms, {@code '!'} above 100 us, {@code '+'} above
     * 10 us, else a space. The bounds are exclusive.
     *
     * @param durationNs a duration in nanoseconds (unsigned)
     * @return the mark character
     */
    public static char overheadMark(long durationNs) {
        for (int i = MARK_BOUNDS_NS.length - 1; i >= 0; i--) {
            if (Long.compareUnsigned(durationNs, MARK_BOUNDS_NS[i]) > 0) {
                return MARKS[i];
            }
        }
        return ' ';
    }

    /**
     * A duration as Linux's {@code trace_print_graph_duration} prints it:
     * microseconds, with as many of the 3 sub-microsecond digits as fit in 7
     * characters (truncated, not rounded), then {@code " us "} and padding
     * to a constant width when the number is shorter than 8 characters.
     * E.g. 125 ns gives {@code "0.125 us    "}, 33998590 ns gives
     * {@code "33998.59 us "}, 3594274000 ns gives {@code "3594274 us  "}.
     *
     * @param durationNs a duration in nanoseconds (unsigned, as in Linux)
     * @return the text, with its trailing spaces
     */
    public static String duration(long durationNs) {
        long usecs = Long.divideUnsigned(durationNs, 1000);
        long nsecsRem = Long.remainderUnsigned(durationNs, 1000);
        String usecsStr = Long.toUnsignedString(usecs);
        StringBuilder sb = new StringBuilder(16).append(usecsStr);
        int len = usecsStr.length();
        if (len < 7) {
            // Linux snprintf()s "%03lu" into min(5, 8 - len) bytes including the NUL.
            int keep = Math.min(5, 8 - len) - 1;
            String nsecs = String.format("%03d", nsecsRem);
            nsecs = nsecs.substring(0, Math.min(keep, nsecs.length()));
            sb.append('.').append(nsecs);
            len += nsecs.length() + 1;
        }
        sb.append(" us ");
        for (int i = len; i < 8; i++) {
            sb.append(' ');
        }
        return sb.toString();
    }

    /** print_graph_duration with data: mark, space, duration, "|  "; nothing when durations are off. */
    private void appendDurationColumn(StringBuilder sb, long durationNs) {
        if (durations) {
            sb.append(overheadMark(durationNs)).append(' ').append(duration(durationNs)).append("|  ");
        }
    }

    /** print_graph_cpu: " %*d) " with the width of the highest CPU id. */
    private StringBuilder prefix(int cpu, int depth) {
        if (cpu < 0) {
            throw new IllegalArgumentException("negative cpu " + cpu);
        }
        if (depth < 0) {
            throw new IllegalArgumentException("negative call depth " + depth);
        }
        StringBuilder sb = new StringBuilder(48 + depth * INDENT);
        sb.append(' ');
        String id = Integer.toString(cpu);
        for (int i = id.length(); i < cpuWidth; i++) {
            sb.append(' ');
        }
        return sb.append(id).append(") ");
    }

    private static void indent(StringBuilder sb, int depth) {
        for (int i = 0; i < depth * INDENT; i++) {
            sb.append(' ');
        }
    }
}
