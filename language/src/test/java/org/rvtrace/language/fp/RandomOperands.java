package org.rvtrace.language.fp;

import java.util.SplittableRandom;

/**
 * Deterministic random encodings biased towards what breaks floating-point code: extreme and
 * middle exponents, all-zero/all-one/sparse significands, and values near rounding midpoints.
 */
final class RandomOperands {
    private final SplittableRandom random;

    RandomOperands(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int below(int n) {
        return random.nextInt(n);
    }

    long nextLong() {
        return random.nextLong();
    }

    boolean coin() {
        return random.nextBoolean();
    }

    long encoding(FpFormat f) {
        int fracBits = f.precision - 1;
        int expField = (int) (f.expMask >>> fracBits); // all ones
        long e = switch (below(12)) {
            case 0 -> 0;
            case 1 -> 1 + below(3);
            case 2 -> expField - 1 - below(3);
            case 3 -> f.bias - 3 + below(7);
            case 4 -> below(64) == 0 ? expField : 1 + below(expField - 1);
            default -> 1 + below(expField - 1);
        };
        return withExponent(f, e);
    }

    /** A random encoding with the given biased exponent (clamped to the finite range). */
    long withExponent(FpFormat f, long biasedExp) {
        int fracBits = f.precision - 1;
        long maxFinite = (f.expMask >>> fracBits) - 1;
        long e = Math.max(0, Math.min(maxFinite, biasedExp));
        long sign = coin() ? f.signBit : 0;
        return sign | (e << fracBits) | significandField(f);
    }

    private long significandField(FpFormat f) {
        long m = f.fracMask;
        return switch (below(8)) {
            case 0 -> 0;
            case 1 -> m;
            case 2 -> nextLong() & nextLong() & nextLong() & m;
            case 3 -> (nextLong() | nextLong() | nextLong()) & m;
            case 4 -> nextLong() & (m << below(f.precision - 1)) & m;
            case 5 -> (nextLong() & m) ^ below(4);
            default -> nextLong() & m;
        };
    }

    double finiteDouble() {
        double d;
        do {
            d = Double.longBitsToDouble(encoding(FpFormat.DOUBLE));
        } while (!Double.isFinite(d));
        return d;
    }

    float finiteFloat() {
        float f;
        do {
            f = Float.intBitsToFloat((int) encoding(FpFormat.SINGLE));
        } while (!Float.isFinite(f));
        return f;
    }

    /** An integer of random bit length, often with a tie pattern below the p-bit rounding position. */
    long integer(int width, int precision) {
        int len = 1 + below(width);
        long x = len == 64 ? nextLong() : nextLong() & ((1L << len) - 1);
        if (len > precision && coin()) {
            int low = len - precision;
            long lowMask = (1L << low) - 1;
            long half = 1L << (low - 1);
            long[] patterns = {half, half - 1, half + 1, 0, lowMask};
            x = (x & ~lowMask) | (patterns[below(patterns.length)] & lowMask);
        }
        if (below(3) == 0) {
            x = -x;
        }
        return width == 32 ? x & 0xffff_ffffL : x;
    }
}
