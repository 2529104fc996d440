package org.rvtrace.language.fp;

import static java.util.Map.entry;

import java.util.Map;

/**
 * Maps each mnemonic of the qemu vector file to the Java implementation. Operands and results
 * are register images as the generator prints them: singles as their 32 bits, integer results as
 * the 64-bit rd value, "/raw" probes as whole 64-bit f registers (exercising {@link NanBox}).
 */
final class VectorOps {
    interface Op {
        long apply(long[] v, int rm, FloatFlags flags);
    }

    private VectorOps() {
    }

    private static int s(long v) {
        return (int) v;
    }

    private static long u(int bits) {
        return bits & 0xffff_ffffL;
    }

    private static long b(boolean value) {
        return value ? 1 : 0;
    }

    static final Map<String, Op> ALL = Map.ofEntries(
                    entry("fadd.d", (v, rm, f) -> DoubleOps.add(v[0], v[1], rm, f)),
                    entry("fsub.d", (v, rm, f) -> DoubleOps.sub(v[0], v[1], rm, f)),
                    entry("fmul.d", (v, rm, f) -> DoubleOps.mul(v[0], v[1], rm, f)),
                    entry("fdiv.d", (v, rm, f) -> DoubleOps.div(v[0], v[1], rm, f)),
                    entry("fsqrt.d", (v, rm, f) -> DoubleOps.sqrt(v[0], rm, f)),
                    entry("fmadd.d", (v, rm, f) -> DoubleOps.fmadd(v[0], v[1], v[2], rm, f)),
                    entry("fmsub.d", (v, rm, f) -> DoubleOps.fmsub(v[0], v[1], v[2], rm, f)),
                    entry("fnmsub.d", (v, rm, f) -> DoubleOps.fnmsub(v[0], v[1], v[2], rm, f)),
                    entry("fnmadd.d", (v, rm, f) -> DoubleOps.fnmadd(v[0], v[1], v[2], rm, f)),
                    entry("fmin.d", (v, rm, f) -> DoubleMisc.min(v[0], v[1], f)),
                    entry("fmax.d", (v, rm, f) -> DoubleMisc.max(v[0], v[1], f)),
                    entry("fsgnj.d", (v, rm, f) -> DoubleMisc.sgnj(v[0], v[1])),
                    entry("fsgnjn.d", (v, rm, f) -> DoubleMisc.sgnjn(v[0], v[1])),
                    entry("fsgnjx.d", (v, rm, f) -> DoubleMisc.sgnjx(v[0], v[1])),
                    entry("feq.d", (v, rm, f) -> b(DoubleMisc.eq(v[0], v[1], f))),
                    entry("flt.d", (v, rm, f) -> b(DoubleMisc.lt(v[0], v[1], f))),
                    entry("fle.d", (v, rm, f) -> b(DoubleMisc.le(v[0], v[1], f))),
                    entry("fclass.d", (v, rm, f) -> DoubleMisc.classify(v[0])),
                    entry("fcvt.w.d", (v, rm, f) -> DoubleConvert.toInt32(v[0], rm, f)),
                    entry("fcvt.wu.d", (v, rm, f) -> DoubleConvert.toUint32(v[0], rm, f)),
                    entry("fcvt.l.d", (v, rm, f) -> DoubleConvert.toInt64(v[0], rm, f)),
                    entry("fcvt.lu.d", (v, rm, f) -> DoubleConvert.toUint64(v[0], rm, f)),
                    entry("fcvt.d.w", (v, rm, f) -> DoubleConvert.fromInt32(s(v[0]))),
                    entry("fcvt.d.wu", (v, rm, f) -> DoubleConvert.fromUint32(s(v[0]))),
                    entry("fcvt.d.l", (v, rm, f) -> DoubleConvert.fromInt64(v[0], rm, f)),
                    entry("fcvt.d.lu", (v, rm, f) -> DoubleConvert.fromUint64(v[0], rm, f)),
                    entry("fcvt.s.d", (v, rm, f) -> u(DoubleConvert.toSingle(v[0], rm, f))),
                    entry("fcvt.d.s", (v, rm, f) -> DoubleConvert.fromSingle(s(v[0]), f)),

                    entry("fadd.s", (v, rm, f) -> u(SingleOps.add(s(v[0]), s(v[1]), rm, f))),
                    entry("fsub.s", (v, rm, f) -> u(SingleOps.sub(s(v[0]), s(v[1]), rm, f))),
                    entry("fmul.s", (v, rm, f) -> u(SingleOps.mul(s(v[0]), s(v[1]), rm, f))),
                    entry("fdiv.s", (v, rm, f) -> u(SingleOps.div(s(v[0]), s(v[1]), rm, f))),
                    entry("fsqrt.s", (v, rm, f) -> u(SingleOps.sqrt(s(v[0]), rm, f))),
                    entry("fmadd.s", (v, rm, f) -> u(SingleOps.fmadd(s(v[0]), s(v[1]), s(v[2]), rm, f))),
                    entry("fmsub.s", (v, rm, f) -> u(SingleOps.fmsub(s(v[0]), s(v[1]), s(v[2]), rm, f))),
                    entry("fnmsub.s", (v, rm, f) -> u(SingleOps.fnmsub(s(v[0]), s(v[1]), s(v[2]), rm, f))),
                    entry("fnmadd.s", (v, rm, f) -> u(SingleOps.fnmadd(s(v[0]), s(v[1]), s(v[2]), rm, f))),
                    entry("fmin.s", (v, rm, f) -> u(SingleMisc.min(s(v[0]), s(v[1]), f))),
                    entry("fmax.s", (v, rm, f) -> u(SingleMisc.max(s(v[0]), s(v[1]), f))),
                    entry("fsgnj.s", (v, rm, f) -> u(SingleMisc.sgnj(s(v[0]), s(v[1])))),
                    entry("fsgnjn.s", (v, rm, f) -> u(SingleMisc.sgnjn(s(v[0]), s(v[1])))),
                    entry("fsgnjx.s", (v, rm, f) -> u(SingleMisc.sgnjx(s(v[0]), s(v[1])))),
                    entry("feq.s", (v, rm, f) -> b(SingleMisc.eq(s(v[0]), s(v[1]), f))),
                    entry("flt.s", (v, rm, f) -> b(SingleMisc.lt(s(v[0]), s(v[1]), f))),
                    entry("fle.s", (v, rm, f) -> b(SingleMisc.le(s(v[0]), s(v[1]), f))),
                    entry("fclass.s", (v, rm, f) -> SingleMisc.classify(s(v[0]))),
                    entry("fcvt.w.s", (v, rm, f) -> SingleConvert.toInt32(s(v[0]), rm, f)),
                    entry("fcvt.wu.s", (v, rm, f) -> SingleConvert.toUint32(s(v[0]), rm, f)),
                    entry("fcvt.l.s", (v, rm, f) -> SingleConvert.toInt64(s(v[0]), rm, f)),
                    entry("fcvt.lu.s", (v, rm, f) -> SingleConvert.toUint64(s(v[0]), rm, f)),
                    entry("fcvt.s.w", (v, rm, f) -> u(SingleConvert.fromInt32(s(v[0]), rm, f))),
                    entry("fcvt.s.wu", (v, rm, f) -> u(SingleConvert.fromUint32(s(v[0]), rm, f))),
                    entry("fcvt.s.l", (v, rm, f) -> u(SingleConvert.fromInt64(v[0], rm, f))),
                    entry("fcvt.s.lu", (v, rm, f) -> u(SingleConvert.fromUint64(v[0], rm, f))),

                    entry("fadd.s/raw", (v, rm, f) -> NanBox.boxS(
                                    SingleOps.add(NanBox.unboxS(v[0]), NanBox.unboxS(v[1]), rm, f))),
                    entry("fsgnj.s/raw", (v, rm, f) -> NanBox.boxS(
                                    SingleMisc.sgnj(NanBox.unboxS(v[0]), NanBox.unboxS(v[1])))),
                    entry("fmax.s/raw", (v, rm, f) -> NanBox.boxS(
                                    SingleMisc.max(NanBox.unboxS(v[0]), NanBox.unboxS(v[1]), f))));
}
