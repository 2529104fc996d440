package org.rvtrace.language.tracing;

/** The tracing state of one guest process, as a {@link TracingProvider} attached it. */
public interface GuestTracing {
    /**
     * The process ended (exit, fault or cancellation): write what is buffered, close the
     * output. Called once; nothing of the trace may be lost.
     */
    void processEnded();

    /** An interop object embedders control tracing with (a program's "ftrace" member), or null. */
    default Object interopControl() {
        return null;
    }

    /** A control file under /sys/kernel/tracing this tracing answers (e.g. "tracing_on"), or null. */
    default ControlFile controlFile(String name) {
        return null;
    }

    /** A file of the tracing file system: reading shows the setting, writing changes it. */
    interface ControlFile {
        String read();

        /** Applies a write; returns an errno (22 for EINVAL) or 0. */
        int write(String text);
    }
}
