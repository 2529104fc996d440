package org.rvtrace.language.nodes;

/**
 * The instructions a {@link Terminator#VOLATILE_INSN} word may hold and be executed from
 * memory each time: what a patch site toggles between (nop, auipc, jalr with a link).
 * Anything else is decoded normally.
 */
final class VolatileInsn {
    static final int NOP = 0x00000013;
    private static final int AUIPC = 0x17;
    private static final int JALR = 0x67;

    private VolatileInsn() {
    }

    static boolean handles(int word) {
        return word == NOP || isAuipc(word) || isCall(word);
    }

    static boolean isAuipc(int word) {
        return (word & 0x7f) == AUIPC;
    }

    /** jalr rd, imm(rs1) with rd != x0. */
    static boolean isCall(int word) {
        return (word & 0x707f) == JALR && rd(word) != 0;
    }

    static int rd(int word) {
        return (word >>> 7) & 31;
    }

    static int rs1(int word) {
        return (word >>> 15) & 31;
    }

    /** The sign-extended I-type immediate. */
    static long imm12(int word) {
        return word >> 20;
    }

    /** The U-type immediate (already shifted), sign-extended. */
    static long imm20(int word) {
        return word & 0xfffff000;
    }
}
