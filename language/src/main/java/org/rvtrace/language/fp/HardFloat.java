package org.rvtrace.language.fp;

/**
 * The host FPU's answer where it is the whole answer. fflags are sticky, so once NX is
 * set, a round-to-nearest-even operation whose result is an ordinary normal number changes
 * no flag (it cannot overflow, be tiny, be invalid or divide by zero) and Java's own
 * arithmetic is exact RISC-V semantics. qemu calls this "hardfloat". Everything else
 * (another mode, a clear NX, a zero, subnormal, infinite or NaN result) returns
 * {@link #FAIL} and takes the full path.
 */
public final class HardFloat {
    /** A NaN: never an ordinary result, so free to mean "no answer here". */
    public static final long FAIL = 0x7ff4_dead_0000_0001L;

    private HardFloat() {
    }

    /** Whether the shortcut may be tried for this mode and these accrued flags. */
    public static boolean applies(int rm, FloatFlags flags) {
        return rm == Rm.RNE && (flags.bits & FloatFlags.NX) != 0;
    }

    /**
     * Strictly above the smallest normal: a result of exactly MIN_NORMAL may come from a
     * value that is tiny before bounded rounding, which raises UF on RISC-V.
     */
    private static long ordinary(double r) {
        double m = Math.abs(r);
        return m > Double.MIN_NORMAL && m <= Double.MAX_VALUE ? Double.doubleToRawLongBits(r) : FAIL;
    }

    private static long ordinary(float r) {
        float m = Math.abs(r);
        return m > Float.MIN_NORMAL && m <= Float.MAX_VALUE ? NanBox.boxS(Float.floatToRawIntBits(r)) : FAIL;
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /** A single's operand, unboxed; an improperly boxed one reads as NaN and so fails. */
    private static float s(long reg) {
        return Float.intBitsToFloat(NanBox.unboxS(reg));
    }

    public static long addD(long a, long b) {
        return ordinary(d(a) + d(b));
    }

    public static long subD(long a, long b) {
        return ordinary(d(a) - d(b));
    }

    public static long mulD(long a, long b) {
        return ordinary(d(a) * d(b));
    }

    public static long divD(long a, long b) {
        return ordinary(d(a) / d(b));
    }

    public static long sqrtD(long a) {
        return ordinary(Math.sqrt(d(a)));
    }

    public static long fmaD(double a, double b, double c) {
        return ordinary(Math.fma(a, b, c));
    }

    /** Singles: one float operation, or a double one rounded once more (innocuous for + - * / sqrt). */
    public static long addS(long a, long b) {
        return ordinary(s(a) + s(b));
    }

    public static long subS(long a, long b) {
        return ordinary(s(a) - s(b));
    }

    public static long mulS(long a, long b) {
        return ordinary(s(a) * s(b));
    }

    public static long divS(long a, long b) {
        return ordinary(s(a) / s(b));
    }

    public static long sqrtS(long a) {
        return ordinary((float) Math.sqrt(s(a)));
    }

    public static long fmaS(float a, float b, float c) {
        return ordinary(Math.fma(a, b, c));
    }

    public static double dOf(long reg) {
        return d(reg);
    }

    public static float sOf(long reg) {
        return s(reg);
    }
}
