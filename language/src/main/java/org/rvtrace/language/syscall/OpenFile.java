package org.rvtrace.language.syscall;

import java.io.IOException;

import com.oracle.truffle.api.TruffleFile;

/**
 * An open file description: what one or more file descriptors refer to (dup shares it,
 * with its offset and status flags). Operations a kind of file does not support fail as
 * Linux fails them; the access mode is checked by the caller.
 */
abstract class OpenFile {
    /** O_ACCMODE bits plus the status flags F_GETFL reports (O_APPEND, O_NONBLOCK, ...). */
    int statusFlags;
    private int references = 1;

    OpenFile(int statusFlags) {
        this.statusFlags = statusFlags;
    }

    final boolean readable() {
        return (statusFlags & LinuxFlags.O_ACCMODE) != LinuxFlags.O_WRONLY && (statusFlags & LinuxFlags.O_PATH) == 0;
    }

    final boolean writable() {
        int mode = statusFlags & LinuxFlags.O_ACCMODE;
        return (mode == LinuxFlags.O_WRONLY || mode == LinuxFlags.O_RDWR) && (statusFlags & LinuxFlags.O_PATH) == 0;
    }

    final boolean nonBlocking() {
        return (statusFlags & LinuxFlags.O_NONBLOCK) != 0;
    }

    /** Reads at most len bytes at the current offset; 0 at end of file. */
    int read(byte[] b, int off, int len) throws IOException {
        throw SyscallError.of(Errno.EINVAL);
    }

    /** Writes up to len bytes (all of them, for files); returns how many. */
    int write(byte[] b, int off, int len) throws IOException {
        throw SyscallError.of(Errno.EINVAL);
    }

    int pread(byte[] b, int off, int len, long position) throws IOException {
        throw SyscallError.of(Errno.ESPIPE);
    }

    int pwrite(byte[] b, int off, int len, long position) throws IOException {
        throw SyscallError.of(Errno.ESPIPE);
    }

    long seek(long offset, int whence) throws IOException {
        throw SyscallError.of(Errno.ESPIPE);
    }

    void truncate(long size) throws IOException {
        throw SyscallError.of(Errno.EINVAL);
    }

    void sync() throws IOException {
    }

    /** Bytes a read could return now without blocking (FIONREAD). */
    int available() throws IOException {
        return 0;
    }

    abstract FileStat stat(Syscalls sys) throws IOException;

    /** The file this was opened from, or null for streams and pipes. */
    TruffleFile file() {
        return null;
    }

    final synchronized void retain() {
        references++;
    }

    /** Drops one reference; the last one closes the file. */
    final void release() throws IOException {
        boolean last;
        synchronized (this) {
            last = --references == 0;
        }
        if (last) {
            close();
        }
    }

    protected void close() throws IOException {
    }

    /** What strace and error messages call it. */
    abstract String describe();
}
