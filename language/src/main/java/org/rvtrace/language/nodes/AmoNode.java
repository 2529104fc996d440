package org.rvtrace.language.nodes;

import org.rvtrace.language.memory.GuestMemory;

import org.rvtrace.language.runtime.Hart;

/**
 * amo{swap,add,xor,and,or,min,max,minu,maxu}.{w,d}: atomically {@code rd = mem[rs1];
 * mem[rs1] = op(rd, rs2)}, as one host atomic, so it is atomic against every other hart.
 * aq/rl are subsumed: host atomics are sequentially consistent.
 */
public final class AmoNode extends InsnNode {
    private final GuestMemory mem;
    private final int rd;
    private final int rs1;
    private final int rs2;
    private final AmoOp op;
    private final boolean word;
    private final long pc;

    public AmoNode(GuestMemory mem, int rd, int rs1, int rs2, AmoOp op, boolean word, long pc) {
        this.mem = mem;
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.op = op;
        this.word = word;
        this.pc = pc;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        homes.stack.forget(regs); // memory may change under the stack slots
        long addr = x(regs, hart, rs1);
        long value = x(regs, hart, rs2);
        mem.checkAtomic(addr, word ? 4 : 8, pc);
        long old;
        if (word) {
            int v = (int) value;
            if (op == AmoOp.ADD) {
                old = mem.getAndAdd32(addr, v);
            } else if (op == AmoOp.SWAP) {
                old = mem.getAndSet32(addr, v);
            } else {
                int o;
                do {
                    o = mem.getVolatile32(addr);
                } while (!mem.cas32(addr, o, (int) op.apply(o, v)));
                old = o;
            }
        } else {
            if (op == AmoOp.ADD) {
                old = mem.getAndAdd64(addr, value);
            } else if (op == AmoOp.SWAP) {
                old = mem.getAndSet64(addr, value);
            } else {
                long o;
                do {
                    o = mem.getVolatile64(addr);
                } while (!mem.cas64(addr, o, op.apply(o, value)));
                old = o;
            }
        }
        setX(regs, hart, rd, old);
    }
}
