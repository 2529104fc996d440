package org.rvtrace.language.fp;

/**
 * RISC-V D extension operations that never round, on raw binary64 register bits: sign injection
 * (no flags), fmin/fmax, feq/flt/fle (results are true = 1, false = 0 in rd) and fclass.
 */
public final class DoubleMisc {
    private static final FpFormat D = FpFormat.DOUBLE;

    private DoubleMisc() {
    }

    public static long sgnj(long a, long b) {
        return FpBits.sgnj(a, b, D);
    }

    public static long sgnjn(long a, long b) {
        return FpBits.sgnjn(a, b, D);
    }

    public static long sgnjx(long a, long b) {
        return FpBits.sgnjx(a, b, D);
    }

    /** fmin.d: -0 < +0; a single NaN operand yields the other; sNaN raises NV. */
    public static long min(long a, long b, FloatFlags flags) {
        return FpBits.min(a, b, D, flags);
    }

    /** fmax.d: -0 < +0; a single NaN operand yields the other; sNaN raises NV. */
    public static long max(long a, long b, FloatFlags flags) {
        return FpBits.max(a, b, D, flags);
    }

    /** feq.d: NV only for a signaling NaN operand. */
    public static boolean eq(long a, long b, FloatFlags flags) {
        return FpBits.eq(a, b, D, flags);
    }

    /** flt.d: NV for any NaN operand. */
    public static boolean lt(long a, long b, FloatFlags flags) {
        return FpBits.lt(a, b, D, flags);
    }

    /** fle.d: NV for any NaN operand. */
    public static boolean le(long a, long b, FloatFlags flags) {
        return FpBits.le(a, b, D, flags);
    }

    /** fclass.d: the 10-bit class mask (bit 0 -inf ... bit 9 quiet NaN). */
    public static int classify(long a) {
        return FpBits.classify(a, D);
    }
}
