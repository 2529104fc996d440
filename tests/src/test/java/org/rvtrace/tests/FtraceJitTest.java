package org.rvtrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The compiled-code claims of the ftrace design (issue 4), read from the engine's own
 * compilation log as {@link JitTest} does: a traced call compiles once and stays compiled;
 * enabling one function throws away only the compiled code that contains its patch site;
 * a site toggled a thousand times does not make its function deoptimize and recompile on
 * every toggle.
 */
class FtraceJitTest {
    private static final String FLAVOUR = "O2-pfe";

    @BeforeAll
    static void build() {
        GuestPrograms.build();
    }

    private static Map<String, String> options(String... ftrace) {
        Map<String, String> o = JitTest.jitOptions();
        for (int i = 0; i < ftrace.length; i += 2) {
            o.put("riscv." + ftrace[i], ftrace[i + 1]);
        }
        return o;
    }

    private static JitTest.JitRun run(String program, List<String> args, Map<String, String> options, TestInfo info) throws Exception {
        GuestPrograms.Case c = GuestPrograms.program(FLAVOUR, "ftrace/" + program);
        JitTest.JitRun r = JitTest.runWithJit(c, options, info, args);
        r.assertNoCompilationFailure();
        return r;
    }

    private static long hits(String stderr, String function) {
        Matcher m = Pattern.compile("(?m)^  " + function + "\\s+(\\d+)").matcher(stderr);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * With tracing on from the start, the traced function compiles with the trampoline inside
     * (reached through t0, it joins the function's graph; the callback's host-call stub runs
     * in place), and is never thrown away.
     */
    @Test
    void tracedCallCompilesOnce(TestInfo info) throws Exception {
        JitTest.JitRun r = run("flip", List.of(), options("Ftrace", "profile", "FtraceClock", "counter", "FtraceFilter", "hot"), info);
        assertHotCountedAndCompiledOnce(r);
        assertTrue(r.log().events().stream().noneMatch(e -> e.target().startsWith("ftrace_caller") || e.target().startsWith("function_profile_call")),
                        "neither the trampoline nor the tracer's stub is a compilation unit of its own:\n" + r.log().summary());
    }

    /**
     * flip with the profiler on hot alone: the golden output, hot's hits, and hot compiled at
     * most once per tier and never thrown away.
     */
    private static void assertHotCountedAndCompiledOnce(JitTest.JitRun r) {
        r.assertGolden();
        String err = new String(r.result().stderr(), StandardCharsets.UTF_8);
        assertEquals(200_000 + 1000 * 2000, hits(err, "hot"), err);
        List<JitTest.Event> hot = r.log().events().stream().filter(e -> e.target().equals("hot")).collect(Collectors.toList());
        assertTrue(hot.stream().anyMatch(JitTest.Event::isDone), "hot is compiled:\n" + r.log().summary());
        // ("opt deopt" lines come at the end, when the engine closes: not counted.)
        assertTrue(hot.stream().noneMatch(JitTest.Event::isInvalidation),
                        "the traced function's code is never thrown away:\n" + r.log().summary());
        assertTrue(hot.stream().filter(JitTest.Event::isDone).count() <= 2, "one compilation per tier:\n" + r.log().summary());
    }

    /**
     * The same with the profiler timing every call: the entry hook swaps the return address for
     * return_to_handler, which joins the traced function's graph too, and both host functions
     * run inline in its compiled code. Neither may throw that code away again and again (the
     * return path caches the tracer's class; a wrong cache would invalidate on every return).
     */
    @Test
    void timedProfileCompilesOnce(TestInfo info) throws Exception {
        JitTest.JitRun r = run("flip", List.of(), options("Ftrace", "profile", "FtraceClock", "local", "FtraceFilter", "hot"), info);
        assertHotCountedAndCompiledOnce(r);
        assertTrue(r.log().events().stream().noneMatch(e -> e.target().startsWith("return_to_handler")),
                        "return_to_handler is not a compilation unit of its own:\n" + r.log().summary());
    }

    /**
     * tracing_on switched off and on while the traced function is hot (ftrace/pause): the
     * profiler's callback, compiled into hot's code, takes tracing_on as a constant guarded
     * by an assumption (a volatile read there would make Graal forget at every traced call
     * what it knows from memory), so the switch has to throw that code away; the calls made
     * while tracing is off are not counted.
     */
    @Test
    void tracingOnReachesCompiledCallbacks(TestInfo info) throws Exception {
        JitTest.JitRun r = run("pause", List.of("toggle"), options("Ftrace", "profile", "FtraceClock", "counter", "FtraceFilter", "hot"), info);
        r.assertGolden();
        String err = new String(r.result().stderr(), StandardCharsets.UTF_8);
        assertEquals(200_000 + 100_000, hits(err, "hot"), err);
        assertTrue(r.log().events().stream().anyMatch(e -> e.isDone() && e.target().equals("hot")),
                        "hot was compiled with the callback inside:\n" + r.log().summary());
    }

    /**
     * Past CodeCache's limit of 64 sites per trampoline, a traced function calls the one shared
     * trampoline root instead of taking the trampoline into its own graph (ftrace/many: 100
     * traced functions, called one after the other), and every call is still counted.
     */
    @Test
    void sitesPastTheLimitShareOneTrampoline(TestInfo info) throws Exception {
        JitTest.JitRun r = run("many", List.of(), options("Ftrace", "profile", "FtraceClock", "counter"), info);
        r.assertGolden();
        String err = new String(r.result().stderr(), StandardCharsets.UTF_8);
        assertEquals(2000, hits(err, "f0"), err);
        assertEquals(2000 + 7 * 99, hits(err, "f99"), err);
        assertTrue(r.log().events().stream().anyMatch(e -> e.isDone() && e.target().equals("ftrace_caller")),
                        "the shared trampoline is compiled as a function of its own:\n" + r.log().summary());
    }

    /** set_ftrace_filter := alpha, with alpha and beta both compiled: only code containing alpha's site is invalidated. */
    @Test
    void enablingOneFunctionInvalidatesOnlyItsCode(TestInfo info) throws Exception {
        GuestPrograms.Case c = GuestPrograms.program(FLAVOUR, "ftrace/scope");
        long alpha = JitTest.functionAddress(c, "alpha");
        JitTest.JitRun r = run("scope", List.of("enable"), options("Ftrace", "profile", "FtraceClock", "counter", "FtraceFilter", "none_such"), info);
        assertTrue(r.result().completed(), r.result().error());
        assertEquals(new String(c.expectedStdout(), StandardCharsets.UTF_8), new String(r.result().stdout(), StandardCharsets.UTF_8));
        List<JitTest.Event> invalidations = r.log().events().stream().filter(JitTest.Event::isInvalidation).collect(Collectors.toList());
        assertFalse(invalidations.isEmpty(), "compiled code with alpha's site existed and was invalidated:\n" + r.log().summary());
        for (JitTest.Event e : invalidations) {
            assertTrue(e.target().startsWith("alpha") || e.target().startsWith("main"),
                            "only code that contains alpha's site is thrown away, not " + e.brief() + "\n" + r.log().summary());
            assertTrue(touchesSite(e.reason(), alpha), "invalidated for a write to alpha's site: " + e.brief());
        }
        assertTrue(r.log().events().stream().filter(e -> e.target().startsWith("beta")).noneMatch(JitTest.Event::isInvalidation),
                        "beta's code survives:\n" + r.log().summary());
        String err = new String(r.result().stderr(), StandardCharsets.UTF_8);
        assertEquals(40 * 5000, hits(err, "alpha"), err);
        assertEquals(0, hits(err, "beta"), err);
    }

    /** The reason names a block or word that overlaps [alpha - 8, alpha + 8), the patch area. */
    private static boolean touchesSite(String reason, long alpha) {
        Matcher m = Pattern.compile("(code|word) 0x([0-9a-f]+)(?:-0x([0-9a-f]+))?").matcher(reason.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return false;
        }
        long start = Long.parseLong(m.group(2), 16);
        long end = m.group(3) != null ? Long.parseLong(m.group(3), 16) : start + 8;
        return start < alpha + 8 && alpha - 8 < end;
    }

    /**
     * A thousand toggles of one site: a few invalidations at first, then the site is read at run
     * time (a deopt loop would show one invalidation or more per toggle; measured: 19).
     */
    @Test
    void toggledSiteDoesNotRecompileForever(TestInfo info) throws Exception {
        JitTest.JitRun r = run("flip", List.of("flip", "1000"), options("Ftrace", "profile", "FtraceClock", "counter", "FtraceFilter", "none_such"), info);
        assertTrue(r.result().completed(), r.result().error());
        GuestPrograms.Case c = GuestPrograms.program(FLAVOUR, "ftrace/flip");
        assertEquals(new String(c.expectedStdout(), StandardCharsets.UTF_8), new String(r.result().stdout(), StandardCharsets.UTF_8));
        String err = new String(r.result().stderr(), StandardCharsets.UTF_8);
        assertEquals(500 * 2000, hits(err, "hot"), err);
        assertEquals(500 * 2000, hits(err, "cold"), err);
        long invalidations = r.log().events().stream().filter(JitTest.Event::isInvalidation).count();
        long compilations = r.log().events().stream().filter(e -> e.isDone() && (e.target().equals("hot") || e.target().startsWith("main"))).count();
        assertTrue(invalidations <= 50, invalidations + " invalidations over 1000 toggles:\n" + r.log().summary());
        assertTrue(compilations <= 60, compilations + " compilations of hot and main over 1000 toggles:\n" + r.log().summary());
    }
}
