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

    /** Whether this is {@code addi rd,rd,k}: a register moved by a constant. */
    boolean addsToItself() {
        return op == IntOp.ADD && rd == rs1;
    }

    /** The constant an {@link #addsToItself} instruction adds. */
    long addend() {
        return imm;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        setX(regs, hart, rd, IntOp.apply(op, x(regs, hart, rs1), imm));
    }
}
