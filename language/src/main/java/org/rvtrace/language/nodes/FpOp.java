package org.rvtrace.language.nodes;

import static org.rvtrace.language.fp.NanBox.boxS;
import static org.rvtrace.language.fp.HardFloat.dOf;
import static org.rvtrace.language.fp.HardFloat.sOf;
import static org.rvtrace.language.fp.NanBox.unboxS;

import org.rvtrace.language.fp.DoubleConvert;
import org.rvtrace.language.fp.DoubleMisc;
import org.rvtrace.language.fp.DoubleOps;
import org.rvtrace.language.fp.FloatFlags;
import org.rvtrace.language.fp.HardFloat;
import org.rvtrace.language.fp.SingleConvert;
import org.rvtrace.language.fp.SingleMisc;
import org.rvtrace.language.fp.SingleOps;

/**
 * The F and D extensions, one definition per instruction. Operands and results are raw
 * register bits: f registers hold doubles, or singles NaN-boxed in the low 32 bits; x
 * registers hold integers. {@link #src} and {@link #dst} say which file each side uses.
 * The IEEE arithmetic itself (rounding modes, fflags) lives in the fp package.
 */
public enum FpOp {
    FADD_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleOps.add(unboxS(a), unboxS(b), rm, fl)); } @Override long hard(long a, long b, long c) { return HardFloat.addS(a, b); } },
    FSUB_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleOps.sub(unboxS(a), unboxS(b), rm, fl)); } @Override long hard(long a, long b, long c) { return HardFloat.subS(a, b); } },
    FMUL_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleOps.mul(unboxS(a), unboxS(b), rm, fl)); } @Override long hard(long a, long b, long c) { return HardFloat.mulS(a, b); } },
    FDIV_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleOps.div(unboxS(a), unboxS(b), rm, fl)); } @Override long hard(long a, long b, long c) { return HardFloat.divS(a, b); } },
    FSQRT_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleOps.sqrt(unboxS(a), rm, fl)); } @Override long hard(long a, long b, long c) { return HardFloat.sqrtS(a); } },
    FMADD_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleOps.fmadd(unboxS(a), unboxS(b), unboxS(c), rm, fl)); } @Override long hard(long a, long b, long c) { return HardFloat.fmaS(sOf(a), sOf(b), sOf(c)); } },
    FMSUB_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleOps.fmsub(unboxS(a), unboxS(b), unboxS(c), rm, fl)); } @Override long hard(long a, long b, long c) { return HardFloat.fmaS(sOf(a), sOf(b), -sOf(c)); } },
    FNMSUB_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleOps.fnmsub(unboxS(a), unboxS(b), unboxS(c), rm, fl)); } @Override long hard(long a, long b, long c) { return HardFloat.fmaS(-sOf(a), sOf(b), sOf(c)); } },
    FNMADD_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleOps.fnmadd(unboxS(a), unboxS(b), unboxS(c), rm, fl)); } @Override long hard(long a, long b, long c) { return HardFloat.fmaS(-sOf(a), sOf(b), -sOf(c)); } },
    FSGNJ_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleMisc.sgnj(unboxS(a), unboxS(b))); } },
    FSGNJN_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleMisc.sgnjn(unboxS(a), unboxS(b))); } },
    FSGNJX_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleMisc.sgnjx(unboxS(a), unboxS(b))); } },
    FMIN_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleMisc.min(unboxS(a), unboxS(b), fl)); } },
    FMAX_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleMisc.max(unboxS(a), unboxS(b), fl)); } },
    FEQ_S(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return SingleMisc.eq(unboxS(a), unboxS(b), fl) ? 1 : 0; } },
    FLT_S(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return SingleMisc.lt(unboxS(a), unboxS(b), fl) ? 1 : 0; } },
    FLE_S(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return SingleMisc.le(unboxS(a), unboxS(b), fl) ? 1 : 0; } },
    FCLASS_S(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return SingleMisc.classify(unboxS(a)); } },
    FCVT_W_S(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return SingleConvert.toInt32(unboxS(a), rm, fl); } },
    FCVT_WU_S(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return SingleConvert.toUint32(unboxS(a), rm, fl); } },
    FCVT_L_S(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return SingleConvert.toInt64(unboxS(a), rm, fl); } },
    FCVT_LU_S(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return SingleConvert.toUint64(unboxS(a), rm, fl); } },
    FCVT_S_W(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleConvert.fromInt32((int) a, rm, fl)); } },
    FCVT_S_WU(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleConvert.fromUint32((int) a, rm, fl)); } },
    FCVT_S_L(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleConvert.fromInt64(a, rm, fl)); } },
    FCVT_S_LU(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(SingleConvert.fromUint64(a, rm, fl)); } },
    /** fmv.x.w: the low 32 bits, sign-extended, whatever the boxing. */
    FMV_X_W(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return (int) a; } },
    FMV_W_X(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS((int) a); } },

    FADD_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleOps.add(a, b, rm, fl); } @Override long hard(long a, long b, long c) { return HardFloat.addD(a, b); } },
    FSUB_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleOps.sub(a, b, rm, fl); } @Override long hard(long a, long b, long c) { return HardFloat.subD(a, b); } },
    FMUL_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleOps.mul(a, b, rm, fl); } @Override long hard(long a, long b, long c) { return HardFloat.mulD(a, b); } },
    FDIV_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleOps.div(a, b, rm, fl); } @Override long hard(long a, long b, long c) { return HardFloat.divD(a, b); } },
    FSQRT_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleOps.sqrt(a, rm, fl); } @Override long hard(long a, long b, long c) { return HardFloat.sqrtD(a); } },
    FMADD_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleOps.fmadd(a, b, c, rm, fl); } @Override long hard(long a, long b, long c) { return HardFloat.fmaD(dOf(a), dOf(b), dOf(c)); } },
    FMSUB_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleOps.fmsub(a, b, c, rm, fl); } @Override long hard(long a, long b, long c) { return HardFloat.fmaD(dOf(a), dOf(b), -dOf(c)); } },
    FNMSUB_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleOps.fnmsub(a, b, c, rm, fl); } @Override long hard(long a, long b, long c) { return HardFloat.fmaD(-dOf(a), dOf(b), dOf(c)); } },
    FNMADD_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleOps.fnmadd(a, b, c, rm, fl); } @Override long hard(long a, long b, long c) { return HardFloat.fmaD(-dOf(a), dOf(b), -dOf(c)); } },
    FSGNJ_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleMisc.sgnj(a, b); } },
    FSGNJN_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleMisc.sgnjn(a, b); } },
    FSGNJX_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleMisc.sgnjx(a, b); } },
    FMIN_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleMisc.min(a, b, fl); } },
    FMAX_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleMisc.max(a, b, fl); } },
    FEQ_D(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleMisc.eq(a, b, fl) ? 1 : 0; } },
    FLT_D(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleMisc.lt(a, b, fl) ? 1 : 0; } },
    FLE_D(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleMisc.le(a, b, fl) ? 1 : 0; } },
    FCLASS_D(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleMisc.classify(a); } },
    FCVT_W_D(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleConvert.toInt32(a, rm, fl); } },
    FCVT_WU_D(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleConvert.toUint32(a, rm, fl); } },
    FCVT_L_D(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleConvert.toInt64(a, rm, fl); } },
    FCVT_LU_D(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleConvert.toUint64(a, rm, fl); } },
    FCVT_D_W(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleConvert.fromInt32((int) a); } },
    FCVT_D_WU(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleConvert.fromUint32((int) a); } },
    FCVT_D_L(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleConvert.fromInt64(a, rm, fl); } },
    FCVT_D_LU(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleConvert.fromUint64(a, rm, fl); } },
    FCVT_S_D(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return boxS(DoubleConvert.toSingle(a, rm, fl)); } },
    FCVT_D_S(F.F, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return DoubleConvert.fromSingle(unboxS(a), fl); } },
    FMV_X_D(F.F, F.X) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return a; } },
    FMV_D_X(F.X, F.F) { @Override long apply(long a, long b, long c, int rm, FloatFlags fl) { return a; } };

    /** A register file. */
    public enum F {
        X, F
    }

    /** Where the source operands come from and where the result goes. */
    public final F src;
    public final F dst;

    FpOp(F src, F dst) {
        this.src = src;
        this.dst = dst;
    }

    /** @param rm an already resolved static rounding mode (0..4) */
    abstract long apply(long a, long b, long c, int rm, FloatFlags flags);

    /**
     * The host FPU's result when {@link HardFloat#applies} (round to nearest, NX already
     * set) and it is an ordinary number, else {@link HardFloat#FAIL}. Only arithmetic has one.
     */
    long hard(long a, long b, long c) {
        return HardFloat.FAIL;
    }
}
