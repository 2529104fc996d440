/** The rv command: runs a RISC-V program through the polyglot API. */
module org.rvtrace.launcher {
    requires org.graalvm.polyglot;
}
