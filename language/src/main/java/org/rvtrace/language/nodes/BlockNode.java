package org.rvtrace.language.nodes;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

import org.rvtrace.language.isa.Decoder;
import org.rvtrace.language.isa.Format;
import org.rvtrace.language.isa.Insn;
import org.rvtrace.language.isa.Opcode.Control;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.CodeCache;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.tracing.HostFunction;

/**
 * A guest basic block: straight-line instruction nodes, then a {@link Terminator} that the
 * enclosing {@link FunctionRootNode} executes, because only it can turn a branch target
 * into a constant of its dispatch loop.
 *
 * <p>A block is valid while the bytes it was decoded from are unchanged: {@link #code} is
 * invalidated by the first store that overlaps [{@link #startPc}, {@link #endPc}), which
 * throws away every piece of compiled code that contains this block, and nothing else.
 */
public final class BlockNode extends Node {
    /** Blocks end after this many instructions even without a control transfer. */
    static final int MAX_INSNS = 128;
    /**
     * t0, the ISA's alternate link register. Code reached through it (ftrace's trampolines
     * from a patch site, -msave-restore millicode) joins the graph of the function that
     * jumps there, so the round trip costs no call between function roots, and each function
     * gets its own translation of the trampoline with its literal and ops as constants.
     */
    static final int ALTERNATE_LINK = 5;

    public final long startPc;
    /** One past the last byte of the block, its terminator included. */
    public final long endPc;
    public final Assumption code;
    @Children private final InsnNode[] body;

    final Terminator kind;
    /** The terminator's own pc and length (for faults and links). */
    final long termPc;
    final int termRaw;
    final int termLength;
    final int rd;
    final int rs1;
    final int rs2;
    final long imm;
    final BranchCond cond;
    /** Where control goes when a branch is not taken, or after a call/ecall returns. */
    final long nextPc;
    /** A branch's or jal's target. */
    final long targetPc;

    /*
     * Graal folds a @CompilationFinal field only when it does not hold its default value
     * (0), so block indices are stored plus one.
     */

    /** Successor blocks in the enclosing function root (index + 1, EXIT + 1, or UNRESOLVED), resolved on first use. */
    @CompilationFinal int nextIndex = FunctionRootNode.UNRESOLVED;
    @CompilationFinal int targetIndex = FunctionRootNode.UNRESOLVED;
    /** Computed jumps seen here that stayed inside the function: target pc to block index + 1. */
    @CompilationFinal(dimensions = 1) long[] jumpPcs = new long[0];
    @CompilationFinal(dimensions = 1) int[] jumpIndices = new int[0];
    /** A computed jump here went where the graph does not follow (see FunctionRootNode.run): unknown targets leave it. */
    @CompilationFinal boolean unknownTargetsLeave;
    @Child CallSiteNode callSite;
    /**
     * Where the enclosing function keeps registers while this block runs: its own homes, or
     * a trampoline's register scope (see FunctionRootNode). Set once, before the block runs.
     */
    @CompilationFinal RegisterHomes homes;
    /** What a HOSTCALL terminator runs (a constant of the compiled code). */
    final HostFunction host;

    private BlockNode(long startPc, long endPc, InsnNode[] body, Terminator kind, Insn term, long termPc, int termRaw, int termLength,
                    CodeCache cache) {
        this(startPc, endPc, body, kind, term, termPc, termRaw, termLength, cache, null);
    }

    private BlockNode(long startPc, long endPc, InsnNode[] body, Terminator kind, Insn term, long termPc, int termRaw, int termLength,
                    CodeCache cache, HostFunction host) {
        this.host = host;
        this.startPc = startPc;
        this.endPc = endPc;
        this.body = body;
        this.kind = kind;
        this.termPc = termPc;
        this.termRaw = termRaw;
        this.termLength = termLength;
        this.rd = term == null ? 0 : term.rd;
        this.rs1 = term == null ? 0 : term.rs1;
        this.rs2 = term == null ? 0 : term.rs2;
        this.imm = term == null ? 0 : term.imm;
        this.cond = kind == Terminator.BRANCH ? BranchCond.values()[branchIndex(term.rm)] : null;
        this.nextPc = termPc + termLength;
        this.targetPc = term == null ? 0 : term.pc + term.imm;
        this.code = Truffle.getRuntime().createAssumption(String.format("code 0x%x-0x%x", startPc, endPc));
        if (kind == Terminator.CALL || kind == Terminator.CALL_INDIRECT || kind == Terminator.VOLATILE_INSN) {
            // A t0-linked jump made a call (see linkedJump) shares the original trampoline.
            this.callSite = new CallSiteNode(cache, !(kind == Terminator.CALL_INDIRECT && rd == ALTERNATE_LINK), nextPc);
        }
    }

    /** funct3 of beq..bgeu (0,1,4,5,6,7) to the {@link BranchCond} order. */
    private static int branchIndex(int funct3) {
        return funct3 < 2 ? funct3 : funct3 - 2;
    }

    /**
     * Tells every instruction where the enclosing function keeps each register; forwarding:
     * whether the block's sd/ld through sp take stack slots (see StackSlots).
     */
    void setRegisterHomes(RegisterHomes homes, boolean forwarding) {
        this.homes = homes;
        for (InsnNode insn : body) {
            insn.setRegisterHomes(homes, forwarding);
        }
    }

    /** Written with an index so that it stays small enough (31 bytes) for C1 to inline into the interpreter's dispatch loop. */
    @ExplodeLoop
    void executeBody(long[] regs, Hart hart) {
        InsnNode[] insns = body;
        for (int i = 0; i < insns.length; i++) {
            insns[i].execute(regs, hart);
        }
    }

    /** The straight-line part of a block as it is decoded, with the register each node may write. */
    private static final class Body {
        final GuestMemory mem;
        final List<InsnNode> nodes = new ArrayList<>();
        final List<Integer> written = new ArrayList<>();

        Body(GuestMemory mem) {
            this.mem = mem;
        }

        void add(InsnNode node, Insn insn) {
            nodes.add(node);
            written.add(writtenRegister(insn));
        }

        int size() {
            return nodes.size();
        }

        InsnNode[] nodes() {
            return AccessRun.insertChecks(mem, nodes, written).toArray(new InsnNode[0]);
        }
    }

    /**
     * The register an instruction may write: stores and branches have no rd; any other
     * format may write x[rd] (or f[rd], which callers count as x[rd] to stay on the safe side).
     */
    private static int writtenRegister(Insn insn) {
        Format format = insn.op.format();
        return format == Format.S || format == Format.B ? 0 : insn.rd;
    }

    /**
     * jalr t0: a jump into this function's graph, unless its target (known when an auipc in
     * the block set t0, as at a patch site) is a trampoline that enough sites have taken in
     * already (CodeCache.joinsJumpingGraph): then a call of the shared trampoline root, which
     * returns with its jr t0.
     */
    private static Terminator linkedJump(CodeCache cache, Insn insn, boolean targetKnown, long t0) {
        if (targetKnown && !cache.joinsJumpingGraph((t0 + insn.imm) & ~1L, insn.pc)) {
            return Terminator.CALL_INDIRECT;
        }
        return Terminator.JUMP_INDIRECT;
    }

    /** Decodes the block that starts at pc from guest memory as it is now. */
    public static BlockNode translate(GuestMemory mem, CodeCache cache, long startPc) {
        Body body = new Body(mem);
        long pc = startPc;
        if (cache.isBreakpoint(startPc)) {
            return new BlockNode(startPc, startPc, new InsnNode[0], Terminator.BREAKPOINT, null, startPc, 0, 0, cache);
        }
        // t0's value when an auipc in this block set it, so that a jalr t0 knows its target.
        long t0 = 0;
        boolean t0Known = false;
        while (true) {
            Decoder.Fetch fetch = Decoder.fetch(mem, pc);
            if (fetch.fetchFault()) {
                return new BlockNode(startPc, pc, body.nodes(), Terminator.FETCH_FAULT, null, pc, 0, 0,
                                cache);
            }
            if (fetch.illegal()) {
                return new BlockNode(startPc, pc + fetch.length(), body.nodes(), Terminator.ILLEGAL, null, pc,
                                fetch.rawBits(), fetch.length(), cache);
            }
            Insn insn = fetch.insn();
            if (fetch.length() == 4 && cache.isVolatileWord(pc) && VolatileInsn.handles(fetch.rawBits())) {
                // End the block before the word: it is read each time it runs, and never watched.
                return new BlockNode(startPc, pc, body.nodes(), Terminator.VOLATILE_INSN, null, pc, 0, 4, cache);
            }
            Control control = insn.op.control();
            if (control == Control.HOSTCALL) {
                HostFunction host = cache.hostFunction(pc, (int) (insn.imm >>> 12) & 0xfffff);
                if (host == null) {
                    return new BlockNode(startPc, insn.nextPc(), body.nodes(), Terminator.ILLEGAL, null, pc, insn.fetched,
                                    insn.length, cache);
                }
                return new BlockNode(startPc, insn.nextPc(), body.nodes(), Terminator.HOSTCALL, insn, pc, insn.fetched,
                                insn.length, cache, host);
            }
            if (control != Control.NONE) {
                Terminator kind = switch (control) {
                    case BRANCH -> Terminator.BRANCH;
                    case JAL -> insn.rd == 0 || insn.rd == ALTERNATE_LINK ? Terminator.JUMP : Terminator.CALL;
                    case JALR -> insn.rd == 0 ? Terminator.JUMP_INDIRECT
                                    : insn.rd == ALTERNATE_LINK ? linkedJump(cache, insn, t0Known && insn.rs1 == ALTERNATE_LINK, t0)
                                                    : Terminator.CALL_INDIRECT;
                    case ECALL -> Terminator.ECALL;
                    case EBREAK -> Terminator.EBREAK;
                    case HOSTCALL -> throw new AssertionError();
                    case NONE -> throw new AssertionError();
                };
                return new BlockNode(startPc, insn.nextPc(), body.nodes(), kind, insn, pc, insn.fetched, insn.length,
                                cache);
            }
            InsnNode node = insn.op.semantics().node(insn, mem);
            if (node != null) {
                body.add(node, insn);
            }
            if (writtenRegister(insn) == ALTERNATE_LINK) {
                t0Known = VolatileInsn.isAuipc(insn.bits);
                t0 = insn.pc + insn.imm;
            }
            pc = insn.nextPc();
            if (body.size() >= MAX_INSNS) {
                return new BlockNode(startPc, pc, body.nodes(), Terminator.FALL, null, pc, 0, 0,
                                cache);
            }
        }
    }
}
