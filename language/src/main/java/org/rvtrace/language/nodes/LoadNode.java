package org.rvtrace.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

import org.rvtrace.language.memory.GuestMemory;

import org.rvtrace.language.runtime.Hart;

/** {@code rd = mem[rs1 + imm]} (lb ... ld, lbu ... lwu); flw/fld with {@code fp}. */
public final class LoadNode extends InsnNode {
    private final GuestMemory mem;
    private final int rd;
    private final int rs1;
    private final long imm;
    private final Width width;
    private final boolean fp;
    private final long pc;

    public LoadNode(GuestMemory mem, int rd, int rs1, long imm, Width width, boolean fp, long pc) {
        this.mem = mem;
        this.rd = rd;
        this.rs1 = rs1;
        this.imm = imm;
        this.width = width;
        this.fp = fp;
        this.pc = pc;
    }

    @Override
    public void execute(VirtualFrame frame, Hart hart) {
        long value = width.load(mem, x(frame, hart, rs1) + imm, pc);
        if (!fp) {
            setX(frame, hart, rd, value);
        } else if (width == Width.W) {
            setF(frame, hart, rd, value | 0xffffffff00000000L); // flw NaN-boxes the single
        } else {
            setF(frame, hart, rd, value);
        }
    }
}
