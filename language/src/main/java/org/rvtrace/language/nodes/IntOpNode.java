package org.rvtrace.language.nodes;

import org.rvtrace.language.runtime.Hart;

/** {@code rd = op(rs1, rs2)}: add, sltu, mulh, divw, ... */
public final class IntOpNode extends InsnNode {
    private final int rd;
    private final int rs1;
    private final int rs2;
    private final IntOp op;

    public IntOpNode(int rd, int rs1, int rs2, IntOp op) {
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.op = op;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        setX(regs, hart, rd, IntOp.apply(op, x(regs, hart, rs1), x(regs, hart, rs2)));
    }
}
