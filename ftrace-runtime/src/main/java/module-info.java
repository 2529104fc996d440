/** Linux-style dynamic function tracing (CALL_OPS) of rvtrace guest programs. */
module org.rvtrace.ftrace {
    requires org.rvtrace.language;
    requires org.graalvm.truffle;

    exports org.rvtrace.ftrace;
    exports org.rvtrace.ftrace.asm;
    exports org.rvtrace.ftrace.filter;
    exports org.rvtrace.ftrace.interop;
    exports org.rvtrace.ftrace.ops;
    exports org.rvtrace.ftrace.output;
    exports org.rvtrace.ftrace.patch;
    exports org.rvtrace.ftrace.samples;
    exports org.rvtrace.ftrace.site;
    exports org.rvtrace.ftrace.tracer;

    provides org.rvtrace.language.tracing.TracingProvider with org.rvtrace.ftrace.FtraceProvider;
}
