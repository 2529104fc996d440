package org.rvtrace.language.nodes;

import org.rvtrace.language.runtime.Hart;

/** {@code rd = value}: lui, and auipc (whose pc is known at translation time). */
public final class ConstNode extends InsnNode {
    private final int rd;
    private final long value;

    public ConstNode(int rd, long value) {
        this.rd = rd;
        this.value = value;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        setX(regs, hart, rd, value);
    }
}
