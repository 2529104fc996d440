package org.rvtrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.ops.OpsFlags;
import org.rvtrace.ftrace.samples.FtraceOpsSample;
import org.rvtrace.ftrace.site.PatchSite;

/**
 * The ftrace-ops sample (the kernel's samples/ftrace/ftrace-ops.c harness): every relevant
 * ops sees every call of its tracee and nothing else, in every scheme, against the exact call
 * counts of tests/programs/ftrace (the module's check_count); the benchmark guest
 * benchmarks/ftrace-ops/ftrace_ops.c under the sample; and {@code rv bench ftrace-ops}.
 */
class FtraceOpsSampleTest {
    private static final Pattern ATTEMPTED = Pattern.compile("(?m)^Attempted (\\d+) calls to tracee_relevant in (\\d+) ns \\((\\d+) ns / call\\)$");
    private static final Pattern PRECISE = Pattern.compile("(?m)^ns/call: [0-9.]+ median, [0-9.]+ min, [0-9.]+ max \\((\\d+) rounds; warm-up (\\d+) rounds, \\d+ ms\\)$");
    /** ftrace_ops.c with WARMUP_MS = 0 runs exactly this many warm-up rounds. */
    private static final int MIN_WARMUP_ROUNDS = 5;

    private static Path benchGuest;

    @BeforeAll
    static void build() {
        GuestPrograms.build();
        Path benchmarks = GuestPrograms.repoRoot().resolve("benchmarks");
        GuestPrograms.RunResult r = GuestPrograms.runProcess(List.of("make", "-s", "-C", benchmarks.toString(), "target/ftrace_ops"), null, Map.of(), 300);
        if (!r.completed() || r.status() != 0) {
            fail("make -C benchmarks target/ftrace_ops failed: " + r.error() + "\n" + new String(r.stderr(), StandardCharsets.UTF_8)
                            + new String(r.stdout(), StandardCharsets.UTF_8));
        }
        benchGuest = benchmarks.resolve("target").resolve("ftrace_ops");
    }

    private record Run(GuestPrograms.RunResult result, FtraceOpsSample sample) {
        String stdout() {
            return new String(result.stdout(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs binary with ftrace prepared (riscv.Ftrace=nop, the scheme) and, before its first
     * instruction, the sample loaded by load (null: only the given options).
     */
    private static Run run(Path binary, List<String> args, String scheme, Map<String, String> options,
                    java.util.function.Function<Ftrace, FtraceOpsSample> load, Consumer<Ftrace> atAttach) {
        AtomicReference<FtraceOpsSample> sample = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (AutoCloseable listener = Ftrace.onAttach(f -> {
            try {
                if (load != null) {
                    sample.set(load.apply(f));
                }
                if (atAttach != null) {
                    atAttach.accept(f);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        })) {
            Consumer<Context.Builder> configure = b -> {
                b.engine(GuestPrograms.engine());
                b.option("riscv.Ftrace", "nop");
                b.option("riscv.FtraceScheme", scheme);
                options.forEach(b::option);
            };
            GuestPrograms.RunResult r = GuestPrograms.runRvtrace(binary, args, new byte[0], configure, GuestPrograms.timeoutSeconds());
            if (failure.get() != null) {
                throw new AssertionError("loading the sample failed", failure.get());
            }
            return new Run(r, sample.get());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * mutual calls is_even 103 times and is_odd 102 times (mutual.calls): with is_even as the
     * relevant tracee and is_odd as the irrelevant one, each relevant ops counts 103 calls and
     * the irrelevant ops together irrelevant x 102, whether a site calls its ops directly or
     * through the list function, with or without SAVE_REGS.
     */
    @ParameterizedTest
    @CsvSource({"call-ops,1,0,false", "call-ops,1,1,false", "call-ops,2,3,false", "call-ops,0,2,false", "call-ops,1,1,true",
        "call-ops-2023,1,0,true", "call-ops-2023,2,1,false", "list,1,0,false", "list,1,2,false", "list,3,2,true", "list,0,0,false"})
    void everyOpsSeesExactlyItsTraceesCalls(String scheme, int relevant, int irrelevant, boolean saveRegs) {
        GuestPrograms.Case c = GuestPrograms.program("O2-pfe", "ftrace/mutual");
        FtraceOpsSample.Config config = new FtraceOpsSample.Config(relevant, irrelevant, saveRegs);
        Run run = run(c.binary(), c.args(), scheme, Map.of(), f -> FtraceOpsSample.load(f, config, "is_even", "is_odd"), null);
        assertTrue(run.result().completed(), () -> c.id() + ": " + run.result().error());
        assertEquals(new String(c.expectedStdout(), StandardCharsets.UTF_8), run.stdout(), "the program's output changed under the sample");
        assertEquals(0, run.result().status());
        FtraceOpsSample s = run.sample();
        assertEquals(List.of(), s.check(103, 102), scheme + " " + config);
        assertEquals(103L * relevant, s.relevantCalls());
        assertEquals(102L * irrelevant, s.irrelevantCalls());
        assertEquals(0, s.strayCalls());
    }

    /**
     * The benchmark guest under the sample: with WARMUP_MS = 0 it makes exactly
     * (MIN_WARMUP_ROUNDS + ROUNDS) x CALLS calls of tracee_relevant and none of
     * tracee_irrelevant, and prints the kernel's line.
     */
    @ParameterizedTest
    @CsvSource({"call-ops,1,0", "call-ops,2,10", "call-ops-2023,1,1", "list,1,0", "list,1,10", "list,2,1", "call-ops,0,1"})
    void benchmarkGuestCallsAreCounted(String scheme, int relevant, int irrelevant) {
        int calls = 1000;
        int rounds = 3;
        Run run = run(benchGuest, List.of(Integer.toString(calls), "0", Integer.toString(rounds)), scheme, Map.of(),
                        f -> FtraceOpsSample.load(f, "relevant=" + relevant + ",irrelevant=" + irrelevant), null);
        assertTrue(run.result().completed(), () -> run.result().error());
        assertEquals(0, run.result().status(), () -> new String(run.result().stderr(), StandardCharsets.UTF_8));
        Matcher m = ATTEMPTED.matcher(run.stdout());
        assertTrue(m.find(), "no Attempted line in:\n" + run.stdout());
        assertEquals(calls, Long.parseLong(m.group(1)));
        assertEquals(Long.parseLong(m.group(2)) / calls, Long.parseLong(m.group(3)), "ns / call is the period over the calls");
        Matcher p = PRECISE.matcher(run.stdout());
        assertTrue(p.find(), "no ns/call line in:\n" + run.stdout());
        assertEquals(rounds, Integer.parseInt(p.group(1)));
        assertEquals(MIN_WARMUP_ROUNDS, Integer.parseInt(p.group(2)));
        long made = (long) (MIN_WARMUP_ROUNDS + rounds) * calls;
        assertEquals(List.of(), run.sample().check(made, 0));
        assertEquals(made * relevant, run.sample().relevantCalls());
    }

    /** riscv.FtraceSample=ftrace-ops:... registers the ops as the option says, and the sites show it. */
    @Test
    void theOptionLoadsTheSample() {
        AtomicReference<String> relevantSite = new AtomicReference<>();
        AtomicReference<String> irrelevantSite = new AtomicReference<>();
        Run run = run(benchGuest, List.of("100", "0", "1"), "call-ops", Map.of("riscv.FtraceSample", "ftrace-ops:relevant=1,irrelevant=2"), null, f -> {
            PatchSite r = f.site(FtraceOpsSample.RELEVANT_TRACEE);
            PatchSite i = f.site(FtraceOpsSample.IRRELEVANT_TRACEE);
            relevantSite.set(r.enabled + " " + r.ops);
            irrelevantSite.set(i.enabled + " " + i.ops);
            assertEquals(f.opsTable().listOps(), i.literal, "two ops on a site: the literal is ftrace_list_ops");
            assertEquals(r.ops.get(0).address(), r.literal, "one ops on a site: the literal is that ops");
        });
        assertTrue(run.result().completed(), () -> run.result().error());
        assertTrue(ATTEMPTED.matcher(run.stdout()).find(), run.stdout());
        assertEquals("true [ftrace_ops_relevant_0]", relevantSite.get());
        assertEquals("true [ftrace_ops_irrelevant_1, ftrace_ops_irrelevant_0]", irrelevantSite.get());
    }

    /**
     * The module's ops are DYNAMIC (kcalloc'ed): the old scheme reaches even a lone one
     * through the list function, as in the kernel's list figures for one relevant ops, while
     * a CALL_OPS site's literal points at it directly.
     */
    @ParameterizedTest
    @CsvSource({"list", "call-ops"})
    void aLoneSampleOpsIsDynamic(String scheme) {
        AtomicReference<String> seen = new AtomicReference<>();
        Run run = run(benchGuest, List.of("100", "0", "1"), scheme, Map.of("riscv.FtraceSample", "ftrace-ops:relevant=1,irrelevant=0"), null, f -> {
            PatchSite r = f.site(FtraceOpsSample.RELEVANT_TRACEE);
            long traceFunction = f.memory().readLong(f.opsTable().ftraceTraceFunction());
            seen.set(OpsFlags.describe(r.ops.get(0).flags) + (traceFunction == f.code().listFunc() ? " list function" : " direct")
                            + (r.literal == r.ops.get(0).address() ? " literal=ops" : ""));
        });
        assertTrue(run.result().completed(), () -> run.result().error());
        assertEquals(scheme.equals("list") ? "DYNAMIC list function" : "DYNAMIC list function literal=ops", seen.get());
    }

    /** Bad sample arguments stop the run before the program starts, with a message that says what is wrong. */
    @Test
    void badArgumentsAreReported() {
        String[][] cases = {{"ftrace-ops:relevant=x", "relevant must be a number"}, {"ftrace-ops:relevant=-1", "relevant must be a number"},
            {"ftrace-ops:bogus=1", "unknown parameter 'bogus'"}, {"ftrace-ops:save-regs=1", "save-regs takes no value"},
            {"ftrace-ops:relevant=1,relevant=2", "relevant given twice"}, {"ftrace-ops:relevant=600,irrelevant=600", "together at most"},
            {"ftrace-ops:relevant", "relevant needs a number"}, {"ftrace-ops:relevant=1,", "empty item"}};
        for (String[] bad : cases) {
            Run run = run(benchGuest, List.of("10", "0", "1"), "call-ops", Map.of("riscv.FtraceSample", bad[0]), null, null);
            assertTrue(!run.result().completed() && run.result().error().contains(bad[1]), bad[0] + ": " + run.result().error());
            assertEquals("", run.stdout(), bad[0] + ": the program must not run");
        }
        // A program without the tracees.
        GuestPrograms.Case c = GuestPrograms.program("O2-pfe", "ftrace/mutual");
        Run run = run(c.binary(), c.args(), "call-ops", Map.of("riscv.FtraceSample", "ftrace-ops:relevant=1"), null, null);
        assertTrue(!run.result().completed() && run.result().error().contains("no patch site for tracee_relevant"), run.result().error());
    }

    /** rv bench ftrace-ops end to end, and its argument errors (usage, exit status 2). */
    @Test
    void rvBench() {
        Path rv = GuestPrograms.repoRoot().resolve("rv");
        GuestPrograms.RunResult ok = rvProcess(rv, "bench", "ftrace-ops", "--scheme=list", "--relevant=2", "--irrelevant=1", "--save-regs", "--calls=500",
                        "--warmup=0", "--rounds=3");
        String out = new String(ok.stdout(), StandardCharsets.UTF_8);
        String err = new String(ok.stderr(), StandardCharsets.UTF_8);
        assertEquals(0, ok.status(), out + err);
        Matcher m = ATTEMPTED.matcher(out);
        assertTrue(m.find(), out + err);
        assertEquals("500", m.group(1));
        assertTrue(PRECISE.matcher(out).find(), out);
        assertTrue(err.contains("relevant ops: 2") && err.contains("irrelevant ops: 1") && err.contains("saving registers: YES")
                        && err.contains("scheme: list"), err);
        for (String[] bad : new String[][]{{"bench"}, {"bench", "bogus"}, {"bench", "ftrace-ops", "--scheme=bogus"},
            {"bench", "ftrace-ops", "--relevant=x"}, {"bench", "ftrace-ops", "--calls=0"}, {"bench", "ftrace-ops", "--bogus"},
            {"bench", "ftrace-ops", "extra"}, {"bench", "ftrace-ops", "--relevant=900", "--irrelevant=900"}}) {
            GuestPrograms.RunResult r = rvProcess(rv, bad);
            String e = new String(r.stderr(), StandardCharsets.UTF_8);
            assertEquals(2, r.status(), Arrays.toString(bad) + ": " + e);
            assertTrue(e.contains("usage: rv bench ftrace-ops"), Arrays.toString(bad) + ": " + e);
        }
        String help = new String(rvProcess(rv, "--help").stdout(), StandardCharsets.UTF_8);
        assertTrue(help.contains("rv bench ftrace-ops"), help);
    }

    private static GuestPrograms.RunResult rvProcess(Path rv, String... args) {
        assertTrue(Files.isRegularFile(rv), "no launcher script " + rv);
        List<String> cmd = new ArrayList<>();
        cmd.add(rv.toString());
        cmd.addAll(Arrays.asList(args));
        GuestPrograms.RunResult r = GuestPrograms.runProcess(cmd, null, Map.of(), 600);
        assertNotNull(r);
        assertTrue(r.completed(), () -> r.error());
        return r;
    }
}
