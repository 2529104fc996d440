package org.rvtrace.language.isa;

import static org.rvtrace.language.isa.Format.I;
import static org.rvtrace.language.isa.Format.R;
import static org.rvtrace.language.isa.Format.S;
import static org.rvtrace.language.isa.Opcode.Control.NONE;

import java.util.List;

import org.rvtrace.language.nodes.FpNode;
import org.rvtrace.language.nodes.FpOp;
import org.rvtrace.language.nodes.LoadNode;
import org.rvtrace.language.nodes.StoreNode;
import org.rvtrace.language.nodes.Width;

/**
 * The F and D extensions as data (ISA manual, RV32F/RV64F and RV32D/RV64D listings).
 * "rrr" marks the rm field: a static rounding mode, or 111 for fcsr.frm.
 */
final class Rv64fd {
    private Rv64fd() {
    }

    static final List<Opcode> TABLE = List.of(
        Opcode.of("----------------- 010 ----- 0000111", "flw", I, NONE, (i, m) -> new LoadNode(m, i.rd, i.rs1, i.imm, Width.W, true, i.pc)),
        Opcode.of("----------------- 011 ----- 0000111", "fld", I, NONE, (i, m) -> new LoadNode(m, i.rd, i.rs1, i.imm, Width.D, true, i.pc)),
        Opcode.of("----------------- 010 ----- 0100111", "fsw", S, NONE, (i, m) -> new StoreNode(m, i.rs1, i.rs2, i.imm, Width.W, true, i.pc, i.nextPc())),
        Opcode.of("----------------- 011 ----- 0100111", "fsd", S, NONE, (i, m) -> new StoreNode(m, i.rs1, i.rs2, i.imm, Width.D, true, i.pc, i.nextPc())),

        fp("----- 00 ---------- --- ----- 1000011", "fmadd.s", FpOp.FMADD_S),
        fp("----- 00 ---------- --- ----- 1000111", "fmsub.s", FpOp.FMSUB_S),
        fp("----- 00 ---------- --- ----- 1001011", "fnmsub.s", FpOp.FNMSUB_S),
        fp("----- 00 ---------- --- ----- 1001111", "fnmadd.s", FpOp.FNMADD_S),
        fp("0000000 ---------- --- ----- 1010011", "fadd.s", FpOp.FADD_S),
        fp("0000100 ---------- --- ----- 1010011", "fsub.s", FpOp.FSUB_S),
        fp("0001000 ---------- --- ----- 1010011", "fmul.s", FpOp.FMUL_S),
        fp("0001100 ---------- --- ----- 1010011", "fdiv.s", FpOp.FDIV_S),
        fp("0101100 00000 ----- --- ----- 1010011", "fsqrt.s", FpOp.FSQRT_S),
        fp("0010000 ---------- 000 ----- 1010011", "fsgnj.s", FpOp.FSGNJ_S),
        fp("0010000 ---------- 001 ----- 1010011", "fsgnjn.s", FpOp.FSGNJN_S),
        fp("0010000 ---------- 010 ----- 1010011", "fsgnjx.s", FpOp.FSGNJX_S),
        fp("0010100 ---------- 000 ----- 1010011", "fmin.s", FpOp.FMIN_S),
        fp("0010100 ---------- 001 ----- 1010011", "fmax.s", FpOp.FMAX_S),
        fp("1100000 00000 ----- --- ----- 1010011", "fcvt.w.s", FpOp.FCVT_W_S),
        fp("1100000 00001 ----- --- ----- 1010011", "fcvt.wu.s", FpOp.FCVT_WU_S),
        fp("1100000 00010 ----- --- ----- 1010011", "fcvt.l.s", FpOp.FCVT_L_S),
        fp("1100000 00011 ----- --- ----- 1010011", "fcvt.lu.s", FpOp.FCVT_LU_S),
        fp("1110000 00000 ----- 000 ----- 1010011", "fmv.x.w", FpOp.FMV_X_W),
        fp("1010000 ---------- 010 ----- 1010011", "feq.s", FpOp.FEQ_S),
        fp("1010000 ---------- 001 ----- 1010011", "flt.s", FpOp.FLT_S),
        fp("1010000 ---------- 000 ----- 1010011", "fle.s", FpOp.FLE_S),
        fp("1110000 00000 ----- 001 ----- 1010011", "fclass.s", FpOp.FCLASS_S),
        fp("1101000 00000 ----- --- ----- 1010011", "fcvt.s.w", FpOp.FCVT_S_W),
        fp("1101000 00001 ----- --- ----- 1010011", "fcvt.s.wu", FpOp.FCVT_S_WU),
        fp("1101000 00010 ----- --- ----- 1010011", "fcvt.s.l", FpOp.FCVT_S_L),
        fp("1101000 00011 ----- --- ----- 1010011", "fcvt.s.lu", FpOp.FCVT_S_LU),
        fp("1111000 00000 ----- 000 ----- 1010011", "fmv.w.x", FpOp.FMV_W_X),

        fp("----- 01 ---------- --- ----- 1000011", "fmadd.d", FpOp.FMADD_D),
        fp("----- 01 ---------- --- ----- 1000111", "fmsub.d", FpOp.FMSUB_D),
        fp("----- 01 ---------- --- ----- 1001011", "fnmsub.d", FpOp.FNMSUB_D),
        fp("----- 01 ---------- --- ----- 1001111", "fnmadd.d", FpOp.FNMADD_D),
        fp("0000001 ---------- --- ----- 1010011", "fadd.d", FpOp.FADD_D),
        fp("0000101 ---------- --- ----- 1010011", "fsub.d", FpOp.FSUB_D),
        fp("0001001 ---------- --- ----- 1010011", "fmul.d", FpOp.FMUL_D),
        fp("0001101 ---------- --- ----- 1010011", "fdiv.d", FpOp.FDIV_D),
        fp("0101101 00000 ----- --- ----- 1010011", "fsqrt.d", FpOp.FSQRT_D),
        fp("0010001 ---------- 000 ----- 1010011", "fsgnj.d", FpOp.FSGNJ_D),
        fp("0010001 ---------- 001 ----- 1010011", "fsgnjn.d", FpOp.FSGNJN_D),
        fp("0010001 ---------- 010 ----- 1010011", "fsgnjx.d", FpOp.FSGNJX_D),
        fp("0010101 ---------- 000 ----- 1010011", "fmin.d", FpOp.FMIN_D),
        fp("0010101 ---------- 001 ----- 1010011", "fmax.d", FpOp.FMAX_D),
        fp("0100000 00001 ----- --- ----- 1010011", "fcvt.s.d", FpOp.FCVT_S_D),
        fp("0100001 00000 ----- --- ----- 1010011", "fcvt.d.s", FpOp.FCVT_D_S),
        fp("1010001 ---------- 010 ----- 1010011", "feq.d", FpOp.FEQ_D),
        fp("1010001 ---------- 001 ----- 1010011", "flt.d", FpOp.FLT_D),
        fp("1010001 ---------- 000 ----- 1010011", "fle.d", FpOp.FLE_D),
        fp("1110001 00000 ----- 001 ----- 1010011", "fclass.d", FpOp.FCLASS_D),
        fp("1100001 00000 ----- --- ----- 1010011", "fcvt.w.d", FpOp.FCVT_W_D),
        fp("1100001 00001 ----- --- ----- 1010011", "fcvt.wu.d", FpOp.FCVT_WU_D),
        fp("1100001 00010 ----- --- ----- 1010011", "fcvt.l.d", FpOp.FCVT_L_D),
        fp("1100001 00011 ----- --- ----- 1010011", "fcvt.lu.d", FpOp.FCVT_LU_D),
        fp("1101001 00000 ----- --- ----- 1010011", "fcvt.d.w", FpOp.FCVT_D_W),
        fp("1101001 00001 ----- --- ----- 1010011", "fcvt.d.wu", FpOp.FCVT_D_WU),
        fp("1101001 00010 ----- --- ----- 1010011", "fcvt.d.l", FpOp.FCVT_D_L),
        fp("1101001 00011 ----- --- ----- 1010011", "fcvt.d.lu", FpOp.FCVT_D_LU),
        fp("1110001 00000 ----- 000 ----- 1010011", "fmv.x.d", FpOp.FMV_X_D),
        fp("1111001 00000 ----- 000 ----- 1010011", "fmv.d.x", FpOp.FMV_D_X));

    private static Opcode fp(String pattern, String name, FpOp op) {
        return Opcode.of(pattern, name, R, NONE, (i, m) -> op.dst == FpOp.F.X && i.rd == 0 && !sets(op) ? null
                        : new FpNode(i.rd, i.rs1, i.rs2, i.rs3, i.rm, op, i.pc, i.fetched, i.length));
    }

    /** Operations whose only effect besides rd is fflags must still run when rd is x0. */
    private static boolean sets(FpOp op) {
        return op != FpOp.FMV_X_W && op != FpOp.FMV_X_D && op != FpOp.FCLASS_S && op != FpOp.FCLASS_D;
    }
}
