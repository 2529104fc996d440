package org.rvtrace.ftrace.output;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The table of Linux's function profiler, {@code trace_stat/function<cpu>}
 * ({@code function_stat_headers}, {@code function_stat_show} and
 * {@code function_stat_cmp} in kernel/trace/ftrace.c, sorted by
 * kernel/trace/trace_stat.c).
 *
 * <p>With the graph tracer compiled in, Linux times every function and
 * prints
 * <pre>
 *   Function                               Hit    Time            Avg             s^2
 *   --------                               ---    ----            ---             ---
 *   call_rcu_tasks_iw_wakeup             13217    19292.52 us     1.459 us        8.834 us
 * </pre>
 * where Linux pads the last column too, leaving trailing spaces (not shown
 * here). Without the graph tracer Linux only counts hits:
 * {@link #headerHitsOnly()} and {@link #rowHitsOnly}; use those when the
 * run's clock is {@code counter}, whose ticks are not time.
 *
 * <p>Rows are returned without their terminating newline; headers end in a
 * newline.
 */
public final class ProfileFormat {

    /**
     * One profiled function.
     *
     * @param function        the symbol name
     * @param hits            number of calls
     * @param totalNs         sum of the calls' durations, in nanoseconds
     * @param sumOfSquaresNs2 sum of the squared durations, in ns^2; a double
     *                        because it overflows a long after a few
     *                        seconds-long calls (integral values below
     *                        2^53 are exact)
     */
    public record Entry(String function, long hits, long totalNs, double sumOfSquaresNs2) {
        /** Checks the name is present and the hit count not negative. */
        public Entry {
            Objects.requireNonNull(function, "function");
            if (hits < 0) {
                throw new IllegalArgumentException("negative hit count " + hits + " for " + function);
            }
        }
    }

    private static final String HEADER =
            "  Function                               Hit    Time            Avg             s^2\n"
            + "  --------                               ---    ----            ---             ---\n";

    private static final String HEADER_HITS_ONLY =
            "  Function                               Hit\n"
            + "  --------                               ---\n";

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ProfileFormat() {
    }

    /**
     * The header of the timed table, as {@code function_stat_headers} prints it with the graph tracer.
     *
     * @return the two header lines, each ending in a newline
     */
    public static String header() {
        return HEADER;
    }

    /**
     * The header of the hits-only table, as {@code function_stat_headers} prints it without the graph tracer.
     *
     * @return the two header lines, each ending in a newline
     */
    public static String headerHitsOnly() {
        return HEADER_HITS_ONLY;
    }

    /**
     * One row of the timed table: {@code "  %-30.30s  %10lu    "} then the
     * total time, the average and the sample variance s^2, each printed by
     * {@link GraphTraceFormat#duration} and separated by 4 spaces. As in
     * Linux, s^2 is {@code (n*sum(x^2) - sum(x)^2) / (n*(n-1))} in ns^2, divided by
     * 1000 once before the duration printer divides by 1000 again, so it
     * is shown in us^2 but labelled "us"; it is 0 for a single hit. The
     * average and s^2 are truncated as Linux's integer division truncates.
     * Unlike Linux, the arithmetic is exact (Linux wraps in 64 bits once
     * the total passes about 4.3 s); a variance beyond the range of a long
     * is shown as {@link Long#MAX_VALUE}.
     *
     * @param function        the symbol name; longer names are cut to 30
     *                        characters as Linux does
     * @param hits            number of calls, at least 1 (Linux never
     *                        shows a function without hits)
     * @param totalNs         sum of durations, ns
     * @param sumOfSquaresNs2 sum of squared durations, ns^2
     * @return the row, with Linux's trailing padding
     */
    public static String row(String function, long hits, long totalNs, double sumOfSquaresNs2) {
        requirePositiveHits(function, hits);
        long avg = Long.divideUnsigned(totalNs, hits);
        long s2 = variance(hits, totalNs, sumOfSquaresNs2);
        return nameAndHits(function, hits)
                + "    " + GraphTraceFormat.duration(totalNs)
                + "    " + GraphTraceFormat.duration(avg)
                + "    " + GraphTraceFormat.duration(s2);
    }

    /**
     * One row of the timed table.
     *
     * @param entry the profiled function
     * @return the row
     * @see #row(String, long, long, double)
     */
    public static String row(Entry entry) {
        return row(entry.function(), entry.hits(), entry.totalNs(), entry.sumOfSquaresNs2());
    }

    /**
     * One row of the hits-only table: {@code "  %-30.30s  %10lu"}.
     *
     * @param function the symbol name, cut to 30 characters
     * @param hits     number of calls, at least 1
     * @return the row
     */
    public static String rowHitsOnly(String function, long hits) {
        requirePositiveHits(function, hits);
        return nameAndHits(function, hits);
    }

    /**
     * The order in which Linux lists the rows: descending by total time
     * when functions are timed (the graph tracer is built in), descending
     * by hits otherwise (the {@code counter} clock here). This comparator
     * looks at that key only; see {@link #sort} for ties.
     *
     * @param byTime true to order by total time, false by hits
     * @return a comparator putting the larger key first
     */
    public static Comparator<Entry> order(boolean byTime) {
        Comparator<Entry> ascending = byTime
                ? (a, b) -> Long.compareUnsigned(a.totalNs(), b.totalNs())
                : (a, b) -> Long.compare(a.hits(), b.hits());
        return ascending.reversed();
    }

    /**
     * Sorts entries as Linux's trace_stat does. Linux inserts the records,
     * in the order the functions were first hit, into a red-black tree
     * that sends an equal key to the left, then reads the tree from the
     * left: the largest key comes first and, among equal keys, the function
     * first hit <em>last</em> comes first. Given entries in first-hit order,
     * this method reproduces that order exactly.
     *
     * @param entries profiled functions, in first-hit order
     * @param byTime  true to order by total time, false by hits
     * @return a new sorted list
     */
    public static List<Entry> sort(Collection<Entry> entries, boolean byTime) {
        List<Entry> sorted = new ArrayList<>(entries);
        Collections.reverse(sorted);
        sorted.sort(order(byTime)); // stable: equal keys keep the reversed order
        return sorted;
    }

    private static void requirePositiveHits(String function, long hits) {
        Objects.requireNonNull(function, "function");
        if (hits < 1) {
            throw new IllegalArgumentException("a profile row needs at least one hit, got " + hits
                    + " for " + function);
        }
    }

    /** "  %-30.30s  %10lu": the name cut and left-aligned to 30, the count right-aligned to 10. */
    private static String nameAndHits(String function, long hits) {
        String name = function.length() > 30 ? function.substring(0, 30) : function;
        return String.format("  %-30s  %10d", name, hits);
    }

    /**
     * s^2 scaled as function_stat_show does:
     * (n*sum(x^2) - sum(x)^2) / (n*(n-1)*1000), exact, clamped to [0, Long.MAX_VALUE].
     */
    static long variance(long hits, long totalNs, double sumOfSquaresNs2) {
        if (hits <= 1) {
            return 0;
        }
        if (!Double.isFinite(sumOfSquaresNs2) || sumOfSquaresNs2 < 0) {
            throw new IllegalArgumentException("sum of squares must be finite and non-negative, got "
                    + sumOfSquaresNs2);
        }
        BigInteger n = BigInteger.valueOf(hits);
        BigInteger total = new BigInteger(Long.toUnsignedString(totalNs));
        BigInteger sumSq = new BigDecimal(sumOfSquaresNs2).toBigInteger();
        BigInteger numerator = n.multiply(sumSq).subtract(total.multiply(total));
        if (numerator.signum() <= 0) {
            return 0; // only rounding in the caller's sums can make it negative
        }
        BigInteger denominator = n.multiply(n.subtract(BigInteger.ONE)).multiply(BigInteger.valueOf(1000));
        BigInteger s2 = numerator.divide(denominator);
        return s2.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : s2.longValue();
    }
}
