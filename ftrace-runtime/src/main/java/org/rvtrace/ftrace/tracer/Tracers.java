package org.rvtrace.ftrace.tracer;

import java.util.List;

import org.rvtrace.ftrace.Ftrace;

/** The tracers by their Linux names. */
public final class Tracers {
    public static final List<String> NAMES = List.of("nop", "function", "function_graph", "profile");

    private Tracers() {
    }

    public static Tracer create(String name, Ftrace session) {
        return switch (name) {
            case "nop" -> new NopTracer(session);
            case "function" -> new FunctionTracer(session);
            case "function_graph" -> new GraphTracer(session);
            case "profile" -> new ProfileTracer(session);
            default -> null;
        };
    }

    /** Sites prepared (literal = nop_ops, auipc + nop), nothing enabled. */
    private static final class NopTracer extends Tracer {
        NopTracer(Ftrace session) {
            super(session);
        }

        @Override
        public String name() {
            return "nop";
        }

        @Override
        public org.rvtrace.ftrace.ops.FtraceOps ops() {
            return null;
        }
    }
}
