package org.rvtrace.language.syscall;

import java.time.Instant;

/**
 * pipe2: a 64 KiB buffer between a read end and a write end. Reading an empty pipe waits
 * for a writer (or returns 0 once every write end is closed); writing a full one waits for
 * a reader; writing with no read end open fails with EPIPE (and the caller raises SIGPIPE).
 */
final class Pipe {
    static final int CAPACITY = 65536;
    /** Writes up to this size are atomic: all or (non-blocking) nothing. */
    static final int PIPE_BUF = 4096;

    private final byte[] buffer = new byte[CAPACITY];
    private int head;
    private int length;
    private int readers = 1;
    private int writers = 1;
    private final long ino;
    private final Instant created = Instant.now();

    Pipe(long ino) {
        this.ino = ino;
    }

    synchronized int read(byte[] b, int off, int len, boolean nonBlocking) {
        if (len == 0) {
            return 0;
        }
        while (length == 0) {
            if (writers == 0) {
                return 0;
            }
            if (nonBlocking) {
                throw SyscallError.of(Errno.EAGAIN);
            }
            Blocking.await(this, 0);
        }
        int n = Math.min(len, length);
        for (int i = 0; i < n; i++) {
            b[off + i] = buffer[(head + i) % CAPACITY];
        }
        head = (head + n) % CAPACITY;
        length -= n;
        notifyAll();
        return n;
    }

    synchronized int write(byte[] b, int off, int len, boolean nonBlocking) {
        int done = 0;
        while (done < len) {
            if (readers == 0) {
                if (done > 0) {
                    return done;
                }
                throw SyscallError.of(Errno.EPIPE);
            }
            boolean atomic = len <= PIPE_BUF && CAPACITY - length < len;
            if (length == CAPACITY || atomic) {
                if (nonBlocking) {
                    if (done > 0) {
                        return done;
                    }
                    throw SyscallError.of(Errno.EAGAIN);
                }
                Blocking.await(this, 0);
                continue;
            }
            int n = Math.min(len - done, CAPACITY - length);
            for (int i = 0; i < n; i++) {
                buffer[(head + length + i) % CAPACITY] = b[off + done + i];
            }
            length += n;
            done += n;
            notifyAll();
        }
        return done;
    }

    synchronized int available() {
        return length;
    }

    synchronized void closeEnd(boolean readEnd) {
        if (readEnd) {
            readers--;
        } else {
            writers--;
        }
        notifyAll();
    }

    FileStat stat(Syscalls sys) {
        return FileStat.synthetic(FileStat.S_IFIFO | 0600, ino, sys.uid(), sys.gid(), 0, created);
    }

    /** One end of the pipe as an open file. */
    static final class End extends OpenFile {
        private final Pipe pipe;
        private final boolean readEnd;

        End(Pipe pipe, boolean readEnd, int extraFlags) {
            super((readEnd ? LinuxFlags.O_RDONLY : LinuxFlags.O_WRONLY) | extraFlags);
            this.pipe = pipe;
            this.readEnd = readEnd;
        }

        @Override
        int read(byte[] b, int off, int len) {
            return pipe.read(b, off, len, nonBlocking());
        }

        @Override
        int write(byte[] b, int off, int len) {
            return pipe.write(b, off, len, nonBlocking());
        }

        @Override
        int available() {
            return pipe.available();
        }

        @Override
        FileStat stat(Syscalls sys) {
            return pipe.stat(sys);
        }

        @Override
        protected void close() {
            pipe.closeEnd(readEnd);
        }

        @Override
        String describe() {
            return "pipe:[" + pipe.ino + "]";
        }
    }
}
