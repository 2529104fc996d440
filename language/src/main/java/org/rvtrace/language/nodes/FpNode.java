package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import org.rvtrace.language.fp.HardFloat;
import org.rvtrace.language.runtime.GuestFault;
import org.rvtrace.language.runtime.Hart;

/** Any F/D computation: reads its operands, resolves the rounding mode, applies an {@link FpOp}. */
public final class FpNode extends InsnNode {
    private static final int DYN = 7;

    private final int rd;
    private final int rs1;
    private final int rs2;
    private final int rs3;
    /** The instruction's rm field: 0..4 static, 7 dynamic (fcsr.frm); 5 and 6 are reserved. */
    private final int rm;
    private final FpOp op;
    private final long pc;
    private final int raw;
    private final int length;
    @CompilationFinal private boolean fullPathSeen;

    public FpNode(int rd, int rs1, int rs2, int rs3, int rm, FpOp op, long pc, int raw, int length) {
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.rs3 = rs3;
        this.rm = rm;
        this.op = op;
        this.pc = pc;
        this.raw = raw;
        this.length = length;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        int mode = rm;
        if (mode == DYN) {
            mode = hart.frm;
        }
        if (mode > 4) {
            CompilerDirectives.transferToInterpreter();
            throw GuestFault.illegal(pc, raw, length);
        }
        long a;
        long b;
        long c;
        if (op.src == FpOp.F.F) {
            a = f(regs, hart, rs1);
            b = f(regs, hart, rs2);
            c = f(regs, hart, rs3);
        } else {
            a = x(regs, hart, rs1);
            b = 0;
            c = 0;
        }
        long result = HardFloat.FAIL;
        if (HardFloat.applies(mode, hart.fflags)) {
            result = op.hard(a, b, c);
        }
        if (result == HardFloat.FAIL) {
            if (!fullPathSeen) {
                // Until an operation here needs the full IEEE path, compiled code holds only
                // the host FPU shortcut: a few instructions instead of error analysis.
                CompilerDirectives.transferToInterpreterAndInvalidate();
                fullPathSeen = true;
            }
            result = op.apply(a, b, c, mode, hart.fflags);
        }
        if (op.dst == FpOp.F.F) {
            setF(regs, hart, rd, result);
        } else {
            setX(regs, hart, rd, result);
        }
    }
}
