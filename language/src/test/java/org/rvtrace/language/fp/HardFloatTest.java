package org.rvtrace.language.fp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Checks {@link HardFloat}'s claim: with RNE and NX already accrued, whenever the host FPU's
 * answer is taken (anything but {@link HardFloat#FAIL}) the full implementation
 * ({@link DoubleOps}, {@link SingleOps}) produces the same bits and raises no flag beyond NX.
 * Also checks that zero, subnormal, infinite and NaN results (and improperly NaN-boxed single
 * operands) always FAIL, and that ordinary operands mostly do not, so the agreement check is not
 * vacuous.
 */
class HardFloatTest {
    private static final long FAIL = HardFloat.FAIL;
    private static final int NX = FloatFlags.NX;
    private static final long DSIGN = 0x8000_0000_0000_0000L;

    private static final int RANDOM_CASES = 40_000;
    private static final int ORDINARY_CASES = 5_000;

    /**
     * Per op: [cases, non-FAIL (checked) cases, results of exactly +-MIN_NORMAL, of which with UF,
     * results of exactly +-MAX_VALUE, answers within 4 ulps above MIN_NORMAL, answers of +-MAX_VALUE].
     */
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int failureCount;

    // ------------------------------------------------------------------ the check

    private interface FullS2 {
        int apply(int a, int b, int rm, FloatFlags f);
    }

    private interface FullS3 {
        int apply(int a, int b, int c, int rm, FloatFlags f);
    }

    private static boolean specialD(long bits) {
        double m = Math.abs(Double.longBitsToDouble(bits));
        return !(m >= Double.MIN_NORMAL && m <= Double.MAX_VALUE); // zero, subnormal, inf, NaN
    }

    private static boolean specialS(long reg) {
        if ((reg >>> 32) != 0xffff_ffffL) {
            return true;
        }
        float m = Math.abs(Float.intBitsToFloat((int) reg));
        return !(m >= Float.MIN_NORMAL && m <= Float.MAX_VALUE);
    }

    /**
     * One case: {@code hard} is HardFloat's answer, {@code full}/{@code flags} the full
     * implementation's under RNE with flags starting as NX.
     *
     * @return whether the shortcut answered (non-FAIL)
     */
    private boolean check(String op, boolean single, long hard, long full, int flags, boolean mustFail, long... operands) {
        int[] c = counts.computeIfAbsent(op, k -> new int[7]);
        c[0]++;
        long mag = single ? full & 0x7fff_ffffL : full & ~DSIGN;
        if (single ? mag == Float.floatToRawIntBits(Float.MIN_NORMAL) : mag == Double.doubleToRawLongBits(Double.MIN_NORMAL)) {
            c[2]++;
            c[3] += (flags & FloatFlags.UF) != 0 ? 1 : 0;
        }
        if (single ? mag == Float.floatToRawIntBits(Float.MAX_VALUE) : mag == Double.doubleToRawLongBits(Double.MAX_VALUE)) {
            c[4]++;
        }
        boolean fullSpecial = single ? specialS(full) : specialD(full);
        String problem = null;
        if (hard != FAIL) {
            c[1]++;
            long hmag = single ? hard & 0x7fff_ffffL : hard & ~DSIGN;
            long minBits = single ? Float.floatToRawIntBits(Float.MIN_NORMAL) : Double.doubleToRawLongBits(Double.MIN_NORMAL);
            long maxBits = single ? Float.floatToRawIntBits(Float.MAX_VALUE) : Double.doubleToRawLongBits(Double.MAX_VALUE);
            c[5] += hmag - minBits <= 4 ? 1 : 0;
            c[6] += hmag == maxBits ? 1 : 0;
            if (fullSpecial) {
                problem = String.format("shortcut answered %016x for a zero/subnormal/inf/NaN result (full %016x flags %s)",
                                hard, full, flagNames(flags));
            } else if (hard != full || flags != NX) {
                problem = String.format("shortcut %016x (flags NX) but full %016x flags %s", hard, full, flagNames(flags));
            } else if (mustFail) {
                problem = String.format("shortcut answered %016x for an improperly NaN-boxed operand", hard);
            }
        }
        if (problem != null) {
            failureCount++;
            if (failures.size() < 25) {
                StringBuilder sb = new StringBuilder(op).append('(');
                for (int i = 0; i < operands.length; i++) {
                    sb.append(i == 0 ? "" : ", ").append(String.format("%016x", operands[i]));
                }
                failures.add(sb.append("): ").append(problem).toString());
            }
        }
        return hard != FAIL;
    }

    private static String flagNames(int bits) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"NX", "UF", "OF", "DZ", "NV"};
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static FloatFlags nx() {
        FloatFlags f = new FloatFlags();
        f.bits = NX;
        assertTrue(HardFloat.applies(Rm.RNE, f));
        return f;
    }

    // ---- double ops (register bits in, register bits out), mirroring FpOp

    private boolean addD(long a, long b) {
        FloatFlags f = nx();
        return check("fadd.d", false, HardFloat.addD(a, b), DoubleOps.add(a, b, Rm.RNE, f), f.bits, false, a, b);
    }

    private boolean subD(long a, long b) {
        FloatFlags f = nx();
        return check("fsub.d", false, HardFloat.subD(a, b), DoubleOps.sub(a, b, Rm.RNE, f), f.bits, false, a, b);
    }

    private boolean mulD(long a, long b) {
        FloatFlags f = nx();
        return check("fmul.d", false, HardFloat.mulD(a, b), DoubleOps.mul(a, b, Rm.RNE, f), f.bits, false, a, b);
    }

    private boolean divD(long a, long b) {
        FloatFlags f = nx();
        return check("fdiv.d", false, HardFloat.divD(a, b), DoubleOps.div(a, b, Rm.RNE, f), f.bits, false, a, b);
    }

    private boolean sqrtD(long a) {
        FloatFlags f = nx();
        return check("fsqrt.d", false, HardFloat.sqrtD(a), DoubleOps.sqrt(a, Rm.RNE, f), f.bits, false, a);
    }

    /** All four fused forms, exactly as FpOp wires them; returns how many answered. */
    private int fmaD(long a, long b, long c) {
        double x = HardFloat.dOf(a);
        double y = HardFloat.dOf(b);
        double z = HardFloat.dOf(c);
        int n = 0;
        FloatFlags f = nx();
        n += check("fmadd.d", false, HardFloat.fmaD(x, y, z), DoubleOps.fmadd(a, b, c, Rm.RNE, f), f.bits, false, a, b, c) ? 1 : 0;
        f = nx();
        n += check("fmsub.d", false, HardFloat.fmaD(x, y, -z), DoubleOps.fmsub(a, b, c, Rm.RNE, f), f.bits, false, a, b, c) ? 1 : 0;
        f = nx();
        n += check("fnmsub.d", false, HardFloat.fmaD(-x, y, z), DoubleOps.fnmsub(a, b, c, Rm.RNE, f), f.bits, false, a, b, c) ? 1 : 0;
        f = nx();
        n += check("fnmadd.d", false, HardFloat.fmaD(-x, y, -z), DoubleOps.fnmadd(a, b, c, Rm.RNE, f), f.bits, false, a, b, c) ? 1 : 0;
        return n;
    }

    // ---- single ops: NaN-boxed registers in and out

    private static boolean boxed(long reg) {
        return (reg >>> 32) == 0xffff_ffffL;
    }

    private boolean single2(String op, long a, long b, long hard, FullS2 full) {
        FloatFlags f = nx();
        long r = NanBox.boxS(full.apply(NanBox.unboxS(a), NanBox.unboxS(b), Rm.RNE, f));
        return check(op, true, hard, r, f.bits, !boxed(a) || !boxed(b), a, b);
    }

    private boolean addS(long a, long b) {
        return single2("fadd.s", a, b, HardFloat.addS(a, b), SingleOps::add);
    }

    private boolean subS(long a, long b) {
        return single2("fsub.s", a, b, HardFloat.subS(a, b), SingleOps::sub);
    }

    private boolean mulS(long a, long b) {
        return single2("fmul.s", a, b, HardFloat.mulS(a, b), SingleOps::mul);
    }

    private boolean divS(long a, long b) {
        return single2("fdiv.s", a, b, HardFloat.divS(a, b), SingleOps::div);
    }

    private boolean sqrtS(long a) {
        FloatFlags f = nx();
        long r = NanBox.boxS(SingleOps.sqrt(NanBox.unboxS(a), Rm.RNE, f));
        return check("fsqrt.s", true, HardFloat.sqrtS(a), r, f.bits, !boxed(a), a);
    }

    private boolean single3(String op, long a, long b, long c, long hard, FullS3 full) {
        FloatFlags f = nx();
        long r = NanBox.boxS(full.apply(NanBox.unboxS(a), NanBox.unboxS(b), NanBox.unboxS(c), Rm.RNE, f));
        return check(op, true, hard, r, f.bits, !boxed(a) || !boxed(b) || !boxed(c), a, b, c);
    }

    private int fmaS(long a, long b, long c) {
        float x = HardFloat.sOf(a);
        float y = HardFloat.sOf(b);
        float z = HardFloat.sOf(c);
        int n = 0;
        n += single3("fmadd.s", a, b, c, HardFloat.fmaS(x, y, z), SingleOps::fmadd) ? 1 : 0;
        n += single3("fmsub.s", a, b, c, HardFloat.fmaS(x, y, -z), SingleOps::fmsub) ? 1 : 0;
        n += single3("fnmsub.s", a, b, c, HardFloat.fmaS(-x, y, z), SingleOps::fnmsub) ? 1 : 0;
        n += single3("fnmadd.s", a, b, c, HardFloat.fmaS(-x, y, -z), SingleOps::fnmadd) ? 1 : 0;
        return n;
    }

    private void assertNoFailures(String test) {
        StringBuilder summary = new StringBuilder("HardFloatTest." + test + ":\n");
        counts.forEach((op, c) -> summary.append(String.format("  %-9s %6d cases, %6d non-FAIL checked (%4d of them MIN_NORMAL+1..4ulp, %4d MAX_VALUE);"
                        + " full results +-MIN_NORMAL %5d (%4d with UF), +-MAX_VALUE %4d%n", op, c[0], c[1], c[5], c[6], c[2], c[3], c[4])));
        System.out.print(summary);
        if (failureCount != 0) {
            fail(failureCount + " HardFloat shortcut answers disagree with the full implementation:\n"
                            + String.join("\n", failures) + "\n" + summary);
        }
    }

    // ------------------------------------------------------------------ operand generation

    /**
     * Random encodings of a binary format with {@code fracBits} fraction bits and
     * {@code expBits} exponent bits, biased to the interesting exponents.
     */
    private static long encoding(SplittableRandom r, int fracBits, int expBits) {
        long expAll = (1L << expBits) - 1;
        long bias = expAll >>> 1;
        long fracMask = (1L << fracBits) - 1;
        long quiet = 1L << (fracBits - 1);
        long sign = r.nextBoolean() ? 1L << (fracBits + expBits) : 0;
        long frac = significand(r, fracMask);
        long e;
        switch (r.nextInt(20)) {
            case 0 -> {
                return sign; // zero
            }
            case 1 -> {
                return sign | (frac == 0 ? 1 : frac); // subnormal
            }
            case 2 -> {
                return sign | (expAll << fracBits); // infinity
            }
            case 3 -> {
                return sign | (expAll << fracBits) | quiet | frac; // quiet NaN
            }
            case 4 -> {
                long payload = frac & ~quiet;
                return sign | (expAll << fracBits) | (payload == 0 ? 1 : payload); // signalling NaN
            }
            case 5, 6 -> e = expAll - 1 - r.nextInt(4); // near overflow
            case 7, 8 -> e = 1 + r.nextInt(4); // near MIN_NORMAL
            case 9, 10 -> e = bias + (bias >>> 1) + 1 - r.nextInt(4); // squares near overflow
            case 11, 12 -> e = bias - (bias >>> 1) - 1 + r.nextInt(4); // squares near MIN_NORMAL
            case 13, 14 -> e = bias - 3 + r.nextInt(7); // near 1
            default -> e = 1 + r.nextInt((int) expAll - 1); // any normal
        }
        return sign | (e << fracBits) | frac;
    }

    private static long significand(SplittableRandom r, long m) {
        return switch (r.nextInt(8)) {
            case 0 -> 0;
            case 1 -> m;
            case 2 -> r.nextLong() & r.nextLong() & r.nextLong() & m;
            case 3 -> (r.nextLong() | r.nextLong() | r.nextLong()) & m;
            case 4 -> m ^ r.nextInt(4);
            case 5 -> r.nextInt(4);
            default -> r.nextLong() & m;
        };
    }

    private static long randomD(SplittableRandom r) {
        return encoding(r, 52, 11);
    }

    /** A single register: usually properly NaN-boxed, sometimes not. */
    private static long randomS(SplittableRandom r) {
        long bits = encoding(r, 23, 8);
        if (r.nextInt(16) != 0) {
            return NanBox.boxS((int) bits);
        }
        return switch (r.nextInt(3)) {
            case 0 -> bits; // upper half zero
            case 1 -> (r.nextLong() & 0xffff_ffff_0000_0000L) | bits;
            default -> (0xffff_ffff_0000_0000L ^ (1L << (32 + r.nextInt(32)))) | bits;
        };
    }

    private static double nudge(double v, SplittableRandom r) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) + r.nextInt(7) - 3);
    }

    private static float nudge(float v, SplittableRandom r) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) + r.nextInt(7) - 3);
    }

    private static double targetD(SplittableRandom r) {
        double t = switch (r.nextInt(5)) {
            case 0, 1 -> Double.MIN_NORMAL;
            case 2 -> Double.MAX_VALUE;
            case 3 -> Double.MIN_NORMAL * 2;
            default -> Double.MIN_NORMAL * (1 + r.nextDouble());
        };
        return r.nextBoolean() ? t : -t;
    }

    private static float targetS(SplittableRandom r) {
        float t = switch (r.nextInt(5)) {
            case 0, 1 -> Float.MIN_NORMAL;
            case 2 -> Float.MAX_VALUE;
            case 3 -> Float.MIN_NORMAL * 2;
            default -> Float.MIN_NORMAL * (1 + r.nextFloat());
        };
        return r.nextBoolean() ? t : -t;
    }

    /** A normal double with a random significand and exponent in [lo, hi]. */
    private static double scaledD(SplittableRandom r, int lo, int hi) {
        double m = Double.longBitsToDouble(0x3ff0_0000_0000_0000L | significand(r, (1L << 52) - 1));
        return Math.scalb(r.nextBoolean() ? m : -m, lo + r.nextInt(hi - lo + 1));
    }

    private static float scaledS(SplittableRandom r, int lo, int hi) {
        float m = Float.intBitsToFloat(0x3f80_0000 | (int) significand(r, (1L << 23) - 1));
        return Math.scalb(r.nextBoolean() ? m : -m, lo + r.nextInt(hi - lo + 1));
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static long box(float f) {
        return NanBox.boxS(Float.floatToRawIntBits(f));
    }

    // ------------------------------------------------------------------ random tests

    @Test
    void doubleRandomOperands() {
        SplittableRandom r = new SplittableRandom(0x4a52_d001L);
        for (int i = 0; i < RANDOM_CASES; i++) {
            long a = randomD(r);
            long b = randomD(r);
            long c = randomD(r);
            addD(a, b);
            subD(a, b);
            mulD(a, b);
            divD(a, b);
            sqrtD(a);
            fmaD(a, b, c);
        }
        // Operands aimed at results around MIN_NORMAL and MAX_VALUE, where rounding decides
        // between a normal, a subnormal, MIN_NORMAL with or without UF, MAX_VALUE or overflow.
        for (int i = 0; i < RANDOM_CASES; i++) {
            double t = targetD(r);
            double a = Math.abs(t) == Double.MAX_VALUE ? scaledD(r, 1000, 1023) : scaledD(r, -1030, -1000);
            addD(bits(a), bits(nudge(t - a, r)));
            subD(bits(a), bits(nudge(a - t, r)));
            double m = scaledD(r, -60, 60);
            mulD(bits(m), bits(nudge(t / m, r)));
            divD(bits(nudge(t * m, r)), bits(m));
            // a*b near k*t and c near (1-k)*t: the exact sum lands anywhere within ulps of t
            double k = Math.abs(t) == Double.MAX_VALUE || r.nextBoolean() ? 0.5 : 2;
            double n = nudge(k * t / m, r);
            fmaD(bits(m), bits(n), bits(nudge(Math.fma(-m, n, t), r)));
            // c at the target, a*b a fraction of its ulp (scaled so the product is exact)
            double small = Math.ulp(t) * 0x1p60 * (r.nextDouble() * 2 - 1) * (r.nextBoolean() ? 1 : 0.5);
            fmaD(bits(nudge(small, r)), bits(0x1p-60), bits(t));
            sqrtD(bits(r.nextBoolean() ? scaledD(r, 1000, 1023) : scaledD(r, -1074, -1000)) & ~DSIGN);
        }
        assertNoFailures("doubleRandomOperands");
    }

    @Test
    void singleRandomOperands() {
        SplittableRandom r = new SplittableRandom(0x4a52_5001L);
        for (int i = 0; i < RANDOM_CASES; i++) {
            long a = randomS(r);
            long b = randomS(r);
            long c = randomS(r);
            addS(a, b);
            subS(a, b);
            mulS(a, b);
            divS(a, b);
            sqrtS(a);
            fmaS(a, b, c);
        }
        for (int i = 0; i < RANDOM_CASES; i++) {
            float t = targetS(r);
            float a = Math.abs(t) == Float.MAX_VALUE ? scaledS(r, 110, 127) : scaledS(r, -130, -110);
            addS(box(a), box(nudge(t - a, r)));
            subS(box(a), box(nudge(a - t, r)));
            float m = scaledS(r, -30, 30);
            mulS(box(m), box(nudge(t / m, r)));
            divS(box(nudge(t * m, r)), box(m));
            float k = Math.abs(t) == Float.MAX_VALUE || r.nextBoolean() ? 0.5f : 2;
            float n = nudge(k * t / m, r);
            fmaS(box(m), box(n), box(nudge((float) (t - (double) m * n), r))); // m*n is exact in double
            float small = Math.ulp(t) * 0x1p30f * (r.nextFloat() * 2 - 1) * (r.nextBoolean() ? 1 : 0.5f);
            fmaS(box(nudge(small, r)), box(0x1p-30f), box(t));
            // single fma whose a*b is a binary32 midpoint, plus a c too small for binary64
            int odd = (1 << 23) | r.nextInt(1 << 21) << 1 | 1;
            float p = Math.scalb((float) odd, r.nextInt(40) - 20 - 23);
            float q = Math.scalb(3f, r.nextInt(20) - 10);
            float z = Math.scalb(Math.ulp(p * q), -(30 + r.nextInt(60))) * (r.nextBoolean() ? 1 : -1);
            fmaS(box(p), box(q), box(z));
            sqrtS(box(Math.abs(r.nextBoolean() ? scaledS(r, 100, 127) : scaledS(r, -149, -120))));
        }
        assertNoFailures("singleRandomOperands");
    }

    // ------------------------------------------------------------------ not vacuous

    @Test
    void ordinaryOperandsMostlyTakeTheShortcut() {
        SplittableRandom r = new SplittableRandom(0x0dd_0001L);
        int[] hits = new int[12];
        for (int i = 0; i < ORDINARY_CASES; i++) {
            long a = bits(scaledD(r, -60, 60));
            long b = bits(scaledD(r, -60, 60));
            long c = bits(scaledD(r, -60, 60));
            hits[0] += addD(a, b) ? 1 : 0;
            hits[1] += subD(a, b) ? 1 : 0;
            hits[2] += mulD(a, b) ? 1 : 0;
            hits[3] += divD(a, b) ? 1 : 0;
            hits[4] += sqrtD(a & ~DSIGN) ? 1 : 0;
            hits[5] += fmaD(a, b, c);
            long as = box(scaledS(r, -30, 30));
            long bs = box(scaledS(r, -30, 30));
            long cs = box(scaledS(r, -30, 30));
            hits[6] += addS(as, bs) ? 1 : 0;
            hits[7] += subS(as, bs) ? 1 : 0;
            hits[8] += mulS(as, bs) ? 1 : 0;
            hits[9] += divS(as, bs) ? 1 : 0;
            hits[10] += sqrtS(as & ~0x8000_0000L) ? 1 : 0;
            hits[11] += fmaS(as, bs, cs);
        }
        String[] names = {"fadd.d", "fsub.d", "fmul.d", "fdiv.d", "fsqrt.d", "fma*.d", "fadd.s", "fsub.s", "fmul.s", "fdiv.s",
            "fsqrt.s", "fma*.s"};
        for (int k = 0; k < hits.length; k++) {
            int total = k == 5 || k == 11 ? 4 * ORDINARY_CASES : ORDINARY_CASES;
            assertTrue(hits[k] >= total * 0.95, names[k] + ": only " + hits[k] + " of " + total + " ordinary cases took the shortcut");
        }
        assertNoFailures("ordinaryOperandsMostlyTakeTheShortcut");
    }

    // ------------------------------------------------------------------ hand-picked edges

    private static final double DMIN = Double.MIN_NORMAL;
    private static final double DMAX = Double.MAX_VALUE;
    private static final double BELOW_ONE_D = 0x1.fffffffffffffp-1; // 1 - 2^-53
    private static final double ABOVE_ONE_D = 0x1.0000000000001p0; // 1 + 2^-52
    private static final long SNAN_D = 0x7ff0_0000_0000_0001L;
    private static final long QNAN_D = 0x7ff8_0000_0000_0000L;

    private void expect(boolean answers, boolean taken, String what) {
        if (answers != taken) {
            failureCount++;
            failures.add(what + ": expected " + (answers ? "an answer" : "FAIL") + " from the shortcut");
        }
    }

    @Test
    void doubleEdgeCases() {
        double inf = Double.POSITIVE_INFINITY;
        double largestSub = DMIN - Double.MIN_VALUE;
        // add: exact MIN_NORMAL from subnormals, just above, MAX_VALUE kept / overflowed
        addD(bits(0x1p-1023), bits(0x1p-1023)); // exactly MIN_NORMAL
        expect(false, addD(bits(DMIN), bits(-Double.MIN_VALUE)), "largest subnormal sum");
        expect(true, addD(bits(DMIN), bits(Double.MIN_VALUE)), "MIN_NORMAL + ulp");
        expect(true, addD(bits(DMAX), bits(0x1p969)), "MAX + 2^969 rounds to MAX");
        expect(true, addD(bits(DMAX), bits(0x1p970 - 0x1p917)), "MAX + just under half ulp");
        expect(false, addD(bits(DMAX), bits(0x1p970)), "MAX + half ulp overflows");
        expect(false, addD(bits(DMAX), bits(DMAX)), "MAX + MAX");
        expect(false, addD(bits(1.0), bits(-1.0)), "1 - 1 = 0");
        expect(false, addD(bits(inf), bits(-inf)), "inf - inf");
        expect(false, addD(SNAN_D, bits(1.0)), "sNaN + 1");
        expect(false, addD(QNAN_D, bits(1.0)), "qNaN + 1");
        expect(false, addD(bits(inf), bits(1.0)), "inf + 1");
        expect(true, addD(bits(1.0), bits(0x1p-53)), "1 + 2^-53 (tie)");
        expect(false, subD(bits(DMAX), bits(-DMAX)), "MAX - -MAX");
        expect(false, subD(bits(DMIN), bits(DMIN / 2)), "MIN_NORMAL - MIN_NORMAL/2");
        expect(true, subD(bits(3 * DMIN), bits(DMIN)), "3 MIN - MIN");
        // mul
        expect(false, mulD(bits(BELOW_ONE_D), bits(DMIN)), "(1-2^-53) * MIN_NORMAL: MIN_NORMAL, tiny");
        expect(false, mulD(bits(441650591 * 0x1p-500), bits(20394401 * 0x1p-575)),
                        "(2^53-1) 2^-1075 as a product");
        mulD(bits(262143 * 0x1p-500), bits(68719738881.0 * 0x1p-576)); // (2^54-1) 2^-1076: MIN_NORMAL, not tiny
        mulD(bits(BELOW_ONE_D), bits(ABOVE_ONE_D * DMIN)); // rounds to MIN_NORMAL from above
        expect(false, mulD(bits(BELOW_ONE_D), bits(largestSub)), "below largest subnormal");
        expect(true, mulD(bits(ABOVE_ONE_D), bits(DMIN)), "MIN_NORMAL (1 + 2^-52)");
        expect(true, mulD(bits(0x1.fffffffffffffp511), bits(0x1.fffffffffffffp511)), "square near MAX");
        expect(true, mulD(bits(DMAX), bits(1.0)), "MAX * 1");
        expect(true, mulD(bits(DMAX), bits(BELOW_ONE_D)), "MAX * (1-2^-53)");
        expect(false, mulD(bits(DMAX), bits(ABOVE_ONE_D)), "MAX * (1+2^-52)");
        expect(false, mulD(bits(DMIN), bits(0.5)), "MIN/2");
        expect(false, mulD(bits(0.0), bits(inf)), "0 * inf");
        expect(false, mulD(bits(-0.0), bits(5.0)), "-0 * 5");
        expect(false, mulD(bits(0x1p-600), bits(0x1p-600)), "underflow to 0");
        // div
        expect(false, divD(bits(DMIN), bits(ABOVE_ONE_D)), "MIN / (1+2^-52): largest subnormal");
        expect(true, divD(bits(DMIN), bits(BELOW_ONE_D)), "MIN / (1-2^-53): MIN + ulp");
        expect(false, divD(bits(9007199254740991.0 * 0x1p-1000), bits(0x1p75)), "(2^53-1) 2^-1075 as a quotient");
        expect(false, divD(bits(DMIN), bits(2.0)), "MIN / 2");
        expect(false, divD(bits(DMAX), bits(0.5)), "MAX / 0.5");
        expect(true, divD(bits(DMAX), bits(1.0)), "MAX / 1");
        expect(false, divD(bits(1.0), bits(0.0)), "1 / 0");
        expect(false, divD(bits(0.0), bits(0.0)), "0 / 0");
        expect(false, divD(bits(1.0), bits(inf)), "1 / inf");
        expect(true, divD(bits(1.0), bits(3.0)), "1 / 3");
        // sqrt
        expect(true, sqrtD(bits(DMAX)), "sqrt MAX");
        expect(true, sqrtD(bits(DMIN)), "sqrt MIN_NORMAL");
        expect(true, sqrtD(bits(Double.MIN_VALUE)), "sqrt smallest subnormal");
        expect(true, sqrtD(bits(2.0)), "sqrt 2");
        expect(false, sqrtD(bits(-1.0)), "sqrt -1");
        expect(false, sqrtD(bits(-0.0)), "sqrt -0");
        expect(false, sqrtD(bits(0.0)), "sqrt 0");
        expect(false, sqrtD(bits(inf)), "sqrt inf");
        expect(false, sqrtD(SNAN_D), "sqrt sNaN");
        // fma (fmadd form asserted; the other three forms are checked by the agreement check)
        expect(false, fmaD(bits(-0x1p-1000), bits(0x1p-75), bits(DMIN)) == 4, "MIN - 2^-1075: MIN_NORMAL, tiny");
        fmaD(bits(0x1p-1000), bits(0x1p-75), bits(DMIN)); // MIN + 2^-1075: tie to MIN_NORMAL
        fmaD(bits(0x1p-1000), bits(0x1.8p-75), bits(DMIN)); // rounds up to MIN + ulp
        fmaD(bits(-0x1p-1000), bits(0x1.8p-75), bits(DMIN)); // rounds to the largest subnormal
        fmaD(bits(-0x1p-1000), bits(0x1p-76), bits(DMIN)); // MIN - 2^-1076
        fmaD(bits(DMAX), bits(2.0), bits(-DMAX)); // a product beyond MAX, exact result MAX
        FloatFlags f = nx();
        assertEquals(bits(DMAX), HardFloat.fmaD(DMAX, 2.0, -DMAX));
        assertEquals(bits(DMAX), DoubleOps.fmadd(bits(DMAX), bits(2.0), bits(-DMAX), Rm.RNE, f));
        assertEquals(NX, f.bits);
        fmaD(bits(0x1p969), bits(1.0), bits(DMAX)); // MAX
        fmaD(bits(0x1p970), bits(1.0), bits(DMAX)); // overflow
        fmaD(bits(1.0), bits(1.0), bits(-1.0)); // zero
        fmaD(bits(0.0), bits(inf), QNAN_D); // invalid
        fmaD(bits(1e300), bits(1e300), bits(-inf));
        fmaD(bits(DMIN), bits(0.5), bits(0.0)); // subnormal
        fmaD(SNAN_D, bits(1.0), bits(1.0));
        fmaD(bits(0.0), bits(5.0), bits(1.0)); // exactly c
        assertNoFailures("doubleEdgeCases");
    }

    @Test
    void singleEdgeCases() {
        float fmin = Float.MIN_NORMAL;
        float fmax = Float.MAX_VALUE;
        float belowOne = 0x1.fffffep-1f;
        float aboveOne = 0x1.000002p0f;
        float inf = Float.POSITIVE_INFINITY;
        long snan = NanBox.boxS(0x7f80_0001);
        long qnan = NanBox.boxS(0x7fc0_0000);
        addS(box(0x1p-127f), box(0x1p-127f)); // exactly MIN_NORMAL
        expect(true, addS(box(fmin), box(Float.MIN_VALUE)), "s: MIN + ulp");
        expect(true, addS(box(fmax), box(0x1p102f)), "s: MAX + quarter ulp");
        expect(false, addS(box(fmax), box(0x1p103f)), "s: MAX + half ulp overflows");
        expect(false, addS(box(1f), box(-1f)), "s: 1 - 1");
        expect(false, addS(snan, box(1f)), "s: sNaN + 1");
        expect(false, addS(qnan, box(1f)), "s: qNaN + 1");
        expect(false, subS(box(inf), box(inf)), "s: inf - inf");
        expect(false, mulS(box(belowOne), box(fmin)), "s: (1-2^-24) MIN: MIN_NORMAL, tiny");
        expect(false, mulS(box(4095 * 0x1p-75f), box(4097 * 0x1p-75f)), "s: (2^24-1) 2^-150 as a product");
        expect(false, mulS(box(belowOne), box(Float.MIN_NORMAL - Float.MIN_VALUE)), "s: below largest subnormal");
        expect(true, mulS(box(aboveOne), box(fmin)), "s: MIN (1 + 2^-23)");
        expect(true, mulS(box(fmax), box(belowOne)), "s: MAX (1-2^-24)");
        expect(false, mulS(box(fmax), box(aboveOne)), "s: MAX (1+2^-23)");
        expect(false, divS(box(fmin), box(aboveOne)), "s: MIN / (1+2^-23)");
        expect(true, divS(box(fmin), box(belowOne)), "s: MIN / (1-2^-24)");
        expect(false, divS(box(16777215f * 0x1p-100f), box(0x1p50f)), "s: (2^24-1) 2^-150 as a quotient");
        expect(false, divS(box(1f), box(0f)), "s: 1 / 0");
        expect(true, divS(box(1f), box(3f)), "s: 1 / 3");
        expect(true, sqrtS(box(fmax)), "s: sqrt MAX");
        expect(true, sqrtS(box(Float.MIN_VALUE)), "s: sqrt smallest subnormal");
        expect(false, sqrtS(box(-1f)), "s: sqrt -1");
        expect(false, sqrtS(box(-0f)), "s: sqrt -0");
        expect(false, sqrtS(snan), "s: sqrt sNaN");
        expect(false, fmaS(box(-0x1p-100f), box(0x1p-50f), box(fmin)) == 4, "s: MIN - 2^-150, tiny");
        fmaS(box(0x1p-100f), box(0x1p-50f), box(fmin));
        fmaS(box(0x1p-100f), box(0x1.8p-50f), box(fmin));
        fmaS(box(-0x1p-100f), box(0x1.8p-50f), box(fmin));
        fmaS(box(fmax), box(2f), box(-fmax));
        fmaS(box(0x1p102f), box(1f), box(fmax)); // MAX
        fmaS(box(0x1p103f), box(1f), box(fmax)); // overflow
        fmaS(box(0f), box(inf), qnan);
        fmaS(box(fmin), box(0.5f), box(0f));
        // improperly NaN-boxed operands read as the canonical NaN: never answered
        long[] unboxed = {Float.floatToRawIntBits(1f) & 0xffff_ffffL, 0x1234_5678_3f80_0000L, 0x7fff_ffff_4000_0000L,
            0xffff_fffe_3f80_0000L, 0x0000_0000_0000_0000L};
        for (long u : unboxed) {
            expect(false, addS(u, box(1f)), "s: unboxed + 1");
            expect(false, subS(box(1f), u), "s: 1 - unboxed");
            expect(false, mulS(u, box(2f)), "s: unboxed * 2");
            expect(false, divS(box(2f), u), "s: 2 / unboxed");
            expect(false, sqrtS(u), "s: sqrt unboxed");
            assertEquals(0, fmaS(u, box(1f), box(1f)), "s: fma with an unboxed operand");
            assertEquals(0, fmaS(box(1f), box(1f), u), "s: fma with an unboxed addend");
        }
        assertNoFailures("singleEdgeCases");
    }

    @Test
    void appliesOnlyToRneWithNxSet() {
        for (int rm = 0; rm <= 4; rm++) {
            for (int bits = 0; bits < 32; bits++) {
                FloatFlags f = new FloatFlags();
                f.bits = bits;
                assertEquals(rm == Rm.RNE && (bits & NX) != 0, HardFloat.applies(rm, f), "rm " + rm + " flags " + bits);
            }
        }
        assertFalse(Double.isFinite(Double.longBitsToDouble(FAIL)), "FAIL is a NaN, never an ordinary result");
    }
}
