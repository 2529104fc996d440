package org.rvtrace.ftrace.tracer;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.output.GraphTraceFormat;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.language.runtime.Hart;

/**
 * Linux's function_graph tracer: an entry line when a function is called, an exit line with
 * its duration when it returns (one "leaf();" line when nothing was traced in between). The
 * return is caught by swapping the return address for return_to_handler.
 */
final class GraphTracer extends Tracer {
    private static final int A0 = 10;
    private static final int A3 = 13;

    private final FtraceOps ops;
    private final GraphTraceFormat format;
    private boolean headerWritten;
    /** An entry not printed yet: if its own return comes next, it prints as one leaf line. */
    private PatchSite pendingSite;
    private int pendingDepth;
    private int pendingCpu;

    GraphTracer(Ftrace session) {
        super(session);
        long func = session.hostFunction("function_graph_entry", this::call);
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
    private void call(Hart hart) {
        if (session.recording()) {
            entry(hart, hart.getX(A0), hart.getX(A3));
        }
    }

    @TruffleBoundary
    private synchronized void entry(Hart hart, long ip, long fregs) {
        PatchSite site = session.siteOf(ip);
        if (site == null) {
            return;
        }
        int depth = session.hookReturn(hart, HartTracing.of(hart), fregs, site, session.clock().now());
        flushPending();
        pendingSite = site;
        pendingDepth = depth;
        pendingCpu = session.cpuOf(hart);
    }

    @Override
    public synchronized void functionReturned(int cpu, int depth, PatchSite site, long start, long end, boolean unwound) {
        if (!session.recording()) {
            flushPending();
            return;
        }
        if (!unwound && pendingSite == site && pendingDepth == depth) {
            pendingSite = null;
            session.output().writeLine(format.leaf(cpu, depth, site.name, end - start));
            return;
        }
        flushPending();
        session.output().writeLine(unwound ? format.unwound(cpu, depth, site.name) : format.exit(cpu, depth, end - start, site.name));
    }

    private void flushPending() {
        if (pendingSite != null) {
            session.output().writeLine(format.entry(pendingCpu, pendingDepth, pendingSite.name));
            pendingSite = null;
        }
    }

    @Override
    public synchronized void stop() {
        flushPending();
    }

    @Override
    public synchronized void end() {
        flushPending();
    }
}
