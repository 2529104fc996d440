package org.rvtrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.CompilerDirectives;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.filter.FunctionFilter;
import org.rvtrace.ftrace.asm.Trampolines;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.language.isa.Encode;
import org.rvtrace.language.tracing.HostProcedure;

/**
 * rvtrace as Java code embeds it through org.graalvm.polyglot (issue 6): a program used as
 * a library (riscv.Library: start-up run, main not), its functions called with integer and
 * pointer arguments, its memory read and written as an interop buffer, its symbols looked
 * up; a Java tracer on the calls; faults as polyglot exceptions; cancellation.
 */
class EmbeddingTest {
    private static Path mathlib;

    @BeforeAll
    static void build() {
        GuestPrograms.build();
        mathlib = GuestPrograms.program("O2-rv64gc", "embed/mathlib").binary();
    }

    private static Context.Builder builder(ByteArrayOutputStream out) {
        return Context.newBuilder("riscv").engine(GuestPrograms.engine()).out(out).err(out).option("riscv.Library", "true");
    }

    @Test
    void callsGuestFunctionsAndUsesItsMemory() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = builder(out).build()) {
            Value lib = context.eval(Source.newBuilder("riscv", mathlib.toFile()).build());
            assertTrue(lib.getMemberKeys().containsAll(List.of("fib", "add", "counter", "memory")), "members: " + lib.getMemberKeys());
            assertEquals(5, lib.getMember("add").execute(2, 3).asLong());
            assertEquals(-7, lib.getMember("add").execute(-10, 3).asLong());
            assertEquals(6765, lib.getMember("fib").execute(20).asLong());

            Value memory = lib.getMember("memory");
            assertTrue(memory.hasBufferElements());
            long counter = lib.getMember("counter").asNativePointer();
            assertEquals(41, memory.readBufferLong(ByteOrder.LITTLE_ENDIAN, counter), "main did not run; the data is as loaded");
            assertEquals(42, lib.getMember("bump").execute().asLong());
            assertEquals(42, memory.readBufferLong(ByteOrder.LITTLE_ENDIAN, counter));
            memory.writeBufferLong(ByteOrder.LITTLE_ENDIAN, counter, 100);
            assertEquals(101, lib.getMember("bump").execute().asLong());

            Value numbers = lib.getMember("numbers");
            assertEquals(36, lib.getMember("sum").execute(numbers, 8).asLong(), "a data symbol is a pointer argument");
            memory.writeBufferLong(ByteOrder.LITTLE_ENDIAN, numbers.asNativePointer() + 8, 1000);
            assertEquals(1034, lib.getMember("sum").execute(numbers, 8).asLong());

            long text = lib.getMember("text").asNativePointer();
            byte[] hello = "embedded\0".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < hello.length; i++) {
                memory.writeBufferByte(text + i, hello[i]);
            }
            assertEquals(8, lib.getMember("length").execute(text).asLong(), "libc's strlen runs: the start-up initialised it");
            assertEquals(16, lib.getMember("greet").execute(text).asLong(), "printf returns the bytes written");
            assertEquals("hello, embedded\n", out.toString(StandardCharsets.UTF_8));

            assertEquals(7, lib.getMember("apply").execute(lib.getMember("add"), 3, 4).asLong(), "a guest function is a pointer too");
            assertThrows(Exception.class, () -> memory.readBufferByte(0), "page 0 is not mapped");
        }
    }

    /** A program from bytes (no file), with arguments, environment and streams from the builder, evaluates to its exit status. */
    @Test
    void runsAProgramFromBytes() throws Exception {
        Path files = GuestPrograms.program("O2-rv64gc", "embed/files").binary();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] elf = java.nio.file.Files.readAllBytes(files);
        try (Context context = Context.newBuilder("riscv").engine(GuestPrograms.engine()).out(out).err(out)
                        .arguments("riscv", new String[]{"files"}).build()) {
            Value status = context.eval(Source.newBuilder("riscv", org.graalvm.polyglot.io.ByteSequence.create(elf), "files").build());
            assertEquals("no file\n", out.toString(StandardCharsets.UTF_8));
            assertEquals(0, status.asInt());
        }
    }

    @Test
    void aFaultInACallIsAPolyglotException() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = builder(out).build()) {
            Value lib = context.eval(Source.newBuilder("riscv", mathlib.toFile()).build());
            PolyglotException e = assertThrows(PolyglotException.class, () -> lib.getMember("crash").execute(0));
            assertTrue(e.isGuestException() && e.getMessage().contains("Segmentation fault"), e.getMessage());
            assertEquals(5, lib.getMember("add").execute(2, 3).asLong(), "the program goes on after a fault in a call");
        }
    }

    /** What a test does with ftrace/fib loaded as a library, ftrace attached (nop tracer). */
    private interface FibSession {
        void run(Value lib, Ftrace f) throws Exception;
    }

    private void withTracedFib(FibSession body) throws Exception {
        withTracedFib(GuestPrograms.engine(), body);
    }

    /** An engine of its own that compiles fib after a few hundred calls, on the guest's thread. */
    private static Engine compilingEarly() {
        return Engine.newBuilder("riscv").allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                        .option("engine.BackgroundCompilation", "false").option("engine.MultiTier", "false")
                        .option("engine.SingleTierCompilationThreshold", "200").build();
    }

    private void withTracedFib(Engine engine, FibSession body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicReference<Ftrace> session = new AtomicReference<>();
        Path traceable = GuestPrograms.program("O2-pfe", "ftrace/fib").binary();
        try (AutoCloseable listener = Ftrace.onAttach(session::set);
                        Context context = Context.newBuilder("riscv").engine(engine).out(out).err(out).option("riscv.Library", "true")
                                        .option("riscv.Ftrace", "nop").build()) {
            Value lib = context.eval(Source.newBuilder("riscv", traceable.toFile()).build());
            body.run(lib, session.get());
        }
    }

    @Test
    void aJavaTracerSeesTheCalls() throws Exception {
        List<String> seen = new ArrayList<>();
        withTracedFib((lib, f) -> {
            long fn = f.hostFunction("java_tracer", hart -> seen.add(f.functionName(hart.getX(10) - 4)));
            f.register(new FtraceOps("java", 0, new FunctionFilter(List.of("fib"), List.of()), fn, 0));
            assertEquals(55, lib.getMember("fib").execute(10).asLong());
            assertEquals(177, seen.size(), "fib(10) makes 177 calls");
            assertTrue(seen.stream().allMatch("fib"::equals), seen.toString());
        });
    }

    /**
     * A HostProcedure gets ftrace_func_t's arguments as values: ip names the traced function,
     * op is the registered ops, and fregs is the trampoline's frame, whose saved sp is the sp
     * the traced function was called with (fregs + FREGS_SIZE) and whose saved ra is
     * parent_ip. fib(20) runs often enough for its compiled code, where the arguments come
     * from machine registers, to take part; there the frame's saves are deferred, and a
     * procedure that may read guest memory (HostProcedure.of) must find them made.
     */
    @Test
    void aJavaProcedureGetsTheCallbackArgumentsAsValues() throws Exception {
        long[] calls = new long[1];
        List<String> wrong = new ArrayList<>();
        try (Engine engine = compilingEarly()) {
            withTracedFib(engine, (lib, f) -> {
                FtraceOps[] registered = new FtraceOps[1];
                long fn = f.hostFunction("java_procedure", HostProcedure.of((hart, ip, parentIp, op, fregs) -> {
                    calls[0]++;
                    String name = f.functionName(ip - 4);
                    long savedSp = f.memory().readLong(fregs + Trampolines.FREGS_SP);
                    long savedRa = f.memory().readLong(fregs + Trampolines.FREGS_RA);
                    if (!"fib".equals(name) || op != registered[0].address() || savedSp != fregs + Trampolines.FREGS_SIZE || parentIp == 0
                                    || savedRa != parentIp) {
                        wrong.add(name + " op=0x" + Long.toHexString(op) + " fregs=0x" + Long.toHexString(fregs) + " sp=0x" + Long.toHexString(savedSp)
                                        + " ra=0x" + Long.toHexString(savedRa) + " parent_ip=0x" + Long.toHexString(parentIp));
                    }
                }));
                registered[0] = new FtraceOps("java", 0, new FunctionFilter(List.of("fib"), List.of()), fn, 0);
                f.register(registered[0]);
                for (int i = 0; i < 20; i++) {
                    assertEquals(6765, lib.getMember("fib").execute(20).asLong());
                }
            });
        }
        assertEquals(20 * 21891, calls[0], "fib(20) makes 21891 calls");
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " calls with wrong arguments, first: " + wrong.get(0));
    }

    /**
     * Compiled code defers the trampoline's frame saves (they stay in the compiled frame, and
     * the popped frame never reaches memory); a deoptimization between the saves and the
     * restores must hand them to the interpreter, which writes them before it reads the
     * restores from memory. Here the callback itself deoptimizes fib's compiled code (without
     * throwing it away) on every 97th call it gets there: a restore that missed the saves
     * would give fib a wrong n or return address.
     */
    @Test
    void aDeoptimizationBetweenTheSavesAndTheRestoresKeepsTheSaves() throws Exception {
        long[] calls = new long[1];
        long[] fromCompiled = new long[1];
        long[] compiledCalls = new long[1];
        try (Engine engine = compilingEarly()) {
            withTracedFib(engine, (lib, f) -> {
                long fn = f.hostFunction("deoptimizing_procedure", HostProcedure.leavingMemoryAlone((hart, ip, parentIp, op, fregs) -> {
                    calls[0]++;
                    boolean compiled = CompilerDirectives.inCompiledCode();
                    if (compiled) {
                        // A side effect here gives the deoptimization below a state to resume
                        // from where compiled is true (without it, the interpreter resumed
                        // before the branch and skipped it).
                        compiledCalls[0]++;
                    }
                    if (compiled && calls[0] % 97 == 0) {
                        CompilerDirectives.transferToInterpreter();
                        fromCompiled[0]++;
                    }
                }));
                f.register(new FtraceOps("deoptimizing", 0, new FunctionFilter(List.of("fib"), List.of()), fn, 0));
                for (int i = 0; i < 30; i++) {
                    assertEquals(6765, lib.getMember("fib").execute(20).asLong(), "fib(20), round " + i);
                }
            });
        }
        assertEquals(30 * 21891, calls[0], "fib(20) makes 21891 calls");
        assertTrue(fromCompiled[0] > 100, "compiled code deoptimized in the trampoline " + fromCompiled[0] + " times (of "
                        + compiledCalls[0] + " calls from compiled code)");
    }

    /**
     * A call of a host function's stub runs the function in place while the stub is
     * {@code hostcall n; ret}; once the stub is rewritten (here into a jump to another
     * stub), the same call sites run what is there now.
     */
    @Test
    void aRewrittenHostStubRunsItsNewCode() throws Exception {
        long[] counts = new long[2];
        withTracedFib((lib, f) -> {
            long first = f.hostFunction("first_tracer", hart -> counts[0]++);
            long second = f.hostFunction("second_tracer", hart -> counts[1]++);
            f.register(new FtraceOps("java", 0, new FunctionFilter(List.of("fib"), List.of()), first, 0));
            for (int i = 0; i < 20; i++) {
                assertEquals(6765, lib.getMember("fib").execute(20).asLong());
            }
            assertEquals(20 * 21891, counts[0], "fib(20) makes 21891 calls");
            f.memory().writeIntAtomic(first, Encode.j(0x6f, 0, second - first)); // jal x0, second_tracer
            assertEquals(6765, lib.getMember("fib").execute(20).asLong());
            assertEquals(20 * 21891, counts[0], "the first stub's function no longer runs");
            assertEquals(21891, counts[1], "the rewritten stub jumps to the second");
        });
    }

    /** A tracer written in JavaScript counts calls per function through the program's ftrace member. */
    @Test
    void aJavaScriptTracerCountsCalls() throws Exception {
        Path traceable = GuestPrograms.program("O2-pfe", "ftrace/mutual").binary();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("riscv", "js").out(out).err(out)
                        .option("riscv.Library", "true").option("riscv.Ftrace", "nop").build()) {
            Value lib = context.eval(Source.newBuilder("riscv", traceable.toFile()).build());
            Value tracer = context.eval("js", "({ counts: {}, call(name, ip, parentIp, tid) { this.counts[name] = (this.counts[name] || 0) + 1; } })");
            Value handle = lib.getMember("ftrace").invokeMember("onCall", tracer.getMember("call"), "is_*");
            assertEquals(1, lib.getMember("is_even").execute(10).asLong());
            assertEquals(6, tracer.getMember("counts").getMember("is_even").asInt(), "is_even(10): 10, 8, 6, 4, 2, 0");
            assertEquals(5, tracer.getMember("counts").getMember("is_odd").asInt());
            Value exits = context.eval("js", "({ n: 0, unwound: 0, call(name, duration, unwound, cpu) { this.n++; if (unwound) this.unwound++; } })");
            lib.getMember("ftrace").invokeMember("onReturn", exits.getMember("call"), "is_odd");
            lib.getMember("is_even").execute(10);
            assertEquals(5, exits.getMember("n").asInt(), "is_odd returned five times");
            assertEquals(0, exits.getMember("unwound").asInt());
            assertTrue(lib.getMember("ftrace").invokeMember("remove", handle).asBoolean());
            lib.getMember("is_even").execute(10);
            assertEquals(12, tracer.getMember("counts").getMember("is_even").asInt(), "counted during the onReturn call too");
            lib.getMember("is_even").execute(10);
            assertEquals(12, tracer.getMember("counts").getMember("is_even").asInt(), "removed: no more calls");
        }
    }

    @Test
    void closeCancelsARunningGuest() throws Exception {
        Path spin = GuestPrograms.program("O2-rv64gc", "embed/spin").binary();
        Context context = Context.newBuilder("riscv").engine(GuestPrograms.engine())
                        .arguments("riscv", new String[]{spin.toString(), "1000000000000"}).build();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread guest = new Thread(() -> {
            try {
                context.eval(Source.newBuilder("riscv", spin.toFile()).build());
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        guest.start();
        Thread.sleep(1500);
        assertTrue(guest.isAlive(), "the guest spins");
        long start = System.nanoTime();
        context.close(true);
        guest.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(!guest.isAlive(), "close(true) stopped the guest");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        assertTrue(ended.get() instanceof PolyglotException pe && pe.isCancelled(), "cancelled: " + ended.get());
    }

    /** riscv.MemoryLimit and riscv.TimeLimit end the guest with a clear polyglot exception. */
    @Test
    void limitsEndTheGuestWithAClearError() {
        Path hog = GuestPrograms.program("O2-rv64gc", "embed/hog").binary();
        try (Context context = Context.newBuilder("riscv").engine(GuestPrograms.engine()).arguments("riscv", new String[]{hog.toString(), "200"})
                        .option("riscv.MemoryLimit", Long.toString(64L << 20)).build()) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(Source.newBuilder("riscv", hog.toFile()).build()));
            assertTrue(e.getMessage().contains("memory limit exceeded"), e.getMessage());
        }
        Path spin = GuestPrograms.program("O2-rv64gc", "embed/spin").binary();
        long start = System.nanoTime();
        try (Context context = Context.newBuilder("riscv").engine(GuestPrograms.engine()).arguments("riscv", new String[]{spin.toString(), "1000000000000"})
                        .option("riscv.TimeLimit", "1.5").build()) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(Source.newBuilder("riscv", spin.toFile()).build()));
            assertTrue(e.getMessage().contains("time limit"), e.getMessage());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "stopped soon after the limit");
    }

    @Test
    void fileAccessFollowsTheContextsPolicy() throws Exception {
        Path files = GuestPrograms.program("O2-rv64gc", "embed/files").binary();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("riscv").engine(GuestPrograms.engine()).out(out).err(out).arguments("riscv",
                        new String[]{files.toString(), mathlib.toString()}).build()) {
            Value status = context.eval(Source.newBuilder("riscv", files.toFile()).build());
            assertEquals(0, status.asInt());
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("open: denied"), out.toString(StandardCharsets.UTF_8));
        }
    }
}
