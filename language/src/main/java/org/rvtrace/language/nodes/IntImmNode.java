package org.rvtrace.language.nodes;

import org.rvtrace.language.runtime.Hart;

/** {@code rd = op(rs1, imm)}: addi, slti, slli, addiw, ... */
public final class IntImmNode extends InsnNode {
    private final int rd;
    private final int rs1;
    private final long imm;
    private final IntOp op;

    public IntImmNode(int rd, int rs1, long imm, IntOp op) {
        this.rd = rd;
        this.rs1 = rs1;
        this.imm = imm;
        this.op = op;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        setX(regs, hart, rd, IntOp.apply(op, x(regs, hart, rs1), imm));
    }
}
