package org.rvtrace.language.fp;

/**
 * Fast-path rounding. The JVM computes every operation in round-to-nearest-even; the callers also
 * compute (cheaply, with error-free transformations) how far the exact result x lies from that
 * rounded value. From the rounded value and the sign/size of that error these helpers derive the
 * result in any rounding mode together with NX and OF. Callers guarantee the result is far enough
 * from the subnormal range that it can be neither tiny nor (after a directed step) subnormal.
 *
 * <p>The error is given as {@code hi + lo} where only {@code hi}'s magnitude matters and {@code lo}
 * only breaks ties: {@code x - r} has the sign of {@code hi}, or of {@code lo} when {@code hi == 0};
 * {@code |x - r|} compares with a half-gap like {@code |hi|}, unless equal, when {@code lo} decides.
 * A caller that only knows the sign of the error passes {@code hi = 0} and a stand-in of that sign
 * as {@code lo} ({@link #signStandIn}); that is only valid when x cannot be a midpoint, as for
 * division and square root.
 */
final class FastRound {
    private FastRound() {
    }

    /** r = RNE(x) as a double; returns round(x, rm) as binary64 bits. */
    static long finishDouble(double r, double hi, double lo, int rm, FloatFlags flags) {
        if (hi == 0 && lo == 0) {
            return Double.doubleToRawLongBits(r);
        }
        flags.bits |= FloatFlags.NX;
        if (rm == Rm.RNE) {
            return Double.doubleToRawLongBits(r);
        }
        return Double.doubleToRawLongBits(directed(r, hi, lo, rm, flags));
    }

    /** Moves RNE(x) to the neighbour selected by a rounding mode other than RNE. */
    private static double directed(double r, double hi, double lo, int rm, FloatFlags flags) {
        boolean above = hi != 0 ? hi > 0 : lo > 0; // x > r
        double n = above ? Math.nextUp(r) : Math.nextDown(r); // x lies strictly between r and n
        double pick = switch (rm) {
            case Rm.RTZ -> Math.abs(n) < Math.abs(r) ? n : r;
            case Rm.RDN -> Math.min(r, n);
            case Rm.RUP -> Math.max(r, n);
            default -> { // RMM differs from RNE only when RNE broke a tie towards zero
                boolean tie = lo == 0 && Math.abs(hi) == Math.abs(n - r) * 0.5;
                yield tie && Math.abs(n) > Math.abs(r) ? n : r;
            }
        };
        if (Double.isInfinite(pick)) {
            flags.bits |= FloatFlags.OF;
        }
        return pick;
    }

    /** True when a binary32 result near s is surely normal and finite (see {@link #toSingle}). */
    static boolean singleInRange(double s) {
        double m = Math.abs(s);
        return m >= 0x1p-125 && m <= Float.MAX_VALUE;
    }

    /**
     * Rounds x = s + lo to binary32, where s = RNE(x) in binary64 and lo is the exact error
     * x - s, or a stand-in of its sign when x cannot be a binary32 midpoint. Requires
     * {@link #singleInRange}(s). Rounding s again to binary32 could only go wrong when s is exactly
     * a binary32 midpoint (double rounding); lo decides that case.
     */
    static int toSingle(double s, double lo, int rm, FloatFlags flags) {
        float f = (float) s;
        double d = s - f; // exact
        if (d == 0 && lo == 0) {
            return Float.floatToRawIntBits(f);
        }
        flags.bits |= FloatFlags.NX;
        boolean above = d != 0 ? d > 0 : lo > 0; // x > f
        float n = above ? Math.nextUp(f) : Math.nextDown(f); // x lies strictly between f and n
        double half = Math.abs((double) n - f) * 0.5;
        double ad = Math.abs(d);
        int cmp = ad < half ? -1 : ad > half ? 1 : lo == 0 ? 0 : (lo > 0) == above ? 1 : -1; // |x-f| vs half
        float pick = switch (rm) {
            case Rm.RNE -> cmp > 0 || (cmp == 0 && (Float.floatToRawIntBits(f) & 1) != 0) ? n : f;
            case Rm.RMM -> cmp > 0 || (cmp == 0 && Math.abs(n) > Math.abs(f)) ? n : f;
            case Rm.RTZ -> Math.abs(n) < Math.abs(f) ? n : f;
            case Rm.RDN -> Math.min(f, n);
            default -> Math.max(f, n); // RUP
        };
        if (Float.isInfinite(pick)) {
            flags.bits |= FloatFlags.OF;
        }
        return Float.floatToRawIntBits(pick);
    }

    /** The rounding error of s = a + b (Knuth's TwoSum): a + b = s + twoSumError(a, b, s) exactly. */
    static double twoSumError(double a, double b, double s) {
        double bVirtual = s - a;
        double aVirtual = s - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }

    /**
     * A {@code lo} stand-in (with {@code hi = 0}) for an error whose sign is that of
     * {@code residual * divisor}: for a quotient q of x/y the residual x - q*y, for a root r of x
     * the residual x - r*r with divisor 1.
     */
    static double signStandIn(double residual, double divisor) {
        if (residual == 0) {
            return 0;
        }
        return (residual > 0) == (divisor > 0) ? 1.0 : -1.0;
    }
}
