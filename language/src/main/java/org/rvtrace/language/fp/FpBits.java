package org.rvtrace.language.fp;

/**
 * Operations that never round, shared by both formats on raw encodings: sign injection,
 * fmin/fmax, the feq/flt/fle comparisons and fclass. Ordering is done on the sign-magnitude
 * encodings directly, so -0.0 and +0.0 are told apart where RISC-V wants it.
 */
final class FpBits {
    private FpBits() {
    }

    /** Maps a non-NaN encoding to a long whose signed order is the numeric order, -0 just below +0. */
    private static long orderKey(long bits, FpFormat f) {
        long mag = bits & ~f.signBit;
        return f.isNegative(bits) ? -mag - 1 : mag;
    }

    /**
     * fmin (F/D 2.2, IEEE 754-2019 minimumNumber): -0 < +0; one NaN operand yields the other
     * operand, two yield the canonical NaN; a signaling NaN raises NV even if the result is not NaN.
     */
    static long min(long a, long b, FpFormat f, FloatFlags flags) {
        if (f.isNaN(a) || f.isNaN(b)) {
            return nanOperands(a, b, f, flags);
        }
        return orderKey(a, f) <= orderKey(b, f) ? a : b;
    }

    static long max(long a, long b, FpFormat f, FloatFlags flags) {
        if (f.isNaN(a) || f.isNaN(b)) {
            return nanOperands(a, b, f, flags);
        }
        return orderKey(a, f) >= orderKey(b, f) ? a : b;
    }

    /** fmin/fmax with at least one NaN operand. */
    private static long nanOperands(long a, long b, FpFormat f, FloatFlags flags) {
        if (f.isSignalingNaN(a) || f.isSignalingNaN(b)) {
            flags.bits |= FloatFlags.NV;
        }
        boolean aNaN = f.isNaN(a);
        boolean bNaN = f.isNaN(b);
        return aNaN && bNaN ? f.canonicalNaN : aNaN ? b : a;
    }

    /** feq: a quiet comparison, NV only for signaling NaNs. */
    static boolean eq(long a, long b, FpFormat f, FloatFlags flags) {
        if (f.isNaN(a) || f.isNaN(b)) {
            if (f.isSignalingNaN(a) || f.isSignalingNaN(b)) {
                flags.bits |= FloatFlags.NV;
            }
            return false;
        }
        return a == b || (f.isZero(a) && f.isZero(b));
    }

    /** flt: a signaling comparison, NV for any NaN. */
    static boolean lt(long a, long b, FpFormat f, FloatFlags flags) {
        if (unordered(a, b, f, flags)) {
            return false;
        }
        return orderKey(a, f) < orderKey(b, f) && !(f.isZero(a) && f.isZero(b));
    }

    /** fle: a signaling comparison, NV for any NaN. */
    static boolean le(long a, long b, FpFormat f, FloatFlags flags) {
        if (unordered(a, b, f, flags)) {
            return false;
        }
        return orderKey(a, f) <= orderKey(b, f) || (f.isZero(a) && f.isZero(b));
    }

    private static boolean unordered(long a, long b, FpFormat f, FloatFlags flags) {
        if (f.isNaN(a) || f.isNaN(b)) {
            flags.bits |= FloatFlags.NV;
            return true;
        }
        return false;
    }

    /** fclass bit positions. */
    static final int NEG_INF = 1 << 0;
    static final int NEG_NORMAL = 1 << 1;
    static final int NEG_SUBNORMAL = 1 << 2;
    static final int NEG_ZERO = 1 << 3;
    static final int POS_ZERO = 1 << 4;
    static final int POS_SUBNORMAL = 1 << 5;
    static final int POS_NORMAL = 1 << 6;
    static final int POS_INF = 1 << 7;
    static final int SIGNALING_NAN = 1 << 8;
    static final int QUIET_NAN = 1 << 9;

    static int classify(long bits, FpFormat f) {
        boolean neg = f.isNegative(bits);
        if (f.isNaN(bits)) {
            return f.isSignalingNaN(bits) ? SIGNALING_NAN : QUIET_NAN;
        }
        if (f.isInf(bits)) {
            return neg ? NEG_INF : POS_INF;
        }
        if (f.isZero(bits)) {
            return neg ? NEG_ZERO : POS_ZERO;
        }
        if ((bits & f.expMask) == 0) {
            return neg ? NEG_SUBNORMAL : POS_SUBNORMAL;
        }
        return neg ? NEG_NORMAL : POS_NORMAL;
    }

    static long sgnj(long a, long b, FpFormat f) {
        return (a & ~f.signBit) | (b & f.signBit);
    }

    static long sgnjn(long a, long b, FpFormat f) {
        return (a & ~f.signBit) | (~b & f.signBit);
    }

    static long sgnjx(long a, long b, FpFormat f) {
        return a ^ (b & f.signBit);
    }
}
