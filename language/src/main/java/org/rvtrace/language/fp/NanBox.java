package org.rvtrace.language.fp;

/**
 * NaN-boxing of binary32 values in the 64-bit f registers (RISC-V unprivileged spec, "NaN Boxing
 * of Narrower Values"): a single-precision value is valid only if the upper 32 bits are all ones;
 * any other register content reads as the canonical NaN.
 */
public final class NanBox {
    public static final int CANONICAL_NAN_S = 0x7fc0_0000;
    public static final long CANONICAL_NAN_D = 0x7ff8_0000_0000_0000L;
    private static final long BOX = 0xffff_ffff_0000_0000L;

    private NanBox() {
    }

    /** The binary32 operand held in a register: its low half if properly boxed, else canonical NaN. */
    public static int unboxS(long reg) {
        return (reg & BOX) == BOX ? (int) reg : CANONICAL_NAN_S;
    }

    /** The register content for a binary32 result: upper 32 bits all ones. */
    public static long boxS(int bits) {
        return BOX | (bits & 0xffff_ffffL);
    }
}
