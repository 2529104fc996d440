package org.rvtrace.ftrace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;

import org.rvtrace.ftrace.asm.Trampolines;
import org.rvtrace.ftrace.filter.FunctionFilter;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.ops.OpsTable;
import org.rvtrace.ftrace.patch.Patcher;
import org.rvtrace.ftrace.patch.Scheme;
import org.rvtrace.ftrace.samples.Samples;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.ftrace.site.SiteIndex;
import org.rvtrace.ftrace.site.SiteScanner;
import org.rvtrace.ftrace.tracer.HartTracing;
import org.rvtrace.ftrace.tracer.TraceClock;
import org.rvtrace.ftrace.tracer.TraceOutput;
import org.rvtrace.ftrace.tracer.Tracer;
import org.rvtrace.ftrace.tracer.Tracers;
import org.rvtrace.language.elf.LoadedProgram;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.GuestFault;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.RiscvError;
import org.rvtrace.language.tracing.GuestTracing;
import org.rvtrace.language.tracing.HostFunction;
import org.rvtrace.language.tracing.TracingHost;
import org.rvtrace.language.tracing.TracingOptions;

/**
 * Dynamic ftrace for one guest process: its patch sites, ftrace's code and data in guest
 * memory, the registered ops, and the current tracer. This is the control API (what the
 * launcher, the tracefs control files and embedders use); every change ends in
 * {@link #update}, which rewrites exactly the sites whose set of ops changed.
 */
public final class Ftrace implements GuestTracing {
    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final long CODE_BYTES = 2 * GuestMemory.PAGE_SIZE;
    private static final long DATA_BYTES = 16 * GuestMemory.PAGE_SIZE;

    private final TracingHost host;
    private final GuestMemory mem;
    private final LoadedProgram program;
    private final Scheme scheme;
    private final List<PatchSite> sites;
    /** A traced call's ip (function + 4 with a literal, the function itself without) to its site. */
    private final SiteIndex siteIndex;
    private final OpsTable table;
    private final Patcher patcher;
    private final Trampolines.Code code;
    private final TraceClock clock;
    private final TraceOutput output;
    private final String comm;
    private final int pid;

    /** Which sites each registered ops wants (its filter, evaluated once). */
    private final Map<FtraceOps, BitSet> wants = new HashMap<>();
    private FunctionFilter filter;
    /** Read without the lock by harts returning through return_to_handler (see stopMachine). */
    private volatile Tracer tracer;
    private final Map<String, Tracer> tracers = new HashMap<>();
    private volatile boolean recording;
    /**
     * recording as compiled callbacks see it: a constant while recordingUnchanged holds, which
     * setRecording invalidates. A volatile read in compiled code would make Graal forget
     * every value it knows from memory at each traced call (the hart's registers among
     * them), so the callback does not read the field there.
     */
    @CompilationFinal private boolean recordingSeen;
    @CompilationFinal private Assumption recordingUnchanged;

    private Ftrace(TracingHost host, Scheme scheme, TraceClock clock, FunctionFilter filter) {
        this.host = host;
        this.mem = host.memory();
        this.program = host.program();
        this.scheme = scheme;
        this.clock = clock;
        this.filter = filter;
        this.comm = host.comm();
        this.pid = host.pid();
        TracingOptions options = host.options();
        this.recording = options.tracingOn();
        this.recordingSeen = recording;
        this.recordingUnchanged = Truffle.getRuntime().createAssumption("tracing_on unchanged");
        this.output = openOutput(host, options.output());
        this.sites = SiteScanner.scan(program, mem);

        long codeBase = host.reserve(CODE_BYTES, GuestMemory.READ | GuestMemory.EXEC, "[ftrace text]");
        // The trampolines save registers and reload them after the callback: in compiled code
        // their registers stay in machine registers and the reloads are forwarded.
        host.trampolineText(codeBase, CODE_BYTES);
        // STABLE: compiled code may take the ops words as constants until they are rewritten.
        long dataBase = host.reserve(DATA_BYTES, GuestMemory.READ | GuestMemory.WRITE | GuestMemory.STABLE, "[ftrace data]");
        this.table = new OpsTable(mem, dataBase, DATA_BYTES);
        Trampolines.HostStubs stubs = new Trampolines.HostStubs(
                        host.hostFunction("ftrace_ops_test", HostFunction.leavingMemoryAlone(this::opsTest)),
                        host.hostFunction("ftrace_test_recursion_trylock", HostFunction.leavingMemoryAlone(Ftrace::recursionTrylock)),
                        host.hostFunction("ftrace_test_recursion_unlock", HostFunction.leavingMemoryAlone(Ftrace::recursionUnlock)),
                        host.hostFunction("ftrace_return_to_handler", HostFunction.leavingMemoryAlone(this::returnToHandler)));
        this.code = Trampolines.assemble(scheme.layout, codeBase, stubs,
                        new Trampolines.Data(table.opsList(), table.functionTraceOp(), table.ftraceTraceFunction()));
        if (code.bytes().length > CODE_BYTES) {
            throw new IllegalStateException("ftrace code does not fit its region");
        }
        mem.write(codeBase, code.bytes());
        code.symbols().forEach((name, at) -> host.defineSymbol(name, at, 4));
        host.defineSymbol("ftrace_nop_ops", table.nopOps(), 64);
        host.defineSymbol("ftrace_list_ops", table.listOps(), 64);
        table.initInternal(code.stub(), code.listFunc());
        // A patch site reaches the trampoline through t0, so the trampoline joins the traced
        // function's own graph and compiled code, where the loads of its literal and of its
        // ops fold to constants; past CodeCache's limit of sites per trampoline, sites call one
        // shared trampoline root. A site whose word is read at run time (one toggled again and
        // again) calls the trampoline as a function too: such calls get copies of their own.
        for (long trampoline : new long[]{code.ftraceCaller(), code.regsCaller(), code.directCaller()}) {
            if (trampoline != 0) {
                host.splitPerCallSite(trampoline);
            }
        }

        this.patcher = new Patcher(mem, scheme, code, table);
        Map<Long, Integer> byIp = new HashMap<>();
        for (PatchSite site : sites) {
            if (site.usable()) {
                patcher.init(site);
                byIp.put(site.function() + (scheme.hasLiteral() ? 4 : 0), site.index);
            }
        }
        this.siteIndex = SiteIndex.of(byIp);
    }

    /** Sets up ftrace for a freshly loaded process as the options say. */
    public static Ftrace attach(TracingHost host) {
        TracingOptions options = host.options();
        Scheme scheme = Scheme.of(options.scheme());
        if (scheme == null) {
            throw new RiscvError("ftrace: unknown scheme '" + options.scheme() + "' (call-ops, call-ops-2023 or list)");
        }
        TraceClock clock = TraceClock.of(options.clock());
        if (clock == null) {
            throw new RiscvError("ftrace: unknown clock '" + options.clock() + "' (local or counter)");
        }
        String tracerName = options.tracer() == null ? "nop" : options.tracer();
        if (!Tracers.NAMES.contains(tracerName)) {
            throw new RiscvError("ftrace: unknown tracer '" + tracerName + "' (" + String.join(", ", Tracers.NAMES) + ")");
        }
        FunctionFilter filter;
        try {
            filter = new FunctionFilter(options.filter(), options.notrace());
        } catch (IllegalArgumentException e) {
            throw new RiscvError("ftrace: bad filter: " + e.getMessage());
        }
        Ftrace ftrace = new Ftrace(host, scheme, clock, filter);
        ftrace.reportUnusableSites();
        ftrace.setTracer(tracerName);
        Samples.load(ftrace, options.sample());
        for (Consumer<Ftrace> listener : LISTENERS) {
            listener.accept(ftrace);
        }
        if (options.listSites()) {
            ftrace.printSites();
        }
        return ftrace;
    }

    private static final List<Consumer<Ftrace>> LISTENERS = new CopyOnWriteArrayList<>();

    /**
     * Calls listener with every ftrace session as it is set up, before the program's first
     * instruction: how a Java embedder (or a test) gets hold of the control API of a guest
     * it runs through the polyglot API. Returns a handle that removes the listener.
     */
    public static AutoCloseable onAttach(Consumer<Ftrace> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    private static TraceOutput openOutput(TracingHost host, String path) {
        if (path == null) {
            return new TraceOutput(host.err(), false);
        }
        try {
            return new TraceOutput(host.openOutput(path), true);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RiscvError("ftrace: cannot write the trace to " + path + ": no such directory");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new RiscvError("ftrace: cannot write the trace to " + path + ": permission denied");
        } catch (IOException e) {
            throw new RiscvError("ftrace: cannot write the trace to " + path + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- control API

    /** Makes name ("nop", "function", "function_graph", "profile") the current tracer, as writing current_tracer does. */
    public synchronized void setTracer(String name) {
        if (tracer != null && tracer.name().equals(name)) {
            return;
        }
        if (!Tracers.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown tracer: " + name);
        }
        // One tracer object (and one host-call stub) per kind for the whole process.
        Tracer next = tracers.computeIfAbsent(name, n -> Tracers.create(n, this));
        if (tracer != null) {
            FtraceOps old = tracer.ops();
            if (old != null) {
                unregister(old);
            }
            tracer.stop();
        }
        tracer = next;
        tracer.start();
        FtraceOps ops = tracer.ops();
        if (ops != null) {
            register(ops);
        }
    }

    public synchronized String tracerName() {
        return tracer == null ? "nop" : tracer.name();
    }

    /** Whether tracers record (tracing_on); sites stay patched either way, as in Linux. */
    public synchronized void setRecording(boolean on) {
        recording = on;
        recordingSeen = on;
        Assumption old = recordingUnchanged;
        recordingUnchanged = Truffle.getRuntime().createAssumption("tracing_on unchanged");
        old.invalidate();
    }

    public boolean recording() {
        if (CompilerDirectives.inCompiledCode() && recordingUnchanged.isValid()) {
            return recordingSeen;
        }
        return recording;
    }

    /**
     * Changes the filter of the tracers' ops (set_ftrace_filter / set_ftrace_notrace) and
     * re-patches only the sites whose tracing changed.
     */
    public synchronized void setFilter(FunctionFilter newFilter) {
        this.filter = newFilter;
        FtraceOps ops = tracer == null ? null : tracer.ops();
        BitSet old = ops == null ? null : wants.get(ops);
        if (old == null) {
            return;
        }
        BitSet now = wanted(newFilter);
        BitSet changed = (BitSet) old.clone();
        changed.xor(now);
        wants.put(ops, now);
        update(changed);
    }

    /** The usable sites a filter selects. */
    private BitSet wanted(FunctionFilter f) {
        BitSet set = new BitSet(sites.size());
        for (PatchSite site : sites) {
            if (site.usable() && f.traces(site.name)) {
                set.set(site.index);
            }
        }
        return set;
    }

    /** The filter the tracers' ops get. */
    public synchronized FunctionFilter filter() {
        return filter;
    }

    /** Registers an ops: it gets its struct in guest memory, and the sites it wants call it. */
    public synchronized void register(FtraceOps ops) {
        BitSet set = wanted(ops.filter == null ? filter : ops.filter);
        table.add(ops);
        wants.put(ops, set);
        update(set);
    }

    public synchronized void unregister(FtraceOps ops) {
        BitSet set = wants.remove(ops);
        if (set == null) {
            return;
        }
        table.remove(ops);
        update(set);
    }

    /**
     * Re-patches the given sites so that each calls exactly the registered ops that want it.
     * With a literal every store is atomic and harts run on; the list scheme rewrites two
     * instructions per site, so like Linux it parks every other hart first (stop_machine).
     */
    private void update(BitSet changed) {
        if (scheme == Scheme.LIST) {
            long[] stall = host.stopMachine(() -> repatch(changed));
            stallMaxNanos = Math.max(stallMaxNanos, stall[0]);
            stallTotalNanos += stall[1];
        } else {
            repatch(changed);
        }
    }

    /** The longest and the total time harts were parked for patching so far (list scheme). */
    public synchronized long[] stallNanos() {
        return new long[]{stallMaxNanos, stallTotalNanos};
    }

    private long stallMaxNanos;
    private long stallTotalNanos;

    private void repatch(BitSet changed) {
        List<FtraceOps> registered = table.registered();
        for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
            PatchSite site = sites.get(i);
            List<FtraceOps> ops = new ArrayList<>(2);
            for (FtraceOps o : registered) {
                if (wants.get(o).get(i)) {
                    ops.add(o);
                }
            }
            patcher.update(site, ops);
        }
        updateGlobals(registered);
    }

    /**
     * The old scheme's function_trace_op / ftrace_trace_function: one ops that is neither
     * DYNAMIC nor in need of the recursion guard is called directly, anything else goes
     * through the list function (update_ftrace_function, ftrace_ops_get_list_func).
     */
    private void updateGlobals(List<FtraceOps> registered) {
        long op;
        long func;
        if (registered.isEmpty()) {
            op = table.nopOps();
            func = code.stub();
        } else if (registered.size() == 1 && !registered.get(0).needsListFunction()) {
            op = registered.get(0).address();
            func = registered.get(0).func;
        } else {
            op = table.listOps();
            func = code.listFunc();
        }
        mem.writeLongAtomic(table.functionTraceOp(), op);
        mem.writeLongAtomic(table.ftraceTraceFunction(), func);
    }

    /** The host's view of the process (symbols, memory, stop_machine), for samples. */
    public TracingHost host() {
        return host;
    }

    /** A guest address that runs fn when called (for ops callbacks written in Java). */
    public long hostFunction(String name, HostFunction fn) {
        return host.hostFunction(name, fn);
    }

    public List<PatchSite> sites() {
        return sites;
    }

    /** The site of the named function, or null. */
    public PatchSite site(String function) {
        for (PatchSite s : sites) {
            if (s.name.equals(function)) {
                return s;
            }
        }
        return null;
    }

    public LoadedProgram program() {
        return program;
    }

    public Scheme scheme() {
        return scheme;
    }

    public Trampolines.Code code() {
        return code;
    }

    public OpsTable opsTable() {
        return table;
    }

    public Patcher patcher() {
        return patcher;
    }

    public GuestMemory memory() {
        return mem;
    }

    public TraceClock clock() {
        return clock;
    }

    public TraceOutput output() {
        return output;
    }

    public String comm() {
        return comm;
    }

    public int pid() {
        return pid;
    }

    /** The CPU number Linux would print for a hart: its index among the process's threads. */
    public int cpuOf(Hart hart) {
        return Math.max(0, hart.tid - pid);
    }

    /** The site a traced call's ip belongs to, or null. Folds to a constant in compiled code. */
    public PatchSite siteOf(long ip) {
        int i = siteIndex.indexOf(ip);
        return i < 0 ? null : sites.get(i);
    }

    /** The site number of a traced call's ip, or -1 (see {@link SiteIndex}). */
    public int siteIndexOf(long ip) {
        return siteIndex.indexOf(ip);
    }

    /** A return address's function name, as %ps prints it (no offset). */
    @TruffleBoundary
    public String functionName(long pc) {
        String s = program.symbolize(pc);
        int plus = s.indexOf('+');
        return plus < 0 ? s : s.substring(0, plus);
    }

    // ---------------------------------------------------------------- host functions of the guest code

    /** ftrace_ops_test(ops, ip): does this registered ops trace the function of ip? */
    @TruffleBoundary
    private void opsTest(Hart hart) {
        FtraceOps ops = table.at(hart.getX(A0));
        PatchSite site = siteOf(hart.getX(A1));
        hart.setX(A0, ops != null && site != null && site.ops.contains(ops) ? 1 : 0);
    }

    private static void recursionTrylock(Hart hart) {
        HartTracing t = HartTracing.of(hart);
        if (t.inCallback) {
            hart.setX(A0, 0);
        } else {
            t.inCallback = true;
            hart.setX(A0, 1);
        }
    }

    private static void recursionUnlock(Hart hart) {
        HartTracing.of(hart).inCallback = false;
    }

    /**
     * The guest function a traced function returns to when a graph tracer swapped its return
     * address: a0 is the sp it returned with. Frames deeper than that were left without
     * returning (longjmp) and are reported as unwound; the top frame's real return address
     * goes back in a0. No boundary: compiled guest code runs it inline (with the tracer's
     * functionReturned, see {@link #notifyReturned}); a boundary here cost a spill of every
     * register, a Java call and the C1-compiled body on each timed return.
     */
    private void returnToHandler(Hart hart) {
        long sp = hart.getX(A0);
        HartTracing t = HartTracing.of(hart);
        long now = clock.now();
        int cpu = cpuOf(hart);
        unwindBelow(t, sp, cpu, now);
        if (t.depth() == 0) {
            CompilerDirectives.transferToInterpreter();
            throw GuestFault.segv(hart.pc, hart.pc, "ftrace: return_to_handler with an empty shadow stack at");
        }
        long ret = t.topReturn();
        returned(t, cpu, now, false);
        hart.setX(A0, ret);
    }

    /** Pops (as unwound) every shadow frame deeper than sp: a longjmp left them. */
    public void unwindBelow(HartTracing t, long sp, int cpu, long now) {
        while (t.depth() > 0 && Long.compareUnsigned(t.topSp(), sp) < 0) {
            returned(t, cpu, now, true);
        }
    }

    private void returned(HartTracing t, int cpu, long now, boolean unwound) {
        PatchSite site = sites.get(t.topSite());
        long start = t.topStart();
        Object owner = t.topOwner();
        t.pop();
        if (owner != null) {
            notifyReturned(owner, t, cpu, site, start, now, unwound);
        }
    }

    /**
     * The class of the tracers that hooked returns so far, while it is one class: a
     * monomorphic cache, so that compiled code calls that class's functionReturned directly
     * (and inlines it). Only ever a shortcut: an owner of another class takes the virtual call.
     */
    @CompilationFinal private Class<? extends ReturnListener> listenerClass;
    /** Set when tracers of more than one class have hooked returns: the cache is not used. */
    @CompilationFinal private boolean listenersVary;

    private void noteListener(ReturnListener listener) {
        if (listener.getClass() != listenerClass && !listenersVary) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            if (listenerClass == null) {
                listenerClass = listener.getClass();
            } else {
                listenersVary = true;
            }
        }
    }

    private void notifyReturned(Object owner, HartTracing t, int cpu, PatchSite site, long start, long now, boolean unwound) {
        Class<? extends ReturnListener> c = listenerClass;
        if (c != null && owner.getClass() == c) {
            CompilerDirectives.castExact(owner, c).functionReturned(t, cpu, t.depth(), site, start, now, unwound);
        } else {
            notifyAnyListener((ReturnListener) owner, t, cpu, site, start, now, unwound);
        }
    }

    @TruffleBoundary
    private static void notifyAnyListener(ReturnListener owner, HartTracing t, int cpu, PatchSite site, long start, long now, boolean unwound) {
        owner.functionReturned(t, cpu, t.depth(), site, start, now, unwound);
    }

    /** Told when a function whose return it hooked (see {@link #hookReturn}) returns, or is left by a longjmp. */
    public interface ReturnListener {
        void functionReturned(HartTracing hart, int cpu, int depth, PatchSite site, long start, long end, boolean unwound);
    }

    /**
     * Makes the traced function return through return_to_handler: its real return address
     * (fregs->ra) goes on the hart's shadow stack with the sp it was called with, and
     * fregs->ra, which the trampoline restores, becomes return_to_handler. Frames a longjmp
     * left behind are unwound first. Returns the shadow depth of the new frame.
     */
    public int hookReturn(Hart hart, HartTracing t, long fregs, PatchSite site, long now, ReturnListener listener) {
        noteListener(listener);
        long sp = mem.readLong(fregs + Trampolines.FREGS_SP);
        unwindBelow(t, sp, cpuOf(hart), now);
        int depth = t.depth();
        t.push(mem.readLong(fregs + Trampolines.FREGS_RA), sp, site.index, now, listener);
        mem.writeLong(fregs + Trampolines.FREGS_RA, code.returnToHandler());
        return depth;
    }

    // ---------------------------------------------------------------- diagnostics and the end

    private void reportUnusableSites() {
        if (sites.isEmpty()) {
            warn(comm + " has no " + SiteScanner.SECTION + " section: nothing can be traced "
                            + "(build with -fpatchable-function-entry=8,4 -falign-functions=8, or =4,2 without C)");
            return;
        }
        for (PatchSite site : sites) {
            if (!site.usable()) {
                warn(String.format("not patching %s at 0x%x: %s", site.name, site.area, site.state.text));
            }
        }
    }

    /** One line on the process's stderr, as a sample module's pr_info. */
    public void report(String line) {
        writeErr(line + "\n");
    }

    private void warn(String line) {
        writeErr("rv: ftrace: " + line + "\n");
    }

    private void writeErr(String text) {
        OutputStream err = host.err();
        try {
            err.write(text.getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            // stderr is gone; nothing to report to
        }
    }

    /** The --ftrace-sites table. */
    public synchronized void printSites() {
        StringBuilder b = new StringBuilder();
        long usable = sites.stream().filter(PatchSite::usable).count();
        b.append(String.format("# ftrace: %d patch sites (%d usable), scheme %s, ftrace_caller at 0x%x%n", sites.size(), usable, scheme.option,
                        code.ftraceCaller()));
        b.append(String.format("# %-18s %-28s %-6s %-24s %-16s %s%n", "literal at", "function", "layout", "state", "literal", "insn"));
        for (PatchSite s : sites) {
            String literal = s.usable() && scheme.hasLiteral() ? opsName(s.literal) : "-";
            String insn = !s.usable() ? "-" : s.enabled ? "jalr " + functionName(s.target) : "nop";
            b.append(String.format("  0x%016x %-28s %-6s %-24s %-16s %s%n", s.area, s.name, s.layout == null ? "-" : s.layout.label, s.state.text,
                            literal, insn));
        }
        writeErr(b.toString());
    }

    private String opsName(long address) {
        if (address == table.nopOps()) {
            return "ftrace_nop_ops";
        }
        if (address == table.listOps()) {
            return "ftrace_list_ops";
        }
        FtraceOps ops = table.at(address);
        return ops != null ? ops.name + "_ops" : String.format("0x%x", address);
    }

    private final List<Runnable> endHooks = new CopyOnWriteArrayList<>();

    /** Runs hook when the process ends, before the trace output is closed (samples report there). */
    public void atEnd(Runnable hook) {
        endHooks.add(hook);
    }

    @Override
    public void processEnded() {
        for (Runnable hook : endHooks) {
            hook.run();
        }
        synchronized (this) {
            for (Tracer t : tracers.values()) {
                t.end();
            }
        }
        IOException failure = output.close();
        if (failure != null) {
            warn("the trace could not be written completely: " + failure.getMessage());
        }
    }

    private org.rvtrace.ftrace.interop.FtraceControl interop;

    @Override
    public synchronized Object interopControl() {
        if (interop == null) {
            interop = new org.rvtrace.ftrace.interop.FtraceControl(this);
        }
        return interop;
    }

    @Override
    public ControlFile controlFile(String name) {
        return switch (name) {
            case "tracing_on" -> new ControlFile() {
                @Override
                public String read() {
                    return recording ? "1\n" : "0\n";
                }

                @Override
                public int write(String text) {
                    switch (text.trim()) {
                        case "0" -> setRecording(false);
                        case "1" -> setRecording(true);
                        default -> {
                            return 22;
                        }
                    }
                    return 0;
                }
            };
            case "set_ftrace_filter", "set_ftrace_notrace" -> new ControlFile() {
                private final boolean notrace = name.equals("set_ftrace_notrace");

                @Override
                public String read() {
                    FunctionFilter f = filter();
                    List<String> globs = notrace ? f.notrace() : f.filter();
                    return globs.isEmpty() ? (notrace ? "" : "#### all functions enabled ####\n") : String.join("\n", globs) + "\n";
                }

                @Override
                public int write(String text) {
                    List<String> globs = new ArrayList<>();
                    for (String g : text.trim().split("\\s+")) {
                        if (!g.isEmpty()) {
                            globs.add(g);
                        }
                    }
                    FunctionFilter f = filter();
                    try {
                        setFilter(notrace ? new FunctionFilter(f.filter(), globs) : new FunctionFilter(globs, f.notrace()));
                    } catch (IllegalArgumentException e) {
                        return 22;
                    }
                    return 0;
                }
            };
            case "current_tracer" -> new ControlFile() {
                @Override
                public String read() {
                    return tracerName() + "\n";
                }

                @Override
                public int write(String text) {
                    String name = text.trim();
                    if (!Tracers.NAMES.contains(name)) {
                        return 22;
                    }
                    setTracer(name);
                    return 0;
                }
            };
            default -> null;
        };
    }
}
