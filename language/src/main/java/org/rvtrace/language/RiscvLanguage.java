package org.rvtrace.language;

import java.io.IOException;
import java.nio.charset.Charset;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.source.Source;

import org.rvtrace.language.elf.ElfFile;
import org.rvtrace.language.elf.ElfFormatException;
import org.rvtrace.language.nodes.ProgramRootNode;
import org.rvtrace.language.runtime.RiscvError;

/**
 * RISC-V as a Truffle language: a "source" is a statically linked RV64 Linux executable,
 * and evaluating it runs the program and yields its exit status.
 */
@TruffleLanguage.Registration(id = RiscvLanguage.ID, name = "RISC-V", implementationName = "rvtrace", version = RiscvLanguage.VERSION,
                defaultMimeType = RiscvLanguage.MIME_TYPE, byteMimeTypes = RiscvLanguage.MIME_TYPE,
                fileTypeDetectors = RiscvLanguage.ElfDetector.class, contextPolicy = TruffleLanguage.ContextPolicy.EXCLUSIVE,
                website = "https://github.com/rvtrace")
@com.oracle.truffle.api.instrumentation.ProvidedTags({com.oracle.truffle.api.instrumentation.StandardTags.RootTag.class,
    com.oracle.truffle.api.instrumentation.StandardTags.RootBodyTag.class})
public final class RiscvLanguage extends TruffleLanguage<RiscvContext> {
    public static final String ID = "riscv";
    public static final String VERSION = "0.1.0";
    public static final String MIME_TYPE = "application/x-riscv-elf";

    @Option(help = "Print every system call and its result to stderr, as qemu's -strace does.", category = OptionCategory.USER,
                    stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> Strace = new OptionKey<>(false);

    @Option(help = "Guest calls kept on the Java stack before it is unwound (deeper recursion still works, more slowly).",
                    category = OptionCategory.EXPERT, stability = OptionStability.STABLE) //
    public static final OptionKey<Integer> MaxCallDepth = new OptionKey<>(400);

    @Option(help = "Forward sd/ld through sp in compiled code everywhere, not only in ftrace's trampolines (for tests: it costs compile "
                    + "time).", category = OptionCategory.INTERNAL, stability = OptionStability.EXPERIMENTAL) //
    public static final OptionKey<Boolean> ForwardStackSlotsEverywhere = new OptionKey<>(false);

    @Option(help = "The ftrace tracer: nop (sites prepared, nothing traced), function, function_graph or profile.", category = OptionCategory.USER,
                    stability = OptionStability.STABLE, usageSyntax = "nop|function|function_graph|profile") //
    public static final OptionKey<String> Ftrace = new OptionKey<>("");

    @Option(help = "Write the trace to this file instead of stderr.", category = OptionCategory.USER, stability = OptionStability.STABLE,
                    usageSyntax = "<file>") //
    public static final OptionKey<String> FtraceOutput = new OptionKey<>("");

    @Option(help = "Trace only functions matching one of these globs (comma separated; Linux set_ftrace_filter rules).",
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<glob>,...") //
    public static final OptionKey<String> FtraceFilter = new OptionKey<>("");

    @Option(help = "Never trace functions matching one of these globs (wins over the filter).", category = OptionCategory.USER,
                    stability = OptionStability.STABLE, usageSyntax = "<glob>,...") //
    public static final OptionKey<String> FtraceNotrace = new OptionKey<>("");

    @Option(help = "How patch sites reach the tracer: call-ops (per-site ops literal, as Linux 6.16), call-ops-2023 (the 2023 proposal's "
                    + "three trampolines) or list (no literal; every site walks the ops list).", category = OptionCategory.USER,
                    stability = OptionStability.STABLE, usageSyntax = "call-ops|call-ops-2023|list") //
    public static final OptionKey<String> FtraceScheme = new OptionKey<>("call-ops");

    @Option(help = "List every patch site (address, function, layout, state) on stderr before the program runs.", category = OptionCategory.USER,
                    stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> FtraceSites = new OptionKey<>(false);

    @Option(help = "Trace timestamps: local (microseconds since start) or counter (an event count, for reproducible traces).",
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "local|counter") //
    public static final OptionKey<String> FtraceClock = new OptionKey<>("local");

    @Option(help = "Whether tracing starts on (as /sys/kernel/tracing/tracing_on; the program may switch it).", category = OptionCategory.USER,
                    stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> FtraceTracingOn = new OptionKey<>(true);

    @Option(help = "Load a built-in ftrace sample, as a kernel sample module: ftrace-ops:relevant=R,irrelevant=I[,save-regs] "
                    + "(the harness of Linux's samples/ftrace/ftrace-ops.c).", category = OptionCategory.EXPERT, stability = OptionStability.STABLE,
                    usageSyntax = "ftrace-ops:relevant=<n>,irrelevant=<n>[,save-regs]") //
    public static final OptionKey<String> FtraceSample = new OptionKey<>("");

    @Option(help = "Load the program as a library: run its start-up (the C library's initialisation) up to main, then evaluate to an "
                    + "object whose members are its symbols (functions can be called, data symbols are pointers) and its memory (a buffer).",
                    category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> Library = new OptionKey<>(false);

    @Option(help = "Most guest memory the program may map, in bytes (0: no limit); mapping more ends it with an error.",
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<bytes>") //
    public static final OptionKey<Long> MemoryLimit = new OptionKey<>(0L);

    @Option(help = "Longest the program may run, in seconds (0: no limit); then it is stopped with an error.", category = OptionCategory.USER,
                    stability = OptionStability.STABLE, usageSyntax = "<seconds>") //
    public static final OptionKey<Double> TimeLimit = new OptionKey<>(0.0);

    @Override
    protected RiscvContext createContext(Env env) {
        return new RiscvContext(this, env);
    }

    @Override
    protected void finalizeContext(RiscvContext context) {
        context.flushOutput();
    }

    @Override
    protected void disposeContext(RiscvContext context) {
        context.dispose();
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new RiscvLanguageOptionDescriptors();
    }

    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        return true;
    }

    @Override
    protected CallTarget parse(ParsingRequest request) throws Exception {
        Source source = request.getSource();
        if (!source.hasBytes()) {
            throw new RiscvError(source.getName() + ": not an ELF file (got text; pass the program as a binary file)");
        }
        ElfFile elf;
        try {
            elf = new ElfFile(source.getBytes().toByteArray());
        } catch (ElfFormatException e) {
            throw new RiscvError(source.getName() + ": " + e.getMessage());
        }
        return new ProgramRootNode(this, elf, source.getName()).getCallTarget();
    }

    /** Recognises ELF files by their magic number, so a file Source is read as bytes. */
    public static final class ElfDetector implements TruffleFile.FileTypeDetector {
        @Override
        public String findMimeType(TruffleFile file) throws IOException {
            try (var in = file.newInputStream()) {
                byte[] magic = in.readNBytes(4);
                if (magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F') {
                    return MIME_TYPE;
                }
            } catch (IOException | SecurityException e) {
                return null;
            }
            return null;
        }

        @Override
        public Charset findEncoding(TruffleFile file) {
            return null;
        }
    }
}
