package org.rvtrace.language.nodes;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.Hart;

/** sc.w / sc.d: see {@link LoadReservedNode}. rd = 0 on success, 1 on failure. */
public final class StoreConditionalNode extends InsnNode {
    private final GuestMemory mem;
    private final int rd;
    private final int rs1;
    private final int rs2;
    private final boolean word;
    private final long pc;

    public StoreConditionalNode(GuestMemory mem, int rd, int rs1, int rs2, boolean word, long pc) {
        this.mem = mem;
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.word = word;
        this.pc = pc;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        homes.stack.forget(regs); // memory may change under the stack slots
        long addr = x(regs, hart, rs1);
        mem.checkAtomic(addr, word ? 4 : 8, pc);
        boolean ok = false;
        if (hart.reservedAddr == addr) {
            long value = x(regs, hart, rs2);
            ok = word ? mem.cas32(addr, (int) hart.reservedValue, (int) value) : mem.cas64(addr, hart.reservedValue, value);
        }
        hart.reservedAddr = -1;
        setX(regs, hart, rd, ok ? 0 : 1);
    }
}
