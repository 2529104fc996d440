package org.rvtrace.language.fp;

/**
 * RISC-V F extension operations that never round, on raw binary32 bits (already NaN-unboxed,
 * see {@link NanBox}): sign injection (no flags), fmin/fmax, feq/flt/fle and fclass.
 */
public final class SingleMisc {
    private static final FpFormat S = FpFormat.SINGLE;

    private SingleMisc() {
    }

    private static long u(int bits) {
        return bits & 0xffff_ffffL;
    }

    public static int sgnj(int a, int b) {
        return (int) FpBits.sgnj(u(a), u(b), S);
    }

    public static int sgnjn(int a, int b) {
        return (int) FpBits.sgnjn(u(a), u(b), S);
    }

    public static int sgnjx(int a, int b) {
        return (int) FpBits.sgnjx(u(a), u(b), S);
    }

    /** fmin.s: -0 < +0; a single NaN operand yields the other; sNaN raises NV. */
    public static int min(int a, int b, FloatFlags flags) {
        return (int) FpBits.min(u(a), u(b), S, flags);
    }

    /** fmax.s: -0 < +0; a single NaN operand yields the other; sNaN raises NV. */
    public static int max(int a, int b, FloatFlags flags) {
        return (int) FpBits.max(u(a), u(b), S, flags);
    }

    /** feq.s: NV only for a signaling NaN operand. */
    public static boolean eq(int a, int b, FloatFlags flags) {
        return FpBits.eq(u(a), u(b), S, flags);
    }

    /** flt.s: NV for any NaN operand. */
    public static boolean lt(int a, int b, FloatFlags flags) {
        return FpBits.lt(u(a), u(b), S, flags);
    }

    /** fle.s: NV for any NaN operand. */
    public static boolean le(int a, int b, FloatFlags flags) {
        return FpBits.le(u(a), u(b), S, flags);
    }

    /** fclass.s: the 10-bit class mask (bit 0 -inf ... bit 9 quiet NaN). */
    public static int classify(int a) {
        return FpBits.classify(u(a), S);
    }
}
