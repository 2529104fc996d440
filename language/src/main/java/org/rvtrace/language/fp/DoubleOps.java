package org.rvtrace.language.fp;

/**
 * RISC-V D extension arithmetic on raw binary64 register bits, bit-exact (result and fflags)
 * in every rounding mode. Flags are ORed into {@code flags}; {@code rm} is one of {@link Rm}.
 *
 * <p>Each operation first computes the round-to-nearest-even result with Java arithmetic, then
 * (when the operands and result are ordinary) measures the rounding error with an error-free
 * transformation to raise NX and to step to a directed-rounding neighbour. Special operands and
 * results that could overflow or be tiny take {@link SlowPath} (a Truffle boundary). Compares,
 * min/max, sign injection, classification and conversions are in {@link DoubleMisc}.
 */
public final class DoubleOps {
    static final long SIGN = 0x8000_0000_0000_0000L;

    /** Below this, a product's or quotient's error term may not be representable exactly. */
    private static final double EXACT_ERROR_MIN = 0x1p-960;
    /** At least 2 * MIN_NORMAL: a directed step from here cannot reach the subnormal range. */
    private static final double NORMAL_MIN = 0x1p-1021;
    /** Sums below this cannot overflow inside TwoSum. */
    private static final double SUM_MAX = 0x1p1020;

    private DoubleOps() {
    }

    public static long add(long a, long b, int rm, FloatFlags flags) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        double s = x + y;
        // Sums are never tiny-and-inexact (a subnormal sum is exact), so only huge/special go slow.
        // An exact zero sum is -0 in RDN, which Java's arithmetic does not know.
        if (Math.abs(s) <= SUM_MAX && (s != 0 || rm != Rm.RDN)) {
            return FastRound.finishDouble(s, FastRound.twoSumError(x, y, s), 0, rm, flags);
        }
        return SlowPath.add(a, b, FpFormat.DOUBLE, rm, flags);
    }

    public static long sub(long a, long b, int rm, FloatFlags flags) {
        return add(a, b ^ SIGN, rm, flags);
    }

    public static long mul(long a, long b, int rm, FloatFlags flags) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        double p = x * y;
        double mag = Math.abs(p);
        if (mag >= EXACT_ERROR_MIN && mag <= Double.MAX_VALUE) {
            return FastRound.finishDouble(p, Math.fma(x, y, -p), 0, rm, flags);
        }
        if (p == 0 && (x == 0 || y == 0)) {
            return Double.doubleToRawLongBits(p); // exact zero; sign is the XOR in every mode
        }
        return SlowPath.mul(a, b, FpFormat.DOUBLE, rm, flags);
    }

    public static long div(long a, long b, int rm, FloatFlags flags) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        double q = x / y;
        double mag = Math.abs(q);
        if (mag >= NORMAL_MIN && mag <= Double.MAX_VALUE && Math.abs(x) >= EXACT_ERROR_MIN) {
            // x - q*y is exact here; the exact quotient exceeds q iff it has the sign of y.
            // A quotient is never a midpoint, so the error's sign is all the rounding needs.
            double residual = Math.fma(-q, y, x);
            return FastRound.finishDouble(q, 0, FastRound.signStandIn(residual, y), rm, flags);
        }
        if (q == 0 && x == 0) {
            return Double.doubleToRawLongBits(q); // 0 / finite or 0 / inf: exact
        }
        return SlowPath.div(a, b, FpFormat.DOUBLE, rm, flags);
    }

    public static long sqrt(long a, int rm, FloatFlags flags) {
        double x = Double.longBitsToDouble(a);
        if (x >= EXACT_ERROR_MIN && x <= Double.MAX_VALUE) {
            double r = Math.sqrt(x);
            // x - r*r is exact; a square root is never a midpoint.
            return FastRound.finishDouble(r, 0, FastRound.signStandIn(Math.fma(-r, r, x), 1), rm, flags);
        }
        return SlowPath.sqrt(a, FpFormat.DOUBLE, rm, flags);
    }

    /** fmadd.d: a*b + c. */
    public static long fmadd(long a, long b, long c, int rm, FloatFlags flags) {
        return fma(a, b, c, rm, flags);
    }

    /** fmsub.d: a*b - c. */
    public static long fmsub(long a, long b, long c, int rm, FloatFlags flags) {
        return fma(a, b, c ^ SIGN, rm, flags);
    }

    /** fnmsub.d: -(a*b) + c. */
    public static long fnmsub(long a, long b, long c, int rm, FloatFlags flags) {
        return fma(a ^ SIGN, b, c, rm, flags);
    }

    /** fnmadd.d: -(a*b) - c. */
    public static long fnmadd(long a, long b, long c, int rm, FloatFlags flags) {
        return fma(a ^ SIGN, b, c ^ SIGN, rm, flags);
    }

    private static long fma(long a, long b, long c, int rm, FloatFlags flags) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        double z = Double.longBitsToDouble(c);
        double r = Math.fma(x, y, z);
        double p = x * y;
        double pMag = Math.abs(p);
        if (pMag >= EXACT_ERROR_MIN && pMag <= SUM_MAX && Math.abs(z) <= SUM_MAX && Math.abs(r) >= NORMAL_MIN) {
            return fmaFinish(x, y, z, p, r, rm, flags);
        }
        if (p == 0 && (x == 0 || y == 0) && z != 0 && Math.abs(z) <= Double.MAX_VALUE) {
            return c; // 0 * finite + c = c exactly
        }
        return SlowPath.fma(a, b, c, FpFormat.DOUBLE, rm, flags);
    }

    /**
     * The exact error of r = RNE(x*y + z) as a pair hi + lo (Boldo and Muller's ErrFma, with
     * TwoSum in place of its final Fast2Sum), valid as no step can underflow or overflow here.
     */
    private static long fmaFinish(double x, double y, double z, double p, double r, int rm, FloatFlags flags) {
        double pErr = Math.fma(x, y, -p); // x*y = p + pErr
        double alpha1 = z + pErr;
        double alpha2 = FastRound.twoSumError(z, pErr, alpha1);
        double beta1 = p + alpha1;
        double beta2 = FastRound.twoSumError(p, alpha1, beta1);
        double gamma = (beta1 - r) + beta2;
        double hi = gamma + alpha2;
        double lo = FastRound.twoSumError(gamma, alpha2, hi);
        return FastRound.finishDouble(r, hi, lo, rm, flags);
    }
}
