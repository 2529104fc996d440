package org.rvtrace.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rv bench ...}: benchmarks that run inside the rv process.
 * <ul>
 * <li>{@code ftrace-ops [OPTIONS]}: Linux's samples/ftrace/ftrace-ops benchmark on rvtrace.
 * The ops (the module's half) are the ftrace runtime's built-in sample
 * ({@code riscv.FtraceSample=ftrace-ops:...}); the calls and the timing (the module's loop)
 * are the guest program benchmarks/ftrace-ops/ftrace_ops.c, run in this process the way
 * {@code rv PROGRAM} runs a program. benchmarks/ftrace-ops.py runs the whole table.</li>
 * <li>{@code patch-stress}: harts calling traced functions while tracing is switched.</li>
 * <li>{@code repeat}: a program run again in the same JVM (benchmarks/compare-qemu.py --warm-jvm).</li>
 * </ul>
 */
final class Bench {
    static final String HELP = """
                    rv bench repeat [--times=N] [--NAME.OPTION=VALUE...] PROGRAM [ARGS...]
                      Runs PROGRAM N times (default 2) one after the other in this JVM, each time in a new
                      context and engine: no compiled guest code is carried over, but the JVM is warm
                      (Graal's own code and rvtrace's, compiled by HotSpot during the first run). After
                      each run: "repeat: run K of N: T s (exit S)" on stderr. The first run against the
                      others is what starting a cold JVM costs (benchmarks/compare-qemu.py --warm-jvm).

                    rv bench patch-stress [--scheme=S] [--harts=N] [--toggles=K] [--churn]
                      N harts (default 2) call traced functions in a loop while a host thread switches
                      tracing on them K times (default 1000): call-ops patches with single atomic
                      stores and never stops the harts; list rewrites two instructions per site under
                      stop_machine (every hart parked at a safepoint). --churn also starts and joins
                      short-lived threads meanwhile. Last line: "patch-stress: scheme=S harts=N
                      toggles=K calls=C traced=T errors=E max_stall_us=M total_stall_us=U".

                    rv bench ftrace-ops [OPTIONS]
                      Linux's samples/ftrace/ftrace-ops benchmark: calls tracee_relevant CALLS times per
                      round while R ftrace ops trace it and I ops trace tracee_irrelevant, and prints
                      "Attempted N calls to tracee_relevant in T ns (X ns / call)" (median round, after
                      the JIT warmed up) and "ns/call: ..." with more precision.
                      --scheme=S            call-ops (default), call-ops-2023 or list
                      --relevant=R          ops tracing tracee_relevant (default 1; 0: the untraced call)
                      --irrelevant=I        ops tracing tracee_irrelevant, never called (default 0)
                      --save-regs           register the ops with SAVE_REGS
                      --calls=N             calls per round (default 100000, as the kernel module)
                      --warmup=MS           warm-up before measuring, in ms (default 2000, see ftrace_ops.c)
                      --rounds=K            measured rounds, the median is reported (default 21)
                      --NAME.OPTION=VALUE   passed on (--engine.*, --compiler.*, --riscv.*; experimental
                                            ones need --experimental-options). Unless given, rv bench sets
                                            --engine.BackgroundCompilation=false: the warm-up then ends in
                                            compiled code (benchmarks/README.md says why)
                      The guest is <rvtrace>/benchmarks/target/ftrace_ops, built with make when missing or
                      older than benchmarks/ftrace-ops/ftrace_ops.c. benchmarks/ftrace-ops.py runs the table.
                    """;

    private static final List<String> SCHEMES = List.of("call-ops", "call-ops-2023", "list");
    private static final int MAX_OPS = 1000;
    private static final int MAX_ROUNDS = 1000;
    private static final String GUEST = "ftrace_ops";

    private final Main main;

    Bench(Main main) {
        this.main = main;
    }

    int run(String[] args) {
        if (args.length == 0) {
            return usage("which benchmark? (ftrace-ops, patch-stress, repeat)");
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(HELP);
            return 0;
        }
        if (args[0].equals("patch-stress")) {
            return patchStress(args);
        }
        if (args[0].equals("repeat")) {
            return repeat(args);
        }
        if (!args[0].equals("ftrace-ops")) {
            return usage("unknown benchmark '" + args[0] + "' (ftrace-ops, patch-stress, repeat)");
        }
        Args parsed;
        String scheme;
        long relevant;
        long irrelevant;
        long calls;
        long warmupMs;
        long rounds;
        try {
            parsed = Args.parse(args, Set.of("scheme", "relevant", "irrelevant", "calls", "warmup", "rounds"), Set.of("save-regs"));
            if (parsed.help) {
                System.out.print(HELP);
                return 0;
            }
            relevant = parsed.number("relevant", 1, 0, MAX_OPS);
            irrelevant = parsed.number("irrelevant", 0, 0, MAX_OPS);
            calls = parsed.number("calls", 100_000, 1, 1L << 40);
            warmupMs = parsed.number("warmup", 2000, 0, 3_600_000);
            rounds = parsed.number("rounds", 21, 1, MAX_ROUNDS);
            scheme = parsed.scheme();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        boolean saveRegs = parsed.flag("save-regs");
        boolean experimental = parsed.experimental;
        Map<String, String> options = parsed.options;
        if (relevant + irrelevant > MAX_OPS) {
            return usage("--relevant plus --irrelevant must be at most " + MAX_OPS);
        }

        Path home = Path.of(System.getProperty("rvtrace.home", ".")).toAbsolutePath().normalize();
        Path guest = home.resolve("benchmarks").resolve("target").resolve(GUEST);
        if (!ensureBuilt(home, guest, home.resolve("benchmarks").resolve("ftrace-ops").resolve(GUEST + ".c"))) {
            return 1;
        }

        String sample = "ftrace-ops:relevant=" + relevant + ",irrelevant=" + irrelevant + (saveRegs ? ",save-regs" : "");
        options.put("riscv.Ftrace", "nop");
        options.put("riscv.FtraceScheme", scheme);
        options.put("riscv.FtraceSample", sample);
        // Compile on the guest's thread when a call target gets hot, rather than on Graal's
        // background thread: the warm-up then ends with the measured loop compiled (tracee,
        // ftrace_caller and callback inlined), instead of depending on how busy the
        // compiler thread was. Measured on 2 cores with background compilation: the same
        // call-ops cell gave 12 ns/call in one run and 117 ns/call (still Tier-1 code) in
        // the next. It changes when code is compiled, not the compiled code.
        options.putIfAbsent("engine.BackgroundCompilation", "false");
        // As the module's pr_info at load: what is registered (stderr; stdout is the guest's).
        main.err.printf("ftrace_ops: registering:%n  relevant ops: %d%n    tracee: tracee_relevant%n    tracer: ops_func_count%n"
                        + "  irrelevant ops: %d%n    tracee: tracee_irrelevant%n    tracer: ops_func_nop%n  saving registers: %s%n"
                        + "  scheme: %s%n", relevant, irrelevant, saveRegs ? "YES" : "NO", scheme);
        String[] argv = {guest.toString(), Long.toString(calls), Long.toString(warmupMs), Long.toString(rounds)};
        return main.runProgram(guest, argv, options, experimental);
    }

    /**
     * {@code rv bench patch-stress [--scheme=S] [--harts=N] [--toggles=K] [--churn]}: N harts
     * call traced functions while tracing on them is switched K times (issue 5); the last
     * line is the sample's "patch-stress: scheme=... errors=E max_stall_us=M ..." summary.
     */
    private int patchStress(String[] args) {
        Args parsed;
        String scheme;
        long harts;
        long toggles;
        try {
            parsed = Args.parse(args, Set.of("scheme", "harts", "toggles"), Set.of("churn"));
            if (parsed.help) {
                System.out.print(HELP);
                return 0;
            }
            harts = parsed.number("harts", 2, 1, 64);
            toggles = parsed.number("toggles", 1000, 0, 10_000_000);
            scheme = parsed.scheme();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        boolean churn = parsed.flag("churn");
        boolean experimental = parsed.experimental;
        Map<String, String> options = parsed.options;
        Path home = Path.of(System.getProperty("rvtrace.home", ".")).toAbsolutePath().normalize();
        Path guest = home.resolve("benchmarks").resolve("target").resolve("patch_stress");
        if (!ensureBuilt(home, guest, home.resolve("benchmarks").resolve("patch-stress").resolve("patch_stress.c"))) {
            return 1;
        }
        options.put("riscv.Ftrace", "nop");
        options.put("riscv.FtraceScheme", scheme);
        options.put("riscv.FtraceSample", "patch-stress:toggles=" + toggles);
        List<String> argv = new ArrayList<>(List.of(guest.toString(), Long.toString(harts)));
        if (churn) {
            argv.add("churn");
        }
        return main.runProgram(guest, argv.toArray(new String[0]), options, experimental);
    }

    /**
     * {@code rv bench repeat [--times=N] [OPTIONS] PROGRAM [ARGS...]}: the program N times in
     * this JVM, each in a new context (with its own engine, so nothing compiled is shared);
     * the exit status is the last run's.
     */
    private int repeat(String[] args) {
        int first = 1;
        while (first < args.length && args[first].startsWith("-")) {
            first++;
        }
        Args parsed;
        long times;
        try {
            parsed = Args.parse(Arrays.copyOf(args, first), Set.of("times"), Set.of());
            if (parsed.help) {
                System.out.print(HELP);
                return 0;
            }
            times = parsed.number("times", 2, 1, 1000);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (first == args.length) {
            return usage("repeat: no program given");
        }
        Path program = main.checkProgram(Main.demoOr(args[first]));
        if (program == null) {
            return 1;
        }
        String[] argv = Arrays.copyOfRange(args, first, args.length);
        argv[0] = program.toString();
        int status = 0;
        for (long k = 1; k <= times; k++) {
            long start = System.nanoTime();
            status = main.runProgram(program, argv, new HashMap<>(parsed.options), parsed.experimental);
            double seconds = (System.nanoTime() - start) / 1e9;
            main.err.printf("repeat: run %d of %d: %.3f s (exit %d)%n", k, times, seconds, status);
        }
        return status;
    }

    /**
     * A benchmark's arguments after its name: {@code --KEY=VALUE} for the keys it knows,
     * {@code --FLAG}, and {@code --NAME.OPTION=VALUE} passed on to the engine or language.
     */
    private static final class Args {
        final Map<String, String> values = new HashMap<>();
        final Map<String, String> options = new HashMap<>();
        boolean experimental;
        boolean help;

        static Args parse(String[] args, Set<String> valueKeys, Set<String> flagKeys) {
            Args r = new Args();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    r.help = true;
                    continue;
                }
                if (!a.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + a + "'");
                }
                String kv = a.substring(2);
                int eq = kv.indexOf('=');
                String key = eq < 0 ? kv : kv.substring(0, eq);
                String value = eq < 0 ? null : kv.substring(eq + 1);
                if (valueKeys.contains(key)) {
                    if (value == null || value.isEmpty()) {
                        throw new IllegalArgumentException("--" + key + " needs a value (--" + key + "=...)");
                    }
                    r.values.put(key, value);
                } else if (flagKeys.contains(key)) {
                    if (value != null) {
                        throw new IllegalArgumentException("--" + key + " takes no value");
                    }
                    r.values.put(key, "");
                } else if (key.equals("experimental-options")) {
                    r.experimental = true;
                } else if (key.contains(".")) {
                    r.options.put(key, value == null ? "true" : value);
                } else {
                    throw new IllegalArgumentException("unknown option " + a);
                }
            }
            return r;
        }

        boolean flag(String key) {
            return values.containsKey(key);
        }

        String scheme() {
            String value = values.getOrDefault("scheme", "call-ops");
            if (!SCHEMES.contains(value)) {
                throw new IllegalArgumentException("--scheme must be one of " + String.join(", ", SCHEMES) + ", not '" + value + "'");
            }
            return value;
        }

        long number(String key, long otherwise, long min, long max) {
            String value = values.get(key);
            if (value == null) {
                return otherwise;
            }
            try {
                long n = Long.parseLong(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--" + key + " must be a number from " + min + " to " + max + ", not '" + value + "'");
        }
    }

    /** Builds the guest with make when it is missing or older than its source; false (said on stderr) when that fails. */
    private boolean ensureBuilt(Path home, Path guest, Path source) {
        String target = "target/" + guest.getFileName();
        Path makefile = home.resolve("benchmarks").resolve("Makefile");
        try {
            if (Files.isRegularFile(guest) && (!Files.isRegularFile(source)
                            || Files.getLastModifiedTime(guest).compareTo(Files.getLastModifiedTime(source)) >= 0)) {
                return true;
            }
        } catch (IOException e) {
            // rebuild
        }
        if (!Files.isRegularFile(makefile)) {
            main.err.println("rv: bench: " + guest + " is missing and there is no " + makefile + " to build it (is rvtrace.home right?)");
            return false;
        }
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("make", "riscv64-linux-gnu-gcc")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            main.err.println("rv: bench: cannot build " + guest + ": " + String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is")
                            + " not installed (Debian: apt-get install make gcc-riscv64-linux-gnu)");
            return false;
        }
        main.err.println("rv: bench: building " + home.relativize(guest) + " (make -C " + home.resolve("benchmarks") + " " + target + ")");
        try {
            Process p = new ProcessBuilder("make", "-s", "-C", home.resolve("benchmarks").toString(), target)
                            .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try (InputStream out = p.getInputStream()) {
                out.transferTo(main.err);
            }
            int status = p.waitFor();
            if (status != 0 || !Files.isRegularFile(guest)) {
                main.err.println("rv: bench: building " + guest + " failed (make exit status " + status + ")");
                return false;
            }
            return true;
        } catch (IOException e) {
            main.err.println("rv: bench: cannot run make: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    private int usage(String message) {
        main.err.println("rv: bench: " + message);
        main.err.println("usage: rv bench ftrace-ops [--scheme=call-ops|call-ops-2023|list] [--relevant=R] [--irrelevant=I] [--save-regs] "
                        + "[--calls=N] [--warmup=MS] [--rounds=K]");
        main.err.println("       rv bench repeat [--times=N] [--NAME.OPTION=VALUE...] PROGRAM [ARGS...]");
        main.err.println("       rv bench patch-stress [--scheme=call-ops|call-ops-2023|list] [--harts=N] [--toggles=K] [--churn]   (rv --help for more)");
        return 2;
    }
}
