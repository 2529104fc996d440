package org.rvtrace.language.syscall;

import java.time.Instant;

/** A read-only file whose contents were made when it was opened (the /proc files rvtrace writes itself). */
final class MemoryFile extends OpenFile {
    private final String name;
    private final byte[] data;
    private final long ino;
    private final Instant opened = Instant.now();
    private long position;

    MemoryFile(String name, byte[] data, long ino) {
        super(LinuxFlags.O_RDONLY);
        this.name = name;
        this.data = data;
        this.ino = ino;
    }

    @Override
    synchronized int read(byte[] b, int off, int len) {
        int n = pread(b, off, len, position);
        position += n;
        return n;
    }

    @Override
    int pread(byte[] b, int off, int len, long pos) {
        if (pos < 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        if (pos >= data.length) {
            return 0;
        }
        int n = (int) Math.min(len, data.length - pos);
        System.arraycopy(data, (int) pos, b, off, n);
        return n;
    }

    @Override
    synchronized long seek(long offset, int whence) {
        long target = switch (whence) {
            case RegularFile.SEEK_SET -> offset;
            case RegularFile.SEEK_CUR -> position + offset;
            case RegularFile.SEEK_END -> data.length + offset;
            default -> throw SyscallError.of(Errno.EINVAL);
        };
        if (target < 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        position = target;
        return target;
    }

    @Override
    synchronized int available() {
        return (int) Math.max(0, data.length - position);
    }

    @Override
    FileStat stat(Syscalls sys) {
        // As procfs reports them: a regular file of size 0.
        return FileStat.synthetic(FileStat.S_IFREG | 0444, ino, sys.uid(), sys.gid(), 0, opened);
    }

    @Override
    String describe() {
        return name;
    }
}
