package org.rvtrace.language.fp;

/**
 * RISC-V F extension arithmetic on raw binary32 bits (already NaN-unboxed, see {@link NanBox}),
 * bit-exact (result and fflags) in every rounding mode.
 *
 * <p>Operands are widened to double, where the operation is either exact (product) or rounded
 * once with a cheaply known error (sum: TwoSum; quotient, root: fma residual). Rounding that
 * binary64 value to binary32 equals rounding the exact result directly (binary64 has more than
 * 2p+2 bits), except that fma's sum can land exactly on a binary32 midpoint; {@link
 * FastRound#toSingle} resolves that with the error term and applies the other rounding modes.
 */
public final class SingleOps {
    static final int SIGN = 0x8000_0000;

    private SingleOps() {
    }

    private static double widen(int a) {
        return Float.intBitsToFloat(a);
    }

    private static long u(int bits) {
        return bits & 0xffff_ffffL;
    }

    public static int add(int a, int b, int rm, FloatFlags flags) {
        double x = widen(a);
        double y = widen(b);
        double s = x + y;
        if (FastRound.singleInRange(s)) {
            return FastRound.toSingle(s, FastRound.twoSumError(x, y, s), rm, flags);
        }
        if (s == 0 && rm != Rm.RDN) {
            return Float.floatToRawIntBits((float) s); // exact zero with IEEE's RNE sign rule
        }
        return (int) SlowPath.add(u(a), u(b), FpFormat.SINGLE, rm, flags);
    }

    public static int sub(int a, int b, int rm, FloatFlags flags) {
        return add(a, b ^ SIGN, rm, flags);
    }

    public static int mul(int a, int b, int rm, FloatFlags flags) {
        double x = widen(a);
        double y = widen(b);
        double p = x * y; // exact: 48 significant bits, far inside binary64's exponent range
        if (FastRound.singleInRange(p)) {
            return FastRound.toSingle(p, 0, rm, flags);
        }
        if (p == 0 && (x == 0 || y == 0)) {
            return Float.floatToRawIntBits((float) p);
        }
        return (int) SlowPath.mul(u(a), u(b), FpFormat.SINGLE, rm, flags);
    }

    public static int div(int a, int b, int rm, FloatFlags flags) {
        double x = widen(a);
        double y = widen(b);
        double q = x / y;
        if (FastRound.singleInRange(q)) {
            double residual = Math.fma(-q, y, x); // exact
            return FastRound.toSingle(q, FastRound.signStandIn(residual, y), rm, flags);
        }
        if (q == 0 && x == 0) {
            return Float.floatToRawIntBits((float) q);
        }
        return (int) SlowPath.div(u(a), u(b), FpFormat.SINGLE, rm, flags);
    }

    public static int sqrt(int a, int rm, FloatFlags flags) {
        double x = widen(a);
        if (x > 0 && x <= Float.MAX_VALUE) {
            double r = Math.sqrt(x);
            return FastRound.toSingle(r, FastRound.signStandIn(Math.fma(-r, r, x), 1), rm, flags);
        }
        return (int) SlowPath.sqrt(u(a), FpFormat.SINGLE, rm, flags);
    }

    /** fmadd.s: a*b + c. */
    public static int fmadd(int a, int b, int c, int rm, FloatFlags flags) {
        return fma(a, b, c, rm, flags);
    }

    /** fmsub.s: a*b - c. */
    public static int fmsub(int a, int b, int c, int rm, FloatFlags flags) {
        return fma(a, b, c ^ SIGN, rm, flags);
    }

    /** fnmsub.s: -(a*b) + c. */
    public static int fnmsub(int a, int b, int c, int rm, FloatFlags flags) {
        return fma(a ^ SIGN, b, c, rm, flags);
    }

    /** fnmadd.s: -(a*b) - c. */
    public static int fnmadd(int a, int b, int c, int rm, FloatFlags flags) {
        return fma(a ^ SIGN, b, c ^ SIGN, rm, flags);
    }

    private static int fma(int a, int b, int c, int rm, FloatFlags flags) {
        double x = widen(a);
        double y = widen(b);
        double z = widen(c);
        double p = x * y; // exact
        double s = p + z;
        if (FastRound.singleInRange(s)) {
            return FastRound.toSingle(s, FastRound.twoSumError(p, z, s), rm, flags);
        }
        if (s == 0 && rm != Rm.RDN) {
            return Float.floatToRawIntBits((float) s); // exact zero with IEEE's RNE sign rule
        }
        return (int) SlowPath.fma(u(a), u(b), u(c), FpFormat.SINGLE, rm, flags);
    }
}
