package org.rvtrace.language.isa;

import static org.rvtrace.language.isa.Format.B;
import static org.rvtrace.language.isa.Format.CSR;
import static org.rvtrace.language.isa.Format.I;
import static org.rvtrace.language.isa.Format.J;
import static org.rvtrace.language.isa.Format.R;
import static org.rvtrace.language.isa.Format.S;
import static org.rvtrace.language.isa.Format.SHAMT;
import static org.rvtrace.language.isa.Format.U;
import static org.rvtrace.language.isa.Opcode.Control.BRANCH;
import static org.rvtrace.language.isa.Opcode.Control.EBREAK;
import static org.rvtrace.language.isa.Opcode.Control.ECALL;
import static org.rvtrace.language.isa.Opcode.Control.JAL;
import static org.rvtrace.language.isa.Opcode.Control.JALR;
import static org.rvtrace.language.isa.Opcode.Control.NONE;

import java.util.List;

import org.rvtrace.language.nodes.AmoNode;
import org.rvtrace.language.nodes.AmoOp;
import org.rvtrace.language.nodes.ConstNode;
import org.rvtrace.language.nodes.CsrNode;
import org.rvtrace.language.nodes.FenceNode;
import org.rvtrace.language.nodes.IntImmNode;
import org.rvtrace.language.nodes.IntOp;
import org.rvtrace.language.nodes.IntOpNode;
import org.rvtrace.language.nodes.LoadNode;
import org.rvtrace.language.nodes.LoadReservedNode;
import org.rvtrace.language.nodes.StoreConditionalNode;
import org.rvtrace.language.nodes.StoreNode;
import org.rvtrace.language.nodes.Width;

/**
 * RV64I, M, A, Zicsr and Zifencei as data: one row per instruction, its fixed bits laid
 * out as in the ISA manual's opcode map (funct7 rs2 rs1 funct3 rd opcode), then what it
 * means. Control transfers carry no node: they end a basic block and the block graph
 * executes them.
 */
final class Rv64i {
    private Rv64i() {
    }

    static final List<Opcode> TABLE = List.of(
        // ---- RV32I/RV64I base
        Opcode.of("------------------------- 0110111", "lui", U, NONE, (i, m) -> rd(i) ? new ConstNode(i.rd, i.imm) : null),
        Opcode.of("------------------------- 0010111", "auipc", U, NONE, (i, m) -> rd(i) ? new ConstNode(i.rd, i.pc + i.imm) : null),
        Opcode.of("------------------------- 1101111", "jal", J, JAL, null),
        Opcode.of("----------------- 000 ----- 1100111", "jalr", I, JALR, null),
        Opcode.of("----------------- 000 ----- 1100011", "beq", B, BRANCH, null),
        Opcode.of("----------------- 001 ----- 1100011", "bne", B, BRANCH, null),
        Opcode.of("----------------- 100 ----- 1100011", "blt", B, BRANCH, null),
        Opcode.of("----------------- 101 ----- 1100011", "bge", B, BRANCH, null),
        Opcode.of("----------------- 110 ----- 1100011", "bltu", B, BRANCH, null),
        Opcode.of("----------------- 111 ----- 1100011", "bgeu", B, BRANCH, null),
        load("000", "lb", Width.B),
        load("001", "lh", Width.H),
        load("010", "lw", Width.W),
        load("011", "ld", Width.D),
        load("100", "lbu", Width.BU),
        load("101", "lhu", Width.HU),
        load("110", "lwu", Width.WU),
        store("000", "sb", Width.B),
        store("001", "sh", Width.H),
        store("010", "sw", Width.W),
        store("011", "sd", Width.D),
        imm("----------------- 000 ----- 0010011", "addi", I, IntOp.ADD),
        imm("----------------- 010 ----- 0010011", "slti", I, IntOp.SLT),
        imm("----------------- 011 ----- 0010011", "sltiu", I, IntOp.SLTU),
        imm("----------------- 100 ----- 0010011", "xori", I, IntOp.XOR),
        imm("----------------- 110 ----- 0010011", "ori", I, IntOp.OR),
        imm("----------------- 111 ----- 0010011", "andi", I, IntOp.AND),
        imm("000000 ----------- 001 ----- 0010011", "slli", SHAMT, IntOp.SLL),
        imm("000000 ----------- 101 ----- 0010011", "srli", SHAMT, IntOp.SRL),
        imm("010000 ----------- 101 ----- 0010011", "srai", SHAMT, IntOp.SRA),
        reg("0000000 ---------- 000 ----- 0110011", "add", IntOp.ADD),
        reg("0100000 ---------- 000 ----- 0110011", "sub", IntOp.SUB),
        reg("0000000 ---------- 001 ----- 0110011", "sll", IntOp.SLL),
        reg("0000000 ---------- 010 ----- 0110011", "slt", IntOp.SLT),
        reg("0000000 ---------- 011 ----- 0110011", "sltu", IntOp.SLTU),
        reg("0000000 ---------- 100 ----- 0110011", "xor", IntOp.XOR),
        reg("0000000 ---------- 101 ----- 0110011", "srl", IntOp.SRL),
        reg("0100000 ---------- 101 ----- 0110011", "sra", IntOp.SRA),
        reg("0000000 ---------- 110 ----- 0110011", "or", IntOp.OR),
        reg("0000000 ---------- 111 ----- 0110011", "and", IntOp.AND),
        imm("----------------- 000 ----- 0011011", "addiw", I, IntOp.ADDW),
        imm("0000000 ---------- 001 ----- 0011011", "slliw", SHAMT, IntOp.SLLW),
        imm("0000000 ---------- 101 ----- 0011011", "srliw", SHAMT, IntOp.SRLW),
        imm("0100000 ---------- 101 ----- 0011011", "sraiw", SHAMT, IntOp.SRAW),
        reg("0000000 ---------- 000 ----- 0111011", "addw", IntOp.ADDW),
        reg("0100000 ---------- 000 ----- 0111011", "subw", IntOp.SUBW),
        reg("0000000 ---------- 001 ----- 0111011", "sllw", IntOp.SLLW),
        reg("0000000 ---------- 101 ----- 0111011", "srlw", IntOp.SRLW),
        reg("0100000 ---------- 101 ----- 0111011", "sraw", IntOp.SRAW),
        Opcode.of("----------------- 000 ----- 0001111", "fence", I, NONE, (i, m) -> new FenceNode()),
        Opcode.of("----------------- 001 ----- 0001111", "fence.i", I, NONE, (i, m) -> null),
        Opcode.of("000000000000 00000 000 00000 1110011", "ecall", I, ECALL, null),
        Opcode.of("000000000001 00000 000 00000 1110011", "ebreak", I, EBREAK, null),

        // ---- M
        reg("0000001 ---------- 000 ----- 0110011", "mul", IntOp.MUL),
        reg("0000001 ---------- 001 ----- 0110011", "mulh", IntOp.MULH),
        reg("0000001 ---------- 010 ----- 0110011", "mulhsu", IntOp.MULHSU),
        reg("0000001 ---------- 011 ----- 0110011", "mulhu", IntOp.MULHU),
        reg("0000001 ---------- 100 ----- 0110011", "div", IntOp.DIV),
        reg("0000001 ---------- 101 ----- 0110011", "divu", IntOp.DIVU),
        reg("0000001 ---------- 110 ----- 0110011", "rem", IntOp.REM),
        reg("0000001 ---------- 111 ----- 0110011", "remu", IntOp.REMU),
        reg("0000001 ---------- 000 ----- 0111011", "mulw", IntOp.MULW),
        reg("0000001 ---------- 100 ----- 0111011", "divw", IntOp.DIVW),
        reg("0000001 ---------- 101 ----- 0111011", "divuw", IntOp.DIVUW),
        reg("0000001 ---------- 110 ----- 0111011", "remw", IntOp.REMW),
        reg("0000001 ---------- 111 ----- 0111011", "remuw", IntOp.REMUW),

        // ---- A (aq/rl in bits 26:25 are don't-care: host atomics are sequentially consistent)
        Opcode.of("00010 -- 00000 ----- 010 ----- 0101111", "lr.w", R, NONE, (i, m) -> new LoadReservedNode(m, i.rd, i.rs1, true, i.pc)),
        Opcode.of("00010 -- 00000 ----- 011 ----- 0101111", "lr.d", R, NONE, (i, m) -> new LoadReservedNode(m, i.rd, i.rs1, false, i.pc)),
        Opcode.of("00011 -- ---------- 010 ----- 0101111", "sc.w", R, NONE, (i, m) -> new StoreConditionalNode(m, i.rd, i.rs1, i.rs2, true, i.pc)),
        Opcode.of("00011 -- ---------- 011 ----- 0101111", "sc.d", R, NONE, (i, m) -> new StoreConditionalNode(m, i.rd, i.rs1, i.rs2, false, i.pc)),
        amo("00001", "amoswap", AmoOp.SWAP, true), amo("00001", "amoswap", AmoOp.SWAP, false),
        amo("00000", "amoadd", AmoOp.ADD, true), amo("00000", "amoadd", AmoOp.ADD, false),
        amo("00100", "amoxor", AmoOp.XOR, true), amo("00100", "amoxor", AmoOp.XOR, false),
        amo("01100", "amoand", AmoOp.AND, true), amo("01100", "amoand", AmoOp.AND, false),
        amo("01000", "amoor", AmoOp.OR, true), amo("01000", "amoor", AmoOp.OR, false),
        amo("10000", "amomin", AmoOp.MIN, true), amo("10000", "amomin", AmoOp.MIN, false),
        amo("10100", "amomax", AmoOp.MAX, true), amo("10100", "amomax", AmoOp.MAX, false),
        amo("11000", "amominu", AmoOp.MINU, true), amo("11000", "amominu", AmoOp.MINU, false),
        amo("11100", "amomaxu", AmoOp.MAXU, true), amo("11100", "amomaxu", AmoOp.MAXU, false),

        // ---- Zicsr
        csr("001", "csrrw", false, CsrNode.Kind.WRITE),
        csr("010", "csrrs", false, CsrNode.Kind.SET),
        csr("011", "csrrc", false, CsrNode.Kind.CLEAR),
        csr("101", "csrrwi", true, CsrNode.Kind.WRITE),
        csr("110", "csrrsi", true, CsrNode.Kind.SET),
        csr("111", "csrrci", true, CsrNode.Kind.CLEAR));

    /** Most instructions that write x0 do nothing; loads still access memory (and may fault). */
    private static boolean rd(Insn i) {
        return i.rd != 0;
    }

    private static Opcode reg(String pattern, String name, IntOp op) {
        return Opcode.of(pattern, name, R, NONE, (i, m) -> rd(i) ? new IntOpNode(i.rd, i.rs1, i.rs2, op) : null);
    }

    private static Opcode imm(String pattern, String name, Format format, IntOp op) {
        return Opcode.of(pattern, name, format, NONE, (i, m) -> rd(i) ? new IntImmNode(i.rd, i.rs1, i.imm, op) : null);
    }

    private static Opcode load(String funct3, String name, Width width) {
        return Opcode.of("----------------- " + funct3 + " ----- 0000011", name, I, NONE,
                        (i, m) -> new LoadNode(m, i.rd, i.rs1, i.imm, width, false, i.pc));
    }

    private static Opcode store(String funct3, String name, Width width) {
        return Opcode.of("----------------- " + funct3 + " ----- 0100011", name, S, NONE,
                        (i, m) -> new StoreNode(m, i.rs1, i.rs2, i.imm, width, false, i.pc, i.nextPc()));
    }

    private static Opcode amo(String funct5, String name, AmoOp op, boolean word) {
        String funct3 = word ? "010" : "011";
        return Opcode.of(funct5 + " -- ---------- " + funct3 + " ----- 0101111", name + (word ? ".w" : ".d"), R, NONE,
                        (i, m) -> new AmoNode(m, i.rd, i.rs1, i.rs2, op, word, i.pc));
    }

    private static Opcode csr(String funct3, String name, boolean immediate, CsrNode.Kind kind) {
        return Opcode.of("----------------- " + funct3 + " ----- 1110011", name, CSR, NONE,
                        (i, m) -> new CsrNode(i.rd, i.rs1, immediate, i.csr(), kind, i.pc, i.bits));
    }
}
