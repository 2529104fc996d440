package org.rvtrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of the {@code rv} launcher script at the repository root, run as a process
 * the way a user runs it: {@code <repo>/rv PROGRAM ARGS...}.
 */
class LauncherTest {

    private static final long TIMEOUT_SECONDS = 180;
    private static final Pattern MENTIONS_PC = Pattern.compile("(?i)(^|[^a-z])pc([^a-z]|$)");

    private static Path rv;

    @BeforeAll
    static void setUp() {
        GuestPrograms.build();
        rv = GuestPrograms.repoRoot().resolve("rv");
        if (Files.isRegularFile(rv)) {
            // The script builds rvtrace on first use and says so on stderr: get that out of the way.
            GuestPrograms.runProcess(List.of(rv.toString(), "--version"), null, Map.of(), 30 * 60);
        }
    }

    private static GuestPrograms.RunResult run(String... args) {
        if (!Files.isRegularFile(rv)) {
            fail("the launcher script " + rv + " does not exist");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(rv.toString());
        cmd.addAll(Arrays.asList(args));
        GuestPrograms.RunResult r = GuestPrograms.runProcess(cmd, null, Map.of("RVTRACE_TEST", "1"), TIMEOUT_SECONDS);
        if (!r.completed()) {
            fail(r.error() + describe(r));
        }
        return r;
    }

    private static Path binary(String flavour, String program) {
        Path p = GuestPrograms.outDir().resolve(flavour).resolve(program);
        assertTrue(Files.isRegularFile(p), "guest binary missing: " + p);
        return p;
    }

    private static byte[] expected(String program) {
        return GuestPrograms.readBytes(GuestPrograms.programsDir().resolve(program + ".stdout"));
    }

    private static String stderr(GuestPrograms.RunResult r) {
        return new String(r.stderr(), StandardCharsets.UTF_8);
    }

    private static String describe(GuestPrograms.RunResult r) {
        String out = new String(r.stdout(), StandardCharsets.UTF_8);
        if (out.length() > 1500) {
            out = out.substring(0, 1500) + "...";
        }
        return "\nexit status " + r.status() + "\nstdout:\n" + out + "\nstderr:\n" + stderr(r);
    }

    /** Lines of stderr, without blank ones and without the script's own "rv: building/linking ..." progress lines. */
    private static List<String> nonEmptyLines(String s) {
        return Arrays.stream(s.split("\n")).filter(l -> !l.isBlank()).filter(l -> !l.startsWith("rv: building") && !l.startsWith("rv: linking"))
                .collect(Collectors.toList());
    }

    /** stderr is exactly one line and carries no Java stack trace. */
    private static String assertOneLineMessage(GuestPrograms.RunResult r) {
        String err = stderr(r);
        List<String> lines = nonEmptyLines(err);
        assertEquals(1, lines.size(), () -> "stderr must be exactly one line" + describe(r));
        for (String l : err.split("\n")) {
            assertFalse(l.contains("at org."), () -> "stderr shows a Java stack trace" + describe(r));
            assertFalse(l.contains("Exception"), () -> "stderr mentions an Exception" + describe(r));
        }
        return lines.get(0);
    }

    @Test
    void runsAProgram() {
        GuestPrograms.RunResult r = run(binary("O2-rv64gc", "recursion/fib").toString());
        assertEquals(0, r.status(), () -> "exit status" + describe(r));
        String diff = GuestPrograms.describeDifference(expected("recursion/fib"), r.stdout(), "fib.stdout", "rv");
        if (diff != null) {
            fail(diff + describe(r));
        }
    }

    @Test
    void passesArgumentsAndExitStatus() {
        GuestPrograms.RunResult r = run(binary("O2-rv64gc", "syscall/exit42").toString());
        assertEquals(42, r.status(), () -> "exit status" + describe(r));
        assertEquals(new String(expected("syscall/exit42"), StandardCharsets.UTF_8),
                new String(r.stdout(), StandardCharsets.UTF_8));
        List<String> args = GuestPrograms.readArgs(GuestPrograms.programsDir().resolve("syscall/args.args"));
        List<String> cmd = new ArrayList<>();
        cmd.add(binary("O2-rv64gc", "syscall/args").toString());
        cmd.addAll(args);
        GuestPrograms.RunResult a = run(cmd.toArray(new String[0]));
        assertEquals(0, a.status(), () -> "exit status" + describe(a));
        String diff = GuestPrograms.describeDifference(expected("syscall/args"), a.stdout(), "args.stdout", "rv");
        if (diff != null) {
            fail(diff + describe(a));
        }
    }

    /**
     * rv bench repeat runs the program again in the same JVM with a new engine: the output and
     * exit status of each run, a timing line per run, and usage errors with status 2.
     */
    @Test
    void benchRepeatRunsTheProgramAgainInOneJvm() {
        GuestPrograms.RunResult r = run("bench", "repeat", "--times=3", binary("O2-rv64gc", "syscall/exit42").toString());
        assertEquals(42, r.status(), () -> "exit status" + describe(r));
        String once = new String(expected("syscall/exit42"), StandardCharsets.UTF_8);
        assertEquals(once.repeat(3), new String(r.stdout(), StandardCharsets.UTF_8));
        for (int k = 1; k <= 3; k++) {
            assertTrue(Pattern.compile("(?m)^repeat: run " + k + " of 3: [0-9.]+ s \\(exit 42\\)$").matcher(stderr(r)).find(), describe(r));
        }
        GuestPrograms.RunResult fib = run("bench", "repeat", binary("O2-rv64gc", "recursion/fib").toString());
        assertEquals(0, fib.status(), () -> "exit status" + describe(fib));
        assertEquals(new String(expected("recursion/fib"), StandardCharsets.UTF_8).repeat(2), new String(fib.stdout(), StandardCharsets.UTF_8));
        for (String[] bad : new String[][]{{"bench", "repeat"}, {"bench", "repeat", "--times=0", "x"}, {"bench", "repeat", "--bogus", "x"}}) {
            GuestPrograms.RunResult b = run(bad);
            assertEquals(2, b.status(), () -> Arrays.toString(bad) + describe(b));
            assertTrue(stderr(b).contains("usage: rv bench"), () -> Arrays.toString(bad) + describe(b));
        }
        // The bundled demo by name, as rv demo runs it.
        GuestPrograms.RunResult demo = run("bench", "repeat", "--times=1", "demo");
        assertEquals(0, demo.status(), () -> describe(demo));
        String diff = GuestPrograms.describeDifference(GuestPrograms.readBytes(GuestPrograms.repoRoot().resolve("demo").resolve("demo.expected")),
                        demo.stdout(), "demo.expected", "rv bench repeat demo");
        if (diff != null) {
            fail(diff + describe(demo));
        }
        GuestPrograms.RunResult missing = run("bench", "repeat", "/nonexistent/program");
        assertEquals(1, missing.status(), () -> describe(missing));
        assertTrue(stderr(missing).contains("no such file"), () -> describe(missing));
    }

    @Test
    void faultReportsOneLineWithThePc() {
        GuestPrograms.RunResult r = run(binary("O2-rv64gc", "fault/null_load").toString());
        assertEquals(139, r.status(), () -> "a SIGSEGV must give exit status 139" + describe(r));
        assertEquals(new String(expected("fault/null_load"), StandardCharsets.UTF_8),
                new String(r.stdout(), StandardCharsets.UTF_8), "stdout written before the fault");
        String line = assertOneLineMessage(r);
        assertTrue(MENTIONS_PC.matcher(line).find(), () -> "the fault message must mention the pc: " + line);
    }

    @Test
    void illegalInstructionExitStatus() {
        GuestPrograms.RunResult r = run(binary("O2-rv64gc", "fault/illegal").toString());
        assertEquals(132, r.status(), () -> "a SIGILL must give exit status 132" + describe(r));
        String line = assertOneLineMessage(r);
        assertTrue(MENTIONS_PC.matcher(line).find(), () -> "the fault message must mention the pc: " + line);
    }

    @Test
    void rejectsANonElfFile() {
        Path source = GuestPrograms.programsDir().resolve("recursion/fib.c");
        GuestPrograms.RunResult r = run(source.toString());
        assertEquals(1, r.status(), () -> "a non-ELF file must give exit status 1" + describe(r));
        assertOneLineMessage(r);
        assertEquals(0, r.stdout().length, () -> "nothing on stdout" + describe(r));
    }

    @Test
    void rejectsATruncatedElf(@TempDir Path tmp) throws IOException {
        byte[] whole = Files.readAllBytes(binary("O2-rv64gc", "isa/hello"));
        Path truncated = tmp.resolve("truncated.elf");
        Files.write(truncated, Arrays.copyOf(whole, 100));
        GuestPrograms.RunResult r = run(truncated.toString());
        assertEquals(1, r.status(), () -> "a truncated ELF must give exit status 1" + describe(r));
        assertOneLineMessage(r);
        // Cut inside a segment's bytes (a C program's text is most of its file): the headers are whole, the segment is not.
        byte[] program = Files.readAllBytes(binary("O2-rv64gc", "isa/alu"));
        Files.write(truncated, Arrays.copyOf(program, program.length / 2));
        GuestPrograms.RunResult half = run(truncated.toString());
        assertEquals(1, half.status(), () -> "an ELF cut inside a segment must give exit status 1" + describe(half));
        String line = assertOneLineMessage(half);
        assertTrue(line.contains("segment") && line.contains("outside the file"), () -> "the message must name the segment: " + line);
    }

    @Test
    void rejectsAMissingFile(@TempDir Path tmp) {
        GuestPrograms.RunResult r = run(tmp.resolve("does-not-exist").toString());
        assertEquals(1, r.status(), () -> "a missing program must give exit status 1" + describe(r));
        assertOneLineMessage(r);
    }

    @Test
    void printsTheVersion() {
        GuestPrograms.RunResult r = run("--version");
        assertEquals(0, r.status(), () -> "rv --version exit status" + describe(r));
        String all = new String(r.stdout(), StandardCharsets.UTF_8) + "\n" + stderr(r);
        assertTrue(all.toLowerCase(Locale.ROOT).contains("rvtrace"), () -> "--version must name rvtrace" + describe(r));
        // The runtime (Truffle/GraalVM) in use: accept the polyglot implementation name of this JVM or a
        // generic mention, since the launcher JVM may be configured differently from the test JVM.
        String impl;
        try {
            impl = GuestPrograms.engine().getImplementationName();
        } catch (RuntimeException e) {
            impl = "Truffle";
        }
        String implName = impl;
        String lower = all.toLowerCase(Locale.ROOT);
        assertTrue(all.contains(implName) || lower.contains("truffle") || lower.contains("graal") || lower.contains("interpreted")
                || lower.contains("runtime"), () -> "--version must print a line with the runtime name (e.g. \"" + implName
                        + "\")" + describe(r));
    }

    /**
     * The script links a Java runtime of its own and trains a start-up cache for it when it
     * builds (the JDK here has jlink), and the JVM maps that cache: --version says so.
     */
    @Test
    void startsWithItsStartUpCache() {
        GuestPrograms.RunResult r = run("--version");
        assertEquals(0, r.status(), () -> "rv --version exit status" + describe(r));
        assertTrue(stdout(r).contains("Start-up cache: in use"), () -> "the start-up cache must be in use" + describe(r));
        Path root = GuestPrograms.repoRoot();
        assertTrue(Files.isRegularFile(root.resolve("launcher/target/rv.aot")), "launcher/target/rv.aot must exist");
    }

    /** stdout as text. */
    private static String stdout(GuestPrograms.RunResult r) {
        return new String(r.stdout(), StandardCharsets.UTF_8);
    }

    /** stdout begins with exactly the program's expected output; returns what follows it. */
    private static String assertProgramOutputFirst(String program, GuestPrograms.RunResult r) {
        byte[] want = expected(program);
        byte[] got = r.stdout();
        byte[] head = Arrays.copyOf(got, Math.min(got.length, want.length));
        String diff = GuestPrograms.describeDifference(want, head, program + ".stdout", "rv (start of stdout)");
        if (diff != null) {
            fail("the program's own output changed: " + diff + describe(r));
        }
        return new String(got, want.length, got.length - want.length, StandardCharsets.UTF_8);
    }

    @Test
    void helpListsRvtracesOptions() {
        GuestPrograms.RunResult r = run("--help");
        assertEquals(0, r.status(), () -> "rv --help exit status" + describe(r));
        String out = stdout(r);
        for (String option : List.of("--strace", "--ftrace=", "--ftrace-filter=", "--ftrace-notrace=", "--ftrace-output=", "--ftrace-scheme=",
                "--ftrace-clock=", "--ftrace-tracing-on=", "--ftrace-sites", "--version", "--help:expert", "--log.file=", "--engine.",
                "--compiler.", "--experimental-options", "--cpusampler", "--cputracer", "rv bench ftrace-ops")) {
            assertTrue(out.contains(option), () -> "rv --help must list " + option + describe(r));
        }
        // The descriptions come from the language's option descriptors.
        assertTrue(out.contains("set_ftrace_filter"), () -> "rv --help must describe --ftrace-filter" + describe(r));
        assertFalse(out.contains("riscv.FtraceSample"), () -> "expert options belong to --help:expert" + describe(r));
    }

    @Test
    void helpExpertListsTheExpertOptions() {
        GuestPrograms.RunResult r = run("--help:expert");
        assertEquals(0, r.status(), () -> "rv --help:expert exit status" + describe(r));
        String out = stdout(r);
        for (String option : List.of("--riscv.MaxCallDepth=", "--riscv.FtraceSample=", "--riscv.Ftrace=", "--riscv.Strace")) {
            assertTrue(out.contains(option), () -> "rv --help:expert must list " + option + describe(r));
        }
    }

    @Test
    void badOptionsAreOneLineAndExitStatus2() {
        String fib = binary("O2-rv64gc", "recursion/fib").toString();
        List<List<String>> bad = List.of(
                List.of("--no-such-option", fib),
                List.of("--engine.NoSuchOption=1", fib),
                List.of("--riscv.MaxCallDepth=many", fib),
                List.of("--engine.BackgroundCompilation=maybe", fib),
                List.of("--compiler.InliningExpansionBudget=100", fib),   // experimental, without --experimental-options
                List.of("--ftrace", fib),
                List.of("--ftrace=bogus", fib),
                List.of("--strace=yes", fib),
                List.of("--log.file", fib),
                List.of("--log.engine.level=LOUD", fib),
                List.of("--vm.Xmx1g", fib),
                List.of("-x", fib),
                List.of());
        for (List<String> args : bad) {
            GuestPrograms.RunResult r = run(args.toArray(new String[0]));
            assertEquals(2, r.status(), () -> args + ": a bad option must give exit status 2" + describe(r));
            String line = assertOneLineMessage(r);
            assertTrue(line.startsWith("rv: "), () -> args + ": the message starts with 'rv: '" + describe(r));
            assertEquals(0, r.stdout().length, () -> args + ": nothing on stdout (the program does not start)" + describe(r));
        }
        // An experimental option is accepted with the permission.
        GuestPrograms.RunResult ok = run("--experimental-options", "--compiler.InliningExpansionBudget=2000", fib);
        assertEquals(0, ok.status(), () -> "exit status" + describe(ok));
        assertProgramOutputFirst("recursion/fib", ok);
    }

    @Test
    void logFileReceivesTheLog(@TempDir Path tmp) throws IOException {
        Path log = tmp.resolve("truffle.log");
        GuestPrograms.RunResult r = run("--log.file=" + log, "--engine.TraceCompilation", "--engine.BackgroundCompilation=false",
                "--experimental-options", "--engine.FirstTierCompilationThreshold=50",
                binary("O2-rv64gc", "recursion/fib").toString());
        assertEquals(0, r.status(), () -> "exit status" + describe(r));
        assertEquals("", assertProgramOutputFirst("recursion/fib", r), () -> "stdout is the program's" + describe(r));
        assertTrue(Files.isRegularFile(log), () -> "--log.file must create " + log + describe(r));
        String text = Files.readString(log);
        assertTrue(text.contains("[engine] opt done"), () -> "the compilation log must be in " + log + ", it has:\n" + text + describe(r));
        assertFalse(stderr(r).contains("[engine]"), () -> "the log must not go to stderr" + describe(r));
    }

    @Test
    void cpuSamplerNamesGuestFunctions() {
        GuestPrograms.RunResult r = run("--cpusampler", "--cpusampler.Period=2", binary("O2-rv64gc", "recursion/fib").toString());
        assertEquals(0, r.status(), () -> "exit status" + describe(r));
        String profile = assertProgramOutputFirst("recursion/fib", r);
        assertTrue(profile.contains("Sampling Histogram"), () -> "the sampler's report follows the program's output" + describe(r));
        // One row per guest function, named by its ELF symbol: fib(25) takes tens of milliseconds
        // (interpreted first), main is on the stack all the time.
        for (String function : List.of("fib", "main")) {
            Pattern row = Pattern.compile("(?m)^\\s*" + Pattern.quote(function) + "\\s+\\|\\|");
            assertTrue(row.matcher(profile).find(), () -> "the profile must have a row for the guest function " + function + describe(r));
        }
    }

    @Test
    void cpuTracerCountsGuestFunctionCalls() {
        GuestPrograms.RunResult r = run("--cputracer", binary("O2-rv64gc", "recursion/fib").toString());
        assertEquals(0, r.status(), () -> "exit status" + describe(r));
        String report = assertProgramOutputFirst("recursion/fib", r);
        assertTrue(report.contains("Tracing Histogram"), () -> "the tracer's report follows the program's output" + describe(r));
        for (String function : new String[]{"main", "fib", "__libc_start_call_main"}) {
            assertTrue(java.util.regex.Pattern.compile("(?m)^ " + java.util.regex.Pattern.quote(function) + " +\\| +[1-9]").matcher(report).find(),
                            () -> "the tracer counts calls of " + function + describe(r));
        }
    }
}
