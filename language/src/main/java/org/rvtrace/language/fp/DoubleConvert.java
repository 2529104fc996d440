package org.rvtrace.language.fp;

/**
 * RISC-V D extension conversions on raw binary64 register bits: fcvt between double and the
 * integer types (see {@link IntConvert} for the saturation rules) and between double and single
 * (fcvt.s.d rounds; fcvt.d.s is exact; both turn NaNs into the canonical NaN, NV for sNaN).
 */
public final class DoubleConvert {
    private DoubleConvert() {
    }

    /** fcvt.w.d; the int32 result sign-extended. */
    public static long toInt32(long a, int rm, FloatFlags flags) {
        return IntConvert.toInt32(Double.longBitsToDouble(a), rm, flags);
    }

    /** fcvt.wu.d; the uint32 result sign-extended (as fcvt.wu.d writes rd). */
    public static long toUint32(long a, int rm, FloatFlags flags) {
        return IntConvert.toUint32(Double.longBitsToDouble(a), rm, flags);
    }

    /** fcvt.l.d. */
    public static long toInt64(long a, int rm, FloatFlags flags) {
        return IntConvert.toInt64(Double.longBitsToDouble(a), rm, flags);
    }

    /** fcvt.lu.d; the uint64 result as a long bit pattern. */
    public static long toUint64(long a, int rm, FloatFlags flags) {
        return IntConvert.toUint64(Double.longBitsToDouble(a), rm, flags);
    }

    /** fcvt.d.w: always exact. */
    public static long fromInt32(int v) {
        return Double.doubleToRawLongBits(v);
    }

    /** fcvt.d.wu: always exact. */
    public static long fromUint32(int v) {
        return Double.doubleToRawLongBits(v & 0xffff_ffffL);
    }

    /** fcvt.d.l: rounds when |v| > 2^53. */
    public static long fromInt64(long v, int rm, FloatFlags flags) {
        double r = v;
        return FastRound.finishDouble(r, LongToFp.signedError(v, r), 0, rm, flags);
    }

    /** fcvt.d.lu: v read as unsigned; rounds when v > 2^53. */
    public static long fromUint64(long v, int rm, FloatFlags flags) {
        double r = LongToFp.unsignedToDouble(v);
        return FastRound.finishDouble(r, LongToFp.unsignedError(v, r), 0, rm, flags);
    }

    /** fcvt.s.d. */
    public static int toSingle(long a, int rm, FloatFlags flags) {
        double x = Double.longBitsToDouble(a);
        if (FastRound.singleInRange(x)) {
            return FastRound.toSingle(x, 0, rm, flags);
        }
        if (x == 0) {
            return Float.floatToRawIntBits((float) x);
        }
        return (int) SlowPath.narrow(a, rm, flags);
    }

    /** fcvt.d.s: exact. */
    public static long fromSingle(int a, FloatFlags flags) {
        float x = Float.intBitsToFloat(a);
        if (x != x) {
            if ((a & 0x0040_0000) == 0) { // quiet bit clear: signaling NaN
                flags.bits |= FloatFlags.NV;
            }
            return NanBox.CANONICAL_NAN_D;
        }
        return Double.doubleToRawLongBits(x);
    }
}
