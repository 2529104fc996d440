/** Examples of embedding rvtrace through the GraalVM polyglot API. */
module org.rvtrace.examples {
    requires org.graalvm.polyglot;
    requires org.rvtrace.ftrace;
    requires org.rvtrace.language;
}
