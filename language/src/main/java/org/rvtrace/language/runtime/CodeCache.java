package org.rvtrace.language.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;

import org.rvtrace.language.RiscvContext;
import org.rvtrace.language.RiscvLanguage;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.nodes.BlockNode;
import org.rvtrace.language.nodes.FunctionRootNode;
import org.rvtrace.language.tracing.HostFunction;

/**
 * All translated code of one guest address space: function roots by entry pc, and for
 * every page the blocks decoded from it, so that a store into code invalidates exactly the
 * blocks whose bytes it overlaps.
 */
public final class CodeCache implements GuestMemory.CodeWriteListener {
    private final RiscvLanguage language;
    private final RiscvContext context;
    private final GuestMemory mem;
    private final Map<Long, FunctionRootNode> functions = new ConcurrentHashMap<>();
    /**
     * Bytes translated code relies on staying as they are: a block's instructions, or a word
     * a load speculated on. A write that overlaps [start, end) invalidates the assumption.
     */
    private record Watch(long start, long end, Assumption assumption) {
    }

    /** Entry pcs whose function gets a copy per call site (see {@link #splitPerCallSite}), with the copies made so far. */
    private final Map<Long, java.util.concurrent.atomic.AtomicInteger> splitEntries = new ConcurrentHashMap<>();

    /**
     * Copies of one split function (a trampoline) made for call sites, and separately the
     * sites whose t0-linked jumps take it into their own graph (see joinsJumpingGraph);
     * later sites share the original. Every copy is compiled: with every function of a big
     * program traced, one copy per site meant thousands of trampoline compilations queued
     * on one compiler thread (traced calls then ran interpreted for minutes), while the
     * shared original costs a traced call only the literal and ops loads that a copy folds
     * to constants.
     */
    static final int MAX_COPIES_PER_FUNCTION = 64;

    /**
     * After this many rewrites of one aligned instruction word that threw away translated
     * code, the word is treated as {@linkplain #isVolatileWord volatile}.
     */
    static final int VOLATILE_AFTER_FLIPS = 3;
    /** Code-invalidating rewrites per aligned instruction word. Guarded by this. */
    private final Map<Long, Integer> flips = new HashMap<>();
    /** Instruction words rewritten again and again (patch sites toggled on and off). */
    private final java.util.Set<Long> volatileWords = ConcurrentHashMap.newKeySet();

    /** Page number to the watches on it. Guarded by this. */
    private final Map<Long, List<Watch>> watchesByPage = new HashMap<>();

    public CodeCache(RiscvLanguage language, RiscvContext context, GuestMemory mem) {
        this.language = language;
        this.context = context;
        this.mem = mem;
        mem.setCodeWriteListener(this);
    }

    /** The function root that starts at pc, made on first use. */
    @TruffleBoundary
    public FunctionRootNode functionAt(long pc) {
        FunctionRootNode f = functions.get(pc);
        if (f == null) {
            synchronized (this) {
                f = functions.get(pc);
                if (f == null) {
                    f = new FunctionRootNode(language, this, mem, pc, context.symbolize(pc));
                    functions.put(pc, f);
                }
            }
        }
        return f;
    }

    /**
     * Gives the function at pc a separate copy (translation, speculation, compilation) for
     * every call site that calls it: for small shared code whose loads depend on the caller,
     * like an ftrace trampoline reading the caller's ops literal.
     */
    public void splitPerCallSite(long pc) {
        splitEntries.putIfAbsent(pc, new java.util.concurrent.atomic.AtomicInteger());
    }

    /** Ranges [start, end) whose sd/ld through sp compiled code forwards (see TracingHost.trampolineText). */
    private final java.util.List<long[]> forwardedRanges = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Ranges [start, end) of trampoline code, which runs in register scopes of its own (see TracingHost.trampolineText). */
    private final java.util.List<long[]> trampolineRanges = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void forwardStackSlots(long start, long length) {
        forwardedRanges.add(new long[]{start, start + length});
    }

    public void trampolineText(long start, long length) {
        forwardStackSlots(start, length);
        trampolineRanges.add(new long[]{start, start + length});
    }

    /** Whether the block at pc is in a range whose stack slots are forwarded. */
    public boolean forwardsStackSlots(long pc) {
        return inRanges(forwardedRanges, pc);
    }

    /** Whether pc is in trampoline text. */
    public boolean isTrampolineText(long pc) {
        return inRanges(trampolineRanges, pc);
    }

    private static boolean inRanges(java.util.List<long[]> ranges, long pc) {
        for (long[] r : ranges) {
            if (pc >= r[0] && pc < r[1]) {
                return true;
            }
        }
        return false;
    }

    /** pcs where guest execution stops and control returns to the host (see BreakpointHit). */
    private final java.util.Set<Long> breakpoints = ConcurrentHashMap.newKeySet();

    /** Makes execution stop when it reaches pc (code translated from there later stops). */
    public void setBreakpoint(long pc) {
        breakpoints.add(pc);
        codeWritten(pc, 2); // a block already translated at pc is decoded again, with the stop
    }

    public boolean isBreakpoint(long pc) {
        return !breakpoints.isEmpty() && breakpoints.contains(pc);
    }

    /** Per split entry: the sites whose linked jumps (jalr t0) took it into their own graph. Guarded by itself. */
    private final Map<Long, java.util.Set<Long>> joinedSites = new ConcurrentHashMap<>();

    /**
     * Whether the jump that links through t0 at sitePc takes target into the graph of its
     * own function (see Terminator.JUMP_INDIRECT). Always, unless target is split per call
     * site (a trampoline): then for at most {@link #MAX_COPIES_PER_FUNCTION} sites, and the
     * jumps of later sites call the shared function root instead. Each joining site
     * compiles the trampoline into its function; with every function of a big program traced
     * that meant thousands of functions waiting for the one compiler thread with an
     * interpreted trampoline inside (traced rounds 10x slower for over a minute), while the
     * shared root is compiled once. A site asks again when its block is decoded anew and
     * keeps its answer.
     */
    public boolean joinsJumpingGraph(long target, long sitePc) {
        if (!splitEntries.containsKey(target)) {
            return true;
        }
        java.util.Set<Long> sites = joinedSites.computeIfAbsent(target, t -> new java.util.HashSet<>());
        synchronized (sites) {
            if (sites.contains(sitePc)) {
                return true;
            }
            if (sites.size() < MAX_COPIES_PER_FUNCTION) {
                sites.add(sitePc);
                return true;
            }
            return false;
        }
    }

    /**
     * Whether a new call site of the function at pc gets a copy of its own; true at most
     * {@link #MAX_COPIES_PER_FUNCTION} times per function.
     */
    public boolean takeCopyForCallSite(long pc) {
        java.util.concurrent.atomic.AtomicInteger copies = splitEntries.get(pc);
        return copies != null && copies.getAndUpdate(n -> n < MAX_COPIES_PER_FUNCTION ? n + 1 : n) < MAX_COPIES_PER_FUNCTION;
    }

    /**
     * Whether the instruction word at pc keeps being rewritten: blocks then stop before it
     * and read it afresh each time it runs ({@code Terminator.VOLATILE_INSN}), instead of
     * taking it as a constant that every rewrite would deoptimize.
     */
    public boolean isVolatileWord(long pc) {
        return !volatileWords.isEmpty() && volatileWords.contains(pc);
    }

    /** Decodes a block and registers it under every page it was decoded from. */
    public synchronized BlockNode translate(long pc) {
        // Mark the pages first: a store from now on takes the checked path and sees the block.
        long firstPage = pc >>> GuestMemory.PAGE_SHIFT;
        if (mem.isExecutable(pc)) {
            mem.markCode(pc);
        }
        BlockNode block = BlockNode.translate(mem, this, pc);
        if (block.endPc > block.startPc) {
            register(new Watch(block.startPc, block.endPc, block.code));
        }
        return block;
    }

    /**
     * An assumption that the length bytes at addr keep their present value: for compiled
     * code that takes them as a constant. Any write to them invalidates it.
     */
    @Override
    public synchronized Assumption watch(long addr, int length) {
        Assumption a = Truffle.getRuntime().createAssumption(String.format("word 0x%x", addr));
        register(new Watch(addr, addr + length, a));
        return a;
    }

    private void register(Watch w) {
        long lastPage = (w.end() - 1) >>> GuestMemory.PAGE_SHIFT;
        for (long page = w.start() >>> GuestMemory.PAGE_SHIFT; page <= lastPage; page++) {
            long at = page << GuestMemory.PAGE_SHIFT;
            if (mem.isMapped(at)) {
                // From now on a store to the page takes the checked path and sees the watch.
                mem.markCode(at);
            }
            watchesByPage.computeIfAbsent(page, p -> new ArrayList<>()).add(w);
        }
    }

    @Override
    @TruffleBoundary
    public synchronized boolean codeWritten(long addr, int length) {
        boolean any = false;
        long end = addr + length;
        for (long page = addr >>> GuestMemory.PAGE_SHIFT; page <= (end - 1) >>> GuestMemory.PAGE_SHIFT; page++) {
            List<Watch> watches = watchesByPage.get(page);
            if (watches == null) {
                continue;
            }
            for (Iterator<Watch> it = watches.iterator(); it.hasNext();) {
                Watch w = it.next();
                if (w.start() < end && addr < w.end()) {
                    it.remove();
                    if (w.assumption().isValid()) {
                        w.assumption().invalidate();
                        any = true;
                    }
                }
            }
        }
        if (any && length == 4 && (addr & 3) == 0 && flips.merge(addr, 1, Integer::sum) >= VOLATILE_AFTER_FLIPS) {
            volatileWords.add(addr);
        }
        return any;
    }

    /** A host-call stub as a call site sees it: the function, valid while the stub's two words are unchanged. */
    public record HostStub(HostFunction function, Assumption unchanged) {
    }

    /**
     * When pc is the start of a host-call stub, {@code hostcall n; ret} as HostCalls placed
     * it: its function, so that a call site can run it in place of a call to the stub
     * (the call then costs what the host function costs). Else null.
     */
    public synchronized HostStub hostStubAt(long pc) {
        HostFunction fn = context.intactHostStub(pc);
        return fn == null ? null : new HostStub(fn, watch(pc, HostCalls.STUB_BYTES));
    }

    /** The host function of the host-call stub at pc, or null (then the hostcall there is illegal). */
    public HostFunction hostFunction(long pc, int id) {
        return context.hostFunction(pc, id);
    }

    @TruffleBoundary
    public void syscall(Hart hart) {
        context.syscalls().dispatch(hart);
    }
}
