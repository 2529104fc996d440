package org.rvtrace.language.isa;

/** Builds 32-bit encodings, one method per format: used to expand RVC and to assemble trampolines. */
public final class Encode {
    private Encode() {
    }

    public static int r(int opcode, int rd, int funct3, int rs1, int rs2, int funct7) {
        return (funct7 << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
    }

    public static int i(int opcode, int rd, int funct3, int rs1, long imm) {
        return ((int) imm << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
    }

    public static int s(int opcode, int funct3, int rs1, int rs2, long imm) {
        int v = (int) imm;
        return ((v >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | ((v & 0x1f) << 7) | opcode;
    }

    public static int b(int opcode, int funct3, int rs1, int rs2, long imm) {
        int v = (int) imm;
        return (((v >> 12) & 1) << 31) | (((v >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12)
                        | (((v >> 1) & 0xf) << 8) | (((v >> 11) & 1) << 7) | opcode;
    }

    public static int u(int opcode, int rd, long imm) {
        return ((int) imm & 0xfffff000) | (rd << 7) | opcode;
    }

    public static int j(int opcode, int rd, long imm) {
        int v = (int) imm;
        return (((v >> 20) & 1) << 31) | (((v >> 1) & 0x3ff) << 21) | (((v >> 11) & 1) << 20) | (((v >> 12) & 0xff) << 12)
                        | (rd << 7) | opcode;
    }

    // Named instructions the rest of rvtrace assembles.
    public static final int OP_IMM = 0x13;
    public static final int LOAD = 0x03;
    public static final int STORE = 0x23;
    public static final int JALR = 0x67;
    public static final int AUIPC = 0x17;
    public static final int NOP = 0x00000013;

    public static int addi(int rd, int rs1, long imm) {
        return i(OP_IMM, rd, 0, rs1, imm);
    }

    public static int ld(int rd, int rs1, long imm) {
        return i(LOAD, rd, 3, rs1, imm);
    }

    public static int sd(int rs2, int rs1, long imm) {
        return s(STORE, 3, rs1, rs2, imm);
    }

    public static int jalr(int rd, int rs1, long imm) {
        return i(JALR, rd, 0, rs1, imm);
    }

    public static int auipc(int rd, long imm) {
        return u(AUIPC, rd, imm);
    }

    /** rvtrace's {@code hostcall id} (see {@link RvtraceExt}). */
    public static int hostcall(int id) {
        return (id << 12) | RvtraceExt.HOSTCALL;
    }
}
