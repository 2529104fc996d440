package org.rvtrace.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The guest test programs: where they are, how they are built, which flavours each one runs
 * in, and how to run a binary under rvtrace (in-process, polyglot API) and under qemu-riscv64.
 *
 * <p>Layout (the same rules as tests/Makefile): {@code programs/<category>/<name>.c} or
 * {@code .S}, beside it {@code <name>.stdout} (expected stdout), optional {@code <name>.exit}
 * (expected exit status, default 0), {@code <name>.args} (one argument per line),
 * {@code <name>.stdin} and {@code <name>.flavours} (whitespace-separated list of flavours;
 * default: all four for C, O2-rv64gc and O2-rv64g for assembly).
 *
 * <p>System properties: {@code rvtrace.tests.filter} (regex, matched with find() against
 * "flavour/category/name"), {@code rvtrace.tests.qemu} (false: no qemu comparison),
 * {@code rvtrace.tests.timeout} (seconds per guest run, default 60),
 * {@code rvtrace.tests.dir} (the tests directory), {@code rvtrace.options}
 * ("key=value;key=value" engine options for the shared Engine).
 */
final class GuestPrograms {

    static final String LANGUAGE = "riscv";
    /** The flavours a C program is built in unless its .flavours file says otherwise. */
    static final List<String> FLAVOURS = List.of("O0-rv64gc", "O2-rv64gc", "O2-rv64g", "O2-pfe");
    /** Every flavour, the extra ones (only for programs whose .flavours names them) included. */
    static final List<String> ALL_FLAVOURS = List.of("O0-rv64gc", "O2-rv64gc", "O2-rv64g", "O2-pfe", "O2-pfe-rv64g");
    static final List<String> ASM_FLAVOURS = List.of("O2-rv64gc", "O2-rv64g");
    static final String CROSS_GCC = "riscv64-linux-gnu-gcc";
    static final String QEMU = "qemu-riscv64";

    private GuestPrograms() {
    }

    // ---------------------------------------------------------------- locations

    /** The tests directory (tests/ of the repository): Maven runs tests with it as the cwd. */
    static Path testsDir() {
        String prop = System.getProperty("rvtrace.tests.dir");
        if (prop != null) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path p : new Path[] {cwd, cwd.resolve("tests")}) {
            if (Files.isDirectory(p.resolve("programs")) && Files.isRegularFile(p.resolve("Makefile"))) {
                return p.normalize();
            }
        }
        throw new IllegalStateException("cannot find the tests directory (with programs/ and Makefile) from " + cwd
                + "; run from the repository root or tests/, or set -Drvtrace.tests.dir");
    }

    static Path repoRoot() {
        return testsDir().getParent();
    }

    static Path programsDir() {
        return testsDir().resolve("programs");
    }

    static Path outDir() {
        return testsDir().resolve("target").resolve("guests");
    }

    static long timeoutSeconds() {
        return Long.getLong("rvtrace.tests.timeout", 60L);
    }

    static Pattern filter() {
        String f = System.getProperty("rvtrace.tests.filter");
        return f == null || f.isEmpty() ? null : Pattern.compile(f);
    }

    // ---------------------------------------------------------------- tools

    /** The absolute path of an executable on PATH, or null. */
    static Path onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Paths.get(dir, exe);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static boolean qemuWanted() {
        return !"false".equalsIgnoreCase(System.getProperty("rvtrace.tests.qemu", "true")) && onPath(QEMU) != null;
    }

    // ---------------------------------------------------------------- build

    private static String buildFailure;
    private static boolean built;

    /** Runs {@code make -C tests -j2 OUT=target/guests} once per JVM; throws with make's output on failure. */
    static synchronized void build() {
        if (built) {
            return;
        }
        if (buildFailure != null) {
            throw new IllegalStateException(buildFailure);
        }
        if (onPath(CROSS_GCC) == null) {
            buildFailure = CROSS_GCC + " is not on PATH: the guest test programs cannot be built. "
                    + "Install the cross compiler: apt-get install gcc-riscv64-linux-gnu "
                    + "(and qemu-user for the comparison with qemu-riscv64).";
            throw new IllegalStateException(buildFailure);
        }
        if (onPath("make") == null) {
            buildFailure = "make is not on PATH: the guest test programs cannot be built (apt-get install make)";
            throw new IllegalStateException(buildFailure);
        }
        Path tests = testsDir();
        try {
            Path log = Files.createTempFile("rvtrace-guest-build", ".log");
            try {
                Process p = new ProcessBuilder("make", "-C", tests.toString(), "-j2", "OUT=" + outDir())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!p.waitFor(30, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    buildFailure = "building the guest programs (make -C " + tests + ") did not finish in 30 minutes";
                    throw new IllegalStateException(buildFailure);
                }
                if (p.exitValue() != 0) {
                    String out = Files.readString(log, StandardCharsets.UTF_8);
                    buildFailure = "building the guest programs failed (make -C " + tests + " exited with "
                            + p.exitValue() + "):\n" + tail(out, 8000);
                    throw new IllegalStateException(buildFailure);
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            buildFailure = "cannot run make for the guest programs: " + e;
            throw new IllegalStateException(buildFailure, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the guest programs", e);
        }
        built = true;
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }

    // ---------------------------------------------------------------- discovery

    /** One guest program in one flavour. */
    record Case(String flavour, String category, String name, Path source, Path binary) {
        String id() {
            return flavour + "/" + category + "/" + name;
        }

        String program() {
            return category + "/" + name;
        }

        Path sibling(String ext) {
            return source.resolveSibling(name + "." + ext);
        }

        byte[] expectedStdout() {
            Path p = sibling("stdout");
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("missing expected output " + p
                        + " (generate it with: make -C tests expected, then check it)");
            }
            return readBytes(p);
        }

        int expectedExit() {
            Path p = sibling("exit");
            if (!Files.isRegularFile(p)) {
                return 0;
            }
            return Integer.parseInt(readString(p).trim());
        }

        List<String> args() {
            return readArgs(sibling("args"));
        }

        byte[] stdin() {
            Path p = sibling("stdin");
            return Files.isRegularFile(p) ? readBytes(p) : new byte[0];
        }

        Path stdinFile() {
            Path p = sibling("stdin");
            return Files.isRegularFile(p) ? p : null;
        }
    }

    /** Every (flavour, program) pair, ordered by flavour then program, filtered by rvtrace.tests.filter. */
    static List<Case> cases() {
        Path programs = programsDir();
        List<Case> result = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> cats = Files.list(programs)) {
            sources = cats.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().equals("include"))
                    .flatMap(d -> {
                        try (Stream<Path> files = Files.list(d)) {
                            return files.filter(f -> f.toString().endsWith(".c") || f.toString().endsWith(".S"))
                                    .collect(Collectors.toList()).stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pattern filter = filter();
        for (String flavour : ALL_FLAVOURS) {
            for (Path src : sources) {
                String file = src.getFileName().toString();
                boolean asm = file.endsWith(".S");
                String name = file.substring(0, file.length() - 2);
                String category = src.getParent().getFileName().toString();
                List<String> flavours = asm ? ASM_FLAVOURS : FLAVOURS;
                Path fl = src.resolveSibling(name + ".flavours");
                if (Files.isRegularFile(fl)) {
                    flavours = Arrays.asList(readString(fl).trim().split("\\s+"));
                }
                if (!flavours.contains(flavour)) {
                    continue;
                }
                Path bin = outDir().resolve(flavour).resolve(category).resolve(name);
                Case c = new Case(flavour, category, name, src, bin);
                if (filter == null || filter.matcher(c.id()).find()) {
                    result.add(c);
                }
            }
        }
        return result;
    }

    /**
     * One program ({@code "<category>/<name>"}) in one flavour, whatever rvtrace.tests.filter
     * says; throws when the program has no source or is not built in that flavour.
     */
    static Case program(String flavour, String program) {
        int slash = program.indexOf('/');
        String category = program.substring(0, slash);
        String name = program.substring(slash + 1);
        Path dir = programsDir().resolve(category);
        Path src = dir.resolve(name + ".c");
        if (!Files.isRegularFile(src)) {
            src = dir.resolve(name + ".S");
        }
        if (!Files.isRegularFile(src)) {
            throw new IllegalArgumentException("no guest program " + program + " (.c or .S) under " + programsDir());
        }
        List<String> flavours = src.toString().endsWith(".S") ? ASM_FLAVOURS : FLAVOURS;
        Path fl = dir.resolve(name + ".flavours");
        if (Files.isRegularFile(fl)) {
            flavours = Arrays.asList(readString(fl).trim().split("\\s+"));
        }
        if (!flavours.contains(flavour)) {
            throw new IllegalArgumentException(program + " is not built in flavour " + flavour + " (only " + flavours + ")");
        }
        return new Case(flavour, category, name, src, outDir().resolve(flavour).resolve(category).resolve(name));
    }

    /** .args: one argument per line; a final newline does not start another (empty) argument. */
    static List<String> readArgs(Path p) {
        if (!Files.isRegularFile(p)) {
            return Collections.emptyList();
        }
        String s = readString(p);
        if (s.isEmpty()) {
            return Collections.emptyList();
        }
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return Arrays.asList(s.split("\n", -1));
    }

    static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readString(Path p) {
        return new String(readBytes(p), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- running

    /** What one run of a guest produced. {@code error} is set when the run did not complete normally. */
    record RunResult(byte[] stdout, byte[] stderr, int status, String error) {
        boolean completed() {
            return error == null;
        }
    }

    private static Engine engine;

    /** The Engine shared by every in-process run of the test JVM. */
    static synchronized Engine engine() {
        if (engine == null) {
            Engine.Builder b = Engine.newBuilder(LANGUAGE).option("engine.WarnInterpreterOnly", "false");
            String opts = System.getProperty("rvtrace.options");
            if (opts != null && !opts.isBlank()) {
                for (String kv : opts.split(";")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        b.option(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                    }
                }
            }
            engine = b.build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    engine.close(true);
                } catch (RuntimeException ignored) {
                    // best effort at exit
                }
            }));
        }
        return engine;
    }

    /**
     * Runs {@code binary} in-process under rvtrace: argv[0] = the binary's path, then args.
     * Guarded by a timeout: on expiry the context is cancelled with close(true).
     */
    static RunResult runRvtrace(Path binary, List<String> args, byte[] stdin) {
        Engine eng = engine();
        return runRvtrace(binary, args, stdin, b -> b.engine(eng), timeoutSeconds());
    }

    /**
     * Runs {@code binary} in-process like {@link #runRvtrace(Path, List, byte[])}, but the
     * caller chooses the engine: {@code configure} gets the Context.Builder (language,
     * arguments, streams, IO and environment already set) and may add options, a log handler
     * or an explicit engine; without {@code engine(...)} the context has an engine of its own,
     * closed with it. The run is cancelled after {@code timeoutSeconds}.
     */
    static RunResult runRvtrace(Path binary, List<String> args, byte[] stdin, Consumer<Context.Builder> configure,
                    long timeoutSeconds) {
        String[] argv = new String[args.size() + 1];
        argv[0] = binary.toString();
        for (int i = 0; i < args.size(); i++) {
            argv[i + 1] = args.get(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<Context> ctxRef = new AtomicReference<>();
        AtomicReference<Object> outcome = new AtomicReference<>(); // Integer status, or Throwable
        Runnable body = () -> {
            try {
                Context.Builder builder = Context.newBuilder(LANGUAGE)
                        .arguments(LANGUAGE, argv)
                        .in(new ByteArrayInputStream(stdin)).out(out).err(err)
                        .allowIO(IOAccess.ALL).allowCreateThread(true)
                        .environment("RVTRACE_TEST", "1");
                configure.accept(builder);
                Context ctx = builder.build();
                ctxRef.set(ctx);
                try {
                    Value status = ctx.eval(Source.newBuilder(LANGUAGE, binary.toFile()).build());
                    outcome.set(status.asInt());
                } catch (PolyglotException e) {
                    if (e.isExit()) {
                        outcome.set(e.getExitStatus());
                    } else {
                        outcome.set(e);
                    }
                } finally {
                    try {
                        ctx.close();
                    } catch (PolyglotException e) {
                        if (e.isExit()) {
                            outcome.compareAndSet(null, e.getExitStatus());
                        } else if (!e.isCancelled()) {
                            outcome.compareAndSet(null, e);
                        }
                    } catch (IllegalStateException e) {
                        // already closed or still executing after a cancellation: nothing to do
                    }
                }
            } catch (Throwable t) {
                outcome.compareAndSet(null, t);
            }
        };
        long stackBytes = Long.getLong("rvtrace.tests.stackMB", 256L) << 20;
        Thread worker = new Thread(null, body, "guest " + binary.getFileName(), stackBytes);
        worker.setDaemon(true);
        worker.start();
        long timeout = timeoutSeconds;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            Context ctx = ctxRef.get();
            if (ctx != null) {
                Thread closer = new Thread(() -> {
                    try {
                        ctx.close(true);
                    } catch (RuntimeException ignored) {
                        // the run is reported as timed out anyway
                    }
                }, "cancel " + binary.getFileName());
                closer.setDaemon(true);
                closer.start();
                try {
                    closer.join(10_000);
                    worker.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new RunResult(out.toByteArray(), err.toByteArray(), -1,
                    "timed out after " + timeout + " s (context cancelled" + (worker.isAlive() ? ", thread still alive" : "") + ")");
        }
        Object o = outcome.get();
        if (o instanceof Integer status) {
            return new RunResult(out.toByteArray(), err.toByteArray(), status, null);
        }
        String error;
        if (o instanceof Throwable t) {
            StringBuilder sb = new StringBuilder("guest run failed with ").append(t);
            if (t instanceof PolyglotException pe && pe.isGuestException()) {
                sb.append(" (guest exception)");
            }
            sb.append('\n');
            StackTraceElement[] st = t.getStackTrace();
            for (int i = 0; i < Math.min(st.length, 25); i++) {
                sb.append("\tat ").append(st[i]).append('\n');
            }
            error = sb.toString();
        } else {
            error = "guest run produced no status";
        }
        return new RunResult(out.toByteArray(), err.toByteArray(), -1, error);
    }

    /** Runs {@code binary} under qemu-riscv64 as a process with the same argv, stdin and RVTRACE_TEST=1. */
    static RunResult runQemu(Path binary, List<String> args, Path stdinFile) {
        Path qemu = onPath(QEMU);
        if (qemu == null) {
            return new RunResult(new byte[0], new byte[0], -1, QEMU + " not on PATH");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(qemu.toString());
        cmd.add(binary.toString());
        cmd.addAll(args);
        return runProcess(cmd, stdinFile, Map.of("RVTRACE_TEST", "1"), timeoutSeconds());
    }

    /** Runs a process with stdout/stderr going to temp files (no pipe deadlocks); status 128+signal if killed. */
    static RunResult runProcess(List<String> cmd, Path stdinFile, Map<String, String> env, long timeoutSeconds) {
        Path outFile = null;
        Path errFile = null;
        try {
            outFile = Files.createTempFile("rvtrace-out", ".txt");
            errFile = Files.createTempFile("rvtrace-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectOutput(outFile.toFile())
                    .redirectError(errFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(stdinFile != null ? stdinFile.toFile() : new File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new RunResult(Files.readAllBytes(outFile), Files.readAllBytes(errFile), -1,
                        String.join(" ", cmd) + ": timed out after " + timeoutSeconds + " s");
            }
            return new RunResult(Files.readAllBytes(outFile), Files.readAllBytes(errFile), p.exitValue(), null);
        } catch (IOException e) {
            return new RunResult(new byte[0], new byte[0], -1, "cannot run " + String.join(" ", cmd) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunResult(new byte[0], new byte[0], -1, "interrupted");
        } finally {
            try {
                if (outFile != null) {
                    Files.deleteIfExists(outFile);
                }
                if (errFile != null) {
                    Files.deleteIfExists(errFile);
                }
            } catch (IOException ignored) {
                // temp files
            }
        }
    }

    // ---------------------------------------------------------------- reporting

    /** Null when equal, else a readable description of the first difference with some context. */
    static String describeDifference(byte[] expected, byte[] actual, String expectedLabel, String actualLabel) {
        if (Arrays.equals(expected, actual)) {
            return null;
        }
        int n = Math.min(expected.length, actual.length);
        int at = 0;
        while (at < n && expected[at] == actual[at]) {
            at++;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (expected[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("stdout differs at byte ").append(at).append(" (line ").append(line).append(", column ")
                .append(at - lineStart + 1).append("); ").append(expectedLabel).append(" has ")
                .append(expected.length).append(" bytes, ").append(actualLabel).append(" has ")
                .append(actual.length).append(" bytes\n");
        List<String> exp = lines(expected);
        List<String> act = lines(actual);
        int from = Math.max(0, line - 3);
        sb.append("--- ").append(expectedLabel).append(" (lines ").append(from + 1).append("..)\n");
        for (int i = from; i < Math.min(exp.size(), line + 3); i++) {
            sb.append(i + 1 == line ? "> " : "  ").append(escape(exp.get(i))).append('\n');
        }
        sb.append("--- ").append(actualLabel).append(" (lines ").append(from + 1).append("..)\n");
        for (int i = from; i < Math.min(act.size(), line + 3); i++) {
            sb.append(i + 1 == line ? "> " : "  ").append(escape(act.get(i))).append('\n');
        }
        if (act.size() <= from) {
            sb.append("  <end of output after ").append(act.size()).append(" lines>\n");
        }
        return sb.toString();
    }

    private static List<String> lines(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        List<String> l = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 240; i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= 240) {
            sb.append("...");
        }
        return sb.toString();
    }

    static String stderrExcerpt(byte[] stderr) {
        if (stderr.length == 0) {
            return "";
        }
        String s = new String(stderr, StandardCharsets.UTF_8);
        return "\nguest stderr:\n" + tail(s, 3000);
    }
}
