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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import org.graalvm.launcher.AbstractLanguageLauncher;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptor;
import org.graalvm.options.OptionStability;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.Instrument;
import org.graalvm.polyglot.Language;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * {@code rv [OPTIONS] PROGRAM [ARGS...]}: runs a static RISC-V Linux program like
 * {@code qemu-riscv64 PROGRAM ARGS...} does, with the same output and exit status.
 *
 * <p>Built on GraalVM's launcher base ({@link AbstractLanguageLauncher}, as the launchers of
 * GraalVM's languages), so it has their conventions: {@code --help:engine},
 * {@code --help:compiler}, {@code --help:tools}, {@code --help:riscv}, {@code --help:all},
 * {@code --engine.*}, {@code --compiler.*}, {@code --riscv.*} (also without the
 * {@code riscv.} prefix), {@code --log.file=FILE}, {@code --log.LOGGER.level=LEVEL},
 * {@code --experimental-options} and the tools' options ({@code --cpusampler},
 * {@code --cputracer}, ...). rvtrace's own options ({@code --strace}, {@code --ftrace=...})
 * are short forms of the language's options ({@code riscv.Strace}, {@code riscv.Ftrace}, ...),
 * which embedders set with {@code Context.Builder.option}.
 *
 * <p>What rv does differently from the base, and why:
 * <ul>
 * <li>Every error in the options or arguments is one line on stderr ({@code rv: ...}) and exit
 * status 2. The base prints {@code ERROR: } with multi-line "Did you mean" suggestions and
 * exits with status 1 for a bad value or an experimental option given without
 * {@code --experimental-options}; its option parser cannot be overridden, so
 * {@link #preprocessArguments} checks every option first, with the same option descriptors
 * the base uses, and what it passes on the base accepts.</li>
 * <li>{@code --help:expert} lists rvtrace's expert options (in the base it is deprecated and
 * prints the plain help), and {@code --help} does not offer {@code --jvm}, {@code --native},
 * {@code --polyglot} and {@code --vm.*}: the rv script starts the JVM, so {@code --vm.*} could
 * not take effect (rv says so; JVM options go in {@code RV_JAVA_OPTS}).</li>
 * <li>The exit status is the program's: {@link #launch(Context.Builder)} ends with
 * {@code exit(status)}, which the base turns into {@code System.exit}.</li>
 * </ul>
 */
public final class Main extends AbstractLanguageLauncher {
    static final String LANGUAGE = "riscv";
    /** The guest runs on a thread of its own with a large stack: guest calls nest as Java calls. */
    private static final long GUEST_STACK_BYTES = 1L << 30;
    private static final int GUEST_CALL_DEPTH = 20_000;
    private static final String INLINING_BUDGET = "compiler.InliningExpansionBudget";
    /** Exit status for an error in the options or arguments. */
    private static final int USAGE = 2;
    private static final String USAGE_LINE = "see rv --help";

    /** rv's short options and the language options they set (riscv.NAME). */
    private static final Map<String, String> SHORT_OPTIONS = new LinkedHashMap<>();
    /** The short options that are flags: given without a value. */
    private static final Set<String> SHORT_FLAGS = Set.of("strace", "ftrace-sites");

    static {
        SHORT_OPTIONS.put("strace", "Strace");
        SHORT_OPTIONS.put("ftrace", "Ftrace");
        SHORT_OPTIONS.put("ftrace-filter", "FtraceFilter");
        SHORT_OPTIONS.put("ftrace-notrace", "FtraceNotrace");
        SHORT_OPTIONS.put("ftrace-output", "FtraceOutput");
        SHORT_OPTIONS.put("ftrace-scheme", "FtraceScheme");
        SHORT_OPTIONS.put("ftrace-clock", "FtraceClock");
        SHORT_OPTIONS.put("ftrace-tracing-on", "FtraceTracingOn");
        SHORT_OPTIONS.put("ftrace-sites", "FtraceSites");
    }

    /** What --cputracer counts in rvtrace (in --help). */
    static final String CPUTRACER_LIMITATION = "a function's calls of itself run as a loop inside it and are not counted";
    /** What the standard tools do with rvtrace, for --help. */
    private static final Map<String, String> TOOL_NOTES = Map.of(
                    "cpusampler", ": where the time goes, by guest function (ELF symbol names); --cpusampler=calltree for the call tree.",
                    "cputracer", ": counts calls of guest functions (ELF symbol names); " + CPUTRACER_LIMITATION + ".");

    final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);

    /** The program and its arguments (argv), from the first argument that is not an option. */
    private List<String> programArgs = List.of();
    /** The options the context is built with (the base adds the ones it parses). */
    private Map<String, String> polyglotOptions = Map.of();
    private boolean version;
    private boolean helpExpert;
    private boolean helpVm;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bench") && !Files.isRegularFile(Path.of("bench"))) {
            System.exit(new Bench(new Main()).run(Arrays.copyOfRange(args, 1, args.length)));
        }
        new Main().launch(args);
    }

    @Override
    protected String getLanguageId() {
        return LANGUAGE;
    }

    // ---------------------------------------------------------------- arguments

    @Override
    protected List<String> preprocessArguments(List<String> arguments, Map<String, String> options) {
        this.polyglotOptions = options;
        // rv's defaults; an option given on the command line replaces them (the base parses
        // the arguments passed on after this).
        options.put("riscv.MaxCallDepth", Integer.toString(GUEST_CALL_DEPTH));
        // Smaller compilation units reach native code sooner on a stock JDK, where Graal
        // itself starts cold (measured on the benchmarks: geometric mean 0.63x -> 0.68x of
        // qemu's speed). It is an experimental option: launch() allows experimental options
        // for the context, those from the command line are checked here.
        options.put(INLINING_BUDGET, "3000");

        int end = 0;
        while (end < arguments.size() && arguments.get(end).startsWith("-") && !arguments.get(end).equals("--")) {
            end++;
        }
        boolean experimental = false;
        for (String a : arguments.subList(0, end)) {
            if (a.equals("--experimental-options") || a.equals("--experimental-options=true")) {
                experimental = true;
            } else if (a.equals("--experimental-options=false")) {
                experimental = false;
            }
        }
        List<String> passOn = new ArrayList<>();
        for (String a : arguments.subList(0, end)) {
            if (a.equals("-h")) {
                passOn.add("--help");
                continue;
            }
            if (!a.startsWith("--")) {
                throw usage("unknown option " + a);
            }
            String kv = a.substring(2);
            int eq = kv.indexOf('=');
            String key = eq < 0 ? kv : kv.substring(0, eq);
            String value = eq < 0 ? null : kv.substring(eq + 1);
            String shortFor = SHORT_OPTIONS.get(key);
            if (shortFor != null) {
                if (SHORT_FLAGS.contains(key)) {
                    if (value != null) {
                        throw usage("option --" + key + " takes no value");
                    }
                    options.put(LANGUAGE + "." + shortFor, "true");
                } else {
                    if (value == null) {
                        throw usage("option --" + key + " needs a value (--" + key + "=...)");
                    }
                    options.put(LANGUAGE + "." + shortFor, value);
                }
                continue;
            }
            switch (a) {
                case "--version" -> version = true;
                case "--help:expert" -> helpExpert = true;
                case "--help:vm" -> helpVm = true;
                default -> {
                    checkOption(a, key, value, experimental);
                    passOn.add(a);
                }
            }
        }
        int rest = end < arguments.size() && arguments.get(end).equals("--") ? end + 1 : end;
        programArgs = new ArrayList<>(arguments.subList(rest, arguments.size()));
        return passOn;
    }

    /**
     * Checks an option the base will parse, as it will (same descriptors, same defaults), so
     * that it cannot fail there: a mistake is one line and exit status 2.
     */
    private void checkOption(String arg, String key, String value, boolean experimental) {
        if (key.startsWith("help") || key.equals("experimental-options") && (value == null || value.equals("true") || value.equals("false"))
                        || value == null && (key.equals("jvm") || key.equals("polyglot") || key.equals("version:graalvm") || key.equals("show-version:graalvm"))) {
            return;
        }
        if (key.equals("native") || key.startsWith("vm.")) {
            throw usage(arg + ": rv runs on the JVM the rv script starts; give JVM options in RV_JAVA_OPTS");
        }
        if (key.equals("log.file")) {
            if (value == null || value.isEmpty()) {
                throw usage("option --log.file needs a value (--log.file=FILE)");
            }
            return;
        }
        if (key.startsWith("log.") && key.endsWith(".level") && value != null) {
            try {
                Level.parse(value);
            } catch (IllegalArgumentException e) {
                throw usage("bad log level in " + arg + " (OFF, SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST or ALL)");
            }
            return;
        }
        int dot = key.indexOf('.');
        String group = dot < 0 ? key : key.substring(0, dot);
        OptionDescriptor descriptor = key.isEmpty() ? null : findOptionDescriptor(group, key);
        if (descriptor == null) {
            descriptor = findOptionDescriptor(LANGUAGE, LANGUAGE + "." + key);
        }
        if (descriptor == null) {
            throw usage("unknown option " + arg);
        }
        try {
            descriptor.getKey().getType().convert(value == null ? "true" : value);
        } catch (IllegalArgumentException e) {
            throw usage("bad value in " + arg + ": " + oneLine(e.getMessage()));
        }
        if (!experimental && descriptor.getStability() == OptionStability.EXPERIMENTAL) {
            throw usage("option " + arg + " is experimental: add --experimental-options to use it");
        }
    }

    @Override
    protected AbortException abortUnrecognizedArgument(String argument) {
        // Not reached for arguments preprocessArguments checked; kept to the same form.
        throw usage("unknown option " + argument);
    }

    @Override
    protected void validateArguments(Map<String, String> options) {
        if (programArgs.isEmpty()) {
            throw usage("no program given; usage: rv [OPTIONS] PROGRAM [ARGS...]");
        }
    }

    /** One line on stderr and exit status 2. */
    private AbortException usage(String message) {
        err.println("rv: " + message + " (" + USAGE_LINE + ")");
        throw exit(USAGE);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    // ---------------------------------------------------------------- running

    @Override
    protected void launch(Context.Builder builder) {
        String program = demoOr(programArgs.get(0));
        programArgs.set(0, program);
        Path path = checkProgram(program);
        if (path == null) {
            throw exit(1);
        }
        // Options from the command line were checked (experimental ones need
        // --experimental-options); this allows rv's own default (INLINING_BUDGET).
        builder.allowExperimentalOptions(true);
        throw exit(runGuest(builder, path, programArgs.toArray(new String[0]), polyglotOptions));
    }

    /** The bundled demo's path for the name "demo" (unless there is a file of that name), else the name. */
    static String demoOr(String program) {
        if (program.equals("demo") && !Files.isRegularFile(Path.of(program))) {
            return Path.of(System.getProperty("rvtrace.home", "."), "demo", "demo.elf").toString();
        }
        return program;
    }

    /** The program file if it is a readable regular file, else null (said on stderr). */
    Path checkProgram(String program) {
        Path path = Path.of(program);
        if (!Files.isRegularFile(path)) {
            err.println("rv: " + program + ": " + (Files.exists(path) ? "not a regular file" : "no such file"));
            return null;
        }
        if (!Files.isReadable(path)) {
            err.println("rv: " + program + ": permission denied");
            return null;
        }
        return path;
    }

    /** Runs a checked program file with rv's defaults for the options not given (rv bench). */
    int runProgram(Path program, String[] argv, Map<String, String> options, boolean experimental) {
        options.putIfAbsent("riscv.MaxCallDepth", Integer.toString(GUEST_CALL_DEPTH));
        boolean allowExperimental = experimental;
        if (!options.containsKey(INLINING_BUDGET)) {
            options.put(INLINING_BUDGET, "3000");   // see preprocessArguments
            allowExperimental = true;
        }
        Context.Builder builder = Context.newBuilder(LANGUAGE).options(options).allowExperimentalOptions(allowExperimental);
        return runGuest(builder, program, argv, options);
    }

    private int runGuest(Context.Builder builder, Path program, String[] argv, Map<String, String> options) {
        int[] status = {1};
        Thread guest = new Thread(null, () -> status[0] = runInContext(builder, program, argv, options), "rv-main", GUEST_STACK_BYTES);
        guest.start();
        try {
            guest.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status[0];
    }

    private int runInContext(Context.Builder builder, Path program, String[] argv, Map<String, String> options) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        // The access an embedder would grant a Linux program (the base grants all access).
        builder.allowAllAccess(false)
                        .arguments(LANGUAGE, argv)
                        .in(System.in).out(out).err(err)
                        .allowIO(IOAccess.ALL)
                        .allowCreateThread(true)
                        .allowEnvironmentAccess(EnvironmentAccess.INHERIT);
        try (Context context = builder.build()) {
            warnIfInterpreted(context.getEngine());
            String bad = checkChoices(context.getEngine(), options);
            if (bad != null) {
                err.println("rv: " + bad + " (" + USAGE_LINE + ")");
                return USAGE;
            }
            Source source = Source.newBuilder(LANGUAGE, program.toFile()).build();
            Value result = context.eval(source);
            if (!result.fitsInInt()) {
                err.println("rv: " + program + " evaluated to '" + result + "', not an exit status (--riscv.Library is for embedders)");
                return 1;
            }
            return result.asInt();
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
            // Unknown or malformed options that got this far (rv bench) end here.
            err.println("rv: " + oneLine(e.getMessage()));
            return USAGE;
        } catch (IOException e) {
            err.println("rv: " + program + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("rv: internal error: " + e);
            if (System.getenv("RVTRACE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 70;
        }
    }

    /**
     * A language option whose usage lists its values ({@code nop|function|...}) must have one
     * of them: checked before the program starts, so that {@code --ftrace=bogus} is an error in
     * the options (exit status 2) rather than in the program.
     */
    private static String checkChoices(Engine engine, Map<String, String> options) {
        Language language = engine.getLanguages().get(LANGUAGE);
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!e.getKey().startsWith(LANGUAGE + ".") || e.getValue().isEmpty()) {
                continue;
            }
            OptionDescriptor d = language.getOptions().get(e.getKey());
            String syntax = d == null ? null : d.getUsageSyntax();
            if (syntax == null || !syntax.matches("[\\w.-]+(\\|[\\w.-]+)+")) {
                continue;
            }
            List<String> choices = Arrays.asList(syntax.split("\\|"));
            if (!choices.contains(e.getValue())) {
                return "bad value '" + e.getValue() + "' for " + optionName(e.getKey()) + ": " + String.join(", ", choices);
            }
        }
        return null;
    }

    /** How the user names a language option: its short form if it has one. */
    private static String optionName(String key) {
        String name = key.substring(LANGUAGE.length() + 1);
        for (Map.Entry<String, String> s : SHORT_OPTIONS.entrySet()) {
            if (s.getValue().equals(name)) {
                return "--" + s.getKey();
            }
        }
        return "--" + key;
    }

    private void warnIfInterpreted(Engine engine) {
        if (engine.getImplementationName().contains("Interpreted")) {
            err.println("rv: warning: no JIT compiler available (Truffle runtime 'Interpreted'): guest code will run very slowly. "
                            + "Use JDK >= 25 with the JVMCI flags the rv script passes.");
        }
    }

    // ---------------------------------------------------------------- version and help

    @Override
    protected boolean runLauncherAction() {
        if (helpExpert) {
            printExpertHelp();
            return true;
        }
        if (helpVm) {
            // The base lists --vm.* options, which only its native launchers can apply.
            println("rv runs on the JVM the rv script starts: give JVM options in the environment variable RV_JAVA_OPTS,");
            println("e.g. RV_JAVA_OPTS=-Xmx4g ./rv PROGRAM. The script's own JVM options are in the rv file.");
            return true;
        }
        if (super.runLauncherAction()) {
            return true;
        }
        if (version) {
            printVersion();
            return true;
        }
        return false;
    }

    @Override
    protected void printVersion() {
        try (Engine engine = helpEngine()) {
            var lang = engine.getLanguages().get(LANGUAGE);
            System.out.println("rvtrace " + (lang == null ? "?" : lang.getVersion()) + " (RISC-V RV64GC Linux user mode)");
            System.out.println("Truffle runtime: " + engine.getImplementationName() + " " + engine.getVersion() + ", Java "
                            + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
            // The JVM says "sharing" when it mapped a class data archive: rv's start-up cache.
            boolean cached = System.getProperty("java.vm.info", "").contains("sharing");
            System.out.println("Start-up cache: " + (cached ? "in use" : "none (slower start; rv makes one when it builds with a JDK that has jlink)"));
        }
    }

    private static Engine helpEngine() {
        return Engine.newBuilder().useSystemProperties(false).out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                        .option("engine.WarnInterpreterOnly", "false").build();
    }

    /** rv --help (and the base's fallback for a help topic it does not know). */
    @Override
    protected void printDefaultHelp(OptionCategory category) {
        printHelp(category);
    }

    @Override
    protected void printHelp(OptionCategory maxCategory) {
        try (Engine engine = helpEngine()) {
            OptionDescriptorsView lang = new OptionDescriptorsView(engine);
            println("Usage: rv [OPTIONS] PROGRAM [ARGS...]");
            println("       rv demo");
            println("       rv bench ftrace-ops|patch-stress|repeat [BENCH OPTIONS]");
            println("");
            println("Runs a statically linked RISC-V 64-bit Linux program (RV64GC, ELF) the way qemu-riscv64 does:");
            println("same output, same exit status.");
            println("");
            println("Options:");
            lang.printShort("strace");
            println("");
            println("Function tracing (the program must be built with -fpatchable-function-entry=8,4");
            println("-falign-functions=8, or =4,2 for rv64g without C):");
            for (String s : SHORT_OPTIONS.keySet()) {
                if (s.startsWith("ftrace")) {
                    lang.printShort(s);
                }
            }
            println("The program can switch tracing itself through /sys/kernel/tracing/tracing_on");
            println("and /sys/kernel/tracing/current_tracer.");
            List<OptionDescriptor> others = lang.withoutShortForm(OptionCategory.USER);
            if (!others.isEmpty()) {
                println("");
                println("Other rvtrace options:");
                for (OptionDescriptor d : others) {
                    lang.print(d);
                }
            }
            println("");
            println("These are the language options riscv.NAME (--strace is riscv.Strace, --ftrace-filter");
            println("riscv.FtraceFilter, ...): --riscv.NAME=VALUE sets them too, as Context.Builder.option does.");
            println("");
            println("Runtime options:");
            launcherOption("--version", "Print rvtrace's version and the Truffle runtime in use.");
            launcherOption("--help", "Print this help message.");
            launcherOption("--help:expert", "Print rvtrace's expert options too.");
            launcherOption("--help:engine", "Print Truffle engine options.");
            launcherOption("--help:compiler", "Print Graal compiler options.");
            launcherOption("--help:tools", "Print the tools' options (--help:cpusampler, --help:cputracer, ...).");
            launcherOption("--help:all", "Print all options.");
            launcherOption("--experimental-options", "Allow options marked experimental.");
            launcherOption("--riscv.NAME=VALUE", "A language option, e.g. --riscv.MaxCallDepth=1000 (the riscv. may be left out).");
            launcherOption("--engine.NAME=VALUE", "A Truffle engine option, e.g. --engine.TraceCompilation.");
            launcherOption("--compiler.NAME=VALUE", "A Graal compiler option.");
            launcherOption("--log.file=FILE", "Write Truffle's log (e.g. what --engine.TraceCompilation reports) to FILE instead of stderr.");
            launcherOption("--log.[logger].level=LEVEL", "Set a logger's level: OFF, SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST or ALL.");
            List<Instrument> tools = new ArrayList<>(engine.getInstruments().values());
            tools.removeIf(t -> t.getOptions().get(t.getId()) == null);
            tools.sort((a, b) -> a.getId().compareTo(b.getId()));
            if (!tools.isEmpty()) {
                println("");
                println("Tools (--help:ID lists a tool's options; reports go to stdout after the program's output");
                println("unless --ID.OutputFile=FILE):");
                for (Instrument t : tools) {
                    launcherOption("--" + t.getId(), t.getName() + TOOL_NOTES.getOrDefault(t.getId(), "."));
                }
            }
            println("");
            System.out.print(Bench.HELP);
        }
    }

    /** rv --help:expert: rvtrace's options, expert ones included, and the defaults rv sets. */
    private void printExpertHelp() {
        try (Engine engine = helpEngine()) {
            OptionDescriptorsView lang = new OptionDescriptorsView(engine);
            println("rvtrace's options (rv --help has the short forms: --strace, --ftrace=..., ...).");
            println("");
            println("User options:");
            for (OptionDescriptor d : lang.all(OptionCategory.USER)) {
                lang.print(d);
            }
            println("");
            println("Expert options:");
            for (OptionDescriptor d : lang.all(OptionCategory.EXPERT)) {
                lang.print(d);
            }
            println("");
            println("Unless given, rv sets --riscv.MaxCallDepth=" + GUEST_CALL_DEPTH + " and --" + INLINING_BUDGET + "=3000");
            println("(smaller compilation units: compiled code sooner on a stock JDK, where Graal starts cold).");
            println("Truffle engine and Graal compiler options: rv --help:engine, rv --help:compiler; tools: rv --help:tools.");
        }
    }

    /** The language's option descriptors, printed in the base's layout. */
    private final class OptionDescriptorsView {
        private final List<OptionDescriptor> descriptors = new ArrayList<>();

        OptionDescriptorsView(Engine engine) {
            Language language = engine.getLanguages().get(LANGUAGE);
            if (language != null) {
                language.getOptions().forEach(descriptors::add);
            }
            descriptors.removeIf(OptionDescriptor::isDeprecated);
            descriptors.sort((a, b) -> a.getName().compareTo(b.getName()));
        }

        List<OptionDescriptor> all(OptionCategory category) {
            return descriptors.stream().filter(d -> d.getCategory() == category).toList();
        }

        List<OptionDescriptor> withoutShortForm(OptionCategory category) {
            return all(category).stream().filter(d -> !SHORT_OPTIONS.containsValue(d.getName().substring(LANGUAGE.length() + 1))).toList();
        }

        void printShort(String shortName) {
            OptionDescriptor d = find(LANGUAGE + "." + SHORT_OPTIONS.get(shortName));
            String syntax = d == null || SHORT_FLAGS.contains(shortName) ? null : d.getUsageSyntax();
            String option = "--" + shortName + (SHORT_FLAGS.contains(shortName) ? "" : "=" + (syntax == null ? "VALUE" : syntax));
            launcherOption(option, d == null ? "" : d.getHelp());
        }

        void print(OptionDescriptor d) {
            String syntax = d.getUsageSyntax();
            if (syntax == null || syntax.isEmpty()) {
                syntax = d.getKey().getDefaultValue() instanceof Boolean ? null : "<value>";
            }
            String experimental = d.getStability() == OptionStability.EXPERIMENTAL ? " [experimental]" : "";
            launcherOption("--" + d.getName() + (syntax == null ? "" : "=" + syntax), d.getHelp() + experimental);
        }

        private OptionDescriptor find(String name) {
            for (OptionDescriptor d : descriptors) {
                if (d.getName().equals(name)) {
                    return d;
                }
            }
            return null;
        }
    }
}
