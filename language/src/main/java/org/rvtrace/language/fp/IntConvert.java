package org.rvtrace.language.fp;

/**
 * fcvt.{w,wu,l,lu}.{s,d}: floating-point to integer with RISC-V saturation. The value is first
 * rounded to an integral double per rm (exact: binary64 holds every integral binary32/binary64),
 * then range-checked. Out-of-range results and NaN raise NV only (no NX) and saturate: NaN and
 * values above the range give the largest integer, values below give the smallest (0 unsigned).
 * In-range results that differ from the operand raise NX. 32-bit results are sign-extended,
 * as fcvt.w and fcvt.wu write them to a 64-bit register.
 */
final class IntConvert {
    private static final double TWO_31 = 0x1p31;
    private static final double TWO_32 = 0x1p32;
    private static final double TWO_63 = 0x1p63;
    private static final double TWO_64 = 0x1p64;

    private IntConvert() {
    }

    static long toInt32(double x, int rm, FloatFlags flags) {
        double r = roundToIntegral(x, rm);
        if (r >= TWO_31 || x != x) {
            return invalid(flags, Integer.MAX_VALUE);
        }
        if (r < -TWO_31) {
            return invalid(flags, Integer.MIN_VALUE);
        }
        return exactOrInexact(x, r, flags, (long) r);
    }

    static long toUint32(double x, int rm, FloatFlags flags) {
        double r = roundToIntegral(x, rm);
        if (r >= TWO_32 || x != x) {
            return invalid(flags, -1L); // 0xffffffff sign-extended
        }
        if (r < 0) {
            return invalid(flags, 0);
        }
        return exactOrInexact(x, r, flags, (int) (long) r);
    }

    static long toInt64(double x, int rm, FloatFlags flags) {
        double r = roundToIntegral(x, rm);
        if (r >= TWO_63 || x != x) {
            return invalid(flags, Long.MAX_VALUE);
        }
        if (r < -TWO_63) {
            return invalid(flags, Long.MIN_VALUE);
        }
        return exactOrInexact(x, r, flags, (long) r);
    }

    static long toUint64(double x, int rm, FloatFlags flags) {
        double r = roundToIntegral(x, rm);
        if (r >= TWO_64 || x != x) {
            return invalid(flags, -1L);
        }
        if (r < 0) {
            return invalid(flags, 0);
        }
        // Values in [2^63, 2^64) do not fit Java's signed cast; subtracting 2^63 is exact there.
        long bits = r < TWO_63 ? (long) r : (long) (r - TWO_63) ^ Long.MIN_VALUE;
        return exactOrInexact(x, r, flags, bits);
    }

    /** Rounds to an integral value per rm; NaN and infinities pass through. */
    static double roundToIntegral(double x, int rm) {
        return switch (rm) {
            case Rm.RNE -> Math.rint(x);
            case Rm.RTZ -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case Rm.RDN -> Math.floor(x);
            case Rm.RUP -> Math.ceil(x);
            default -> roundHalfAway(x); // RMM
        };
    }

    private static double roundHalfAway(double x) {
        double t = x < 0 ? Math.ceil(x) : Math.floor(x);
        // x - t is exact: it is x's fractional part. (x + 0.5 would itself round.)
        return Math.abs(x - t) >= 0.5 ? t + Math.copySign(1.0, x) : t;
    }

    private static long exactOrInexact(double x, double r, FloatFlags flags, long result) {
        if (r != x) {
            flags.bits |= FloatFlags.NX;
        }
        return result;
    }

    private static long invalid(FloatFlags flags, long saturated) {
        flags.bits |= FloatFlags.NV;
        return saturated;
    }
}
