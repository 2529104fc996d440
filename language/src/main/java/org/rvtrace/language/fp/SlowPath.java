package org.rvtrace.language.fp;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The reference implementation of every rounding operation, for both formats: special operands
 * (NaN, infinity, zero) by the RISC-V rules, everything else by exact integer arithmetic handed
 * to {@link ExactRounder}. The fast paths in {@link DoubleOps} and {@link SingleOps} fall back here
 * for special operands and for results that may overflow, be tiny, or need exact zero signs.
 * Each entry point is a {@link TruffleBoundary} so partial evaluation never inlines BigInteger code.
 */
final class SlowPath {
    private SlowPath() {
    }

    @TruffleBoundary
    static long add(long a, long b, FpFormat f, int rm, FloatFlags flags) {
        if (f.isNaN(a) || f.isNaN(b)) {
            return nanResult(f, flags, a, b);
        }
        if (f.isInf(a) || f.isInf(b)) {
            if (f.isInf(a) && f.isInf(b) && a != b) {
                return invalid(f, flags); // inf - inf
            }
            return f.isInf(a) ? a : b;
        }
        return exactSum(f.isNegative(a), f.significand(a), f.unitExponent(a),
                        f.isNegative(b), f.significand(b), f.unitExponent(b), f, rm, flags);
    }

    @TruffleBoundary
    static long mul(long a, long b, FpFormat f, int rm, FloatFlags flags) {
        if (f.isNaN(a) || f.isNaN(b)) {
            return nanResult(f, flags, a, b);
        }
        long sign = (a ^ b) & f.signBit;
        if (f.isInf(a) || f.isInf(b)) {
            return f.isZero(a) || f.isZero(b) ? invalid(f, flags) : sign | f.infBits;
        }
        BigInteger product = f.significand(a).multiply(f.significand(b));
        return ExactRounder.round(sign != 0, product, f.unitExponent(a) + f.unitExponent(b), false, f, rm, flags);
    }

    @TruffleBoundary
    static long div(long a, long b, FpFormat f, int rm, FloatFlags flags) {
        if (f.isNaN(a) || f.isNaN(b)) {
            return nanResult(f, flags, a, b);
        }
        long sign = (a ^ b) & f.signBit;
        if (f.isInf(a)) {
            return f.isInf(b) ? invalid(f, flags) : sign | f.infBits;
        }
        if (f.isInf(b)) {
            return sign;
        }
        if (f.isZero(b)) {
            if (f.isZero(a)) {
                return invalid(f, flags); // 0/0
            }
            flags.bits |= FloatFlags.DZ;
            return sign | f.infBits;
        }
        BigInteger divisor = f.significand(b);
        int shift = f.precision + 2 + divisor.bitLength(); // quotient gets at least p+2 bits
        BigInteger[] qr = f.significand(a).shiftLeft(shift).divideAndRemainder(divisor);
        int exp = f.unitExponent(a) - f.unitExponent(b) - shift;
        return ExactRounder.round(sign != 0, qr[0], exp, qr[1].signum() != 0, f, rm, flags);
    }

    @TruffleBoundary
    static long sqrt(long a, FpFormat f, int rm, FloatFlags flags) {
        if (f.isNaN(a)) {
            return nanResult(f, flags, a, a);
        }
        if (f.isZero(a)) {
            return a; // sqrt(-0) = -0
        }
        if (f.isNegative(a)) {
            return invalid(f, flags);
        }
        if (f.isInf(a)) {
            return a;
        }
        // Scale the significand by an even power of two so its integer root has >= p+2 bits.
        int exp = f.unitExponent(a);
        int shift = 2 * f.precision + 4 + (exp & 1);
        BigInteger radicand = f.significand(a).shiftLeft(shift);
        BigInteger root = radicand.sqrt();
        boolean sticky = !root.multiply(root).equals(radicand);
        return ExactRounder.round(false, root, (exp - shift) / 2, sticky, f, rm, flags);
    }

    /** a*b + c with a single rounding; the fmsub/fnmadd/fnmsub variants flip sign bits first. */
    @TruffleBoundary
    static long fma(long a, long b, long c, FpFormat f, int rm, FloatFlags flags) {
        boolean infTimesZero = (f.isInf(a) && f.isZero(b)) || (f.isZero(a) && f.isInf(b));
        if (f.isNaN(a) || f.isNaN(b) || f.isNaN(c)) {
            // RISC-V: 0 * inf is invalid even when the addend is a quiet NaN.
            if (infTimesZero) {
                flags.bits |= FloatFlags.NV;
            }
            return nanResult(f, flags, a, b, c);
        }
        if (infTimesZero) {
            return invalid(f, flags);
        }
        long productSign = (a ^ b) & f.signBit;
        if (f.isInf(a) || f.isInf(b)) {
            if (f.isInf(c) && (c & f.signBit) != productSign) {
                return invalid(f, flags); // inf - inf
            }
            return productSign | f.infBits;
        }
        if (f.isInf(c)) {
            return c;
        }
        BigInteger product = f.significand(a).multiply(f.significand(b));
        return exactSum(productSign != 0, product, f.unitExponent(a) + f.unitExponent(b),
                        f.isNegative(c), f.significand(c), f.unitExponent(c), f, rm, flags);
    }

    /** fcvt.s.d: binary64 encoding to binary32 encoding. */
    @TruffleBoundary
    static long narrow(long d, int rm, FloatFlags flags) {
        FpFormat from = FpFormat.DOUBLE;
        FpFormat to = FpFormat.SINGLE;
        long sign = from.isNegative(d) ? to.signBit : 0;
        if (from.isNaN(d)) {
            return nanResult(to, flags, from.isSignalingNaN(d));
        }
        if (from.isInf(d)) {
            return sign | to.infBits;
        }
        return ExactRounder.round(sign != 0, from.significand(d), from.unitExponent(d), false, to, rm, flags);
    }

    /**
     * Rounds (-1)^n1 * m1 * 2^e1 + (-1)^n2 * m2 * 2^e2. An exact zero sum is +0 except in RDN,
     * where it is -0; two zero terms of the same sign keep that sign (IEEE 754 section 6.3).
     */
    private static long exactSum(boolean n1, BigInteger m1, int e1, boolean n2, BigInteger m2, int e2,
                    FpFormat f, int rm, FloatFlags flags) {
        int e = Math.min(e1, e2);
        BigInteger t1 = m1.shiftLeft(e1 - e);
        BigInteger t2 = m2.shiftLeft(e2 - e);
        BigInteger sum = (n1 ? t1.negate() : t1).add(n2 ? t2.negate() : t2);
        if (sum.signum() == 0) {
            boolean bothZero = m1.signum() == 0 && m2.signum() == 0;
            boolean negZero = bothZero && n1 == n2 ? n1 : rm == Rm.RDN;
            return negZero ? f.signBit : 0;
        }
        return ExactRounder.round(sum.signum() < 0, sum.abs(), e, false, f, rm, flags);
    }

    private static long invalid(FpFormat f, FloatFlags flags) {
        flags.bits |= FloatFlags.NV;
        return f.canonicalNaN;
    }

    /** Arithmetic never propagates NaN payloads; a signaling NaN operand raises NV. */
    private static long nanResult(FpFormat f, FloatFlags flags, long a, long b) {
        return nanResult(f, flags, f.isSignalingNaN(a) || f.isSignalingNaN(b));
    }

    private static long nanResult(FpFormat f, FloatFlags flags, long a, long b, long c) {
        return nanResult(f, flags, f.isSignalingNaN(a) || f.isSignalingNaN(b) || f.isSignalingNaN(c));
    }

    private static long nanResult(FpFormat f, FloatFlags flags, boolean signaling) {
        if (signaling) {
            flags.bits |= FloatFlags.NV;
        }
        return f.canonicalNaN;
    }
}
