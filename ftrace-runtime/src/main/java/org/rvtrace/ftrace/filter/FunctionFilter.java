package org.rvtrace.ftrace.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides which functions a tracer traces, from the contents of a
 * {@code set_ftrace_filter} list and a {@code set_ftrace_notrace} list.
 *
 * <h2>Semantics</h2>
 * Each list is a sequence of lines; a line is a {@link Glob} pattern,
 * optionally prefixed with {@code !}. A list defines a set of functions by
 * applying its lines in order, as Linux does for successive writes to the
 * file: a plain line adds every function it matches, a {@code !} line
 * removes every function it matches. Evaluated for one function, the last
 * line that matches it decides.
 * <ul>
 *   <li>The <b>filter</b> set starts empty if the list has at least one
 *       plain line, and starts as <em>all functions</em> if it has none
 *       (an empty list, or only {@code !} lines). So {@code []} traces
 *       everything, {@code ["!main"]} and {@code ["*", "!main"]} both trace
 *       everything but {@code main}, {@code ["fib", "main", "!main"]} traces
 *       only {@code fib}, and {@code ["!fib", "fib"]} traces only
 *       {@code fib}.</li>
 *   <li>The <b>notrace</b> set always starts empty. So
 *       {@code ["mem*", "!memcpy"]} excludes every {@code mem*} function
 *       except {@code memcpy}.</li>
 *   <li>A function is traced if it is in the filter set and not in the
 *       notrace set: notrace wins.</li>
 * </ul>
 *
 * <h2>Differences from Linux</h2>
 * Linux keeps only the resulting set, and an empty filter hash means
 * "trace everything". Hence in Linux {@code echo '!main' > set_ftrace_filter}
 * leaves an empty hash and traces <em>everything</em>, main included, and
 * a filter whose lines cancel out ({@code main} then {@code !main}) also
 * falls back to tracing everything. Here a list without plain lines means
 * "all but the {@code !} lines", and a list whose plain lines end up
 * selecting nothing traces nothing; both are what a user writing the list
 * at once means. Linux's {@code :mod:}, {@code :command} and numeric-index
 * forms are not supported (a {@code :} is an ordinary character).
 */
public final class FunctionFilter {

    /** A filter that traces every function. */
    public static final FunctionFilter ALL = new FunctionFilter(List.of(), List.of());

    private final List<Line> filter;
    private final List<Line> notrace;
    /** Whether the filter set starts as "all": true when it has no plain line. */
    private final boolean filterStartsFull;

    /**
     * Builds a filter.
     *
     * @param filter  lines of {@code set_ftrace_filter}, applied in order
     * @param notrace lines of {@code set_ftrace_notrace}, applied in order
     * @throws IllegalArgumentException if a line is empty, is a lone
     *         {@code !}, or contains whitespace
     */
    public FunctionFilter(List<String> filter, List<String> notrace) {
        this.filter = parseAll(Objects.requireNonNull(filter, "filter"), "set_ftrace_filter");
        this.notrace = parseAll(Objects.requireNonNull(notrace, "notrace"), "set_ftrace_notrace");
        this.filterStartsFull = this.filter.stream().allMatch(Line::negated);
    }

    /**
     * Tells whether a function is traced.
     *
     * @param function the symbol name
     * @return true if the filter selects it and notrace does not
     */
    public boolean traces(String function) {
        Objects.requireNonNull(function, "function");
        return evaluate(filter, filterStartsFull, function) && !evaluate(notrace, false, function);
    }

    /** Applies the lines in order to one function; the last matching line decides. */
    private static boolean evaluate(List<Line> lines, boolean initially, String function) {
        boolean in = initially;
        for (Line line : lines) {
            if (line.glob().matches(function)) {
                in = !line.negated();
            }
        }
        return in;
    }

    private static List<Line> parseAll(List<String> lines, String file) {
        List<Line> parsed = new ArrayList<>(lines.size());
        for (String text : lines) {
            Objects.requireNonNull(text, () -> file + " line");
            boolean negated = text.startsWith("!");
            String body = negated ? text.substring(1) : text;
            if (negated && body.isEmpty()) {
                throw new IllegalArgumentException(file + ": \"!\" needs a pattern after it, e.g. \"!main\"");
            }
            try {
                parsed.add(new Line(negated, Glob.parse(body)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(parsed);
    }

    /** The set_ftrace_filter lines, as given. */
    public List<String> filter() {
        return filter.stream().map(Line::toString).toList();
    }

    /** The set_ftrace_notrace lines, as given. */
    public List<String> notrace() {
        return notrace.stream().map(Line::toString).toList();
    }

    @Override
    public String toString() {
        return "FunctionFilter[filter=" + filter + ", notrace=" + notrace + "]";
    }

    /** One list line: a pattern and whether it removes ({@code !}) rather than adds. */
    private record Line(boolean negated, Glob glob) {
        @Override
        public String toString() {
            return (negated ? "!" : "") + glob;
        }
    }
}
