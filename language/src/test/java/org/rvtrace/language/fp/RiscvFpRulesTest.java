package org.rvtrace.language.fp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Readable checks of the RISC-V rules that are easiest to get wrong. Expectations agree with qemu. */
class RiscvFpRulesTest {
    private static final long POS_ZERO = 0L;
    private static final long NEG_ZERO = 0x8000_0000_0000_0000L;
    private static final long ONE = bits(1.0);
    private static final long QNAN_WITH_PAYLOAD = 0xfff8_0000_0000_0001L;
    private static final long SNAN = 0x7ff0_0000_0000_0001L;
    private static final long CANONICAL = 0x7ff8_0000_0000_0000L;
    private static final long MAX = bits(Double.MAX_VALUE);
    private static final long INF = bits(Double.POSITIVE_INFINITY);

    private final FloatFlags flags = new FloatFlags();

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static int bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    @Test
    void minMaxOrderNegativeZeroBelowPositiveZero() {
        assertEquals(NEG_ZERO, DoubleMisc.min(POS_ZERO, NEG_ZERO, flags));
        assertEquals(NEG_ZERO, DoubleMisc.min(NEG_ZERO, POS_ZERO, flags));
        assertEquals(POS_ZERO, DoubleMisc.max(NEG_ZERO, POS_ZERO, flags));
        assertEquals(0x8000_0000, SingleMisc.min(0, 0x8000_0000, flags));
        assertEquals(0, flags.bits);
    }

    @Test
    void minMaxReturnTheNonNaNOperandAndSignalOnlyForSignalingNaN() {
        assertEquals(ONE, DoubleMisc.min(QNAN_WITH_PAYLOAD, ONE, flags));
        assertEquals(0, flags.bits);
        assertEquals(ONE, DoubleMisc.max(ONE, SNAN, flags));
        assertEquals(FloatFlags.NV, flags.bits);
        assertEquals(CANONICAL, DoubleMisc.max(QNAN_WITH_PAYLOAD, QNAN_WITH_PAYLOAD, new FloatFlags()));
    }

    @Test
    void arithmeticNeverPropagatesNaNPayloads() {
        assertEquals(CANONICAL, DoubleOps.add(QNAN_WITH_PAYLOAD, ONE, Rm.RNE, flags));
        assertEquals(0, flags.bits);
        assertEquals(CANONICAL, DoubleOps.mul(SNAN, ONE, Rm.RNE, flags));
        assertEquals(FloatFlags.NV, flags.bits);
        assertEquals(0x7fc0_0000, SingleOps.sqrt(0xffc0_0001, Rm.RNE, new FloatFlags()));
        FloatFlags f = new FloatFlags();
        assertEquals(0x7fc0_0000, DoubleConvert.toSingle(SNAN, Rm.RNE, f), "fcvt.s.d of sNaN");
        assertEquals(FloatFlags.NV, f.bits);
    }

    @Test
    void zeroTimesInfinityIsInvalidEvenWithQuietNaNAddend() {
        assertEquals(CANONICAL, DoubleOps.fmadd(POS_ZERO, INF, CANONICAL, Rm.RNE, flags));
        assertEquals(FloatFlags.NV, flags.bits);
    }

    @Test
    void exactZeroSumsAreNegativeOnlyWhenRoundingDown() {
        assertEquals(POS_ZERO, DoubleOps.sub(ONE, ONE, Rm.RNE, flags));
        assertEquals(NEG_ZERO, DoubleOps.sub(ONE, ONE, Rm.RDN, flags));
        // fnmsub is -(a*b) + c: -(+0*1) + +0 = (-0) + (+0), not -(a*b - c)
        assertEquals(POS_ZERO, DoubleOps.fnmsub(POS_ZERO, ONE, POS_ZERO, Rm.RNE, flags));
        assertEquals(NEG_ZERO, DoubleOps.fnmsub(POS_ZERO, ONE, POS_ZERO, Rm.RDN, flags));
        assertEquals(0, flags.bits);
    }

    @Test
    void overflowRoundsToMaxOrInfinityByDirection() {
        assertEquals(INF, DoubleOps.add(MAX, MAX, Rm.RNE, flags));
        assertEquals(FloatFlags.OF | FloatFlags.NX, flags.bits);
        assertEquals(MAX, DoubleOps.add(MAX, MAX, Rm.RTZ, new FloatFlags()));
        assertEquals(MAX, DoubleOps.add(MAX, MAX, Rm.RDN, new FloatFlags()));
        assertEquals(INF, DoubleOps.add(MAX, MAX, Rm.RUP, new FloatFlags()));
        assertEquals(bits(-Double.MAX_VALUE), DoubleOps.mul(MAX, bits(-2.0), Rm.RUP, new FloatFlags()));
        // MAX + 1 ulp/4 is only inexact, except when rounding up
        long quarterUlp = bits(Math.ulp(Double.MAX_VALUE) / 4);
        FloatFlags nearest = new FloatFlags();
        assertEquals(MAX, DoubleOps.add(MAX, quarterUlp, Rm.RNE, nearest));
        assertEquals(FloatFlags.NX, nearest.bits);
        FloatFlags up = new FloatFlags();
        assertEquals(INF, DoubleOps.add(MAX, quarterUlp, Rm.RUP, up));
        assertEquals(FloatFlags.OF | FloatFlags.NX, up.bits);
    }

    @Test
    void tininessIsDetectedAfterRounding() {
        long maxSubnormal = 0x000f_ffff_ffff_ffffL;
        long onePlusUlp = 0x3ff0_0000_0000_0001L;
        // (2^-1022 - 2^-1074)(1 + 2^-52) = 2^-1022 - 2^-1126: rounds to 2^-1022 even with an
        // unbounded exponent, so it is not tiny: NX without UF.
        assertEquals(0x0010_0000_0000_0000L, DoubleOps.mul(maxSubnormal, onePlusUlp, Rm.RNE, flags));
        assertEquals(FloatFlags.NX, flags.bits);
        // 2^-1022 * (1 - 2^-53) is tiny after rounding (53 bits hold it below 2^-1022), inexact in
        // the subnormal grid, and rounds (tie to even) up to 2^-1022: NX and UF.
        FloatFlags f = new FloatFlags();
        assertEquals(0x0010_0000_0000_0000L, DoubleOps.mul(0x0010_0000_0000_0000L, 0x3fef_ffff_ffff_ffffL, Rm.RNE, f));
        assertEquals(FloatFlags.NX | FloatFlags.UF, f.bits);
        // Exact subnormal results raise nothing.
        FloatFlags exact = new FloatFlags();
        assertEquals(1L, DoubleOps.mul(2L, bits(0.5), Rm.RNE, exact));
        assertEquals(0, exact.bits);
    }

    @Test
    void divisionByZero() {
        assertEquals(bits(Double.NEGATIVE_INFINITY), DoubleOps.div(bits(-3.0), POS_ZERO, Rm.RNE, flags));
        assertEquals(FloatFlags.DZ, flags.bits);
        FloatFlags f = new FloatFlags();
        assertEquals(CANONICAL, DoubleOps.div(POS_ZERO, NEG_ZERO, Rm.RNE, f));
        assertEquals(FloatFlags.NV, f.bits);
    }

    @Test
    void conversionsToIntegerSaturate() {
        FloatFlags f = new FloatFlags();
        assertEquals(Integer.MAX_VALUE, DoubleConvert.toInt32(CANONICAL, Rm.RTZ, f), "NaN gives the maximum");
        assertEquals(FloatFlags.NV, f.bits, "out of range: NV only, no NX");
        assertEquals(Integer.MIN_VALUE, DoubleConvert.toInt32(bits(Double.NEGATIVE_INFINITY), Rm.RTZ, new FloatFlags()));
        assertEquals(Integer.MAX_VALUE, DoubleConvert.toInt32(bits(3e9), Rm.RTZ, new FloatFlags()));
        assertEquals(0L, DoubleConvert.toUint64(bits(-1.5), Rm.RTZ, new FloatFlags()));
        assertEquals(-1L, DoubleConvert.toUint64(bits(1e30), Rm.RTZ, new FloatFlags()), "uint64 max");
        // fcvt.wu.d writes its 32-bit result sign-extended.
        assertEquals(-1L, DoubleConvert.toUint32(bits(4294967295.0), Rm.RTZ, new FloatFlags()));
        assertEquals(0xffff_ffff_ffff_ff00L, SingleConvert.toUint32(bits(4294967040f), Rm.RTZ, new FloatFlags()));
        // The range check applies to the rounded value: -0.5 truncates to 0, which fits.
        FloatFlags g = new FloatFlags();
        assertEquals(0L, DoubleConvert.toUint32(bits(-0.5), Rm.RTZ, g));
        assertEquals(FloatFlags.NX, g.bits);
        FloatFlags h = new FloatFlags();
        assertEquals(0L, DoubleConvert.toUint32(bits(-0.5), Rm.RDN, h));
        assertEquals(FloatFlags.NV, h.bits);
    }

    @Test
    void roundToNearestMaxMagnitudeBreaksTiesAwayFromZero() {
        assertEquals(3L, DoubleConvert.toInt64(bits(2.5), Rm.RMM, flags));
        assertEquals(-3L, DoubleConvert.toInt64(bits(-2.5), Rm.RMM, flags));
        assertEquals(2L, DoubleConvert.toInt64(bits(2.5), Rm.RNE, flags));
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2.
        assertEquals(bits(0x1p53 + 2), DoubleConvert.fromInt64((1L << 53) + 1, Rm.RMM, flags));
        assertEquals(bits(0x1p53), DoubleConvert.fromInt64((1L << 53) + 1, Rm.RNE, flags));
    }

    @Test
    void nanBoxing() {
        assertEquals(0x3f80_0000, NanBox.unboxS(0xffff_ffff_3f80_0000L));
        assertEquals(0x7fc0_0000, NanBox.unboxS(0x0000_0000_3f80_0000L), "upper half not all ones");
        assertEquals(0x7fc0_0000, NanBox.unboxS(bits(1.0)), "a double is not a boxed single");
        assertEquals(0xffff_ffff_bf80_0000L, NanBox.boxS(bits(-1f)));
    }

    @Test
    void comparisonsSignalPerKind() {
        assertFalse(DoubleMisc.eq(CANONICAL, CANONICAL, flags));
        assertEquals(0, flags.bits, "feq is quiet for quiet NaNs");
        assertFalse(DoubleMisc.lt(CANONICAL, ONE, flags));
        assertEquals(FloatFlags.NV, flags.bits, "flt signals for any NaN");
        assertTrue(DoubleMisc.eq(POS_ZERO, NEG_ZERO, new FloatFlags()));
        assertFalse(DoubleMisc.lt(NEG_ZERO, POS_ZERO, new FloatFlags()));
        assertTrue(DoubleMisc.le(POS_ZERO, NEG_ZERO, new FloatFlags()));
    }

    @Test
    void classify() {
        assertEquals(1 << 0, DoubleMisc.classify(bits(Double.NEGATIVE_INFINITY)));
        assertEquals(1 << 3, DoubleMisc.classify(NEG_ZERO));
        assertEquals(1 << 5, DoubleMisc.classify(1L));
        assertEquals(1 << 8, DoubleMisc.classify(SNAN));
        assertEquals(1 << 9, DoubleMisc.classify(QNAN_WITH_PAYLOAD));
        assertEquals(1 << 6, SingleMisc.classify(bits(1f)));
    }
}
