package org.rvtrace.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * {@code rv [OPTIONS] PROGRAM [ARGS...]}: runs a static RISC-V Linux program like
 * {@code qemu-riscv64 PROGRAM ARGS...} does, with the same output and exit status.
 */
public final class Main {
    static final String LANGUAGE = "riscv";
    /** The guest runs on a thread of its own with a large stack: guest calls nest as Java calls. */
    private static final long GUEST_STACK_BYTES = 1L << 30;
    private static final int GUEST_CALL_DEPTH = 20_000;
    private static final String INLINING_BUDGET = "compiler.InliningExpansionBudget";

    /** The --ftrace* options with a value, and the language options they set. */
    private static final Map<String, String> FTRACE_OPTIONS = Map.of(
                    "ftrace", "riscv.Ftrace",
                    "ftrace-output", "riscv.FtraceOutput",
                    "ftrace-filter", "riscv.FtraceFilter",
                    "ftrace-notrace", "riscv.FtraceNotrace",
                    "ftrace-scheme", "riscv.FtraceScheme",
                    "ftrace-clock", "riscv.FtraceClock",
                    "ftrace-tracing-on", "riscv.FtraceTracingOn");

    final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);

    public static void main(String[] args) {
        System.exit(new Main().run(args));
    }

    int run(String[] args) {
        if (args.length > 0 && args[0].equals("bench") && !Files.isRegularFile(Path.of("bench"))) {
            return new Bench(this).run(Arrays.copyOfRange(args, 1, args.length));
        }
        Map<String, String> options = new HashMap<>();
        List<String> rest = new ArrayList<>();
        boolean version = false;
        boolean experimental = false;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.equals("--")) {
                if (a.equals("--")) {
                    i++;
                }
                break;
            }
            switch (a) {
                case "--help", "-h" -> {
                    printHelp();
                    return 0;
                }
                case "--version" -> version = true;
                case "--strace" -> options.put("riscv.Strace", "true");
                case "--ftrace-sites" -> options.put("riscv.FtraceSites", "true");
                case "--experimental-options" -> experimental = true;
                default -> {
                    String kv = a.substring(2);
                    int eq = kv.indexOf('=');
                    String key = eq < 0 ? kv : kv.substring(0, eq);
                    String ftrace = FTRACE_OPTIONS.get(key);
                    if (ftrace != null) {
                        if (eq < 0) {
                            return usage("option " + a + " needs a value (" + a + "=...)");
                        }
                        options.put(ftrace, kv.substring(eq + 1));
                        continue;
                    }
                    if (!key.contains(".")) {
                        return usage("unknown option " + a);
                    }
                    options.put(key, eq < 0 ? "true" : kv.substring(eq + 1));
                }
            }
        }
        for (; i < args.length; i++) {
            rest.add(args[i]);
        }
        if (version) {
            printVersion();
            return 0;
        }
        if (rest.isEmpty()) {
            return usage("no program given");
        }
        String program = rest.get(0);
        if (program.equals("demo") && !Files.isRegularFile(Path.of(program))) {
            String home = System.getProperty("rvtrace.home", ".");
            program = Path.of(home, "demo", "demo.elf").toString();
            rest.set(0, program);
        }
        Path path = Path.of(program);
        if (!Files.isRegularFile(path)) {
            err.println("rv: " + program + ": " + (Files.exists(path) ? "not a regular file" : "no such file"));
            return 1;
        }
        if (!Files.isReadable(path)) {
            err.println("rv: " + program + ": permission denied");
            return 1;
        }
        return launch(path, rest.toArray(new String[0]), options, experimental);
    }

    /** Runs a checked program file with rv's defaults for the options not given (rv PROGRAM, rv bench). */
    int launch(Path program, String[] argv, Map<String, String> options, boolean experimental) {
        options.putIfAbsent("riscv.MaxCallDepth", Integer.toString(GUEST_CALL_DEPTH));
        if (!options.containsKey(INLINING_BUDGET)) {
            // Smaller compilation units reach native code sooner on a stock JDK, where Graal
            // itself starts cold (measured on the benchmarks: geometric mean 0.63x -> 0.68x
            // of qemu's speed). It is an experimental option, so it needs the permission.
            options.put(INLINING_BUDGET, "3000");
            experimental = true;
        }
        return runGuest(program, argv, options, experimental);
    }

    private int runGuest(Path program, String[] argv, Map<String, String> options, boolean experimental) {
        int[] status = {1};
        Thread guest = new Thread(null, () -> status[0] = runInContext(program, argv, options, experimental), "rv-main", GUEST_STACK_BYTES);
        guest.start();
        try {
            guest.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status[0];
    }

    private int runInContext(Path program, String[] argv, Map<String, String> options, boolean experimental) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        Context.Builder builder = Context.newBuilder(LANGUAGE)
                        .arguments(LANGUAGE, argv)
                        .in(System.in).out(out).err(err)
                        .allowIO(IOAccess.ALL)
                        .allowCreateThread(true)
                        .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                        .allowExperimentalOptions(experimental);
        try {
            builder.options(options);
            try (Context context = builder.build()) {
                warnIfInterpreted(context.getEngine());
                Source source = Source.newBuilder(LANGUAGE, program.toFile()).build();
                Value result = context.eval(source);
                return result.asInt();
            }
        } catch (PolyglotException e) {
            if (e.isExit()) {
                return e.getExitStatus();
            }
            if (e.isInternalError()) {
                err.println("rv: internal error: " + e.getMessage());
                if (System.getenv("RVTRACE_DEBUG") != null) {
                    e.printStackTrace(err);
                } else {
                    err.println("rv: (set RVTRACE_DEBUG=1 for the Java stack trace, and please report it)");
                }
                return 70;
            }
            err.println("rv: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            // Unknown or malformed --engine./--riscv. options end here.
            err.println("rv: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("rv: " + program + ": " + e.getMessage());
            return 1;
        }
    }

    private void warnIfInterpreted(Engine engine) {
        if (engine.getImplementationName().contains("Interpreted")) {
            err.println("rv: warning: no JIT compiler available (Truffle runtime 'Interpreted'): guest code will run very slowly. "
                            + "Use JDK >= 25 with the JVMCI flags the rv script passes.");
        }
    }

    private void printVersion() {
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            var lang = engine.getLanguages().get(LANGUAGE);
            System.out.println("rvtrace " + (lang == null ? "?" : lang.getVersion()) + " (RISC-V RV64GC Linux user mode)");
            System.out.println("Truffle runtime: " + engine.getImplementationName() + " " + engine.getVersion() + ", Java "
                            + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        }
    }

    private void printHelp() {
        System.out.println("""
                        Usage: rv [OPTIONS] PROGRAM [ARGS...]
                               rv demo
                               rv bench ftrace-ops [BENCH OPTIONS]

                        Runs a statically linked RISC-V 64-bit Linux program (RV64GC, ELF) the way
                        qemu-riscv64 does: same output, same exit status.

                        Options:
                          --strace              print each system call and its result to stderr

                        Function tracing (the program must be built with -fpatchable-function-entry=8,4
                        -falign-functions=8, or =4,2 for rv64g without C):
                          --ftrace=TRACER       nop, function, function_graph or profile
                          --ftrace-filter=GLOBS trace only matching functions (comma separated, Linux globs)
                          --ftrace-notrace=GLOBS never trace matching functions
                          --ftrace-output=FILE  write the trace to FILE instead of stderr
                          --ftrace-scheme=S     call-ops (default), call-ops-2023 or list
                          --ftrace-clock=C      local (default, time) or counter (reproducible)
                          --ftrace-tracing-on=B start with recording on (true) or off (false)
                          --ftrace-sites        list every patch site and its state before running
                        The program can switch tracing itself through /sys/kernel/tracing/tracing_on
                        and /sys/kernel/tracing/current_tracer.
                          --version             print rvtrace's version and the Truffle runtime in use
                          --help                this text
                          --experimental-options  allow options marked experimental
                          --riscv.NAME=VALUE    a language option (e.g. --riscv.MaxCallDepth=1000)
                          --engine.NAME=VALUE   a Truffle engine option (e.g. --engine.TraceCompilation)
                          --compiler.NAME=VALUE a Graal compiler option

                        """ + Bench.HELP);
    }

    private int usage(String message) {
        err.println("rv: " + message);
        err.println("usage: rv [OPTIONS] PROGRAM [ARGS...]   (rv --help for more)");
        return 2;
    }
}
