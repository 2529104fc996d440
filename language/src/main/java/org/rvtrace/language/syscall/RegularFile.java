package org.rvtrace.language.syscall;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

import com.oracle.truffle.api.TruffleFile;

/**
 * A file opened through Truffle's file system (so the embedder's IO policy applies): a
 * regular file, or a device such as /dev/null. O_APPEND is done here, because Java cannot
 * open a channel for reading and appending at once.
 */
final class RegularFile extends OpenFile {
    static final int SEEK_SET = 0;
    static final int SEEK_CUR = 1;
    static final int SEEK_END = 2;
    static final int SEEK_DATA = 3;
    static final int SEEK_HOLE = 4;

    private final TruffleFile file;
    private final SeekableByteChannel channel;
    /** The metadata when opened: what fstat falls back to once the path is gone (unlinked, renamed). */
    private final FileStat openedStat;

    RegularFile(TruffleFile file, SeekableByteChannel channel, int statusFlags, FileStat openedStat) {
        super(statusFlags);
        this.file = file;
        this.channel = channel;
        this.openedStat = openedStat;
    }

    @Override
    synchronized int read(byte[] b, int off, int len) throws IOException {
        return Math.max(channel.read(ByteBuffer.wrap(b, off, len)), 0);
    }

    @Override
    synchronized int write(byte[] b, int off, int len) throws IOException {
        if ((statusFlags & LinuxFlags.O_APPEND) != 0) {
            channel.position(channel.size());
        }
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            if (channel.write(buf) == 0) {
                break;
            }
        }
        return len - buf.remaining();
    }

    @Override
    synchronized int pread(byte[] b, int off, int len, long position) throws IOException {
        checkPosition(position);
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        if (channel instanceof FileChannel fc) {
            return Math.max(fc.read(buf, position), 0);
        }
        long saved = channel.position();
        try {
            channel.position(position);
            return Math.max(channel.read(buf), 0);
        } finally {
            channel.position(saved);
        }
    }

    @Override
    synchronized int pwrite(byte[] b, int off, int len, long position) throws IOException {
        checkPosition(position);
        // Linux quirk kept: with O_APPEND, pwrite appends whatever the position.
        return writeAt(b, off, len, (statusFlags & LinuxFlags.O_APPEND) != 0 ? channel.size() : position);
    }

    /** Writes at position whatever O_APPEND says (write-back of a shared mapping). */
    synchronized int writeRaw(byte[] b, int off, int len, long position) throws IOException {
        return writeAt(b, off, len, position);
    }

    private int writeAt(byte[] b, int off, int len, long position) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        long at = position;
        if (channel instanceof FileChannel fc) {
            while (buf.hasRemaining()) {
                int n = fc.write(buf, at);
                if (n <= 0) {
                    break;
                }
                at += n;
            }
            return len - buf.remaining();
        }
        long saved = channel.position();
        try {
            channel.position(at);
            while (buf.hasRemaining() && channel.write(buf) > 0) {
                // keep writing
            }
            return len - buf.remaining();
        } finally {
            channel.position(saved);
        }
    }

    private static void checkPosition(long position) {
        if (position < 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
    }

    @Override
    synchronized long seek(long offset, int whence) throws IOException {
        long base = switch (whence) {
            case SEEK_SET -> 0;
            case SEEK_CUR -> channel.position();
            case SEEK_END, SEEK_HOLE -> channel.size();
            case SEEK_DATA -> offset;
            default -> throw SyscallError.of(Errno.EINVAL);
        };
        if (whence == SEEK_DATA || whence == SEEK_HOLE) {
            // No holes known: all of the file is data, the only hole is at its end.
            if (offset < 0) {
                throw SyscallError.of(Errno.EINVAL);
            }
            if (offset >= channel.size()) {
                throw SyscallError.of(Errno.ENXIO);
            }
            long target = whence == SEEK_DATA ? offset : base;
            channel.position(target);
            return target;
        }
        long target = base + offset;
        if ((offset > 0 && target < base) || target < 0) {
            throw SyscallError.of(offset > 0 ? Errno.EOVERFLOW : Errno.EINVAL);
        }
        channel.position(target);
        return target;
    }

    @Override
    synchronized void truncate(long size) throws IOException {
        if (size < 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        long position = channel.position();
        long current = channel.size();
        if (size < current) {
            channel.truncate(size);
        } else if (size > current) {
            // Extend with zeros (a hole where the file system supports them).
            writeAt(new byte[1], 0, 1, size - 1);
        }
        channel.position(position); // ftruncate leaves the offset alone; Java's truncate may not
    }

    @Override
    void sync() throws IOException {
        if (channel instanceof FileChannel fc) {
            fc.force(true);
        }
    }

    @Override
    synchronized int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
    }

    synchronized long size() throws IOException {
        return channel.size();
    }

    @Override
    FileStat stat(Syscalls sys) throws IOException {
        try {
            FileStat now = FileStat.of(file, true, sys.uid(), sys.gid());
            if (now.ino() == openedStat.ino() && now.dev() == openedStat.dev()) {
                return now;
            }
        } catch (IOException e) {
            // the path no longer names it
        }
        return openedStat.withSize(size());
    }

    @Override
    TruffleFile file() {
        return file;
    }

    @Override
    protected void close() throws IOException {
        channel.close();
    }

    @Override
    String describe() {
        return file.getPath();
    }
}
