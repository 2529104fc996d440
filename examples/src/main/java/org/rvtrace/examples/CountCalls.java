package org.rvtrace.examples;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.filter.FunctionFilter;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.language.tracing.HostProcedure;

/**
 * A tracer in Java: an ftrace_ops whose callback is a Java lambda (a HostProcedure), registered on the
 * program's patch sites before it runs, counting calls per function. (The program must be
 * built with -fpatchable-function-entry=8,4 -falign-functions=8.)
 *
 * <pre>examples/run CountCalls PROGRAM [ARGS...]</pre>
 */
public final class CountCalls {
    public static void main(String[] args) throws Exception {
        Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        try (AutoCloseable listener = Ftrace.onAttach(ftrace -> {
            // A procedure gets ftrace_func_t's arguments as values (ip, parent_ip, op, fregs) and
            // writes no register; declared to leave guest memory alone (neither read nor written),
            // compiled guest code need not store the trampoline's register saves for it.
            long callback = ftrace.hostFunction("count_calls", HostProcedure.leavingMemoryAlone((hart, ip, parentIp, op, fregs) -> {
                PatchSite site = ftrace.siteOf(ip);
                counts.computeIfAbsent(site == null ? "?" : site.name, k -> new LongAdder()).increment();
            }));
            ftrace.register(new FtraceOps("count_calls", 0, FunctionFilter.ALL, callback, 0));
        }); Context context = Context.newBuilder("riscv").arguments("riscv", args).allowIO(IOAccess.ALL)
                        .option("riscv.Ftrace", "nop").build()) {
            int status = context.eval(Source.newBuilder("riscv", new File(args[0])).build()).asInt();
            counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(20)
                            .forEach(e -> System.out.printf("%10d  %s%n", e.getValue().sum(), e.getKey()));
            System.exit(status);
        }
    }
}
