package org.rvtrace.ftrace.tracer;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.output.GraphTraceFormat;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.tracing.HostProcedure;

/**
 * Linux's function_graph tracer: an entry line when a function is called, an exit line with
 * its duration when it returns (one "leaf();" line when nothing was traced in between). The
 * return is caught by swapping the return address for return_to_handler.
 */
final class GraphTracer extends Tracer {
    private final FtraceOps ops;
    private final GraphTraceFormat format;
    private boolean headerWritten;
    /** Harts with an entry not printed yet (see {@link HartTracing#pendingEntry}). */
    private final java.util.Set<HartTracing> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    GraphTracer(Ftrace session) {
        super(session);
        long func = session.hostFunction("function_graph_entry", HostProcedure.of(this::call));
        this.ops = new FtraceOps("function_graph", 0, null, func, 0);
        this.format = new GraphTraceFormat(session.clock().nanos(), false);
    }

    @Override
    public String name() {
        return "function_graph";
    }

    @Override
    public FtraceOps ops() {
        return ops;
    }

    @Override
    public synchronized void start() {
        if (!headerWritten) {
            headerWritten = true;
            session.output().write(format.header());
        }
    }

    /** The ops callback: (ip, parent_ip, ops, fregs). */
    private void call(Hart hart, long ip, long parentIp, long op, long fregs) {
        if (session.recording()) {
            entry(hart, ip, fregs);
        }
    }

    @TruffleBoundary
    private void entry(Hart hart, long ip, long fregs) {
        PatchSite site = session.siteOf(ip);
        if (site == null) {
            return;
        }
        HartTracing t = HartTracing.of(hart);
        int cpu = session.cpuOf(hart);
        int depth = session.hookReturn(hart, t, fregs, site, session.clock().now(), this);
        flushPending(t, cpu);
        // If its own return comes next on this hart, the entry prints as one "leaf();" line.
        t.pendingEntry = site;
        t.pendingDepth = depth;
        t.cpu = cpu;
        pending.add(t);
    }

    /** Formats and writes a line: out of compiled code (return_to_handler runs inline there). */
    @Override
    @TruffleBoundary
    public void functionReturned(HartTracing t, int cpu, int depth, PatchSite site, long start, long end, boolean unwound) {
        if (!session.recording()) {
            flushPending(t, cpu);
            return;
        }
        if (!unwound && t.pendingEntry == site && t.pendingDepth == depth) {
            t.pendingEntry = null;
            session.output().writeLine(format.leaf(cpu, depth, site.name, end - start));
            return;
        }
        flushPending(t, cpu);
        session.output().writeLine(unwound ? format.unwound(cpu, depth, site.name) : format.exit(cpu, depth, end - start, site.name));
    }

    private void flushPending(HartTracing t, int cpu) {
        if (t.pendingEntry instanceof PatchSite site) {
            session.output().writeLine(format.entry(cpu, t.pendingDepth, site.name));
            t.pendingEntry = null;
        }
    }

    /** Prints the entries still pending on any hart (the tracer stops, or the process ends). */
    private void flushAll() {
        for (HartTracing t : pending) {
            if (t.pendingEntry instanceof PatchSite site) {
                session.output().writeLine(format.entry(t.cpu, t.pendingDepth, site.name));
                t.pendingEntry = null;
            }
        }
    }

    @Override
    public void stop() {
        flushAll();
    }

    @Override
    public void end() {
        flushAll();
    }
}
