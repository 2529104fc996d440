package org.rvtrace.language.syscall;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;

/**
 * File descriptors 0, 1 and 2: the context's input, output and error streams. Output is
 * flushed on every write, since write(2) is unbuffered. They look like pipes to fstat:
 * whether the host stream is a terminal is not known here.
 */
final class StreamFile extends OpenFile {
    private final String name;
    private final InputStream in;
    private final OutputStream out;
    private final int index;
    private final Instant opened = Instant.now();

    private StreamFile(String name, int index, InputStream in, OutputStream out) {
        super(in != null ? LinuxFlags.O_RDONLY : LinuxFlags.O_WRONLY);
        this.name = name;
        this.index = index;
        this.in = in;
        this.out = out;
    }

    static StreamFile input(InputStream in) {
        return new StreamFile("stdin", 0, in, null);
    }

    static StreamFile output(String name, int index, OutputStream out) {
        return new StreamFile(name, index, null, out);
    }

    @Override
    int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        return Math.max(n, 0);
    }

    @Override
    int write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        out.flush();
        return len;
    }

    @Override
    int available() throws IOException {
        return in != null ? in.available() : 0;
    }

    @Override
    FileStat stat(Syscalls sys) {
        return FileStat.synthetic(FileStat.S_IFIFO | 0600, 0x100 + index, sys.uid(), sys.gid(), 0, opened);
    }

    @Override
    String describe() {
        return name;
    }
}
