package org.rvtrace.language.nodes;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.Hart;

/**
 * lr.w / lr.d: load and remember (address, value) as this hart's reservation. The matching
 * sc succeeds when memory still holds that value, by one host compare-and-swap: the usual
 * emulator rendering of LR/SC, atomic against other harts (an ABA in between goes unseen,
 * which no RISC-V program can tell from a spurious success that hardware also allows).
 */
public final class LoadReservedNode extends InsnNode {
    private final GuestMemory mem;
    private final int rd;
    private final int rs1;
    private final boolean word;
    private final long pc;

    public LoadReservedNode(GuestMemory mem, int rd, int rs1, boolean word, long pc) {
        this.mem = mem;
        this.rd = rd;
        this.rs1 = rs1;
        this.word = word;
        this.pc = pc;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        homes.stack.flush(regs); // it reads memory: deferred saves first
        long addr = x(regs, hart, rs1);
        mem.checkAtomic(addr, word ? 4 : 8, pc);
        long value = word ? mem.getVolatile32(addr) : mem.getVolatile64(addr);
        hart.reservedAddr = addr;
        hart.reservedValue = value;
        setX(regs, hart, rd, value);
    }
}
