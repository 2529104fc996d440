package org.rvtrace.language.syscall;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.rvtrace.language.tracing.GuestTracing;

/**
 * A control file of the tracing file system (/sys/kernel/tracing/NAME) that the process's
 * tracing answers: reading shows the setting, each write(2) is one command, as in tracefs.
 * This is how a traced program switches its own tracing on and off.
 */
final class TracefsFile extends OpenFile {
    static final String[] ROOTS = {"/sys/kernel/tracing/", "/sys/kernel/debug/tracing/"};

    private final String path;
    private final GuestTracing.ControlFile control;
    private final Instant opened = Instant.now();
    private long position;

    TracefsFile(String path, GuestTracing.ControlFile control, int statusFlags) {
        super(statusFlags);
        this.path = path;
        this.control = control;
    }

    /** The control file name under a tracefs root, or null when path is elsewhere. */
    static String nameOf(String path) {
        for (String root : ROOTS) {
            if (path.startsWith(root)) {
                return path.substring(root.length());
            }
        }
        return null;
    }

    @Override
    synchronized int read(byte[] b, int off, int len) {
        byte[] data = control.read().getBytes(StandardCharsets.UTF_8);
        if (position >= data.length) {
            return 0;
        }
        int n = (int) Math.min(len, data.length - position);
        System.arraycopy(data, (int) position, b, off, n);
        position += n;
        return n;
    }

    @Override
    int write(byte[] b, int off, int len) {
        int errno = control.write(new String(b, off, len, StandardCharsets.UTF_8));
        if (errno != 0) {
            throw SyscallError.of(errno);
        }
        return len;
    }

    @Override
    FileStat stat(Syscalls sys) {
        return FileStat.synthetic(FileStat.S_IFREG | 0644, path.hashCode() & 0xffff, sys.uid(), sys.gid(), 0, opened);
    }

    @Override
    String describe() {
        return path;
    }
}
