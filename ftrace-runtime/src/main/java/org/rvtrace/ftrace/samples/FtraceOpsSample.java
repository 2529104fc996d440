package org.rvtrace.ftrace.samples;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.filter.FunctionFilter;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.ops.OpsFlags;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.RiscvError;
import org.rvtrace.language.tracing.HostProcedure;

/**
 * The ops half of Linux's {@code samples/ftrace/ftrace-ops.c} (the module that measures
 * what a traced call costs): {@code relevant} ops whose filter is exactly
 * {@code tracee_relevant}, and {@code irrelevant} ops whose filter is exactly
 * {@code tracee_irrelevant}, all with {@code SAVE_REGS} when asked. The guest half, which
 * calls {@code tracee_relevant} and times it, is {@code benchmarks/ftrace-ops/ftrace_ops.c};
 * {@code rv bench ftrace-ops} puts the two together.
 *
 * <p>Loaded by {@code riscv.FtraceSample=ftrace-ops:relevant=R,irrelevant=I[,save-regs]}
 * (defaults as the module's parameters: relevant 1, irrelevant 0, no save-regs).
 *
 * <p>Callbacks, as in the module, one function per kind shared by all ops of the kind (so
 * two host-call stubs whatever R and I are):
 * <ul>
 * <li>{@code ops_func_count} for the relevant ops counts each ops' calls, like the
 * module's {@code ops_func_count} (its {@code check_count} mode): it tells its ops by the
 * ops pointer argument (a2), as the module does with {@code container_of}.</li>
 * <li>{@code ops_func_nop} for the irrelevant ops does nothing but one increment, so
 * that a test can check it never ran ({@link #irrelevantCalls()}; the benchmark never
 * calls {@code tracee_irrelevant}, as the module never does).</li>
 * </ul>
 * Both are plain Java with no boundary, so Graal inlines them into the compiled guest code
 * that calls them: what the benchmark measures is ftrace's path, not a host call.
 * The counters are plain fields (one hart calls them; no synchronization, as in the module).
 */
public final class FtraceOpsSample {
    public static final String NAME = "ftrace-ops";
    public static final String RELEVANT_TRACEE = "tracee_relevant";
    public static final String IRRELEVANT_TRACEE = "tracee_irrelevant";

    /** The sample's parameters (the module's nr_ops_relevant, nr_ops_irrelevant, save_regs). */
    public record Config(int relevant, int irrelevant, boolean saveRegs) {
        /** More ops than fit ftrace's data region (OpsTable) make no sense. */
        public static final int MAX_OPS = 1000;

        public static final Config DEFAULT = new Config(1, 0, false);

        public Config {
            if (relevant < 0 || irrelevant < 0 || relevant + irrelevant > MAX_OPS) {
                throw new RiscvError(String.format("ftrace-ops sample: relevant and irrelevant must be >= 0 and together at most %d (got %d and %d)",
                                MAX_OPS, relevant, irrelevant));
            }
        }

        /**
         * Parses the arguments of the option value, {@code relevant=R,irrelevant=I[,save-regs]}
         * (any order; a missing one keeps its default; empty: all defaults).
         */
        public static Config parse(String args) {
            int relevant = DEFAULT.relevant;
            int irrelevant = DEFAULT.irrelevant;
            boolean saveRegs = DEFAULT.saveRegs;
            List<String> seen = new ArrayList<>();
            for (String item : args.split(",", -1)) {
                String part = item.trim();
                if (part.isEmpty()) {
                    if (args.isBlank()) {
                        break;
                    }
                    throw bad(args, "empty item");
                }
                int eq = part.indexOf('=');
                String key = eq < 0 ? part : part.substring(0, eq).trim();
                String value = eq < 0 ? null : part.substring(eq + 1).trim();
                if (seen.contains(key)) {
                    throw bad(args, key + " given twice");
                }
                seen.add(key);
                switch (key) {
                    case "relevant" -> relevant = count(args, key, value);
                    case "irrelevant" -> irrelevant = count(args, key, value);
                    case "save-regs" -> {
                        if (value != null) {
                            throw bad(args, "save-regs takes no value");
                        }
                        saveRegs = true;
                    }
                    default -> throw bad(args, "unknown parameter '" + key + "'");
                }
            }
            return new Config(relevant, irrelevant, saveRegs);
        }

        private static int count(String args, String key, String value) {
            if (value == null || value.isEmpty()) {
                throw bad(args, key + " needs a number (" + key + "=N)");
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= 0 && n <= MAX_OPS) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(args, key + " must be a number from 0 to " + MAX_OPS + ", not '" + value + "'");
        }

        private static RiscvError bad(String args, String why) {
            return new RiscvError("ftrace-ops sample: " + why + " in '" + args + "' (expected relevant=R,irrelevant=I[,save-regs])");
        }

        /** The option value's argument part that gives this configuration. */
        public String arguments() {
            return "relevant=" + relevant + ",irrelevant=" + irrelevant + (saveRegs ? ",save-regs" : "");
        }

        /**
         * The module's ops are kcalloc'ed, so Linux marks them DYNAMIC: under the old scheme
         * even a lone one is reached through the list function (the kernel's list figures
         * for one relevant ops are a list walk).
         */
        public long flags() {
            return OpsFlags.DYNAMIC | (saveRegs ? OpsFlags.SAVE_REGS : 0);
        }
    }

    private final Config config;
    private final String relevantTracee;
    private final String irrelevantTracee;
    private final List<FtraceOps> relevantOps = new ArrayList<>();
    private final List<FtraceOps> irrelevantOps = new ArrayList<>();
    /** Guest addresses of the relevant ops' structs, index i counted in relevantCounts[i]; fixed before the guest runs. */
    @CompilationFinal(dimensions = 1) private long[] relevantAt = new long[0];
    private final long[] relevantCounts;
    /** ops_func_count calls with an ops pointer that is none of the relevant ops (a bug). */
    private long strayCalls;
    private long irrelevantCalls;

    private FtraceOpsSample(Config config, String relevantTracee, String irrelevantTracee) {
        this.config = config;
        this.relevantTracee = relevantTracee;
        this.irrelevantTracee = irrelevantTracee;
        this.relevantCounts = new long[config.relevant];
    }

    /** What {@code riscv.FtraceSample=ftrace-ops:ARGS} does: registers the ops for the benchmark's two tracees. */
    public static FtraceOpsSample load(Ftrace ftrace, String args) {
        return load(ftrace, Config.parse(args), RELEVANT_TRACEE, IRRELEVANT_TRACEE);
    }

    /**
     * Registers the sample's ops with the given functions as the two tracees (tests use
     * other programs' functions, whose exact call counts are known).
     */
    public static FtraceOpsSample load(Ftrace ftrace, Config config, String relevantTracee, String irrelevantTracee) {
        FtraceOpsSample sample = new FtraceOpsSample(config, relevantTracee, irrelevantTracee);
        sample.register(ftrace);
        ftrace.atEnd(() -> ftrace.report(sample.counts()));
        return sample;
    }

    private void register(Ftrace ftrace) {
        requireSite(ftrace, relevantTracee, config.relevant);
        requireSite(ftrace, irrelevantTracee, config.irrelevant);
        long flags = config.flags();
        if (config.relevant > 0) {
            long func = ftrace.hostFunction("ops_func_count", HostProcedure.leavingMemoryAlone(this::opsFuncCount));
            FunctionFilter filter = new FunctionFilter(List.of(relevantTracee), List.of());
            for (int i = 0; i < config.relevant; i++) {
                relevantOps.add(new FtraceOps("ftrace_ops_relevant_" + i, flags, filter, func, 0));
            }
        }
        if (config.irrelevant > 0) {
            long func = ftrace.hostFunction("ops_func_nop", HostProcedure.leavingMemoryAlone(this::opsFuncNop));
            FunctionFilter filter = new FunctionFilter(List.of(irrelevantTracee), List.of());
            for (int i = 0; i < config.irrelevant; i++) {
                irrelevantOps.add(new FtraceOps("ftrace_ops_irrelevant_" + i, flags, filter, func, 0));
            }
        }
        // The module registers the relevant ops first, then the irrelevant ones; the
        // list is newest first, so a list walk passes every irrelevant ops first.
        for (FtraceOps ops : relevantOps) {
            ftrace.register(ops);
        }
        long[] at = new long[relevantOps.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = relevantOps.get(i).address();
        }
        relevantAt = at;
        for (FtraceOps ops : irrelevantOps) {
            ftrace.register(ops);
        }
    }

    private static void requireSite(Ftrace ftrace, String function, int nops) {
        if (nops == 0) {
            return;
        }
        PatchSite site = ftrace.site(function);
        if (site == null || !site.usable()) {
            throw new RiscvError("ftrace-ops sample: " + ftrace.comm() + " has no " + (site == null ? "" : "usable ") + "patch site for "
                            + function + (site == null ? "" : " (" + site.state.text + ")")
                            + "; the sample is made for benchmarks/ftrace-ops/ftrace_ops.c (rv bench ftrace-ops)");
        }
    }

    // ---------------------------------------------------------------- the callbacks (guest calls them)

    /** ops_func_count(ip, parent_ip, op, fregs): one more call for op. */
    private void opsFuncCount(Hart hart, long ip, long parentIp, long op, long fregs) {
        long[] at = relevantAt;
        for (int i = 0; i < at.length; i++) {
            if (at[i] == op) {
                relevantCounts[i]++;
                return;
            }
        }
        strayCalls++;
    }

    /** ops_func_nop(ip, parent_ip, op, fregs): nothing, but for the count that shows it ran. */
    private void opsFuncNop(Hart hart, long ip, long parentIp, long op, long fregs) {
        irrelevantCalls++;
    }

    // ---------------------------------------------------------------- results

    /**
     * Calls of the relevant ops' callback, all ops together: {@code relevant} times the calls
     * of the relevant tracee when every ops saw every call.
     */
    public long relevantCalls() {
        long sum = 0;
        for (long c : relevantCounts) {
            sum += c;
        }
        return sum;
    }

    /**
     * What the callbacks counted, for the end of the run (the module's ops_check at unload;
     * benchmarks/ftrace-ops.py compares it with the calls the guest made): "ftrace_ops:
     * counted N calls by each of R relevant ops, M by the irrelevant ops, S stray" when the
     * relevant ops agree, else every relevant ops' count.
     */
    public String counts() {
        StringBuilder b = new StringBuilder("ftrace_ops: counted ");
        boolean agree = java.util.Arrays.stream(relevantCounts).distinct().count() <= 1;
        if (agree) {
            b.append(relevantCounts.length == 0 ? 0 : relevantCounts[0]).append(" calls by each of ").append(relevantCounts.length).append(" relevant ops");
        } else {
            b.append("calls by the relevant ops ").append(java.util.Arrays.toString(relevantCounts));
        }
        return b.append(", ").append(irrelevantCalls).append(" by the irrelevant ops, ").append(strayCalls).append(" stray").toString();
    }

    /** Calls of the irrelevant ops' callback, all ops together. */
    public long irrelevantCalls() {
        return irrelevantCalls;
    }

    /** ops_func_count calls whose ops argument was not a relevant ops: always 0 unless ftrace passed a wrong ops. */
    public long strayCalls() {
        return strayCalls;
    }

    /**
     * The module's own check (ops_check with check_count): a line per relevant ops whose
     * count is not the number of calls of the relevant tracee, and one if the irrelevant ops
     * together did not see irrelevant x the calls of the irrelevant tracee (0 in the
     * benchmark); empty when all are right.
     */
    public List<String> check(long relevantTraceeCalls, long irrelevantTraceeCalls) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < relevantCounts.length; i++) {
            if (relevantCounts[i] != relevantTraceeCalls) {
                problems.add(String.format("%s called %d times (expected %d)", relevantOps.get(i).name, relevantCounts[i], relevantTraceeCalls));
            }
        }
        long expected = irrelevantTraceeCalls * config.irrelevant;
        if (irrelevantCalls != expected) {
            problems.add(String.format("the irrelevant ops were called %d times (expected %d)", irrelevantCalls, expected));
        }
        if (strayCalls != 0) {
            problems.add(String.format("ops_func_count called %d times with an ops that is not a relevant one", strayCalls));
        }
        return problems;
    }
}
