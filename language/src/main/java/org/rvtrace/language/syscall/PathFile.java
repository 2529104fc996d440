package org.rvtrace.language.syscall;

import java.io.IOException;

import com.oracle.truffle.api.TruffleFile;

/** An O_PATH descriptor: names a file for fstat and the *at calls, nothing more. */
final class PathFile extends OpenFile {
    private final TruffleFile file;
    private final boolean follow;

    PathFile(TruffleFile file, int statusFlags, boolean follow) {
        super(statusFlags);
        this.file = file;
        this.follow = follow;
    }

    @Override
    int read(byte[] b, int off, int len) {
        throw SyscallError.of(Errno.EBADF);
    }

    @Override
    int write(byte[] b, int off, int len) {
        throw SyscallError.of(Errno.EBADF);
    }

    @Override
    long seek(long offset, int whence) {
        throw SyscallError.of(Errno.EBADF);
    }

    @Override
    FileStat stat(Syscalls sys) throws IOException {
        return FileStat.of(file, follow, sys.uid(), sys.gid());
    }

    @Override
    TruffleFile file() {
        return file;
    }

    @Override
    String describe() {
        return file.getPath();
    }
}
