package org.rvtrace.language.fp;

/**
 * Helpers for fcvt.{s,d}.{l,lu}: the round-to-nearest-even binary64 value of a 64-bit integer and
 * the exact error of that rounding (an integer below 2^11 in magnitude, so exact as a double),
 * which {@link FastRound} turns into any rounding mode and into binary32.
 */
final class LongToFp {
    private static final double TWO_63 = 0x1p63;
    private static final double TWO_64 = 0x1p64;

    private LongToFp() {
    }

    /** v - r for signed v and r = (double) v. */
    static double signedError(long v, double r) {
        long rounded = r >= TWO_63 ? Long.MIN_VALUE : (long) r; // 2^63 wraps to MIN_VALUE, as v - r wraps back
        return v - rounded;
    }

    /** RNE of v read as unsigned. */
    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        // Halve, keeping the lost bit as a sticky bit: 63 bits still round like the 64-bit value.
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** v - r for v read as unsigned and r = unsignedToDouble(v); computed modulo 2^64, which is exact. */
    static double unsignedError(long v, double r) {
        long rounded;
        if (r >= TWO_64) {
            rounded = 0; // 2^64 mod 2^64
        } else if (r >= TWO_63) {
            rounded = (long) (r - TWO_63) ^ Long.MIN_VALUE;
        } else {
            rounded = (long) r;
        }
        return v - rounded;
    }
}
