package org.rvtrace.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.asm.Asm;
import org.rvtrace.ftrace.filter.FunctionFilter;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.ops.OpsFlags;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.ftrace.site.SiteLayout;
import org.rvtrace.language.memory.GuestMemory;

/**
 * The ftrace runtime end to end, on the guest programs of tests/programs/ftrace (see the
 * README there for what each one does and its exact call counts): sites as Linux leaves
 * them, the patching protocol byte by byte, the tracers' output against independent
 * oracles, toggling while the program runs, and the diagnostics for sites that must not
 * be patched.
 */
class FtraceTest {
    private static final List<String> PFE = List.of("O2-pfe", "O2-pfe-rv64g");
    private static final int NOP = 0x00000013;

    @BeforeAll
    static void build() {
        GuestPrograms.build();
    }

    // ---------------------------------------------------------------- running

    private record Traced(GuestPrograms.RunResult run, String trace) {
        String stdout() {
            return new String(run.stdout(), StandardCharsets.UTF_8);
        }

        String stderr() {
            return new String(run.stderr(), StandardCharsets.UTF_8);
        }
    }

    /** Runs a program with ftrace options (riscv.Ftrace* without the prefix), the trace in a file. */
    private static Traced run(GuestPrograms.Case c, List<String> args, Map<String, String> ftrace, Consumer<Ftrace> atAttach) {
        Path trace;
        try {
            trace = Files.createTempFile("rvtrace-ftrace", ".txt");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        AtomicReference<Throwable> listenerFailure = new AtomicReference<>();
        try (AutoCloseable listener = Ftrace.onAttach(f -> {
            if (atAttach != null) {
                try {
                    atAttach.accept(f);
                } catch (Throwable t) {
                    listenerFailure.set(t);
                }
            }
        })) {
            Consumer<Context.Builder> configure = b -> {
                b.engine(GuestPrograms.engine());
                b.option("riscv.FtraceOutput", trace.toString());
                ftrace.forEach((k, v) -> b.option("riscv." + k, v));
            };
            GuestPrograms.RunResult r = GuestPrograms.runRvtrace(c.binary(), args, c.stdin(), configure, GuestPrograms.timeoutSeconds());
            if (listenerFailure.get() != null) {
                throw new AssertionError("check at attach failed", listenerFailure.get());
            }
            return new Traced(r, Files.readString(trace, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            try {
                Files.deleteIfExists(trace);
            } catch (IOException e) {
                // a temp file left behind
            }
        }
    }

    private static Traced run(GuestPrograms.Case c, Map<String, String> ftrace) {
        return run(c, c.args(), ftrace, null);
    }

    private static void assertRanAsUntraced(GuestPrograms.Case c, Traced t) {
        assertTrue(t.run().completed(), () -> c.id() + ": " + t.run().error());
        assertEquals(new String(c.expectedStdout(), StandardCharsets.UTF_8), t.stdout(), c.id() + ": the program's output changed under tracing");
        assertEquals(c.expectedExit(), t.run().status(), c.id() + ": exit status");
    }

    private static Map<String, Long> expectedCalls(GuestPrograms.Case c) {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : GuestPrograms.readString(c.sibling("calls")).split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.trim().split("\\s+");
                calls.put(f[0], Long.parseLong(f[1]));
            }
        }
        return calls;
    }

    private static final Pattern PROFILE_ROW = Pattern.compile("^  (\\S+)\\s+(\\d+)(\\s.*)?$");

    private static Map<String, Long> profileHits(String trace) {
        Map<String, Long> hits = new TreeMap<>();
        for (String line : trace.split("\n")) {
            Matcher m = PROFILE_ROW.matcher(line);
            if (m.matches() && !line.contains("Function") && !line.contains("---")) {
                hits.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return hits;
    }

    // ---------------------------------------------------------------- counts

    /** The profiler's hit counts equal the -finstrument-functions oracle's, in every scheme and layout. */
    @ParameterizedTest
    @CsvSource({"O2-pfe,fib,call-ops", "O2-pfe-rv64g,fib,call-ops", "O2-pfe,fib,list", "O2-pfe,fib,call-ops-2023",
        "O2-pfe,mutual,call-ops", "O2-pfe-rv64g,mutual,call-ops", "O2-pfe,fnptr,call-ops", "O2-pfe-rv64g,fnptr,list",
        "O2-pfe,longjmp,call-ops", "O2-pfe-rv64g,longjmp,call-ops-2023", "O2-pfe,many,call-ops", "O2-pfe-rv64g,many,call-ops-2023",
        "O2-pfe,many,list"})
    void profileCountsMatchTheOracle(String flavour, String program, String scheme) {
        GuestPrograms.Case c = GuestPrograms.program(flavour, "ftrace/" + program);
        Traced t = run(c, Map.of("Ftrace", "profile", "FtraceScheme", scheme, "FtraceClock", "counter"));
        assertRanAsUntraced(c, t);
        assertEquals(expectedCalls(c), profileHits(t.trace()), c.id() + " " + scheme + ": hits\n" + t.trace());
    }

    /** The same counts with a real clock: then the profiler also times every call through return_to_handler. */
    @ParameterizedTest
    @ValueSource(strings = {"fib", "longjmp"})
    void timedProfileCountsMatchTheOracle(String program) {
        GuestPrograms.Case c = GuestPrograms.program("O2-pfe", "ftrace/" + program);
        Traced t = run(c, Map.of("Ftrace", "profile"));
        assertRanAsUntraced(c, t);
        assertEquals(expectedCalls(c), profileHits(t.trace()), c.id() + ": hits\n" + t.trace());
        assertTrue(t.trace().contains(" us "), "the timed table has times:\n" + t.trace());
    }

    /** One line per call from the function tracer, "func <-parent" as Linux writes it. */
    @Test
    void functionTracerWritesOneLinePerCall() {
        GuestPrograms.Case c = GuestPrograms.program("O2-pfe", "ftrace/mutual");
        Traced t = run(c, Map.of("Ftrace", "function", "FtraceClock", "counter"));
        assertRanAsUntraced(c, t);
        Map<String, Long> seen = new TreeMap<>();
        Pattern line = Pattern.compile("^ +mutual-\\d+ +\\[000\\] \\.{5} +(\\d+): (\\S+) <-(\\S+)$");
        long lastTimestamp = -1;
        for (String l : t.trace().split("\n")) {
            if (l.startsWith("#")) {
                continue;
            }
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), "not a function tracer line: '" + l + "'");
            long ts = Long.parseLong(m.group(1));
            assertTrue(ts > lastTimestamp, "the counter clock increases");
            lastTimestamp = ts;
            seen.merge(m.group(2), 1L, Long::sum);
            if (m.group(2).equals("is_odd")) {
                assertTrue(m.group(3).equals("is_even") || m.group(3).equals("main"), l);
            }
        }
        assertEquals(expectedCalls(c), seen);
    }

    /** function_graph: nesting follows the real stack through setjmp/longjmp; frames left by longjmp are closed as unwound. */
    @ParameterizedTest
    @ValueSource(strings = {"O2-pfe", "O2-pfe-rv64g"})
    void graphStaysWellFormedThroughLongjmp(String flavour) {
        GuestPrograms.Case c = GuestPrograms.program(flavour, "ftrace/longjmp");
        Traced t = run(c, Map.of("Ftrace", "function_graph", "FtraceClock", "counter"));
        assertRanAsUntraced(c, t);
        Graph g = Graph.parse(t.trace());
        assertEquals(expectedCalls(c), g.entries, "entries\n" + t.trace());
        assertEquals(Map.of("catcher", 2L, "climb", 31L, "leaf", 10L, "main", 1L), g.returns, "normal returns");
        assertEquals(Map.of("dive", 180L, "bottom", 5L), g.unwound, "frames left by longjmp");
    }

    /** The function_graph output of a trace: entries, returns and unwinds per function, checked for nesting. */
    private static final class Graph {
        final Map<String, Long> entries = new TreeMap<>();
        final Map<String, Long> returns = new TreeMap<>();
        final Map<String, Long> unwound = new TreeMap<>();

        static Graph parse(String trace) {
            Graph g = new Graph();
            Deque<String> stack = new ArrayDeque<>();
            for (String l : trace.split("\n")) {
                if (l.startsWith("#") || l.isBlank()) {
                    continue;
                }
                int bar = l.indexOf('|');
                String body = bar >= 0 ? l.substring(bar + 1) : l.substring(l.indexOf(')') + 1);
                int indent = 0;
                while (indent < body.length() && body.charAt(indent) == ' ') {
                    indent++;
                }
                String what = body.substring(indent);
                // "|  " before depth 0 with durations, ") " without (Linux drops the column)
                int depth = (indent - (bar >= 0 ? 2 : 1)) / 2;
                if (what.endsWith("() {")) {
                    assertEquals(stack.size(), depth, "entry depth: " + l);
                    String f = what.substring(0, what.length() - 4);
                    stack.push(f);
                    g.entries.merge(f, 1L, Long::sum);
                } else if (what.endsWith("();")) {
                    assertEquals(stack.size(), depth, "leaf depth: " + l);
                    String f = what.substring(0, what.length() - 3);
                    g.entries.merge(f, 1L, Long::sum);
                    g.returns.merge(f, 1L, Long::sum);
                } else if (what.startsWith("}")) {
                    assertEquals(stack.size() - 1, depth, "exit depth: " + l);
                    assertTrue(!stack.isEmpty(), "exit without entry: " + l);
                    String f = stack.pop();
                    if (what.contains("unwound")) {
                        assertTrue(what.contains(f), "unwound names its function: " + l);
                        g.unwound.merge(f, 1L, Long::sum);
                    } else {
                        g.returns.merge(f, 1L, Long::sum);
                    }
                } else {
                    fail("not a function_graph line: '" + l + "'");
                }
            }
            assertTrue(stack.isEmpty(), "frames left open at the end: " + stack);
            return g;
        }
    }

    // ---------------------------------------------------------------- the patch sites, byte by byte

    /**
     * FTRACE-DESIGN.md section 2, read back through guest memory: init writes literal :=
     * &amp;ftrace_nop_ops and auipc t0 + nop; one ops gets a private literal and the jalr; a
     * second ops turns the literal into &amp;ftrace_list_ops without touching the instruction;
     * removing them goes back step by step. The program then runs unchanged.
     */
    @ParameterizedTest
    @ValueSource(strings = {"O2-pfe", "O2-pfe-rv64g"})
    void callOpsSiteBytesFollowTheProtocol(String flavour) {
        GuestPrograms.Case c = GuestPrograms.program(flavour, "ftrace/fib");
        AtomicInteger checks = new AtomicInteger();
        Traced t = run(c, c.args(), Map.of("Ftrace", "nop"), f -> {
            GuestMemory mem = f.memory();
            PatchSite site = f.site("fib");
            assertNotNull(site);
            assertEquals(flavour.equals("O2-pfe") ? SiteLayout.RV64C : SiteLayout.RV64, site.layout);
            long fn = site.function();
            assertEquals(f.program().lookup("fib"), fn);
            long caller = f.code().ftraceCaller();
            long hi = Asm.split(caller - fn)[0];
            assertEquals(f.opsTable().nopOps(), mem.readLong(fn - 8), "literal at init");
            assertEquals(0x297 | (int) hi, mem.readInt(fn), "auipc t0 at init");
            assertEquals(NOP, mem.readInt(fn + 4), "nop at init");

            FtraceOps one = new FtraceOps("one", 0, new FunctionFilter(List.of("fib"), List.of()), f.hostFunction("one", h -> { }), 0);
            f.register(one);
            int jalr = 0x000282e7 | (int) ((caller - fn - hi) << 20);
            assertEquals(one.address(), mem.readLong(fn - 8), "a private literal for a single ops");
            assertEquals(jalr, mem.readInt(fn + 4), "jalr t0 to ftrace_caller");
            assertEquals(0x297 | (int) hi, mem.readInt(fn), "the auipc never changes");

            FtraceOps two = new FtraceOps("two", 0, new FunctionFilter(List.of("f*"), List.of()), f.hostFunction("two", h -> { }), 0);
            long insnStores = f.patcher().insnStores();
            f.register(two);
            assertEquals(f.opsTable().listOps(), mem.readLong(fn - 8), "two ops: the list ops");
            assertEquals(jalr, mem.readInt(fn + 4));
            assertEquals(insnStores, f.patcher().insnStores(), "changing the ops of an enabled site writes the literal only");

            f.unregister(one);
            assertEquals(two.address(), mem.readLong(fn - 8), "back to a private literal");
            f.unregister(two);
            assertEquals(f.opsTable().nopOps(), mem.readLong(fn - 8), "disabled: nop ops");
            assertEquals(NOP, mem.readInt(fn + 4), "disabled: nop");
            checks.incrementAndGet();
        });
        assertEquals(1, checks.get());
        assertRanAsUntraced(c, t);
    }

    /** The older scheme: no literal (the NOPs before the function stay), enabling writes auipc and jalr. */
    @Test
    void listSchemeRewritesTwoInstructions() {
        GuestPrograms.Case c = GuestPrograms.program("O2-pfe", "ftrace/fib");
        Traced t = run(c, c.args(), Map.of("Ftrace", "nop", "FtraceScheme", "list"), f -> {
            GuestMemory mem = f.memory();
            long fn = f.site("fib").function();
            assertEquals(0x0001000100010001L, mem.readLong(fn - 8), "the c.nops before the function are left alone");
            assertEquals(NOP, mem.readInt(fn));
            assertEquals(NOP, mem.readInt(fn + 4));
            FtraceOps one = new FtraceOps("one", 0, new FunctionFilter(List.of("fib"), List.of()), f.hostFunction("one", h -> { }), 0);
            f.register(one);
            long[] split = Asm.split(f.code().ftraceCaller() - fn);
            assertEquals(0x297 | (int) split[0], mem.readInt(fn));
            assertEquals(0x000282e7 | (int) (split[1] << 20), mem.readInt(fn + 4));
            assertEquals(one.func, mem.readLong(f.opsTable().ftraceTraceFunction()), "one ops: called directly");
            FtraceOps two = new FtraceOps("two", 0, FunctionFilter.ALL, f.hostFunction("two", h -> { }), 0);
            f.register(two);
            assertEquals(f.code().listFunc(), mem.readLong(f.opsTable().ftraceTraceFunction()), "two ops: the list function");
            f.unregister(two);
            f.unregister(one);
            assertEquals(NOP, mem.readInt(fn));
            assertEquals(NOP, mem.readInt(fn + 4));
        });
        assertRanAsUntraced(c, t);
    }

    /** A program that reads its own entry bytes sees what ftrace wrote there. */
    @ParameterizedTest
    @ValueSource(strings = {"O2-pfe", "O2-pfe-rv64g"})
    void programSeesItsPatchedEntry(String flavour) {
        GuestPrograms.Case c = GuestPrograms.program(flavour, "ftrace/selfread");
        Traced traced = run(c, Map.of("Ftrace", "function", "FtraceFilter", "probe"));
        assertTrue(traced.run().completed(), traced.run().error());
        assertEquals(GuestPrograms.readString(c.sibling("traced")), traced.stdout());
        Traced nop = run(c, Map.of("Ftrace", "nop"));
        assertEquals(GuestPrograms.readString(c.sibling("nop")), nop.stdout());
    }

    // ---------------------------------------------------------------- control while running

    /** The program switches the tracer through /sys/kernel/tracing; hot, compiled code is re-patched both ways. */
    @Test
    void programTogglesTracingThroughTracefs() {
        GuestPrograms.Case c = GuestPrograms.program("O2-pfe", "ftrace/toggle");
        Traced t = run(c, List.of("toggle"), Map.of("Ftrace", "nop", "FtraceClock", "counter"), null);
        assertTrue(t.run().completed(), t.run().error());
        String expected = "current_tracer: function\ncurrent_tracer: nop\n" + new String(c.expectedStdout(), StandardCharsets.UTF_8);
        assertEquals(expected, t.stdout());
        Map<String, Long> calls = new HashMap<>();
        for (String l : t.trace().split("\n")) {
            if (!l.startsWith("#")) {
                calls.merge(l.replaceAll(".*: (\\S+) <-.*", "$1"), 1L, Long::sum);
            }
        }
        assertEquals(6L, calls.get("during"), t.trace());
        assertEquals(null, calls.get("before"));
        assertEquals(null, calls.get("after"));
    }

    /** Another thread switches the tracer again and again while the guest runs: the program is not disturbed. */
    @Test
    void tracerSwitchedFromAnotherThreadWhileRunning() {
        GuestPrograms.Case c = GuestPrograms.program("O2-pfe", "ftrace/fib");
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger flips = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Traced t = run(c, c.args(), Map.of("Ftrace", "nop", "FtraceClock", "counter"), f -> {
            Thread flipper = new Thread(() -> {
                try {
                    while (!done.get()) {
                        f.setTracer(flips.getAndIncrement() % 2 == 0 ? "function" : "nop");
                        Thread.sleep(1);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "ftrace flipper");
            flipper.setDaemon(true);
            flipper.start();
        });
        done.set(true);
        assertEquals(null, failure.get());
        assertRanAsUntraced(c, t);
        // The trace may be empty: a quick run can end before the flipper first switches the
        // tracer on ("".split gives one empty line).
        for (String l : t.trace().split("\n")) {
            assertTrue(l.isEmpty() && t.trace().isEmpty() || l.startsWith("#") || l.matches(".*\\d+: (fib|main) <-\\S+$"),
                            "trace line: " + l);
        }
    }

    /** A guest callback that calls traced code runs under the list function's recursion guard. */
    @Test
    void recursionGuardStopsACallbackThatCallsTracedCode() {
        GuestPrograms.Case c = GuestPrograms.program("O2-pfe", "ftrace/recursion");
        Traced t = run(c, c.args(), Map.of("Ftrace", "nop"), f -> {
            long callback = f.program().lookup("guest_tracer");
            FtraceOps ops = new FtraceOps("guest", OpsFlags.RECURSION, FunctionFilter.ALL, callback, 0);
            f.register(ops);
            assertEquals(f.opsTable().listOps(), f.memory().readLong(f.site("helper").function() - 8),
                            "an ops that needs the recursion guard is called through the list function");
        });
        assertTrue(t.run().completed(), t.run().error());
        assertEquals("5050 102\n", t.stdout());
    }

    /** A DIRECT ops: ftrace_caller (or the 2023 direct_caller) jumps to ops->direct_call, which returns with jr t0. */
    @ParameterizedTest
    @CsvSource({"O2-pfe,call-ops", "O2-pfe-rv64g,call-ops", "O2-pfe,call-ops-2023", "O2-pfe-rv64g,call-ops-2023"})
    void directCallsReachTheDirectTrampoline(String flavour, String scheme) {
        GuestPrograms.Case c = GuestPrograms.program(flavour, "ftrace/direct");
        Traced t = run(c, c.args(), Map.of("Ftrace", "nop", "FtraceScheme", scheme), f -> {
            long tramp = f.program().lookup("direct_tramp");
            FtraceOps ops = new FtraceOps("direct", OpsFlags.DIRECT, new FunctionFilter(List.of("target"), List.of()), f.code().stub(), tramp);
            f.register(ops);
            PatchSite site = f.site("target");
            assertEquals(ops.address(), f.memory().readLong(site.function() - 8), "a direct ops gets a private literal");
            long expected = scheme.equals("call-ops") ? f.code().ftraceCaller() : f.code().directCaller();
            assertEquals(expected, site.target, "the jalr reaches " + (scheme.equals("call-ops") ? "ftrace_caller" : "direct_caller"));
        });
        assertTrue(t.run().completed(), t.run().error());
        assertEquals("sum 5050, direct 100\n", t.stdout());
    }

    // ---------------------------------------------------------------- sites that must not be patched

    @ParameterizedTest
    @CsvSource({"O2-pfe,misaligned,misaligned literal", "O2-pfe,foreign,foreign bytes", "O2-rv64gc,fib,no __patchable_function_entries section"})
    void badSitesAreReportedAndLeftAlone(String flavour, String program, String diagnostic) {
        GuestPrograms.Case c = GuestPrograms.program(flavour, "ftrace/" + program);
        Traced t = run(c, Map.of("Ftrace", "function", "FtraceSites", "true"));
        assertRanAsUntraced(c, t);
        assertTrue(t.stderr().contains(diagnostic), "stderr should say '" + diagnostic + "':\n" + t.stderr());
    }

    @Test
    void badOptionsAreClearErrors() {
        GuestPrograms.Case c = GuestPrograms.program("O2-pfe", "ftrace/fib");
        for (String[] bad : new String[][]{{"FtraceScheme", "bogus", "unknown scheme"}, {"Ftrace", "bogus", "unknown tracer"},
            {"FtraceClock", "bogus", "unknown clock"}}) {
            Traced t = run(c, Map.of(bad[0], bad[1]));
            assertTrue(!t.run().completed() && t.run().error().contains(bad[2]), bad[0] + "=" + bad[1] + ": " + t.run().error());
            assertArrayEquals(new byte[0], t.run().stdout(), "the program does not start");
        }
    }
}
