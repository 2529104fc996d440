package org.rvtrace.language.nodes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rvtrace.language.isa.Decoder;
import org.rvtrace.language.isa.Format;
import org.rvtrace.language.isa.Insn;
import org.rvtrace.language.isa.Opcode.Control;
import org.rvtrace.language.memory.GuestMemory;

/**
 * Which registers a function keeps in its register array ({@link RegisterHomes}): the ones
 * written inside its loops that make no calls.
 *
 * <p>Registers normally live in the {@link org.rvtrace.language.runtime.Hart}'s fields, so a
 * guest call needs no register shuffling. But a value carried around a loop through a
 * field is stored and reloaded every iteration; in the register array (virtual in compiled
 * code) Graal keeps it in a machine register. So a function's loop-carried registers are
 * loaded into the array on entry and after each call, and written back before calls and
 * exits. A loop that calls out (a call, a system call, a host call) would write back and
 * reload every array register on each iteration, more than its own registers cost in the
 * hart, and each such call site in
 * compiled code carries those stores and loads (in bintrees' main, 135 call sites made one
 * on-stack-replacement compilation take 1.4 s): its registers stay in the hart unless a
 * call-free loop writes them too. The set is found once, from the code reachable by direct
 * branches at the function's creation, and never changes, so the interpreter and every
 * compiled version agree on where each register lives.
 */
final class LoopRegisters {
    /** Enough to see the loops of ordinary functions; the scan is a heuristic, not a proof. */
    private static final int MAX_BLOCKS = 256;

    final long x;
    final long f;

    private LoopRegisters(long x, long f) {
        this.x = x & ~1L; // x0 is a constant
        this.f = f;
    }

    RegisterHomes homes() {
        return new RegisterHomes(x, f, null);
    }

    /** calls: the block ends by leaving the graph for other code and coming back (call, ecall, hostcall). */
    private record Block(long start, long end, long writesX, long writesF, List<Long> successors, long backTarget, boolean calls) {
    }

    static LoopRegisters scan(GuestMemory mem, long entry) {
        Map<Long, Block> blocks = new HashMap<>();
        ArrayDeque<Long> work = new ArrayDeque<>();
        work.add(entry);
        while (!work.isEmpty() && blocks.size() < MAX_BLOCKS) {
            long start = work.poll();
            if (blocks.containsKey(start)) {
                continue;
            }
            Block b = decode(mem, start, entry);
            blocks.put(start, b);
            work.addAll(b.successors());
        }
        long x = 0;
        long f = 0;
        for (Block tail : blocks.values()) {
            if (tail.backTarget() < 0) {
                continue;
            }
            // A backward jump: the blocks between its target and itself form the loop.
            long loopX = 0;
            long loopF = 0;
            boolean calls = false;
            for (Block b : blocks.values()) {
                if (b.start() >= tail.backTarget() && b.start() <= tail.start()) {
                    loopX |= b.writesX();
                    loopF |= b.writesF();
                    calls |= b.calls();
                }
            }
            if (!calls) {
                x |= loopX;
                f |= loopF;
            }
        }
        return new LoopRegisters(x, f);
    }

    /**
     * The register scope of trampoline code entered at entry (see FunctionRootNode): every
     * register written by the code reachable from there without leaving the text inText
     * accepts. Kept in a scope array of their own from entry until control leaves the text,
     * these registers are written back to the hart only where they changed. Null when that
     * code has a loop (ftrace_ops_list_func): a loop that calls out would write back and
     * reload the whole scope on every iteration (measured: the list walk 1.2-1.3x slower), so
     * such code keeps the homes of the function it runs in.
     */
    static RegisterHomes trampolineScope(GuestMemory mem, long entry, java.util.function.LongPredicate inText) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        ArrayDeque<Long> work = new ArrayDeque<>();
        work.add(entry);
        long x = 0;
        long f = 0;
        while (!work.isEmpty() && seen.size() < MAX_BLOCKS) {
            long start = work.poll();
            if (!seen.add(start)) {
                continue;
            }
            Block b = decode(mem, start, entry);
            if (b.backTarget() >= 0) {
                return null;
            }
            x |= b.writesX();
            f |= b.writesF();
            for (long next : b.successors()) {
                if (inText.test(next)) {
                    work.add(next);
                }
            }
        }
        // A scope defers its frame saves (see StackSlots).
        return new RegisterHomes(x, f, mem);
    }

    /**
     * Whether an instruction's rd names an f register: FP loads, fused multiply-adds, and
     * OP-FP except the conversions to integers, fmv.x, fclass and the comparisons.
     */
    private static boolean writesFloatRegister(int bits) {
        int major = bits & 0x7f;
        if (major == 0x07 || major == 0x43 || major == 0x47 || major == 0x4b || major == 0x4f) {
            return true;
        }
        if (major != 0x53) {
            return false;
        }
        int funct7 = bits >>> 25;
        int group = funct7 & ~1; // the low bit is the format (s or d)
        return group != 0x60 && group != 0x70 && group != 0x50;
    }

    private static Block decode(GuestMemory mem, long start, long entry) {
        long writesX = 0;
        long writesF = 0;
        List<Long> successors = new ArrayList<>();
        long pc = start;
        for (int n = 0; n < BlockNode.MAX_INSNS; n++) {
            Decoder.Fetch fetch = Decoder.fetch(mem, pc);
            if (fetch.insn() == null) {
                return new Block(start, pc, writesX, writesF, successors, -1, false);
            }
            Insn insn = fetch.insn();
            Format format = insn.op.format();
            if (format != Format.S && format != Format.B) {
                if (writesFloatRegister(insn.bits)) {
                    writesF |= 1L << insn.rd;
                } else {
                    writesX |= 1L << insn.rd;
                }
            }
            Control control = insn.op.control();
            long target = insn.pc + insn.imm;
            switch (control) {
                case NONE -> {
                    pc = insn.nextPc();
                    continue;
                }
                case BRANCH -> {
                    successors.add(target);
                    successors.add(insn.nextPc());
                    return new Block(start, insn.nextPc(), writesX, writesF, successors, target <= insn.pc ? target : -1, false);
                }
                case JAL -> {
                    if (insn.rd == 0) {
                        successors.add(target);
                        return new Block(start, insn.nextPc(), writesX, writesF, successors, target <= insn.pc ? target : -1, false);
                    }
                    successors.add(insn.nextPc());
                    // Self-recursion also runs as a jump to the entry, but its registers are
                    // saved on the guest stack anyway: no loop to keep in machine registers.
                    // A jal t0 joins the graph (millicode, a trampoline): not a call.
                    return new Block(start, insn.nextPc(), writesX, writesF, successors, -1, insn.rd != BlockNode.ALTERNATE_LINK && target != entry);
                }
                default -> {
                    boolean calls = control == Control.ECALL || control == Control.HOSTCALL || (control == Control.JALR && insn.rd != 0);
                    if (calls) {
                        successors.add(insn.nextPc());
                    }
                    return new Block(start, insn.nextPc(), writesX, writesF, successors, -1, calls && insn.rd != BlockNode.ALTERNATE_LINK);
                }
            }
        }
        successors.add(pc);
        return new Block(start, pc, writesX, writesF, successors, -1, false);
    }
}
