package org.rvtrace.language.isa;

import java.util.List;

/**
 * The C extension (RV64C) as data: each 16-bit instruction is defined by the 32-bit
 * instruction it expands to (ISA manual, "RVC Instruction Set Listings"), so compressed
 * code needs no semantics of its own. Fields named with a prime (rd', rs1', rs2') are the
 * 3-bit register numbers x8..x15.
 */
final class Rvc {
    private Rvc() {
    }

    /** Expands one compressed instruction; returns 0 when it is reserved or illegal. */
    @FunctionalInterface
    interface Expansion {
        int expand(int c);
    }

    record Row(int mask, int match, String mnemonic, Expansion expansion) {
        static Row of(String pattern, String mnemonic, Expansion e) {
            String bits = pattern.replace(" ", "");
            if (bits.length() != 16) {
                throw new IllegalArgumentException(mnemonic + ": pattern must have 16 bits");
            }
            int mask = 0;
            int match = 0;
            for (int i = 0; i < 16; i++) {
                int bit = 1 << (15 - i);
                char ch = bits.charAt(i);
                if (ch != '-') {
                    mask |= bit;
                    if (ch == '1') {
                        match |= bit;
                    }
                }
            }
            return new Row(mask, match, mnemonic, e);
        }
    }

    // ---- field extraction
    private static int bit(int c, int n) {
        return (c >>> n) & 1;
    }

    private static int bits(int c, int hi, int lo) {
        return (c >>> lo) & ((1 << (hi - lo + 1)) - 1);
    }

    private static int rdFull(int c) {
        return bits(c, 11, 7);
    }

    private static int rs2Full(int c) {
        return bits(c, 6, 2);
    }

    private static int rdPrime(int c) {
        return 8 + bits(c, 4, 2);
    }

    private static int rs1Prime(int c) {
        return 8 + bits(c, 9, 7);
    }

    /** The 6-bit signed immediate imm[5] = c[12], imm[4:0] = c[6:2] (c.addi, c.li, c.andi, ...). */
    private static int imm6(int c) {
        return (-bit(c, 12) << 5) | bits(c, 6, 2);
    }

    private static int shamt(int c) {
        return (bit(c, 12) << 5) | bits(c, 6, 2);
    }

    /** c.lw/c.sw offset: uimm[5:3] = c[12:10], uimm[2] = c[6], uimm[6] = c[5]. */
    private static int uimmW(int c) {
        return (bits(c, 12, 10) << 3) | (bit(c, 6) << 2) | (bit(c, 5) << 6);
    }

    /** c.ld/c.sd/c.fld/c.fsd offset: uimm[5:3] = c[12:10], uimm[7:6] = c[6:5]. */
    private static int uimmD(int c) {
        return (bits(c, 12, 10) << 3) | (bits(c, 6, 5) << 6);
    }

    private static int jOffset(int c) {
        int v = (bit(c, 12) << 11) | (bit(c, 11) << 4) | (bits(c, 10, 9) << 8) | (bit(c, 8) << 10) | (bit(c, 7) << 6)
                        | (bit(c, 6) << 7) | (bits(c, 5, 3) << 1) | (bit(c, 2) << 5);
        return (v << 20) >> 20;
    }

    private static int bOffset(int c) {
        int v = (bit(c, 12) << 8) | (bits(c, 11, 10) << 3) | (bits(c, 6, 5) << 6) | (bits(c, 4, 3) << 1) | (bit(c, 2) << 5);
        return (v << 23) >> 23;
    }

    private static final int LOAD = 0x03;
    private static final int LOAD_FP = 0x07;
    private static final int STORE = 0x23;
    private static final int STORE_FP = 0x27;
    private static final int OP_IMM = 0x13;
    private static final int OP_IMM_32 = 0x1b;
    private static final int OP = 0x33;
    private static final int OP_32 = 0x3b;
    private static final int LUI = 0x37;
    private static final int BRANCH = 0x63;
    private static final int JALR = 0x67;
    private static final int JAL = 0x6f;

    private static final int SP = 2;

    static final List<Row> TABLE = List.of(
        // ---- quadrant 0
        Row.of("000 -------- --- 00", "c.addi4spn", c -> {
            int nzuimm = (bits(c, 12, 11) << 4) | (bits(c, 10, 7) << 6) | (bit(c, 6) << 2) | (bit(c, 5) << 3);
            return nzuimm == 0 ? 0 : Encode.i(OP_IMM, rdPrime(c), 0, SP, nzuimm);
        }),
        Row.of("001 --- --- -- --- 00", "c.fld", c -> Encode.i(LOAD_FP, rdPrime(c), 3, rs1Prime(c), uimmD(c))),
        Row.of("010 --- --- -- --- 00", "c.lw", c -> Encode.i(LOAD, rdPrime(c), 2, rs1Prime(c), uimmW(c))),
        Row.of("011 --- --- -- --- 00", "c.ld", c -> Encode.i(LOAD, rdPrime(c), 3, rs1Prime(c), uimmD(c))),
        Row.of("101 --- --- -- --- 00", "c.fsd", c -> Encode.s(STORE_FP, 3, rs1Prime(c), rdPrime(c), uimmD(c))),
        Row.of("110 --- --- -- --- 00", "c.sw", c -> Encode.s(STORE, 2, rs1Prime(c), rdPrime(c), uimmW(c))),
        Row.of("111 --- --- -- --- 00", "c.sd", c -> Encode.s(STORE, 3, rs1Prime(c), rdPrime(c), uimmD(c))),

        // ---- quadrant 1
        Row.of("000 - ----- ----- 01", "c.addi", c -> Encode.i(OP_IMM, rdFull(c), 0, rdFull(c), imm6(c))),
        Row.of("001 - ----- ----- 01", "c.addiw", c -> rdFull(c) == 0 ? 0 : Encode.i(OP_IMM_32, rdFull(c), 0, rdFull(c), imm6(c))),
        Row.of("010 - ----- ----- 01", "c.li", c -> Encode.i(OP_IMM, rdFull(c), 0, 0, imm6(c))),
        Row.of("011 - 00010 ----- 01", "c.addi16sp", c -> {
            int v = (bit(c, 12) << 9) | (bit(c, 6) << 4) | (bit(c, 5) << 6) | (bits(c, 4, 3) << 7) | (bit(c, 2) << 5);
            int nzimm = (v << 22) >> 22;
            return nzimm == 0 ? 0 : Encode.i(OP_IMM, SP, 0, SP, nzimm);
        }),
        Row.of("011 - ----- ----- 01", "c.lui", c -> {
            int nzimm = imm6(c) << 12;
            return nzimm == 0 ? 0 : Encode.u(LUI, rdFull(c), nzimm);
        }),
        Row.of("100 - 00 --- ----- 01", "c.srli", c -> Encode.i(OP_IMM, rs1Prime(c), 5, rs1Prime(c), shamt(c))),
        Row.of("100 - 01 --- ----- 01", "c.srai", c -> Encode.i(OP_IMM, rs1Prime(c), 5, rs1Prime(c), shamt(c) | 0x400)),
        Row.of("100 - 10 --- ----- 01", "c.andi", c -> Encode.i(OP_IMM, rs1Prime(c), 7, rs1Prime(c), imm6(c))),
        Row.of("100 0 11 --- 00 --- 01", "c.sub", c -> Encode.r(OP, rs1Prime(c), 0, rs1Prime(c), rdPrime(c), 0x20)),
        Row.of("100 0 11 --- 01 --- 01", "c.xor", c -> Encode.r(OP, rs1Prime(c), 4, rs1Prime(c), rdPrime(c), 0)),
        Row.of("100 0 11 --- 10 --- 01", "c.or", c -> Encode.r(OP, rs1Prime(c), 6, rs1Prime(c), rdPrime(c), 0)),
        Row.of("100 0 11 --- 11 --- 01", "c.and", c -> Encode.r(OP, rs1Prime(c), 7, rs1Prime(c), rdPrime(c), 0)),
        Row.of("100 1 11 --- 00 --- 01", "c.subw", c -> Encode.r(OP_32, rs1Prime(c), 0, rs1Prime(c), rdPrime(c), 0x20)),
        Row.of("100 1 11 --- 01 --- 01", "c.addw", c -> Encode.r(OP_32, rs1Prime(c), 0, rs1Prime(c), rdPrime(c), 0)),
        Row.of("101 ----------- 01", "c.j", c -> Encode.j(JAL, 0, jOffset(c))),
        Row.of("110 --- --- ----- 01", "c.beqz", c -> Encode.b(BRANCH, 0, rs1Prime(c), 0, bOffset(c))),
        Row.of("111 --- --- ----- 01", "c.bnez", c -> Encode.b(BRANCH, 1, rs1Prime(c), 0, bOffset(c))),

        // ---- quadrant 2
        Row.of("000 - ----- ----- 10", "c.slli", c -> Encode.i(OP_IMM, rdFull(c), 1, rdFull(c), shamt(c))),
        Row.of("001 - ----- ----- 10", "c.fldsp", c -> Encode.i(LOAD_FP, rdFull(c), 3, SP, spOffsetD(c))),
        Row.of("010 - ----- ----- 10", "c.lwsp", c -> rdFull(c) == 0 ? 0
                        : Encode.i(LOAD, rdFull(c), 2, SP, (bit(c, 12) << 5) | (bits(c, 6, 4) << 2) | (bits(c, 3, 2) << 6))),
        Row.of("011 - ----- ----- 10", "c.ldsp", c -> rdFull(c) == 0 ? 0 : Encode.i(LOAD, rdFull(c), 3, SP, spOffsetD(c))),
        Row.of("100 0 ----- 00000 10", "c.jr", c -> rdFull(c) == 0 ? 0 : Encode.i(JALR, 0, 0, rdFull(c), 0)),
        Row.of("100 0 ----- ----- 10", "c.mv", c -> Encode.r(OP, rdFull(c), 0, 0, rs2Full(c), 0)),
        Row.of("100 1 00000 00000 10", "c.ebreak", c -> 0x00100073),
        Row.of("100 1 ----- 00000 10", "c.jalr", c -> Encode.i(JALR, 1, 0, rdFull(c), 0)),
        Row.of("100 1 ----- ----- 10", "c.add", c -> Encode.r(OP, rdFull(c), 0, rdFull(c), rs2Full(c), 0)),
        Row.of("101 ------ ----- 10", "c.fsdsp", c -> Encode.s(STORE_FP, 3, SP, rs2Full(c), (bits(c, 12, 10) << 3) | (bits(c, 9, 7) << 6))),
        Row.of("110 ------ ----- 10", "c.swsp", c -> Encode.s(STORE, 2, SP, rs2Full(c), (bits(c, 12, 9) << 2) | (bits(c, 8, 7) << 6))),
        Row.of("111 ------ ----- 10", "c.sdsp", c -> Encode.s(STORE, 3, SP, rs2Full(c), (bits(c, 12, 10) << 3) | (bits(c, 9, 7) << 6))));

    /** c.ldsp/c.fldsp offset: uimm[5] = c[12], uimm[4:3] = c[6:5], uimm[8:6] = c[4:2]. */
    private static int spOffsetD(int c) {
        return (bit(c, 12) << 5) | (bits(c, 6, 5) << 3) | (bits(c, 4, 2) << 6);
    }

    /** The 32-bit expansion of a 16-bit instruction, or 0 if it is reserved/illegal. The table is in match order. */
    static int expand(int c) {
        if (c == 0) {
            return 0; // the all-zero halfword is defined illegal
        }
        for (Row row : TABLE) {
            if ((c & row.mask()) == row.match()) {
                return row.expansion().expand(c);
            }
        }
        return 0;
    }
}
