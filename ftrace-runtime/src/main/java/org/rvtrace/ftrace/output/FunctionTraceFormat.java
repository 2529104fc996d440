package org.rvtrace.ftrace.output;

import java.util.Objects;

/**
 * The text of Linux's {@code trace} file for the {@code function} tracer, as
 * Linux 6.x prints it with the default trace options (irq-info on,
 * print-parent on, record-tgid off, latency-format off).
 *
 * <p>The format comes from {@code trace_print_context} and
 * {@code trace_print_time} (kernel/trace/trace_output.c),
 * {@code print_fn_trace} (same file) and {@code print_func_help_header_irq}
 * (kernel/trace/trace.c). A line looks like
 * <pre>
 *               ls-63594   [003] ..... 13532.067988: mutex_unlock &lt;-rb_simple_write
 * </pre>
 * The flags column is always {@code .....}: a user-mode guest has no
 * interrupts, preemption count or migrate-disable state to report.
 */
public final class FunctionTraceFormat {

    /**
     * Linux's TASK_COMM_LEN is 16 including the terminating NUL, so the
     * command name it prints is at most 15 characters.
     */
    static final int COMM_MAX = 15;

    private static final String HEADER = """
            # tracer: function
            #
            #                                _-----=> irqs-off/BH-disabled
            #                               / _----=> need-resched
            #                              | / _---=> hardirq/softirq
            #                              || / _--=> preempt-depth
            #                              ||| / _-=> migrate-disable
            #                              |||| /     delay
            #           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION
            #              | |         |   |||||     |         |
            """;

    private FunctionTraceFormat() {
    }

    /**
     * The header block, each line ending in a newline.
     *
     * <p>Linux prints, between the {@code # tracer: function} / {@code #}
     * lines and the legend, an {@code # entries-in-buffer/entries-written:
     * N/M   #P:C} line followed by its own {@code #} separator. Both are
     * left out: the output is streamed, so the counts are unknown when the
     * header is written.
     *
     * @return the header, ending in a newline
     */
    public static String header() {
        return HEADER;
    }

    /**
     * One trace line, without its terminating newline.
     *
     * @param comm             the task's command name; truncated to 15
     *                         characters as Linux's comm is
     * @param pid              the task id
     * @param cpu              the CPU number
     * @param timestamp        the event time in trace-clock units
     * @param timestampIsNanos true if the clock counts nanoseconds (Linux's
     *                         {@code local}, {@code global}, {@code mono}...):
     *                         printed as seconds with 6 decimals, rounded to
     *                         the nearest microsecond as Linux's
     *                         {@code ns2usecs} does; false for a clock that
     *                         is not in ns (Linux's {@code counter}): the raw
     *                         count, right-aligned in 12 columns
     * @param function         the traced function
     * @param parent           its caller, or null/empty if unknown (Linux
     *                         omits the {@code <-parent} part when the parent
     *                         address is 0)
     * @return the line
     */
    public static String line(String comm, int pid, int cpu, long timestamp, boolean timestampIsNanos,
                              String function, String parent) {
        Objects.requireNonNull(comm, "comm");
        Objects.requireNonNull(function, "function");
        String shownComm = comm.length() > COMM_MAX ? comm.substring(0, COMM_MAX) : comm;
        StringBuilder sb = new StringBuilder(64 + function.length());
        // "%16s-%-7d " then "[%03d] " then the five lat-format flags.
        sb.append(String.format("%16s-%-7d [%03d] .....", shownComm, pid, cpu));
        appendTimestamp(sb, timestamp, timestampIsNanos);
        sb.append(": ").append(function);
        if (parent != null && !parent.isEmpty()) {
            sb.append(" <-").append(parent);
        }
        return sb.toString();
    }

    /** Linux's trace_print_time: " %5lu.%06lu" for ns clocks, " %12llu" otherwise (all unsigned). */
    private static void appendTimestamp(StringBuilder sb, long timestamp, boolean timestampIsNanos) {
        if (timestampIsNanos) {
            long usecs = nsToUsecsRounded(timestamp);
            String secs = Long.toUnsignedString(Long.divideUnsigned(usecs, 1_000_000L));
            long usecRem = Long.remainderUnsigned(usecs, 1_000_000L);
            sb.append(' ');
            pad(sb, 5 - secs.length());
            sb.append(secs).append('.');
            String rem = Long.toString(usecRem);
            for (int i = rem.length(); i < 6; i++) {
                sb.append('0');
            }
            sb.append(rem);
        } else {
            String raw = Long.toUnsignedString(timestamp);
            sb.append(' ');
            pad(sb, 12 - raw.length());
            sb.append(raw);
        }
    }

    /** Linux's ns2usecs: (ns + 500) / 1000 in unsigned 64-bit arithmetic. */
    static long nsToUsecsRounded(long ns) {
        return Long.divideUnsigned(ns + 500, 1000);
    }

    private static void pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
    }
}
