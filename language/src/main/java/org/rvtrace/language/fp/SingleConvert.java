package org.rvtrace.language.fp;

/**
 * RISC-V F extension conversions between raw binary32 bits and the integer types. Single to
 * integer goes through the exact widening to double ({@link IntConvert}); integer to single
 * rounds once, via the exact binary64 value or its RNE value plus exact error ({@link FastRound}).
 * Conversions between single and double are in {@link DoubleConvert}.
 */
public final class SingleConvert {
    private SingleConvert() {
    }

    private static double widen(int a) {
        return Float.intBitsToFloat(a);
    }

    /** fcvt.w.s; the int32 result sign-extended. */
    public static long toInt32(int a, int rm, FloatFlags flags) {
        return IntConvert.toInt32(widen(a), rm, flags);
    }

    /** fcvt.wu.s; the uint32 result sign-extended. */
    public static long toUint32(int a, int rm, FloatFlags flags) {
        return IntConvert.toUint32(widen(a), rm, flags);
    }

    /** fcvt.l.s. */
    public static long toInt64(int a, int rm, FloatFlags flags) {
        return IntConvert.toInt64(widen(a), rm, flags);
    }

    /** fcvt.lu.s; the uint64 result as a long bit pattern. */
    public static long toUint64(int a, int rm, FloatFlags flags) {
        return IntConvert.toUint64(widen(a), rm, flags);
    }

    /** fcvt.s.w: rounds when |v| > 2^24. */
    public static int fromInt32(int v, int rm, FloatFlags flags) {
        return fromExactDouble(v, rm, flags);
    }

    /** fcvt.s.wu: v read as unsigned. */
    public static int fromUint32(int v, int rm, FloatFlags flags) {
        return fromExactDouble(v & 0xffff_ffffL, rm, flags);
    }

    /** fcvt.s.l. */
    public static int fromInt64(long v, int rm, FloatFlags flags) {
        if (v == 0) {
            return 0;
        }
        double r = v;
        return FastRound.toSingle(r, LongToFp.signedError(v, r), rm, flags);
    }

    /** fcvt.s.lu: v read as unsigned. */
    public static int fromUint64(long v, int rm, FloatFlags flags) {
        if (v == 0) {
            return 0;
        }
        double r = LongToFp.unsignedToDouble(v);
        return FastRound.toSingle(r, LongToFp.unsignedError(v, r), rm, flags);
    }

    private static int fromExactDouble(double x, int rm, FloatFlags flags) {
        return x == 0 ? 0 : FastRound.toSingle(x, 0, rm, flags);
    }
}
