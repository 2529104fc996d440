package org.rvtrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.rvtrace.language.elf.ElfFile;

/**
 * Proves that rvtrace runs under the optimizing Truffle runtime and that its JIT does what
 * it claims: guest functions are compiled by Graal, a store into guest code throws away
 * exactly the compiled code that contains the changed block (and nothing else), and the
 * code compiled afterwards runs the new instruction.
 *
 * <p>The evidence is the engine's own compilation log ({@code engine.TraceCompilation}),
 * captured with {@code Context.Builder.logHandler}. Its lines (Truffle 25.0.1) are
 * <pre>
 * [engine] opt done   engine=1  id=51    hot_add      |Tier 2|Time ...|UTC ...|Src n/a
 * [engine] opt inval. engine=1  id=51    hot_add      ...|UTC ...|Src n/a|Reason code 0x10824-0x1082c
 * [engine] opt deopt  engine=1  id=52    hot_loop<OSR@2> |...|UTC ...|Src n/a
 * [engine] opt failed engine=1  id=..    name         |Tier ..|Time ..|Reason: ...|UTC ...
 * </pre>
 * where the name is the guest function's root ({@code FunctionRootNode}: the ELF symbol of
 * its entry pc, {@code <OSR@n>} appended for an on-stack-replacement compilation of block
 * n) and the invalidation reason is the name of the invalidated Assumption: every
 * translated block has one, {@code "code 0x<start>-0x<end>"} (see BlockNode). Compilation is
 * synchronous ({@code engine.BackgroundCompilation=false}), so the log is in program order.
 * Every run's log is kept in {@code target/jit-logs/}.
 */
class JitTest {
    private static final String FLAVOUR = "O2-rv64gc";
    private static final long RUN_TIMEOUT_SECONDS = 240;

    // ---------------------------------------------------------------- 1. the runtime

    /**
     * Truffle silently falls back to an interpreter-only runtime (implementation name
     * "Interpreted") when the JVM cannot give it a compiler, e.g. when the test JVM lacks
     * {@code -XX:+EnableJVMCI} and the compiler on the upgrade module path: then no guest
     * code is ever compiled, and every other JIT test here would test nothing.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runtimeIsOptimizing() {
        try (Engine engine = Engine.create()) {
            String impl = engine.getImplementationName();
            assertNotNull(impl, "engine implementation name");
            assertFalse(impl.isBlank(), "engine implementation name is empty");
            assertFalse(impl.contains("Interpreted"), "Truffle runs without a compiler (implementation name \"" + impl
                    + "\"): the test JVM needs -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI and the Graal "
                    + "compiler on --upgrade-module-path (see the surefire argLine in tests/pom.xml)");
            // The options the other tests rely on exist only in the optimizing runtime.
            for (String option : jitOptions().keySet()) {
                assertNotNull(engine.getOptions().get(option), "engine option " + option + " (implementation " + impl + ")");
            }
        }
    }

    // ---------------------------------------------------------------- 2. compile, patch, recompile

    /**
     * jit/patch_hot: {@code hot_add(x) = x + 1} is called 200000 times from a loop, then the
     * program makes its text page RWX, rewrites the addi to {@code x + 3} with a plain store,
     * flushes the icache and loops again; then it restores {@code x + 1} and loops a third
     * time. The log must show: hot_add (and the loop's OSR compilation, which inlines it)
     * compiled before the patch; the patch invalidating both, for the reason "code
     * &lt;hot_add's block&gt;"; hot_add compiled again after the patch; and that new code
     * invalidated by the restoring store, which proves it was compiled from the patched
     * block (a compilation of the stale block would not depend on its already invalid
     * assumption). Stdout must show x + 3 between the patches.
     */
    /**
     * isa/stack_reload with its loop compiled (on-stack replacement) and the stack-slot
     * forwarding on for all code (normally it is for ftrace's trampolines): compiled code
     * forwards an sd through sp to a later ld from the same sp and offset, and must forget the slot
     * after a store through another register, a narrower store, a store through another
     * sp, an atomic, a store-conditional and a read() into it, and must not forward to a
     * reload at the same offset after sp moved (the program checks each).
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void stackSlotsForwardedInCompiledCode(TestInfo info) throws Exception {
        GuestPrograms.Case c = GuestPrograms.program(FLAVOUR, "isa/stack_reload");
        Map<String, String> options = jitOptions();
        options.put("riscv.ForwardStackSlotsEverywhere", "true");
        JitRun r = runWithJit(c, options, info);
        r.assertNoCompilationFailure();
        assertTrue(r.log().events().stream().anyMatch(e -> e.isDone() && e.target().contains("<OSR")),
                        "the loop is compiled:\n" + r.log().summary());
        r.assertGolden();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void hotLoopIsCompiledThenPatched(TestInfo info) throws Exception {
        GuestPrograms.Case c = GuestPrograms.program(FLAVOUR, "jit/patch_hot");
        JitRun run = runWithJit(c, jitOptions(), info);
        run.assertNoCompilationFailure();
        run.assertGolden();
        CompilationLog log = run.log;

        long hotAdd = functionAddress(c, "hot_add");
        String codeOfHotAdd = codeReason(hotAdd, hotAdd + 8); // addi; ret
        Predicate<String> hotLoopOsr = n -> n.startsWith("hot_loop") && n.contains("<OSR@");

        Event patch = log.first(e -> e.isInvalidation() && e.reason.equals(codeOfHotAdd),
                "an \"opt inval.\" with reason \"" + codeOfHotAdd + "\" (the store into hot_add)");
        Event compiled = log.first(e -> e.isDone() && e.target.equals("hot_add"), "\"opt done\" of hot_add");
        assertTrue(compiled.seq < patch.seq, () -> "hot_add was not compiled before the patch:\n" + compiled + "\n" + patch);
        Event lastTier = log.first(e -> e.isDone() && e.target.equals("hot_add") && e.tier == 2 && e.seq < patch.seq,
                "\"opt done\" of hot_add at Tier 2 before the patch");
        Event osr = log.first(e -> e.isDone() && hotLoopOsr.test(e.target) && e.seq < patch.seq,
                "\"opt done\" of hot_loop's OSR compilation before the patch");

        // The patch threw away hot_add's compiled code and the compiled loop that inlined it.
        List<Event> atPatch = log.between(patch.seq, nextNonInvalidation(log, patch.seq));
        assertTrue(atPatch.stream().anyMatch(e -> e.target.equals("hot_add") && e.reason.equals(codeOfHotAdd)),
                () -> "the patch did not invalidate hot_add's compiled code: " + atPatch);
        assertTrue(atPatch.stream().anyMatch(e -> e.target.equals(osr.target) && e.reason.equals(codeOfHotAdd)),
                () -> "the patch did not invalidate " + osr.target + ": " + atPatch);

        // Compiled again after the patch, and that code (made from the new addi) was in use
        // until the restoring store invalidated it for the same block.
        Event recompiled = log.first(e -> e.isDone() && e.target.equals("hot_add") && e.seq > patch.seq,
                "\"opt done\" of hot_add after the patch");
        Event restore = log.first(e -> e.isInvalidation() && e.target.equals("hot_add") && e.reason.equals(codeOfHotAdd)
                && e.seq > recompiled.seq, "an invalidation of hot_add's recompiled code by the restoring store");
        assertEquals(2, log.events.stream().filter(e -> e.isInvalidation() && e.reason.startsWith("code ")
                && e.target.equals("hot_add")).map(e -> group(log, e)).distinct().count(),
                "hot_add's code should be invalidated by exactly the two stores into it");
        System.out.printf(Locale.ROOT, "%s: compiled %s / %s, patch %s, recompiled %s, restore %s%n", info.getDisplayName(),
                lastTier.brief(), osr.brief(), patch.brief(), recompiled.brief(), restore.brief());
    }

    // ---------------------------------------------------------------- 3. only what changed

    /**
     * jit/patch_one: hot_f (x + 3) and hot_g (x + 5) are adjacent 8-byte functions on one
     * page, each called 200000 times from its own loop; only hot_g's addi is rewritten (to
     * x + 7), then both loops run again. Both functions and both OSR-compiled loops must be
     * compiled before the patch; the patch must invalidate hot_g and loop_g's OSR code for
     * the reason "code &lt;hot_g's 8 bytes&gt;", and no store may invalidate anything for another
     * reason; hot_f's and loop_f's compiled code must not be invalidated after the patch (for
     * any reason), hot_f must not deoptimize, and hot_f is not even recompiled: its Tier 2
     * code from before the patch stays in use.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void patchInvalidatesOnlyTheChangedFunction(TestInfo info) throws Exception {
        GuestPrograms.Case c = GuestPrograms.program(FLAVOUR, "jit/patch_one");
        JitRun run = runWithJit(c, jitOptions(), info);
        run.assertNoCompilationFailure();
        run.assertGolden();
        CompilationLog log = run.log;

        long f = functionAddress(c, "hot_f");
        long g = functionAddress(c, "hot_g");
        assertEquals(f + 8, g, "hot_g should follow hot_f directly");
        String codeOfF = codeReason(f, f + 8);
        String codeOfG = codeReason(g, g + 8);
        Predicate<String> isF = n -> n.equals("hot_f") || n.startsWith("loop_f");
        Predicate<String> loopFOsr = n -> n.startsWith("loop_f") && n.contains("<OSR@");
        Predicate<String> loopGOsr = n -> n.startsWith("loop_g") && n.contains("<OSR@");

        Event patch = log.first(e -> e.isInvalidation() && e.reason.equals(codeOfG),
                "an \"opt inval.\" with reason \"" + codeOfG + "\" (the store into hot_g)");
        for (Predicate<String> target : List.<Predicate<String>>of(n -> n.equals("hot_f"), n -> n.equals("hot_g"), loopFOsr,
                loopGOsr)) {
            log.first(e -> e.isDone() && target.test(e.target) && e.seq < patch.seq,
                    "compilations of hot_f, hot_g and of both loops (OSR) before the patch");
        }
        Event fCode = log.first(e -> e.isDone() && e.target.equals("hot_f") && e.tier == 2 && e.seq < patch.seq,
                "\"opt done\" of hot_f at Tier 2 before the patch");

        List<Event> atPatch = log.between(patch.seq, nextNonInvalidation(log, patch.seq));
        assertTrue(atPatch.stream().anyMatch(e -> e.target.equals("hot_g")), () -> "hot_g not invalidated: " + atPatch);
        assertTrue(atPatch.stream().anyMatch(e -> loopGOsr.test(e.target)), () -> "loop_g's OSR code not invalidated: " + atPatch);

        List<Event> codeInvalidations = log.events.stream().filter(e -> e.isInvalidation() && e.reason.startsWith("code "))
                .collect(Collectors.toList());
        for (Event e : codeInvalidations) {
            assertEquals(codeOfG, e.reason, () -> "a store invalidated code other than hot_g's block (hot_f is "
                    + codeOfF + "): " + e);
            assertFalse(isF.test(e.target), () -> "hot_f's compiled code was invalidated by the store into hot_g: " + e);
        }
        // Nothing of f's is invalidated after the patch, for any reason; hot_f itself never
        // even leaves its compiled code (loop_f's OSR code may deoptimize at its loop exit).
        List<Event> fAfter = log.events.stream().filter(e -> e.seq > patch.seq && (isF.test(e.target) && e.isInvalidation()
                || e.target.equals("hot_f") && e.kind.equals("deopt"))).collect(Collectors.toList());
        assertTrue(fAfter.isEmpty(), () -> "hot_f/loop_f compiled code was thrown away after the store into hot_g:\n"
                + fAfter.stream().map(Event::toString).collect(Collectors.joining("\n")));
        List<Event> fRecompiled = log.events.stream().filter(e -> e.seq > patch.seq && e.target.equals("hot_f"))
                .collect(Collectors.toList());
        assertTrue(fRecompiled.isEmpty(), () -> "hot_f was compiled again after the store into hot_g (its code "
                + fCode.brief() + " should have stayed valid):\n" + fRecompiled.stream().map(Event::toString).collect(Collectors.joining("\n")));
        log.first(e -> e.isDone() && e.target.equals("hot_g") && e.seq > patch.seq, "\"opt done\" of hot_g after the patch");
        System.out.printf(Locale.ROOT, "%s: hot_f %s kept; patch %s invalidated %s%n", info.getDisplayName(), fCode.brief(),
                codeOfG, atPatch.stream().map(e -> e.target).distinct().collect(Collectors.toList()));
    }

    // ---------------------------------------------------------------- 4. no silent bailouts

    /**
     * Runs existing guest programs with engine.CompilationFailureAction=Throw and low
     * compilation thresholds (much more guest code compiled than by default), synchronously:
     * a Graal bailout (e.g. "partial evaluation did not reduce value to a constant") then
     * fails the guest run instead of leaving the function in the interpreter. The log must
     * also have no "opt failed" line and at least one finished compilation.
     */
    @ParameterizedTest
    @ValueSource(strings = {"recursion/fib", "recursion/mutual", "recursion/fnptr", "recursion/switch", "fp/arith",
            "libc/sort", "libc/setjmp", "smc/hot", "smc/text", "isa/atomic"})
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void compilesWithoutFailures(String program, TestInfo info) throws Exception {
        GuestPrograms.Case c = GuestPrograms.program(FLAVOUR, program);
        JitRun run = runWithJit(c, eagerJitOptions(), info);
        run.assertNoCompilationFailure();
        run.assertGolden();
        long done = run.log.events.stream().filter(Event::isDone).count();
        assertTrue(done > 0, () -> program + ": nothing was compiled; log in " + run.logFile);
        System.out.printf(Locale.ROOT, "%s: %d compilations, %d invalidations, %d deopts%n", program, done,
                run.log.events.stream().filter(Event::isInvalidation).count(),
                run.log.events.stream().filter(e -> e.kind.equals("deopt")).count());
    }

    /**
     * A function that returns over its caller's frame (recursion/skip_return), compiled
     * under low thresholds: such a return leaves the graph for the frame further up that
     * expects it. Taken into the returning function's graph as a jump target, the caller's
     * code ran there, one Java frame deeper each time, until the recursion limit unwound them
     * all through compiled code (42717 deoptimizations in one run; 7 since). It also stands
     * for skip_return in {@link #compilesWithoutFailures}: the same run, the same checks.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void returnsOverAFrameDoNotDeoptimizeAgainAndAgain(TestInfo info) throws Exception {
        GuestPrograms.Case c = GuestPrograms.program(FLAVOUR, "recursion/skip_return");
        JitRun run = runWithJit(c, eagerJitOptions(), info);
        run.assertNoCompilationFailure();
        run.assertGolden();
        assertTrue(run.log.events.stream().anyMatch(Event::isDone), () -> "nothing was compiled; log in " + run.logFile);
        long deopts = run.log.events.stream().filter(e -> e.kind.equals("deopt")).count();
        assertTrue(deopts < 100, () -> deopts + " deoptimizations; log in " + run.logFile);
    }

    /**
     * The control for {@link #compilesWithoutFailures}: that a compilation failure really
     * reaches the test under these options. A Graal graph size limit far too small for any
     * guest function makes every compilation bail out; the run must then fail.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void compilationFailuresAreNotSilent(TestInfo info) throws Exception {
        GuestPrograms.Case c = GuestPrograms.program(FLAVOUR, "recursion/fib");
        Map<String, String> options = eagerJitOptions();
        options.put("compiler.MaximumGraalGraphSize", "20");
        JitRun run = runWithJit(c, options, info);
        assertFalse(run.result.completed() && run.result.status() == c.expectedExit()
                && java.util.Arrays.equals(run.result.stdout(), c.expectedStdout()),
                "recursion/fib passed although every compilation must have failed; log in " + run.logFile);
        assertTrue(run.log.events.stream().anyMatch(e -> e.kind.equals("failed")),
                () -> "no \"opt failed\" line in the log " + run.logFile + "; run: "
                        + (run.result.completed() ? "exit " + run.result.status() : run.result.error()));
        assertFalse(run.result.completed(), "the guest run completed despite a compilation failure");
        assertTrue(run.result.error().contains("OptimizationFailedException"),
                () -> "the run did not fail with OptimizationFailedException: " + run.result.error());
    }

    // ---------------------------------------------------------------- running

    /** Engine options for the patch tests: synchronous compilation, fixed thresholds, a log. */
    static Map<String, String> jitOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("engine.TraceCompilation", "true");
        o.put("engine.BackgroundCompilation", "false");
        o.put("engine.CompilationFailureAction", "Throw");
        o.put("engine.DynamicCompilationThresholds", "false");
        o.put("engine.MultiTier", "true");
        o.put("engine.FirstTierCompilationThreshold", "400");
        o.put("engine.LastTierCompilationThreshold", "10000");
        o.put("engine.OSRCompilationThreshold", "20000");
        return o;
    }

    /** As {@link #jitOptions()}, with thresholds low enough that most executed guest code is compiled. */
    static Map<String, String> eagerJitOptions() {
        Map<String, String> o = jitOptions();
        o.put("engine.FirstTierCompilationThreshold", "50");
        o.put("engine.LastTierCompilationThreshold", "500");
        o.put("engine.OSRCompilationThreshold", "1000");
        return o;
    }

    /** One in-process run under its own engine, with the compilation log. */
    record JitRun(GuestPrograms.Case program, GuestPrograms.RunResult result, CompilationLog log, Path logFile) {
        void assertGolden() {
            if (!result.completed()) {
                fail(program.id() + ": " + result.error() + "\nstdout so far:\n"
                        + new String(result.stdout(), StandardCharsets.UTF_8) + GuestPrograms.stderrExcerpt(result.stderr())
                        + "\ncompilation log: " + logFile);
            }
            String diff = GuestPrograms.describeDifference(program.expectedStdout(), result.stdout(),
                    program.program() + ".stdout", "rvtrace (JIT)");
            if (diff != null) {
                fail(program.id() + ": " + diff + GuestPrograms.stderrExcerpt(result.stderr()) + "\ncompilation log: " + logFile);
            }
            assertEquals(program.expectedExit(), result.status(), () -> program.id() + ": exit status");
        }

        /** No "opt failed" in the log; on failure names each failed root, the reason and the rvtrace frame. */
        void assertNoCompilationFailure() {
            List<Event> failed = log.events.stream().filter(e -> e.kind.equals("failed")).collect(Collectors.toList());
            if (!failed.isEmpty()) {
                StringBuilder sb = new StringBuilder(program.id()).append(": ").append(failed.size())
                        .append(" Graal compilation(s) failed (log: ").append(logFile).append(")");
                for (Event e : failed) {
                    String reason = e.reason.length() > 400 ? e.reason.substring(0, 400) + "..." : e.reason;
                    sb.append("\n  ").append(e.target).append(" Tier ").append(e.tier).append(": ").append(reason);
                    String frame = log.firstRvtraceFrameAfter(e);
                    if (frame != null) {
                        sb.append("\n    at ").append(frame);
                    }
                }
                fail(sb.toString());
            }
        }
    }

    static JitRun runWithJit(GuestPrograms.Case c, Map<String, String> options, TestInfo info) throws IOException {
        return runWithJit(c, options, info, c.args());
    }

    /** As {@link #runWithJit(GuestPrograms.Case, Map, TestInfo)}, with other arguments for the program. */
    static JitRun runWithJit(GuestPrograms.Case c, Map<String, String> options, TestInfo info, List<String> args) throws IOException {
        GuestPrograms.build();
        assertTrue(Files.isRegularFile(c.binary()), "binary not built: " + c.binary());
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        GuestPrograms.RunResult r = GuestPrograms.runRvtrace(c.binary(), args, c.stdin(), b -> {
            b.allowExperimentalOptions(true).logHandler(logBytes);
            options.forEach(b::option);
        }, RUN_TIMEOUT_SECONDS);
        String text = logBytes.toString(StandardCharsets.UTF_8);
        Path dir = GuestPrograms.testsDir().resolve("target").resolve("jit-logs");
        Files.createDirectories(dir);
        String name = info.getTestMethod().map(m -> m.getName()).orElse("run") + "-" + c.id().replace('/', '_') + ".log";
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new JitRun(c, r, CompilationLog.parse(text), file);
    }

    /** The address of a function symbol of the guest binary. */
    static long functionAddress(GuestPrograms.Case c, String symbol) throws Exception {
        ElfFile elf = new ElfFile(Files.readAllBytes(c.binary()));
        return elf.symbols.stream().filter(s -> s.isFunction() && s.name().equals(symbol)).mapToLong(ElfFile.Symbol::value)
                .findFirst().orElseThrow(() -> new AssertionError("no function symbol " + symbol + " in " + c.binary()));
    }

    /** The invalidation reason of the block [start, end): its Assumption's name. */
    static String codeReason(long start, long end) {
        return String.format(Locale.ROOT, "code 0x%x-0x%x", start, end);
    }

    /** The seq of the first event after {@code from} that is not an invalidation (or past the end). */
    static int nextNonInvalidation(CompilationLog log, int from) {
        return log.events.stream().filter(e -> e.seq > from && !e.isInvalidation()).mapToInt(e -> e.seq).findFirst()
                .orElse(Integer.MAX_VALUE);
    }

    /** Invalidations in one run of consecutive invalidation lines belong to one store: the seq of the first. */
    static int group(CompilationLog log, Event inv) {
        int start = inv.seq;
        for (int i = log.events.indexOf(inv) - 1; i >= 0 && log.events.get(i).isInvalidation(); i--) {
            start = log.events.get(i).seq;
        }
        return start;
    }

    // ---------------------------------------------------------------- the log

    /** One "opt ..." line of engine.TraceCompilation; seq is its position among them. */
    record Event(int seq, String kind, int id, String target, int tier, String reason, String line) {
        boolean isDone() {
            return kind.equals("done");
        }

        boolean isInvalidation() {
            return kind.equals("inval.");
        }

        String brief() {
            return "#" + seq + " " + kind + " " + target + (tier > 0 ? " Tier " + tier : "") + (reason.isEmpty() ? "" : " (" + reason + ")");
        }

        @Override
        public String toString() {
            return brief();
        }
    }

    record CompilationLog(List<Event> events, String text) {
        private static final Pattern LINE = Pattern.compile(
                "^\\[engine\\] opt (done|inval\\.|deopt|failed|start|queued|unque\\.)\\s+engine=\\s*\\d+\\s+id=\\s*(\\d+)\\s+([^|]*?)\\s*\\|(.*)$");
        private static final Pattern TIER = Pattern.compile("\\|?Tier (\\d+)\\|");
        private static final Pattern INV_REASON = Pattern.compile("\\|Reason (.*)$");
        private static final Pattern FAIL_REASON = Pattern.compile("\\|Reason: (.*?)(?:\\|UTC|$)");
        private static final Pattern RVTRACE_FRAME = Pattern.compile("(?m)^\\s*(?:at )?(org\\.rvtrace\\.\\S+\\(\\w+\\.java:\\d+\\))");

        static CompilationLog parse(String text) {
            List<Event> events = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher m = LINE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                String kind = m.group(1);
                String rest = "|" + m.group(4);
                Matcher t = TIER.matcher(rest);
                int tier = t.find() ? Integer.parseInt(t.group(1)) : 0;
                String reason = "";
                Matcher r = (kind.equals("failed") ? FAIL_REASON : INV_REASON).matcher(rest);
                if (r.find()) {
                    reason = r.group(1).trim();
                }
                events.add(new Event(events.size(), kind, Integer.parseInt(m.group(2)), m.group(3), tier, reason, line));
            }
            return new CompilationLog(events, text);
        }

        Event first(Predicate<Event> p, String what) {
            return events.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError(
                    "expected " + what + " in the compilation log; its events:\n" + summary()));
        }

        List<Event> between(int fromInclusive, int toExclusive) {
            return events.stream().filter(e -> e.seq >= fromInclusive && e.seq < toExclusive).collect(Collectors.toList());
        }

        /** The first three org.rvtrace frames the engine printed with failure {@code e} (where PE failed), or null. */
        String firstRvtraceFrameAfter(Event e) {
            int at = text.indexOf(e.line);
            if (at < 0) {
                return null;
            }
            int next = events.stream().filter(x -> x.seq > e.seq).findFirst().map(x -> text.indexOf(x.line, at + 1))
                    .filter(i -> i > 0).orElse(text.length());
            Matcher m = RVTRACE_FRAME.matcher(text).region(at, next);
            List<String> frames = new ArrayList<>();
            while (frames.size() < 3 && m.find()) {
                frames.add(m.group(1));
            }
            return frames.isEmpty() ? null : String.join(" <- ", frames);
        }

        String summary() {
            String s = events.stream().filter(e -> !e.kind.equals("start") && !e.kind.equals("queued"))
                    .map(Event::brief).collect(Collectors.joining("\n"));
            return s.length() > 6000 ? s.substring(0, 6000) + "\n..." : s;
        }
    }
}
