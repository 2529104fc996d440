package org.rvtrace.language;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.nodes.Node;

import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

import org.graalvm.options.OptionValues;

import org.rvtrace.language.elf.AddressSpace;
import org.rvtrace.language.elf.LoadedProgram;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.HostCalls;
import org.rvtrace.language.runtime.RiscvError;
import org.rvtrace.language.tracing.GuestTracing;
import org.rvtrace.language.tracing.HostFunction;
import org.rvtrace.language.tracing.TracingOptions;
import org.rvtrace.language.tracing.TracingProvider;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.CodeCache;
import org.rvtrace.language.syscall.Syscalls;

/** One guest process: its address space, translated code, open files and options. */
public final class RiscvContext {
    private static final ContextReference<RiscvContext> REFERENCE = ContextReference.create(RiscvLanguage.class);

    public final RiscvLanguage language;
    public final Env env;
    public final GuestMemory memory;
    public final CodeCache code;
    public final boolean strace;
    public final int maxCallDepth;
    private final Syscalls syscalls;
    private final TracingOptions tracingOptions;
    private LoadedProgram program;
    private String programName = "";
    private HostCalls hostCalls;
    private GuestTracing tracing;

    RiscvContext(RiscvLanguage language, Env env) {
        this.language = language;
        this.env = env;
        this.memory = new GuestMemory();
        this.code = new CodeCache(language, this, memory);
        if (env.getOptions().get(RiscvLanguage.ForwardStackSlotsEverywhere)) {
            code.forwardStackSlots(0, Long.MAX_VALUE);
        }
        this.strace = env.getOptions().get(RiscvLanguage.Strace);
        this.maxCallDepth = env.getOptions().get(RiscvLanguage.MaxCallDepth);
        this.syscalls = new Syscalls(this);
        this.tracingOptions = tracingOptions(env.getOptions());
        memory.setLimit(env.getOptions().get(RiscvLanguage.MemoryLimit));
    }

    private Thread timeLimit;

    /**
     * riscv.TimeLimit: after that long every guest thread gets a thread-local action that
     * ends it with an error (also one blocked in a system call).
     */
    public synchronized void startTimeLimit() {
        double seconds = env.getOptions().get(RiscvLanguage.TimeLimit);
        if (seconds <= 0 || timeLimit != null) {
            return;
        }
        long nanos = (long) (seconds * 1e9);
        timeLimit = new Thread(() -> {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                return;
            }
            try {
                env.submitThreadLocal(null, new com.oracle.truffle.api.ThreadLocalAction(true, false) {
                    @Override
                    protected void perform(Access access) {
                        throw new RiscvError("time limit of " + seconds + " s (riscv.TimeLimit) exceeded");
                    }
                });
            } catch (IllegalStateException e) {
                // the context is closing anyway
            }
        }, "rv-time-limit");
        timeLimit.setDaemon(true);
        timeLimit.start();
    }

    private static TracingOptions tracingOptions(OptionValues o) {
        String tracer = o.get(RiscvLanguage.Ftrace);
        String output = o.get(RiscvLanguage.FtraceOutput);
        return new TracingOptions(tracer.isEmpty() ? null : tracer, output.isEmpty() ? null : output, globs(o.get(RiscvLanguage.FtraceFilter)),
                        globs(o.get(RiscvLanguage.FtraceNotrace)), o.get(RiscvLanguage.FtraceScheme), o.get(RiscvLanguage.FtraceSites),
                        o.get(RiscvLanguage.FtraceClock), o.get(RiscvLanguage.FtraceTracingOn),
                        o.get(RiscvLanguage.FtraceSample).isEmpty() ? null : o.get(RiscvLanguage.FtraceSample));
    }

    private static List<String> globs(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
    }

    /**
     * Hands the loaded process to the tracing provider (the ftrace runtime) when an option
     * asks for tracing. Runs before the program's first instruction.
     */
    public void attachTracing() {
        if (!tracingOptions.anything()) {
            return;
        }
        TracingProvider provider = ServiceLoader.load(TracingProvider.class, RiscvContext.class.getClassLoader()).findFirst()
                        .or(() -> ServiceLoader.load(TracingProvider.class).findFirst())
                        .orElseThrow(() -> new RiscvError("ftrace options given, but the ftrace runtime (rvtrace-ftrace-runtime) is not installed"));
        tracing = provider.attach(new GuestTracingHost(this, tracingOptions));
    }

    /** The process's tracing, or null. */
    public GuestTracing tracing() {
        return tracing;
    }

    /** Ends tracing (writes what is buffered); safe to call more than once. */
    public void endTracing() {
        GuestTracing t = tracing;
        tracing = null;
        if (t != null) {
            t.processEnded();
        }
    }

    public synchronized HostCalls hostCalls() {
        if (hostCalls == null) {
            long length = GuestMemory.PAGE_SIZE;
            long at = reserveNearText(length, "[hostcalls]");
            memory.protect(at, length, GuestMemory.READ | GuestMemory.EXEC);
            hostCalls = new HostCalls(memory, at, length);
        }
        return hostCalls;
    }

    /**
     * Free pages for rvtrace's own code and data, within ±2 GiB of the whole program (an
     * auipc+jalr pair at any function reaches them): below the program if there is room
     * (page 0 stays unmapped), else above it, past a gap left for the heap.
     */
    synchronized long reserveNearText(long length, String name) {
        long size = AddressSpace.pageUp(length);
        long reach = 1L << 31;
        long low = AddressSpace.pageDown(program.start);
        for (long at = low - size - GuestMemory.PAGE_SIZE; at >= GuestMemory.PAGE_SIZE && program.end - at < reach; at -= GuestMemory.PAGE_SIZE) {
            if (memory.isFree(at, size)) {
                return at;
            }
        }
        for (long at = AddressSpace.pageUp(program.end) + HEAP_GAP; at + size - program.start < reach; at += GuestMemory.PAGE_SIZE) {
            if (memory.isFree(at, size)) {
                return at;
            }
        }
        throw GuestTracingHost.noRoom(length);
    }

    /** A page of rvtrace's own code near the text (host breakpoints, stubs), readable and executable. */
    public synchronized long reserveCode(long length, String name) {
        long at = reserveNearText(length, name);
        memory.protect(at, length, GuestMemory.READ | GuestMemory.EXEC);
        program.addSymbol(name, at, length);
        return at;
    }

    /** Room left for brk above the program when rvtrace's pages have to go there. */
    private static final long HEAP_GAP = 1L << 30;

    public HostFunction hostFunction(long pc, int id) {
        HostCalls h = hostCalls;
        return h == null ? null : h.at(pc, id);
    }

    /** See {@link HostCalls#intactStubAt}. */
    public HostFunction intactHostStub(long pc) {
        HostCalls h = hostCalls;
        return h == null ? null : h.intactStubAt(pc);
    }

    // ---------------------------------------------------------------- guest threads

    /** Harts running (the main one included). */
    private final java.util.concurrent.atomic.AtomicInteger liveHarts = new java.util.concurrent.atomic.AtomicInteger(1);
    private final java.util.concurrent.atomic.AtomicInteger nextTid = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Thread> guestThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private com.oracle.truffle.api.CallTarget threadTarget;

    /** A fresh thread id (the main thread's is the pid). */
    public int newTid() {
        nextTid.compareAndSet(0, syscalls.pid());
        return nextTid.incrementAndGet();
    }

    public boolean otherHartsRunning() {
        return liveHarts.get() > 1;
    }

    /**
     * Runs hart from pc on a new Truffle thread (clone with CLONE_THREAD). Returns false
     * when the embedder does not allow threads.
     */
    public synchronized boolean startThread(Hart hart, long pc) {
        if (!env.isCreateThreadAllowed()) {
            return false;
        }
        if (threadTarget == null) {
            threadTarget = new org.rvtrace.language.nodes.ThreadRootNode(language).getCallTarget();
        }
        com.oracle.truffle.api.CallTarget target = threadTarget;
        Thread t = env.newTruffleThreadBuilder(() -> {
            try {
                target.call(hart, pc);
            } finally {
                hartEnded(hart);
            }
        }).stackSize(THREAD_STACK_BYTES).build();
        t.setName("rv-thread-" + hart.tid);
        liveHarts.incrementAndGet();
        guestThreads.add(t);
        t.start();
        return true;
    }

    /** Java stack of a guest thread: guest calls nest as Java calls (see riscv.MaxCallDepth). */
    private static final long THREAD_STACK_BYTES = 256L << 20;

    /** A thread ended: CLONE_CHILD_CLEARTID is honoured (zero and futex wake), as pthread_join expects. */
    private void hartEnded(Hart hart) {
        // Out of the running harts first: stop_machine no longer waits for this one to park.
        guestThreads.remove(Thread.currentThread());
        long ctid = hart.clearChildTid;
        if (ctid != 0 && memory.accessible(ctid, 4, GuestMemory.WRITE)) {
            memory.writeIntAtomic(ctid, 0);
            syscalls.futexWake(ctid, 1);
        }
        synchronized (liveHarts) {
            liveHarts.decrementAndGet();
            liveHarts.notifyAll();
        }
    }

    /** The main thread called exit(2) while others run: the process lives until they end. */
    public void awaitOtherHarts() {
        hartEnded(mainHart);
        synchronized (liveHarts) {
            while (liveHarts.get() > 0) {
                org.rvtrace.language.syscall.Blocking.await(liveHarts, 0);
            }
        }
    }

    private Hart mainHart;
    private Thread mainThread;

    public void setMainHart(Hart hart) {
        this.mainHart = hart;
        this.mainThread = Thread.currentThread();
    }

    /** See {@link org.rvtrace.language.tracing.TracingHost#stopMachine}. */
    public long[] stopMachine(Runnable work) {
        List<Thread> targets = new java.util.ArrayList<>(guestThreads);
        if (mainThread != null && liveHarts.get() > guestThreads.size()) {
            targets.add(mainThread);
        }
        targets.remove(Thread.currentThread()); // a hart that patches is stopped already
        if (targets.isEmpty()) {
            work.run();
            return new long[]{0, 0};
        }
        java.util.concurrent.CountDownLatch parked = new java.util.concurrent.CountDownLatch(targets.size());
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong longest = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger stopped = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger resumed = new java.util.concurrent.atomic.AtomicInteger();
        var future = env.submitThreadLocal(targets.toArray(new Thread[0]), new com.oracle.truffle.api.ThreadLocalAction(false, false) {
            @Override
            protected void perform(Access access) {
                long start = System.nanoTime();
                stopped.incrementAndGet();
                parked.countDown();
                // A plain wait: thread-local actions do not nest, and this one must not end early.
                boolean interrupted = false;
                while (true) {
                    try {
                        done.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                long stalled = System.nanoTime() - start;
                longest.accumulateAndGet(stalled, Math::max);
                total.addAndGet(stalled);
                resumed.incrementAndGet();
            }
        });
        try {
            // A hart that ends meanwhile never parks: wait for the others, not forever for it.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!parked.await(1, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // A hart whose guest code is over does not park, though its Java thread may linger.
                long ended = targets.stream().filter(t -> !t.isAlive() || (t != mainThread && !guestThreads.contains(t))).count();
                if (future.isDone() || parked.getCount() <= ended || System.nanoTime() > deadline) {
                    break;
                }
            }
            work.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.run();
        } finally {
            done.countDown();
        }
        // Not future.get(): a hart that ended without parking never completes it. Wait only for
        // the harts that did park to account for their stall, then drop the action elsewhere.
        long until = System.nanoTime() + 1_000_000_000L;
        while (resumed.get() < stopped.get() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        future.cancel(false);
        return new long[]{longest.get(), total.get()};
    }

    /**
     * Ends the whole process from any thread (exit_group, a fatal signal while other threads
     * run): output flushed, the trace completed, every thread stopped; the embedder sees an
     * exit with this status.
     */
    public void exitProcess(int status, Node location) {
        flushOutput();
        endTracing();
        env.getContext().closeExited(location, status);
    }

    public static RiscvContext get(Node node) {
        return REFERENCE.get(node);
    }

    public Syscalls syscalls() {
        return syscalls;
    }

    public LoadedProgram program() {
        return program;
    }

    public void setProgram(LoadedProgram program, String name) {
        this.program = program;
        this.programName = name;
    }

    public String programName() {
        return programName;
    }

    public String symbolize(long pc) {
        return program == null ? "0x" + Long.toHexString(pc) : program.symbolize(pc);
    }

    public OutputStream out() {
        return env.out();
    }

    public OutputStream err() {
        return env.err();
    }

    /** A line for the user on the guest's stderr stream (fault reports, strace). */
    public void report(String line) {
        PrintStream p = new PrintStream(env.err(), true);
        p.println(line);
        p.flush();
    }

    public void flushOutput() {
        try {
            env.out().flush();
            env.err().flush();
        } catch (IOException e) {
            // nothing left to tell anyone
        }
    }

    void dispose() {
        if (timeLimit != null) {
            timeLimit.interrupt();
        }
        endTracing();
        syscalls.closeAll();
        memory.close();
    }
}
