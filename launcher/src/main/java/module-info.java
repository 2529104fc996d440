/** The rv command: runs a RISC-V program through the polyglot API, on GraalVM's launcher base. */
module org.rvtrace.launcher {
    requires java.logging;
    requires org.graalvm.launcher;
    requires org.graalvm.polyglot;
}
