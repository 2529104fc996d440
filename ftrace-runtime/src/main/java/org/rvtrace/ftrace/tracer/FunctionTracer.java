package org.rvtrace.ftrace.tracer;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.output.FunctionTraceFormat;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.tracing.HostProcedure;

/** Linux's function tracer: one line per traced call, "func &lt;-parent". */
final class FunctionTracer extends Tracer {
    private final FtraceOps ops;
    private boolean headerWritten;

    FunctionTracer(Ftrace session) {
        super(session);
        long func = session.hostFunction("function_trace_call", HostProcedure.of(this::call));
        this.ops = new FtraceOps("function", 0, null, func, 0);
    }

    @Override
    public String name() {
        return "function";
    }

    @Override
    public FtraceOps ops() {
        return ops;
    }

    @Override
    public void start() {
        if (!headerWritten) {
            headerWritten = true;
            session.output().write(FunctionTraceFormat.header());
        }
    }

    /** function_trace_call(ip, parent_ip, ops, fregs). */
    private void call(Hart hart, long ip, long parentIp, long op, long fregs) {
        if (session.recording()) {
            record(hart, ip, parentIp);
        }
    }

    @TruffleBoundary
    private void record(Hart hart, long ip, long parentIp) {
        long now = session.clock().now();
        var site = session.siteOf(ip);
        String function = site != null ? site.name : session.functionName(ip);
        session.output().writeLine(FunctionTraceFormat.line(session.comm(), hart.tid, session.cpuOf(hart), now, session.clock().nanos(), function,
                        session.functionName(parentIp)));
    }
}
