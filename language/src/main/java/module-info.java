/** rvtrace's RISC-V Truffle language: loader, memory, decoder, nodes, system calls. */
module org.rvtrace.language {
    requires org.graalvm.truffle;
    requires org.graalvm.polyglot;
    requires jdk.unsupported;

    exports org.rvtrace.language;
    exports org.rvtrace.language.elf;
    exports org.rvtrace.language.memory;
    exports org.rvtrace.language.runtime;
    exports org.rvtrace.language.isa;
    exports org.rvtrace.language.interop;
    exports org.rvtrace.language.tracing;

    uses org.rvtrace.language.tracing.TracingProvider;

    provides com.oracle.truffle.api.provider.TruffleLanguageProvider with org.rvtrace.language.RiscvLanguageProvider;
}
