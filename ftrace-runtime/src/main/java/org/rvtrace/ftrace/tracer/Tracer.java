package org.rvtrace.ftrace.tracer;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.site.PatchSite;

/**
 * A tracer as Linux's current_tracer selects it: it owns one ftrace_ops (registered with the
 * session's filter while the tracer is current) and formats what its callbacks see.
 */
public abstract class Tracer implements Ftrace.ReturnListener {
    protected final Ftrace session;

    protected Tracer(Ftrace session) {
        this.session = session;
    }

    public abstract String name();

    /** The ops to register while this tracer is current; null for a tracer that traces nothing. */
    public abstract FtraceOps ops();

    /** Called when the tracer becomes current. */
    public void start() {
    }

    /** Called when the tracer stops being current. */
    public void stop() {
    }

    /** Called once at the end of the process for every tracer that was ever current: write what is left. */
    public void end() {
    }

    /** A function this tracer timed returned (or was left by a longjmp: unwound). */
    @Override
    public void functionReturned(HartTracing hart, int cpu, int depth, PatchSite site, long start, long end, boolean unwound) {
    }
}
