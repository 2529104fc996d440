package org.rvtrace.language.fp;

import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;

/**
 * Differential test of the fast paths against the exact slow path (itself checked against qemu
 * by {@link QemuVectorTest}) on many more operands than the vector file holds, with operand
 * generators that construct exact and near rounding midpoints, where the fast paths'
 * error-term reasoning is most delicate.
 */
class FastPathAgreementTest {
    private static final int CASES = 30000;
    private static final FpFormat D = FpFormat.DOUBLE;
    private static final FpFormat S = FpFormat.SINGLE;

    private final List<String> failures = new ArrayList<>();

    interface Unary {
        long apply(long a, int rm, FloatFlags flags);
    }

    interface Binary {
        long apply(long a, long b, int rm, FloatFlags flags);
    }

    interface Ternary {
        long apply(long a, long b, long c, int rm, FloatFlags flags);
    }

    private void compare(String what, int rm, long fast, int fastFlags, long exact, int exactFlags, long... operands) {
        if ((fast != exact || fastFlags != exactFlags) && failures.size() < 20) {
            StringBuilder sb = new StringBuilder(what).append(" rm=").append(rm);
            for (long o : operands) {
                sb.append(' ').append(Long.toHexString(o));
            }
            failures.add(sb.append(String.format(": fast %x/%x, exact %x/%x", fast, fastFlags, exact, exactFlags)).toString());
        }
    }

    private void binary(String what, long seed, Binary fast, Binary exact, PairSource source) {
        RandomOperands r = new RandomOperands(seed);
        for (int rm = 0; rm <= 4; rm++) {
            for (int i = 0; i < CASES; i++) {
                long[] ab = source.next(r);
                FloatFlags f1 = new FloatFlags();
                FloatFlags f2 = new FloatFlags();
                long got = fast.apply(ab[0], ab[1], rm, f1);
                long want = exact.apply(ab[0], ab[1], rm, f2);
                compare(what, rm, got, f1.bits, want, f2.bits, ab);
            }
        }
    }

    private void unary(String what, long seed, Unary fast, Unary exact, ToLongFunction<RandomOperands> source) {
        RandomOperands r = new RandomOperands(seed);
        for (int rm = 0; rm <= 4; rm++) {
            for (int i = 0; i < CASES; i++) {
                long a = source.applyAsLong(r);
                FloatFlags f1 = new FloatFlags();
                FloatFlags f2 = new FloatFlags();
                compare(what, rm, fast.apply(a, rm, f1), f1.bits, exact.apply(a, rm, f2), f2.bits, a);
            }
        }
    }

    private void ternary(String what, long seed, Ternary fast, Ternary exact, TripleSource source) {
        RandomOperands r = new RandomOperands(seed);
        for (int rm = 0; rm <= 4; rm++) {
            for (int i = 0; i < CASES; i++) {
                long[] abc = source.next(r);
                FloatFlags f1 = new FloatFlags();
                FloatFlags f2 = new FloatFlags();
                long got = fast.apply(abc[0], abc[1], abc[2], rm, f1);
                long want = exact.apply(abc[0], abc[1], abc[2], rm, f2);
                compare(what, rm, got, f1.bits, want, f2.bits, abc);
            }
        }
    }

    interface PairSource {
        long[] next(RandomOperands r);
    }

    interface TripleSource {
        long[] next(RandomOperands r);
    }

    private void assertNoFailures() {
        if (!failures.isEmpty()) {
            fail("fast path disagrees with the exact path:\n" + String.join("\n", failures));
        }
    }

    // ------------------------------------------------------------------ operand sources

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f) & 0xffff_ffffL;
    }

    /** Random pairs, half of them b = +-ulp(a)/2 or 3ulp(a)/4: sums on or beside midpoints. */
    private static long[] doublePair(RandomOperands r) {
        double a = r.finiteDouble();
        double b = r.coin() ? r.finiteDouble() : Math.ulp(a) * (r.coin() ? 0.5 : 0.75) * (r.coin() ? 1 : -1);
        return new long[]{bits(a), bits(b)};
    }

    private static long[] singlePair(RandomOperands r) {
        float a = r.finiteFloat();
        float b = r.coin() ? r.finiteFloat() : Math.ulp(a) * (r.coin() ? 0.5f : 0.75f) * (r.coin() ? 1 : -1);
        return new long[]{bits(a), bits(b)};
    }

    /** fma operands: random; c = -(a*b) nudged (cancellation); c = +-ulp(a*b)/2 (near-midpoints). */
    private static long[] doubleTriple(RandomOperands r) {
        double a = r.finiteDouble();
        double b = r.finiteDouble();
        double p = a * b;
        double c = switch (r.below(4)) {
            case 0 -> Double.longBitsToDouble(bits(-p) + r.below(5) - 2);
            case 1 -> Math.ulp(p) * (r.coin() ? 0.5 : -0.5);
            case 2 -> { // short significands make a*b exact; c sits half an ulp away
                a = shortDouble(r);
                b = shortDouble(r);
                yield Math.ulp(a * b) * (r.coin() ? 0.5 : -0.5) * (r.coin() ? 1 : 3);
            }
            default -> r.finiteDouble();
        };
        return new long[]{bits(a), bits(b), bits(c)};
    }

    private static double shortDouble(RandomOperands r) {
        return Double.longBitsToDouble(bits(r.finiteDouble()) & ~((1L << 27) - 1));
    }

    /**
     * Single fma operands, including a*b exactly a binary32 midpoint (odd 24-bit significand
     * times 3) plus a tiny c that binary64 cannot absorb: the double-rounding trap.
     */
    private static long[] singleTriple(RandomOperands r) {
        float a = r.finiteFloat();
        float b = r.finiteFloat();
        float c = r.finiteFloat();
        switch (r.below(3)) {
            case 0 -> {
                int odd = (1 << 23) | r.below(1 << 21) << 1 | 1; // < 2^25 / 3, odd
                a = Math.scalb((float) odd, r.below(40) - 20 - 23);
                b = Math.scalb(3f, r.below(20) - 10) * (r.coin() ? 1 : -1);
                c = r.coin() ? 0 : Math.scalb(Math.ulp(a * b), -(30 + r.below(60))) * (r.coin() ? 1 : -1);
            }
            case 1 -> c = Float.intBitsToFloat(Float.floatToRawIntBits(-(a * b)) + r.below(5) - 2);
            default -> {
            }
        }
        return new long[]{bits(a), bits(b), bits(c)};
    }

    // ------------------------------------------------------------------ double

    @Test
    void doubleArithmetic() {
        binary("fadd.d", 1, DoubleOps::add, (a, b, rm, f) -> SlowPath.add(a, b, D, rm, f), FastPathAgreementTest::doublePair);
        binary("fmul.d", 2, DoubleOps::mul, (a, b, rm, f) -> SlowPath.mul(a, b, D, rm, f), FastPathAgreementTest::doublePair);
        binary("fdiv.d", 3, DoubleOps::div, (a, b, rm, f) -> SlowPath.div(a, b, D, rm, f), FastPathAgreementTest::doublePair);
        unary("fsqrt.d", 4, DoubleOps::sqrt, (a, rm, f) -> SlowPath.sqrt(a, D, rm, f), r -> r.encoding(D) & ~D.signBit);
        ternary("fmadd.d", 5, DoubleOps::fmadd, (a, b, c, rm, f) -> SlowPath.fma(a, b, c, D, rm, f),
                        FastPathAgreementTest::doubleTriple);
        ternary("fnmsub.d", 6, DoubleOps::fnmsub, (a, b, c, rm, f) -> SlowPath.fma(a ^ D.signBit, b, c, D, rm, f),
                        FastPathAgreementTest::doubleTriple);
        assertNoFailures();
    }

    @Test
    void singleArithmetic() {
        binary("fadd.s", 11, (a, b, rm, f) -> u(SingleOps.add((int) a, (int) b, rm, f)),
                        (a, b, rm, f) -> SlowPath.add(a, b, S, rm, f), FastPathAgreementTest::singlePair);
        binary("fmul.s", 12, (a, b, rm, f) -> u(SingleOps.mul((int) a, (int) b, rm, f)),
                        (a, b, rm, f) -> SlowPath.mul(a, b, S, rm, f), FastPathAgreementTest::singlePair);
        binary("fdiv.s", 13, (a, b, rm, f) -> u(SingleOps.div((int) a, (int) b, rm, f)),
                        (a, b, rm, f) -> SlowPath.div(a, b, S, rm, f), FastPathAgreementTest::singlePair);
        unary("fsqrt.s", 14, (a, rm, f) -> u(SingleOps.sqrt((int) a, rm, f)), (a, rm, f) -> SlowPath.sqrt(a, S, rm, f),
                        r -> r.encoding(S) & ~S.signBit);
        ternary("fmadd.s", 15, (a, b, c, rm, f) -> u(SingleOps.fmadd((int) a, (int) b, (int) c, rm, f)),
                        (a, b, c, rm, f) -> SlowPath.fma(a, b, c, S, rm, f), FastPathAgreementTest::singleTriple);
        assertNoFailures();
    }

    @Test
    void conversionsBetweenFormats() {
        unary("fcvt.s.d", 21, (a, rm, f) -> u(DoubleConvert.toSingle(a, rm, f)), SlowPath::narrow,
                        r -> r.coin() ? r.encoding(D) : r.withExponent(D, 1023 - 150 + r.below(300)));
        assertNoFailures();
    }

    @Test
    void integerToFloatingPoint() {
        unary("fcvt.d.l", 31, DoubleConvert::fromInt64, (v, rm, f) -> exactInt(BigInteger.valueOf(v), D, rm, f),
                        r -> r.integer(64, 53));
        unary("fcvt.d.lu", 32, DoubleConvert::fromUint64, (v, rm, f) -> exactInt(unsigned(v), D, rm, f),
                        r -> r.integer(64, 53));
        unary("fcvt.s.l", 33, (v, rm, f) -> u(SingleConvert.fromInt64(v, rm, f)),
                        (v, rm, f) -> exactInt(BigInteger.valueOf(v), S, rm, f), r -> r.integer(64, 24));
        unary("fcvt.s.lu", 34, (v, rm, f) -> u(SingleConvert.fromUint64(v, rm, f)),
                        (v, rm, f) -> exactInt(unsigned(v), S, rm, f), r -> r.integer(64, 24));
        unary("fcvt.s.w", 35, (v, rm, f) -> u(SingleConvert.fromInt32((int) v, rm, f)),
                        (v, rm, f) -> exactInt(BigInteger.valueOf((int) v), S, rm, f), r -> r.integer(32, 24));
        unary("fcvt.s.wu", 36, (v, rm, f) -> u(SingleConvert.fromUint32((int) v, rm, f)),
                        (v, rm, f) -> exactInt(BigInteger.valueOf(v & 0xffff_ffffL), S, rm, f), r -> r.integer(32, 24));
        assertNoFailures();
    }

    @Test
    void floatingPointToInteger() {
        unary("fcvt.w.d", 41, DoubleConvert::toInt32, (a, rm, f) -> exactToInt(a, D, 32, true, rm, f), FastPathAgreementTest::nearIntegers);
        unary("fcvt.wu.d", 42, DoubleConvert::toUint32, (a, rm, f) -> exactToInt(a, D, 32, false, rm, f), FastPathAgreementTest::nearIntegers);
        unary("fcvt.l.d", 43, DoubleConvert::toInt64, (a, rm, f) -> exactToInt(a, D, 64, true, rm, f), FastPathAgreementTest::nearIntegers);
        unary("fcvt.lu.d", 44, DoubleConvert::toUint64, (a, rm, f) -> exactToInt(a, D, 64, false, rm, f), FastPathAgreementTest::nearIntegers);
        assertNoFailures();
    }

    private static long nearIntegers(RandomOperands r) {
        return r.coin() ? r.encoding(D) : r.withExponent(D, 1023 - 2 + r.below(70));
    }

    // ------------------------------------------------------------------ independent references

    private static long u(int bits) {
        return bits & 0xffff_ffffL;
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    private static long exactInt(BigInteger v, FpFormat f, int rm, FloatFlags flags) {
        return ExactRounder.round(v.signum() < 0, v.abs(), 0, false, f, rm, flags);
    }

    /** fcvt to integer by BigDecimal rounding, then RISC-V saturation. */
    private static long exactToInt(long a, FpFormat f, int width, boolean signed, int rm, FloatFlags flags) {
        double x = Double.longBitsToDouble(a);
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO;
        BigInteger max = BigInteger.ONE.shiftLeft(signed ? width - 1 : width).subtract(BigInteger.ONE);
        BigInteger value;
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            value = max.add(BigInteger.ONE);
        } else if (x == Double.NEGATIVE_INFINITY) {
            value = min.subtract(BigInteger.ONE);
        } else {
            BigDecimal exact = new BigDecimal(x);
            RoundingMode mode = switch (rm) {
                case Rm.RNE -> RoundingMode.HALF_EVEN;
                case Rm.RTZ -> RoundingMode.DOWN;
                case Rm.RDN -> RoundingMode.FLOOR;
                case Rm.RUP -> RoundingMode.CEILING;
                default -> RoundingMode.HALF_UP;
            };
            value = exact.setScale(0, mode).toBigIntegerExact();
            if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0 && new BigDecimal(value).compareTo(exact) != 0) {
                flags.bits |= FloatFlags.NX;
            }
        }
        if (value.compareTo(max) > 0 || value.compareTo(min) < 0) {
            flags.bits |= FloatFlags.NV;
            value = value.compareTo(max) > 0 ? max : min;
        }
        long result = value.longValue();
        return width == 32 ? (int) result : result; // 32-bit results are sign-extended
    }
}
