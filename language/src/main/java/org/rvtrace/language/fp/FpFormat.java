package org.rvtrace.language.fp;

import java.math.BigInteger;

/**
 * Parameters of an IEEE-754 binary interchange format and bit-level predicates on its encodings.
 * Encodings are carried in a {@code long} (binary32 in the low 32 bits, upper bits zero).
 * Only the slow paths and the bit-level operations use this class; the fast paths use Java's
 * {@code double}/{@code float} directly.
 */
final class FpFormat {
    static final FpFormat SINGLE = new FpFormat(24, 8);
    static final FpFormat DOUBLE = new FpFormat(53, 11);

    /** Significand precision p, including the hidden bit. */
    final int precision;
    final int bias;
    /** Exponent of the smallest normal number. */
    final int emin;
    /** Exponent of the largest finite number. */
    final int emax;
    final long signBit;
    final long expMask;
    final long fracMask;
    final long infBits;
    final long maxFiniteBits;
    /** RISC-V canonical NaN: positive, quiet bit set, zero payload. */
    final long canonicalNaN;
    final long quietBit;

    private FpFormat(int precision, int exponentBits) {
        this.precision = precision;
        this.bias = (1 << (exponentBits - 1)) - 1;
        this.emin = 1 - bias;
        this.emax = bias;
        int fracBits = precision - 1;
        this.signBit = 1L << (fracBits + exponentBits);
        this.fracMask = (1L << fracBits) - 1;
        this.expMask = ((1L << exponentBits) - 1) << fracBits;
        this.infBits = expMask;
        this.maxFiniteBits = infBits - 1;
        this.quietBit = 1L << (fracBits - 1);
        this.canonicalNaN = infBits | quietBit;
    }

    boolean isNaN(long bits) {
        return (bits & ~signBit) > infBits;
    }

    boolean isSignalingNaN(long bits) {
        return isNaN(bits) && (bits & quietBit) == 0;
    }

    boolean isInf(long bits) {
        return (bits & ~signBit) == infBits;
    }

    boolean isZero(long bits) {
        return (bits & ~signBit) == 0;
    }

    boolean isNegative(long bits) {
        return (bits & signBit) != 0;
    }

    /** Integer significand of a finite encoding (hidden bit made explicit). */
    BigInteger significand(long bits) {
        long frac = bits & fracMask;
        return BigInteger.valueOf((bits & expMask) == 0 ? frac : frac | (fracMask + 1));
    }

    /** Exponent of the significand's unit bit: a finite value equals significand * 2^unitExponent. */
    int unitExponent(long bits) {
        int biased = (int) ((bits & expMask) >>> (precision - 1));
        return Math.max(biased, 1) - bias - (precision - 1);
    }
}
