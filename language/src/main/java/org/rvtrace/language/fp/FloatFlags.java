package org.rvtrace.language.fp;

/**
 * Accrued IEEE exception flags, laid out exactly as the RISC-V {@code fflags} CSR
 * (and the low five bits of {@code fcsr}). Operations only ever OR bits in.
 */
public final class FloatFlags {
    /** Inexact. */
    public static final int NX = 1;
    /** Underflow: tiny after rounding and inexact. */
    public static final int UF = 2;
    /** Overflow. */
    public static final int OF = 4;
    /** Divide by zero. */
    public static final int DZ = 8;
    /** Invalid operation. */
    public static final int NV = 16;

    public int bits;
}
