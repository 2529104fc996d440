package org.rvtrace.language.nodes;

import java.util.HashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerAsserts;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.HostCompilerDirectives.BytecodeInterpreterSwitch;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.BytecodeOSRNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

import org.rvtrace.language.RiscvLanguage;
import org.rvtrace.language.memory.CodeModifiedException;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.BreakpointHit;
import org.rvtrace.language.runtime.CodeCache;
import org.rvtrace.language.runtime.GuestFault;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.UnwindToTop;
import org.rvtrace.language.tracing.HostProcedure;

/**
 * A guest function, or more exactly: the graph of basic blocks reachable from one entry pc
 * by branches and jumps. Calls go to other function roots through {@link CallSiteNode}s,
 * so Graal compiles a function with its hot callees inlined, and a guest loop becomes a
 * machine-code loop.
 *
 * <p>Calling convention between roots: the arguments are the hart and the return address
 * the caller expects (its link, a boxed long the call site keeps); the callee returns (as a
 * Java return) null when it jumps there, or the pc where it stopped. Anything else (longjmp,
 * a return to a frame further up, a jump this root cannot take as a constant) leaves
 * through the general path at the end of {@link #execute}, which is slower but always
 * right: between roots the whole guest state is in the {@link Hart}. When the callee is
 * inlined, its link is a constant of the compiled code and so is the null, so neither is
 * a store (they were hart fields once: 0.4 ns of ftrace-ops' traced call). A root also
 * records its link in {@link Hart#linkStack}, so that a return to a frame further up finds
 * it, and deep guest recursion is caught before the Java stack overflows. (Leaving that out
 * for inlined roots halved the untraced call, 0.45 to 0.25 ns, and did not change the
 * traced one, but a function that returns over its caller's frame,
 * tests/programs/recursion/skip_return.c, then nested Java frames up to the recursion limit
 * and deoptimized six times as often under low compilation thresholds.)
 *
 * <p>Trampoline code (TracingHost.trampolineText: ftrace's trampolines) that joins this
 * graph runs in a register scope of its own: from where control enters the text until it
 * leaves it, the registers that code writes live in a scope array (see {@link #switchHomes}),
 * virtual in compiled code like the function's own register array.
 */
public final class FunctionRootNode extends RootNode implements BytecodeOSRNode {
    /** A successor not looked up yet (see {@link #successor}). */
    static final int UNRESOLVED = Integer.MIN_VALUE;
    /** A successor that does not join this graph: control leaves through the general path. */
    static final int EXIT = -2;
    /** Beyond this many blocks a function stops growing; further targets are left generically. */
    private static final int MAX_BLOCKS = 1024;
    /**
     * Pseudo block index: leave the graph for the pc in the frame's exit slot (a frame slot,
     * virtual in compiled code, where a hart field was a store). Exits go through the loop
     * head because code after a loop exit is shared by all exploded copies, where the block
     * would no longer be a constant.
     */
    private static final int LEAVE = Integer.MAX_VALUE;
    private static final int RA = 1;
    private static final int SP = 2;
    private static final int A0 = 10;
    /** Distinct targets a computed jump may have before it is left to the general path. */
    private static final int MAX_JUMP_TARGETS = 64;

    private final CodeCache code;
    private final GuestMemory mem;
    public final long entryPc;
    private final String name;

    @CompilationFinal(dimensions = 1) private BlockNode[] blocks = new BlockNode[0];
    private final Map<Long, Integer> blockIndex = new HashMap<>();
    /** Register scopes of the trampoline code in this graph, by the pc where control entered it; null: none (guarded by this). */
    private final Map<Long, RegisterHomes> scopes = new HashMap<>();
    @Child private IndirectCallNode generic = IndirectCallNode.create();
    @Child private FunctionBodyNode body = new FunctionBodyNode.Body();
    @CompilationFinal private Object osrMetadata;
    /** Where this function keeps each register (see {@link LoopRegisters}); fixed for its lifetime. */
    private final RegisterHomes homes;
    @CompilationFinal private boolean nonLocalExitSeen;
    @CompilationFinal private boolean deepRecursionSeen;
    /** Interpreter back edges polled and counted in batches of this many (a power of two). */
    private static final int INTERPRETER_BACK_EDGES = 16;
    private int interpreterBackEdges;

    public FunctionRootNode(RiscvLanguage language, CodeCache code, GuestMemory mem, long entryPc, String name) {
        super(language, frameDescriptor(LoopRegisters.scan(mem, entryPc).homes()));
        this.code = code;
        this.mem = mem;
        this.entryPc = entryPc;
        this.name = name;
        this.homes = (RegisterHomes) getFrameDescriptor().getInfo();
        blockAt(entryPc, homesFor(entryPc, null));
    }

    /**
     * Three slots: the hart, the link pc and the register array, which holds just the
     * registers this function keeps (an interpreted call allocates it each time).
     */
    private static FrameDescriptor frameDescriptor(RegisterHomes homes) {
        FrameDescriptor.Builder b = FrameDescriptor.newBuilder();
        b.addSlots(InsnNode.FRAME_SLOTS, FrameSlotKind.Static);
        b.info(homes);
        return b.build();
    }

    @Override
    public boolean isCloningAllowed() {
        return true;
    }

    @Override
    protected boolean isCloneUninitializedSupported() {
        return true;
    }

    /** A fresh translation of the same function, for a call site of its own (see CodeCache.splitPerCallSite). */
    @Override
    protected RootNode cloneUninitialized() {
        return new FunctionRootNode((RiscvLanguage) getLanguage(RiscvLanguage.class), code, mem, entryPc, name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** See {@link #getSourceSection()}. */
    private volatile SourceSection sourceSection;

    /**
     * Where tools (--cpusampler, stack traces) place this function: a source without content
     * named by the entry address. Truffle's CPU sampler leaves out roots without a source
     * section; it reports this one by {@link #getName()}, the ELF symbol.
     */
    @Override
    @TruffleBoundary
    public SourceSection getSourceSection() {
        SourceSection section = sourceSection;
        if (section == null) {
            Source source = Source.newBuilder(RiscvLanguage.ID, "", "0x" + Long.toHexString(entryPc)).content(Source.CONTENT_NONE).build();
            section = source.createUnavailableSection();
            sourceSection = section;
        }
        return section;
    }

    // ---------------------------------------------------------------- entry and exit

    @Override
    public Object execute(VirtualFrame frame) {
        return body.execute(frame);
    }

    /** The function's execution, behind the instrumentable {@link FunctionBodyNode}. */
    Object executeBody(VirtualFrame frame) {
        Object[] arguments = frame.getArguments();
        Hart hart = CompilerDirectives.castExact(arguments[0], Hart.class);
        long link = CompilerDirectives.castExact(arguments[1], Long.class);
        int depth = hart.depth;
        if (depth >= hart.linkStack.length) {
            // Deep guest recursion: drop every Java frame and go on from the top level.
            // Nothing is lost: between function roots all guest state is in the hart.
            if (!deepRecursionSeen) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                deepRecursionSeen = true;
            }
            throw new UnwindToTop(entryPc);
        }
        hart.linkStack[depth] = link;
        hart.depth = depth + 1;
        frame.setObjectStatic(InsnNode.HART_SLOT, hart);
        frame.setLongStatic(InsnNode.LINK_SLOT, link);
        long[] regs = homes.newArray();
        frame.setObjectStatic(InsnNode.REGS_SLOT, regs);
        frame.setObjectStatic(InsnNode.SCOPE_REGS_SLOT, null);
        frame.setObjectStatic(InsnNode.SCOPE_HOMES_SLOT, null);
        homes.fill(regs, hart);
        long pc;
        try {
            pc = run(frame, 0, hart, link);
        } catch (CodeModifiedException e) {
            spillCurrent(frame, hart);
            pc = e.resumePc;
        }
        pc = leave(hart, pc, link, depth);
        hart.depth = depth;
        return pc == link ? null : Long.valueOf(pc);
    }

    /**
     * Control left this graph for pc (registers already in the hart). Unless pc is what our
     * caller expects, or what a frame further up expects (then we return and let it
     * continue), execution goes on here through the general dispatch.
     */
    private long leave(Hart hart, long exitPc, long link, int depth) {
        long pc = exitPc;
        if (pc == link) {
            return pc;
        }
        // Until the first non-local exit this path is not compiled: a merge with it would
        // make Graal forget every register value across our callers' inlined calls.
        if (!nonLocalExitSeen) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            nonLocalExitSeen = true;
        }
        Long linkArgument = link;
        while (pc != link && !hart.expectedAbove(pc, depth)) {
            pc = stoppedAt(generic.call(code.functionAt(pc).getCallTarget(), hart, linkArgument), link);
        }
        return pc;
    }

    /**
     * Blocks whose code changed are decoded again before Graal looks at them: compiled from
     * the stale block, the code would deoptimize at once, and a function patched again and
     * again would end up in a deoptimization cycle.
     */
    @Override
    protected boolean prepareForCompilation(boolean rootCompilation, int compilationTier, boolean lastTier) {
        if (mem.isClosed()) {
            return false;
        }
        synchronized (this) {
            BlockNode[] current = blocks;
            for (int i = 0; i < current.length; i++) {
                if (!current[i].code.isValid()) {
                    retranslate(i);
                }
            }
        }
        return true;
    }

    @Override
    public Object executeOSR(VirtualFrame osrFrame, int target, Object interpreterState) {
        Hart hart = CompilerDirectives.castExact(osrFrame.getObjectStatic(InsnNode.HART_SLOT), Hart.class);
        long link = osrFrame.getLongStatic(InsnNode.LINK_SLOT);
        // The interpreter's array is a real object here: a copy made in this code stays virtual.
        osrFrame.setObjectStatic(InsnNode.REGS_SLOT, homes.copy(RegisterHomes.array(osrFrame)));
        try {
            return run(osrFrame, target, hart, link);
        } catch (CodeModifiedException e) {
            spillCurrent(osrFrame, hart);
            return e.resumePc;
        }
    }

    @Override
    public Object getOSRMetadata() {
        return osrMetadata;
    }

    @Override
    public void setOSRMetadata(Object osrMetadata) {
        this.osrMetadata = osrMetadata;
    }

    // ---------------------------------------------------------------- the block graph

    /**
     * Runs the block graph from block {@code start} until control leaves it; returns the pc
     * where it left. Block indices are constants of the partial evaluation, so every jump
     * between blocks compiles to a direct jump.
     */
    @ExplodeLoop(kind = ExplodeLoop.LoopExplosionKind.MERGE_EXPLODE)
    @BytecodeInterpreterSwitch
    private long run(VirtualFrame frame, int start, Hart hart, long link) {
        long[] regs = RegisterHomes.array(frame);
        // Where the registers are kept: in the function's homes, or in the register scope of
        // the trampoline code that runs (a constant of each exploded copy of the loop body).
        RegisterHomes current = homes;
        int bi = start;
        outer: while (true) {
            CompilerAsserts.partialEvaluationConstant(bi);
            CompilerAsserts.partialEvaluationConstant(current);
            if (bi == LEAVE) {
                // After the loop's exit, shared by every exploded copy: nothing here may
                // depend on one copy's constants (the exit sites wrote back the registers).
                return frame.getLongStatic(InsnNode.EXIT_SLOT);
            }
            BlockNode b = blocks[bi];
            if (!b.code.isValid()) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                retranslate(bi);
                continue;
            }
            RegisterHomes h = b.homes;
            if (h != current) {
                switchHomes(frame, regs, hart, current, h);
                current = h;
            }
            long[] r = h == homes ? regs : scopeArray(frame);
            // On-stack replacement only from the function's own code: an OSR entry starts there.
            boolean mayReplace = h == homes;
            b.executeBody(r, hart);
            // Every path ends in "bi = <constant>; continue": a merge inside the loop body
            // would turn the block index into a phi, and the explosion would fail.
            switch (b.kind) {
                case FALL: {
                    int next = successor(b, false);
                    if (next == EXIT) {
                        bi = exitTo(frame, h, r, hart, b.nextPc);
                        continue;
                    }
                    bi = next;
                    continue;
                }
                case BRANCH:
                    if (BranchCond.test(b.cond, h.getX(r, hart, b.rs1), h.getX(r, hart, b.rs2))) {
                        int next = successor(b, true);
                        if (next == EXIT) {
                            bi = exitTo(frame, h, r, hart, b.targetPc);
                            continue;
                        }
                        if (b.targetPc <= b.startPc) {
                            // A loop head merges this iteration's stack slots with the entry's:
                            // forgotten, they stay constants there (see StackSlots).
                            h.stack.forget(r);
                            Object osr = backEdge(frame, next, mayReplace);
                            if (osr != null) {
                                return (long) osr;
                            }
                        }
                        bi = next;
                        continue;
                    } else {
                        int next = successor(b, false);
                        if (next == EXIT) {
                            bi = exitTo(frame, h, r, hart, b.nextPc);
                            continue;
                        }
                        bi = next;
                        continue;
                    }
                case JUMP: {
                    if (b.rd != 0) {
                        h.setX(r, hart, b.rd, b.nextPc);
                    }
                    int next = successor(b, true);
                    if (next == EXIT) {
                        bi = exitTo(frame, h, r, hart, b.targetPc);
                        continue;
                    }
                    if (b.targetPc <= b.startPc) {
                        h.stack.forget(r);
                        Object osr = backEdge(frame, next, mayReplace);
                        if (osr != null) {
                            return (long) osr;
                        }
                    }
                    bi = next;
                    continue;
                }
                case CALL:
                case CALL_INDIRECT: {
                    long target = b.kind == Terminator.CALL ? b.targetPc : (h.getX(r, hart, b.rs1) + b.imm) & ~1L;
                    h.setX(r, hart, b.rd, b.nextPc);
                    if (b.kind == Terminator.CALL && b.targetPc == entryPc) {
                        // Self-recursion is a jump to our own entry: the callee's return then
                        // lands on a return site of this graph (a computed jump we cache), so
                        // recursion runs as a loop in one compilation unit, with no Java call
                        // and no Java stack per guest call.
                        h.stack.forget(r);
                        Object osr = backEdge(frame, 0, mayReplace);
                        if (osr != null) {
                            return (long) osr;
                        }
                        bi = 0;
                        continue;
                    }
                    long resume = call(h, r, hart, b, target);
                    if (resume != b.nextPc) {
                        // a longjmp or a return further up: see leave()
                        bi = exitTo(frame, h, r, hart, resume);
                        continue;
                    }
                    int next = successor(b, false);
                    if (next == EXIT) {
                        bi = exitTo(frame, h, r, hart, b.nextPc);
                        continue;
                    }
                    bi = next;
                    continue;
                }
                case JUMP_INDIRECT: {
                    long target = (h.getX(r, hart, b.rs1) + b.imm) & ~1L;
                    if (b.rd != 0) {
                        h.setX(r, hart, b.rd, b.nextPc);
                    }
                    // A trampoline's return (jr t0) or a return site: its slots have done their
                    // work. Not in a trampoline scope: its deferred saves wait for the scope's end.
                    if (!h.stack.defersSaves()) {
                        h.stack.forget(r);
                    }
                    if (target == link) {
                        bi = exitTo(frame, h, r, hart, target);
                        continue;
                    }
                    long[] pcs = b.jumpPcs;
                    int[] indices = b.jumpIndices;
                    for (int k = 0; k < pcs.length; k++) {
                        if (target == pcs[k]) {
                            bi = indices[k] - 1;
                            continue outer;
                        }
                    }
                    if (b.unknownTargetsLeave) {
                        bi = exitTo(frame, h, r, hart, target);
                        continue;
                    }
                    CompilerDirectives.transferToInterpreterAndInvalidate();
                    // A return that a frame further up expects (a function returning over its
                    // caller's frame) leaves, so that frame goes on in its own root; taken
                    // into this graph, its code would run here, nested one Java frame deeper
                    // each time, until the recursion limit unwinds them all.
                    int added = hart.expectedAbove(target, hart.depth) ? -1 : addJumpTarget(b, target);
                    if (added < 0) {
                        // From now on compiled code leaves for a target it has not seen,
                        // instead of deoptimizing for each one.
                        b.unknownTargetsLeave = true;
                        bi = exitTo(frame, h, r, hart, target);
                        continue;
                    }
                    bi = added;
                    continue;
                }
                case ECALL: {
                    hart.pc = b.termPc;
                    h.stack.forget(r);
                    h.spill(r, hart);
                    code.syscall(hart);
                    h.fill(r, hart);
                    int next = successor(b, false);
                    if (next == EXIT) {
                        bi = exitTo(frame, h, r, hart, b.nextPc);
                        continue;
                    }
                    bi = next;
                    continue;
                }
                case VOLATILE_INSN: {
                    int word = mem.getVolatile32(b.termPc);
                    if (VolatileInsn.isCall(word)) {
                        long target = (h.getX(r, hart, VolatileInsn.rs1(word)) + VolatileInsn.imm12(word)) & ~1L;
                        h.setX(r, hart, VolatileInsn.rd(word), b.nextPc);
                        long resume = call(h, r, hart, b, target);
                        if (resume != b.nextPc) {
                            bi = exitTo(frame, h, r, hart, resume);
                            continue;
                        }
                    } else if (VolatileInsn.isAuipc(word)) {
                        h.setX(r, hart, VolatileInsn.rd(word), b.termPc + VolatileInsn.imm20(word));
                    } else if (word != VolatileInsn.NOP) {
                        // Rewritten into something else: the general path decodes it normally.
                        bi = exitTo(frame, h, r, hart, b.termPc);
                        continue;
                    }
                    int next = successor(b, false);
                    if (next == EXIT) {
                        bi = exitTo(frame, h, r, hart, b.nextPc);
                        continue;
                    }
                    bi = next;
                    continue;
                }
                case HOSTCALL: {
                    hart.pc = b.termPc;
                    if (b.host.touchesGuestMemory()) {
                        h.stack.forget(r);
                    }
                    h.spill(r, hart);
                    b.host.call(hart);
                    h.fill(r, hart);
                    int next = successor(b, false);
                    if (next == EXIT) {
                        bi = exitTo(frame, h, r, hart, b.nextPc);
                        continue;
                    }
                    bi = next;
                    continue;
                }
                case BREAKPOINT:
                    CompilerDirectives.transferToInterpreter();
                    h.stack.flush(r);
                    h.spill(r, hart);
                    hart.pc = b.termPc;
                    throw new BreakpointHit(b.termPc);
                case EBREAK:
                    CompilerDirectives.transferToInterpreter();
                    h.stack.flush(r);
                    throw GuestFault.breakpoint(b.termPc);
                case ILLEGAL:
                    CompilerDirectives.transferToInterpreter();
                    h.stack.flush(r);
                    throw GuestFault.illegal(b.termPc, b.termRaw, b.termLength);
                case FETCH_FAULT:
                    CompilerDirectives.transferToInterpreter();
                    h.stack.flush(r);
                    throw GuestFault.segv(b.termPc, b.termPc, "instruction fetch from");
                default:
                    throw CompilerDirectives.shouldNotReachHere();
            }
        }
    }

    /**
     * A call to another function root (or a host function), with the registers written back
     * to the hart before and read again after; returns where the callee stopped (normally
     * b.nextPc). A host procedure takes its arguments from where they are kept instead (see
     * {@link HostProcedure}), and returns to ra.
     */
    private static long call(RegisterHomes h, long[] r, Hart hart, BlockNode b, long target) {
        HostProcedure procedure = b.callSite.procedureAt(target);
        if (procedure != null) {
            if (procedure.touchesGuestMemory()) {
                h.stack.forget(r);
            }
            procedure.call(hart, h.getX(r, hart, A0), h.getX(r, hart, A0 + 1), h.getX(r, hart, A0 + 2), h.getX(r, hart, A0 + 3));
            return h.getX(r, hart, RA) & ~1L;
        }
        if (!b.callSite.leavesMemoryAlone(target)) {
            h.stack.forget(r);
        }
        h.spill(r, hart);
        long resume = b.callSite.call(hart, target);
        h.fill(r, hart);
        return resume;
    }

    /** Control leaves the graph for pc: the registers go back to the hart; returns the LEAVE pseudo block. */
    private static int exitTo(VirtualFrame frame, RegisterHomes h, long[] r, Hart hart, long pc) {
        h.stack.flush(r);
        h.spill(r, hart);
        frame.setLongStatic(InsnNode.EXIT_SLOT, pc);
        return LEAVE;
    }

    /** The register array of the trampoline scope that runs (see {@link #switchHomes}). */
    private static long[] scopeArray(VirtualFrame frame) {
        return CompilerDirectives.castExact(frame.getObjectStatic(InsnNode.SCOPE_REGS_SLOT), long[].class);
    }

    /**
     * Control passes between the function's own code and trampoline code, or between two
     * trampolines: the registers one kept go back to the hart, the other's come from it.
     * Trampoline code keeps every register it writes in a scope array of its own (see
     * LoopRegisters.trampolineScope), so in compiled code its saves, its callback's arguments
     * and its restores are SSA values; the write-back of a register it restored to the value
     * it found folds away (Graal drops a store of the value the field is known to hold), so a
     * traced call stores to the hart only the registers that really changed.
     */
    private void switchHomes(VirtualFrame frame, long[] regs, Hart hart, RegisterHomes from, RegisterHomes to) {
        if (from == homes) {
            // The code we enter may write what the function's stack slots remember.
            homes.stack.forget(regs);
            homes.spill(regs, hart);
        } else {
            long[] scope = scopeArray(frame);
            from.stack.endScope(scope, from.getX(scope, hart, SP));
            from.spill(scope, hart);
        }
        if (to == homes) {
            frame.setObjectStatic(InsnNode.SCOPE_REGS_SLOT, null);
            frame.setObjectStatic(InsnNode.SCOPE_HOMES_SLOT, null);
            homes.fill(regs, hart);
        } else {
            long[] scope = to.newArray();
            to.fill(scope, hart);
            frame.setObjectStatic(InsnNode.SCOPE_REGS_SLOT, scope);
            frame.setObjectStatic(InsnNode.SCOPE_HOMES_SLOT, to);
        }
    }

    /**
     * After an exception out of a block: the registers of the homes that ran go back to the
     * hart (the function's own were written back when a trampoline scope began). Not
     * compiled: the exceptions come out of boundaries that leave compiled code anyway, and
     * the homes in the frame slot are no constant.
     */
    private void spillCurrent(VirtualFrame frame, Hart hart) {
        CompilerDirectives.transferToInterpreter();
        Object scope = frame.getObjectStatic(InsnNode.SCOPE_HOMES_SLOT);
        if (scope != null) {
            ((RegisterHomes) scope).stack.flush(scopeArray(frame));
            ((RegisterHomes) scope).spill(scopeArray(frame), hart);
        } else {
            homes.spill(RegisterHomes.array(frame), hart);
        }
    }

    /** What a function root's call returned (see the calling convention above): the pc where it stopped. */
    static long stoppedAt(Object returned, long link) {
        return returned == null ? link : (Long) returned;
    }

    /**
     * Safepoints, loop counts and on-stack replacement on backward jumps: on every one in
     * compiled code, on every {@link #INTERPRETER_BACK_EDGES}th in the interpreter, where the
     * poll (a thread-local lookup) and the counting cost 5% of the time when done each time.
     */
    private Object backEdge(VirtualFrame frame, int target, boolean mayReplace) {
        if (CompilerDirectives.inInterpreter()) {
            // Shared by the harts running this function without synchronization: it only paces the polls.
            int n = interpreterBackEdges + 1;
            interpreterBackEdges = n;
            if ((n & (INTERPRETER_BACK_EDGES - 1)) != 0) {
                return null;
            }
            TruffleSafepoint.poll(this);
            LoopNode.reportLoopCount(this, INTERPRETER_BACK_EDGES);
            if (mayReplace && BytecodeOSRNode.pollOSRBackEdge(this, INTERPRETER_BACK_EDGES)) {
                return BytecodeOSRNode.tryOSR(this, target, null, null, frame);
            }
            return null;
        }
        TruffleSafepoint.poll(this);
        return null;
    }

    /**
     * The block index of a branch's target or fall-through (or EXIT), resolved (and
     * translated) on first use. Stored as index + 1, so that EXIT is stored as -1 and the
     * resolved path is one subtraction: the method stays small enough for C1 to inline it
     * into the interpreter's dispatch loop.
     */
    private int successor(BlockNode b, boolean taken) {
        int stored = taken ? b.targetIndex : b.nextIndex;
        if (stored == UNRESOLVED) {
            stored = resolveSuccessor(b, taken);
        }
        return stored - 1;
    }

    private int resolveSuccessor(BlockNode b, boolean taken) {
        CompilerDirectives.transferToInterpreterAndInvalidate();
        int stored = resolve(taken ? b.targetPc : b.nextPc, b) + 1;
        if (taken) {
            b.targetIndex = stored;
        } else {
            b.nextIndex = stored;
        }
        return stored;
    }

    @TruffleBoundary
    private int resolve(long pc, BlockNode from) {
        synchronized (this) {
            Integer known = blockIndex.get(pc);
            if (known != null) {
                return known;
            }
            if (blocks.length >= MAX_BLOCKS) {
                return EXIT;
            }
            return blockAt(pc, homesFor(pc, from));
        }
    }

    @TruffleBoundary
    private int addJumpTarget(BlockNode b, long target) {
        synchronized (this) {
            if (b.jumpPcs.length >= MAX_JUMP_TARGETS || !mem.isExecutable(target)) {
                return -1;
            }
            int index = resolve(target, b);
            if (index < 0) {
                return -1;
            }
            long[] pcs = java.util.Arrays.copyOf(b.jumpPcs, b.jumpPcs.length + 1);
            int[] indices = java.util.Arrays.copyOf(b.jumpIndices, b.jumpIndices.length + 1);
            pcs[pcs.length - 1] = target;
            indices[indices.length - 1] = index + 1;
            b.jumpIndices = indices;
            b.jumpPcs = pcs;
            return index;
        }
    }

    /** Decodes the block at pc as it is in memory now, to keep registers in blockHomes. */
    private BlockNode translate(long pc, RegisterHomes blockHomes) {
        BlockNode translated = code.translate(pc);
        translated.setRegisterHomes(blockHomes, code.forwardsStackSlots(pc));
        return insert(translated);
    }

    /**
     * Where a new block at pc, reached from block from (null: the function's entry), keeps
     * registers: outside trampoline text in the function's homes; in trampoline text in the
     * scope that began where control entered the text, or in the function's homes when that
     * code has no scope (see LoopRegisters.trampolineScope). A block keeps its homes for its
     * lifetime (a translation at a pc reached again from elsewhere is shared, and entered
     * through a switch of homes like any other).
     */
    private RegisterHomes homesFor(long pc, BlockNode from) {
        if (!code.isTrampolineText(pc)) {
            return homes;
        }
        if (from != null && (from.homes != homes || code.isTrampolineText(from.startPc))) {
            return from.homes;
        }
        if (!scopes.containsKey(pc)) {
            scopes.put(pc, LoopRegisters.trampolineScope(mem, pc, code::isTrampolineText));
        }
        RegisterHomes scope = scopes.get(pc);
        return scope != null ? scope : homes;
    }

    /** Translates the block at pc and appends it to the graph. */
    private int blockAt(long pc, RegisterHomes blockHomes) {
        BlockNode block = translate(pc, blockHomes);
        BlockNode[] grown = java.util.Arrays.copyOf(blocks, blocks.length + 1);
        grown[grown.length - 1] = block;
        blocks = grown;
        blockIndex.put(pc, grown.length - 1);
        return grown.length - 1;
    }

    /** The code under block bi changed: decode it again, in place. */
    @TruffleBoundary
    private void retranslate(int bi) {
        synchronized (this) {
            BlockNode old = blocks[bi];
            if (old.code.isValid()) {
                return;
            }
            BlockNode fresh = translate(old.startPc, old.homes);
            BlockNode[] copy = blocks.clone();
            copy[bi] = fresh;
            blocks = copy;
        }
    }
}
