package org.rvtrace.language.fp;

import java.math.BigInteger;

/**
 * Rounds an exactly known real number to a binary format, IEEE-754 style, the reference every
 * slow path goes through. The number is {@code (-1)^neg * (mag + s) * 2^exp} where {@code s} is 0
 * when {@code sticky} is false and some unknown value strictly between 0 and 1 otherwise (the
 * non-zero remainder of a division or square root). Callers that pass {@code sticky} must give
 * {@code mag} at least p+2 bits so the sticky part lies below the rounding position.
 *
 * <p>Flags follow RISC-V: tininess is detected after rounding (with unbounded exponent range),
 * UF is raised only when the result is tiny and inexact, overflow raises OF and NX.
 */
final class ExactRounder {
    private ExactRounder() {
    }

    static long round(boolean neg, BigInteger mag, int exp, boolean sticky, FpFormat f, int rm, FloatFlags flags) {
        long sign = neg ? f.signBit : 0;
        if (mag.signum() == 0 && !sticky) {
            return sign;
        }
        int p = f.precision;
        int top = exp + mag.bitLength() - 1; // the value lies in [2^top, 2^(top+1))
        int quantumExp = Math.max(top, f.emin) - (p - 1);
        BigInteger m = roundAt(neg, mag, exp, sticky, quantumExp, rm);
        boolean inexact = isInexact(mag, exp, sticky, quantumExp);
        if (m.bitLength() > p) { // rounding carried out to 2^p: renormalise (exact)
            m = m.shiftRight(1);
            quantumExp++;
        }
        if (quantumExp + p - 1 > f.emax) {
            flags.bits |= FloatFlags.OF | FloatFlags.NX;
            return sign | overflowResult(neg, f, rm);
        }
        if (inexact) {
            flags.bits |= FloatFlags.NX;
            if (isTinyAfterRounding(neg, mag, exp, sticky, top, f, rm)) {
                flags.bits |= FloatFlags.UF;
            }
        }
        return sign | encode(m.longValue(), quantumExp, f);
    }

    /**
     * Packs m * 2^quantumExp, m < 2^p. A p-bit m is a normal number. A shorter m only occurs with
     * the subnormal quantum 2^(emin-p+1) and is its own encoding (exponent field 0); that same
     * quantum with a p-bit m yields exponent field 1, i.e. the formula below covers both.
     */
    private static long encode(long m, int quantumExp, FpFormat f) {
        if (m <= f.fracMask) {
            return m;
        }
        long biasedExp = quantumExp + (f.precision - 1) + f.bias;
        return (biasedExp << (f.precision - 1)) | (m & f.fracMask);
    }

    /** The largest finite value or infinity, whichever the rounding direction selects. */
    static long overflowResult(boolean neg, FpFormat f, int rm) {
        boolean toInfinity = switch (rm) {
            case Rm.RTZ -> false;
            case Rm.RDN -> neg;
            case Rm.RUP -> !neg;
            default -> true; // RNE, RMM
        };
        return toInfinity ? f.infBits : f.maxFiniteBits;
    }

    /** Tiny: the result rounded to p bits as if the exponent were unbounded is below 2^emin. */
    private static boolean isTinyAfterRounding(boolean neg, BigInteger mag, int exp, boolean sticky, int top,
                    FpFormat f, int rm) {
        if (top >= f.emin) {
            return false;
        }
        int unboundedQuantum = top - (f.precision - 1);
        BigInteger m = roundAt(neg, mag, exp, sticky, unboundedQuantum, rm);
        int roundedTop = unboundedQuantum + m.bitLength() - 1;
        return roundedTop < f.emin;
    }

    private static boolean isInexact(BigInteger mag, int exp, boolean sticky, int quantumExp) {
        int shift = quantumExp - exp;
        return sticky || (shift > 0 && mag.signum() != 0 && mag.getLowestSetBit() < shift);
    }

    /** Rounds the value to an integer multiple of 2^quantumExp; returns that multiple. */
    static BigInteger roundAt(boolean neg, BigInteger mag, int exp, boolean sticky, int quantumExp, int rm) {
        int shift = quantumExp - exp;
        if (shift <= 0) {
            if (!sticky) {
                return mag.shiftLeft(-shift);
            }
            // Make room for the rounding position below the quantum (not reached by the callers).
            int extra = 2 - shift;
            return roundAt(neg, mag.shiftLeft(extra), exp - extra, true, quantumExp, rm);
        }
        BigInteger kept = mag.shiftRight(shift);
        boolean halfBit = mag.testBit(shift - 1);
        boolean belowHalf = sticky || (mag.signum() != 0 && mag.getLowestSetBit() < shift - 1);
        boolean inexact = halfBit || belowHalf;
        boolean up = switch (rm) {
            case Rm.RNE -> halfBit && (belowHalf || kept.testBit(0));
            case Rm.RMM -> halfBit;
            case Rm.RDN -> neg && inexact;
            case Rm.RUP -> !neg && inexact;
            default -> false; // RTZ
        };
        return up ? kept.add(BigInteger.ONE) : kept;
    }
}
