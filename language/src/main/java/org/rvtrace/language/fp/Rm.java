package org.rvtrace.language.fp;

/**
 * Static rounding modes, encoded as in the instructions' {@code rm} field and in {@code frm}.
 * The engine resolves DYN (7) to {@code frm} and rejects the reserved encodings 5 and 6 before
 * calling into this package, so every {@code rm} parameter here is one of these five.
 */
public final class Rm {
    /** Round to nearest, ties to even. */
    public static final int RNE = 0;
    /** Round towards zero. */
    public static final int RTZ = 1;
    /** Round down (towards negative infinity). */
    public static final int RDN = 2;
    /** Round up (towards positive infinity). */
    public static final int RUP = 3;
    /** Round to nearest, ties to max magnitude. */
    public static final int RMM = 4;

    private Rm() {
    }
}
