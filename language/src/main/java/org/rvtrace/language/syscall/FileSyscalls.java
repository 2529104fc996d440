package org.rvtrace.language.syscall;

import static org.rvtrace.language.syscall.LinuxFlags.O_ACCMODE;
import static org.rvtrace.language.syscall.LinuxFlags.O_APPEND;
import static org.rvtrace.language.syscall.LinuxFlags.O_CLOEXEC;
import static org.rvtrace.language.syscall.LinuxFlags.O_CREAT;
import static org.rvtrace.language.syscall.LinuxFlags.O_DIRECT;
import static org.rvtrace.language.syscall.LinuxFlags.O_DIRECTORY;
import static org.rvtrace.language.syscall.LinuxFlags.O_DSYNC;
import static org.rvtrace.language.syscall.LinuxFlags.O_EXCL;
import static org.rvtrace.language.syscall.LinuxFlags.O_NOCTTY;
import static org.rvtrace.language.syscall.LinuxFlags.O_NOFOLLOW;
import static org.rvtrace.language.syscall.LinuxFlags.O_NONBLOCK;
import static org.rvtrace.language.syscall.LinuxFlags.O_PATH;
import static org.rvtrace.language.syscall.LinuxFlags.O_RDONLY;
import static org.rvtrace.language.syscall.LinuxFlags.O_RDWR;
import static org.rvtrace.language.syscall.LinuxFlags.O_TMPFILE;
import static org.rvtrace.language.syscall.LinuxFlags.O_TRUNC;
import static org.rvtrace.language.syscall.LinuxFlags.O_WRONLY;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

import com.oracle.truffle.api.TruffleFile;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.Hart;

/**
 * System calls on file descriptors: open/close, read/write and their vector and positioned
 * forms, lseek, dup, fcntl, ioctl, pipes, getdents64, fstat, ftruncate, sendfile.
 */
final class FileSyscalls {
    /** Linux's MAX_RW_COUNT: the most one read or write transfers. */
    static final long MAX_RW = 0x7ffff000L;
    /** Host buffer size for one step of a large transfer. */
    private static final int CHUNK = 1 << 20;
    private static final int IOV_MAX = 1024;

    private static final int F_DUPFD = 0;
    private static final int F_GETFD = 1;
    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int F_GETLK = 5;
    private static final int F_SETLK = 6;
    private static final int F_SETLKW = 7;
    private static final int F_SETOWN = 8;
    private static final int F_GETOWN = 9;
    private static final int F_OFD_GETLK = 36;
    private static final int F_OFD_SETLK = 37;
    private static final int F_OFD_SETLKW = 38;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int F_SETPIPE_SZ = 1031;
    private static final int F_GETPIPE_SZ = 1032;
    private static final int F_UNLCK = 2;
    /** Status flags F_SETFL may change. */
    private static final int SETFL_MASK = O_APPEND | O_NONBLOCK | LinuxFlags.O_ASYNC | O_DIRECT | LinuxFlags.O_NOATIME;

    static final int TCGETS = 0x5401;
    static final int TCSETS = 0x5402;
    static final int TCSETSW = 0x5403;
    static final int TCSETSF = 0x5404;
    static final int TIOCGPGRP = 0x540f;
    static final int TIOCSPGRP = 0x5410;
    static final int TIOCGWINSZ = 0x5413;
    static final int TIOCSWINSZ = 0x5414;
    static final int FIONREAD = 0x541b;
    static final int FIONBIO = 0x5421;
    static final int FIONCLEX = 0x5450;
    static final int FIOCLEX = 0x5451;

    private final Syscalls sys;
    private final UserMemory um;
    private final FdTable fds;
    private final FsContext fs;
    private final ProcFiles procFiles;
    private long nextPipeIno = 0x10000;

    FileSyscalls(Syscalls sys) {
        this.sys = sys;
        this.um = sys.user;
        this.fds = sys.fds;
        this.fs = sys.fs;
        this.procFiles = new ProcFiles(sys);
    }

    void register(SyscallTable t) {
        t.def(56, "openat", "FsON", (h, a) -> openat((int) a[0], a[1], (int) a[2], (int) a[3]));
        t.def(57, "close", "i", (h, a) -> close((int) a[0]));
        t.def(436, "close_range", "iiX", (h, a) -> closeRange((int) a[0], (int) a[1], (int) a[2]));
        t.def(63, "read", "ipu", (h, a) -> read((int) a[0], a[1], a[2]));
        t.def(64, "write", "ipu", (h, a) -> write(h, (int) a[0], a[1], a[2]));
        t.def(65, "readv", "ipi", (h, a) -> readv((int) a[0], a[1], a[2], -1));
        t.def(66, "writev", "ipi", (h, a) -> writev(h, (int) a[0], a[1], a[2], -1));
        t.def(67, "pread64", "ipul", (h, a) -> pread((int) a[0], a[1], a[2], a[3]));
        t.def(68, "pwrite64", "ipul", (h, a) -> pwrite(h, (int) a[0], a[1], a[2], a[3]));
        t.def(69, "preadv", "ipil", (h, a) -> readv((int) a[0], a[1], a[2], nonNegative(a[3])));
        t.def(70, "pwritev", "ipil", (h, a) -> writev(h, (int) a[0], a[1], a[2], nonNegative(a[3])));
        t.def(286, "preadv2", "ipilX", (h, a) -> readv((int) a[0], a[1], a[2], a[3] == -1 ? -1 : nonNegative(a[3])));
        t.def(287, "pwritev2", "ipilX", (h, a) -> writev(h, (int) a[0], a[1], a[2], a[3] == -1 ? -1 : nonNegative(a[3])));
        t.def(62, "lseek", "ilW", (h, a) -> fds.get((int) a[0]).seek(a[1], (int) a[2]));
        t.def(23, "dup", "i", (h, a) -> dup((int) a[0], 0, false));
        t.def(24, "dup3", "iiO", (h, a) -> dup3((int) a[0], (int) a[1], (int) a[2]));
        t.def(25, "fcntl", "iTY", (h, a) -> fcntl((int) a[0], (int) a[1], a[2]));
        t.def(29, "ioctl", "iIp", (h, a) -> ioctl((int) a[0], (int) a[1], a[2]));
        t.def(59, "pipe2", "pO", (h, a) -> pipe2(a[0], (int) a[1]));
        t.def(61, "getdents64", "ipu", (h, a) -> getdents64((int) a[0], a[1], a[2]));
        t.def(80, "fstat", "ip", (h, a) -> fstat((int) a[0], a[1]));
        t.def(46, "ftruncate", "il", (h, a) -> ftruncate((int) a[0], a[1]));
        t.def(47, "fallocate", "iXll", (h, a) -> fallocate((int) a[0], (int) a[1], a[2], a[3]));
        t.def(82, "fsync", "i", (h, a) -> sync((int) a[0]));
        t.def(83, "fdatasync", "i", (h, a) -> sync((int) a[0]));
        t.def(32, "flock", "iX", (h, a) -> checked((int) a[0]));
        t.def(223, "fadvise64", "illi", (h, a) -> fadvise((int) a[0]));
        t.def(71, "sendfile", "iipu", (h, a) -> sendfile(h, (int) a[0], (int) a[1], a[2], a[3]));
    }

    private static long nonNegative(long offset) {
        if (offset < 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        return offset;
    }

    // ---------------------------------------------------------------- open and close

    long openat(int dirfd, long pathAddr, int flags, int mode) throws IOException {
        String path = um.readPath(pathAddr);
        OpenFile f = open(dirfd, path, flags, mode);
        try {
            return fds.install(f, (flags & O_CLOEXEC) != 0, 0);
        } catch (SyscallError e) {
            f.release();
            throw e;
        }
    }

    /** Opens path as open(2) does, returning a new open file description. */
    OpenFile open(int dirfd, String path, int flags, int mode) throws IOException {
        if ((flags & O_TMPFILE) == O_TMPFILE) {
            throw SyscallError.of(Errno.EOPNOTSUPP);
        }
        int access = flags & O_ACCMODE;
        if (access == O_ACCMODE) {
            throw SyscallError.of(Errno.EINVAL);
        }
        if (FsContext.isExeLink(path, sys.pid())) {
            path = fs.exePath();
        } else if (path.startsWith("/proc/")) {
            OpenFile proc = procFiles.open(path);
            if (proc != null) {
                if (access != O_RDONLY) {
                    throw SyscallError.of(Errno.EACCES);
                }
                return proc;
            }
        }
        String tracefs = TracefsFile.nameOf(path);
        if (tracefs != null && sys.context.tracing() != null) {
            var control = sys.context.tracing().controlFile(tracefs);
            if (control != null) {
                return new TracefsFile(path, control, flags & (O_ACCMODE | O_APPEND));
            }
        }
        if (path.endsWith("/") && (flags & O_CREAT) != 0) {
            throw SyscallError.of(Errno.EISDIR);
        }
        TruffleFile file = fs.resolve(dirfd, path, false);
        boolean follow = (flags & O_NOFOLLOW) == 0;
        int status = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
        if ((flags & O_PATH) != 0) {
            FileStat.of(file, follow, sys.uid(), sys.gid()); // must exist
            return new PathFile(file, O_PATH | (flags & (O_DIRECTORY | O_NOFOLLOW)), follow);
        }
        FileStat existing;
        try {
            existing = FileStat.of(file, follow, sys.uid(), sys.gid());
        } catch (NoSuchFileException e) {
            existing = null;
        }
        if (existing != null && existing.type() == FileStat.S_IFLNK) {
            throw SyscallError.of(Errno.ELOOP); // O_NOFOLLOW on a symbolic link
        }
        if (existing != null && (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
            throw SyscallError.of(Errno.EEXIST);
        }
        if (existing != null && existing.isDirectory()) {
            if (access != O_RDONLY || (flags & O_CREAT) != 0) {
                throw SyscallError.of(Errno.EISDIR);
            }
            if (!file.isReadable()) {
                throw SyscallError.of(Errno.EACCES);
            }
            return new DirectoryFile(file, status);
        }
        if ((flags & O_DIRECTORY) != 0) {
            throw SyscallError.of(existing == null ? Errno.ENOENT : Errno.ENOTDIR);
        }
        if (existing == null && (flags & O_CREAT) == 0) {
            throw SyscallError.of(Errno.ENOENT);
        }
        Set<OpenOption> options = new HashSet<>();
        if (access == O_RDONLY || access == O_RDWR) {
            options.add(StandardOpenOption.READ);
        }
        if (access == O_WRONLY || access == O_RDWR) {
            options.add(StandardOpenOption.WRITE);
            if ((flags & O_TRUNC) != 0) {
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
        }
        if ((flags & O_CREAT) != 0) {
            options.add((flags & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            if (access == O_RDONLY) {
                options.add(StandardOpenOption.WRITE); // Java creates only when writing; reads stay allowed
            }
        }
        if (!follow) {
            options.add(LinkOption.NOFOLLOW_LINKS);
        }
        if ((flags & LinuxFlags.O_SYNC) == LinuxFlags.O_SYNC) {
            options.add(StandardOpenOption.SYNC);
        } else if ((flags & O_DSYNC) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        boolean creating = existing == null;
        int perm = mode & ~fs.umask() & 0777;
        FileAttribute<?>[] attrs = creating ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PathSyscalls.permissions(perm))}
                        : new FileAttribute<?>[0];
        SeekableByteChannel channel;
        try {
            channel = file.newByteChannel(options, attrs);
        } catch (UnsupportedOperationException e) {
            channel = file.newByteChannel(options);
        }
        try {
            if (creating) {
                PathSyscalls.setPermissionsQuietly(file, perm); // the host's umask may have taken more away
            }
            FileStat stat = FileStat.of(file, true, sys.uid(), sys.gid());
            if (access == O_RDONLY && (flags & O_CREAT) != 0) {
                // Opened for writing only to create; reads need their own channel.
                channel.close();
                options.remove(StandardOpenOption.WRITE);
                options.remove(StandardOpenOption.CREATE);
                options.remove(StandardOpenOption.CREATE_NEW);
                channel = file.newByteChannel(options);
            }
            return new RegularFile(file, channel, status, stat);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    long close(int fd) throws IOException {
        fds.close(fd);
        return 0;
    }

    private long closeRange(int first, int last, int flags) throws IOException {
        if (Integer.compareUnsigned(first, last) > 0 || (flags & ~6) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        long end = Math.min(Integer.toUnsignedLong(last), fds.end() - 1L);
        for (long fd = Integer.toUnsignedLong(first); fd <= end; fd++) {
            if (fds.isOpen((int) fd)) {
                if ((flags & 4) != 0) {
                    fds.setCloseOnExec((int) fd, true);
                } else {
                    fds.close((int) fd);
                }
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- read and write

    private OpenFile readableFile(int fd) {
        OpenFile f = fds.get(fd);
        if (!f.readable()) {
            throw SyscallError.of(Errno.EBADF);
        }
        return f;
    }

    private OpenFile writableFile(int fd) {
        OpenFile f = fds.get(fd);
        if (!f.writable()) {
            throw SyscallError.of(Errno.EBADF);
        }
        return f;
    }

    long read(int fd, long buf, long count) throws IOException {
        OpenFile f = readableFile(fd);
        return readRange(f, buf, accessible(buf, count, GuestMemory.WRITE), -1);
    }

    private long pread(int fd, long buf, long count, long pos) throws IOException {
        OpenFile f = readableFile(fd);
        nonNegative(pos);
        return readRange(f, buf, accessible(buf, count, GuestMemory.WRITE), pos);
    }

    /** The part of a buffer a transfer may use: up to the first bad page; EFAULT when that is none of it. */
    private long accessible(long buf, long count, int prot) {
        long n = Math.min(count, MAX_RW);
        if (n == 0) {
            return 0;
        }
        long ok = um.accessiblePrefix(buf, n, prot);
        if (ok == 0) {
            throw SyscallError.of(Errno.EFAULT);
        }
        return ok;
    }

    /**
     * Reads up to len bytes to guest memory at addr (at position pos, or the file offset
     * when pos is -1). A regular file is read until len or its end; anything else returns
     * what one read gives, as a pipe or terminal does.
     */
    private long readRange(OpenFile f, long addr, long len, long pos) throws IOException {
        if (len == 0) {
            if (f instanceof DirectoryFile) {
                throw SyscallError.of(Errno.EISDIR);
            }
            return 0;
        }
        byte[] tmp = new byte[(int) Math.min(len, CHUNK)];
        long done = 0;
        while (done < len) {
            int want = (int) Math.min(len - done, tmp.length);
            int n = pos < 0 ? f.read(tmp, 0, want) : f.pread(tmp, 0, want, pos + done);
            if (n > 0) {
                um.write(addr + done, tmp, 0, n);
                done += n;
            }
            if (n < want || !(f instanceof RegularFile)) {
                break;
            }
        }
        return done;
    }

    long write(Hart hart, int fd, long buf, long count) throws IOException {
        OpenFile f = writableFile(fd);
        long n = accessible(buf, count, GuestMemory.READ);
        return writeRange(hart, f, new long[]{buf}, new long[]{n}, -1);
    }

    private long pwrite(Hart hart, int fd, long buf, long count, long pos) throws IOException {
        OpenFile f = writableFile(fd);
        nonNegative(pos);
        long n = accessible(buf, count, GuestMemory.READ);
        return writeRange(hart, f, new long[]{buf}, new long[]{n}, pos);
    }

    /**
     * Writes the guest buffers in order, in chunks of at most {@link #CHUNK} bytes (small
     * buffers gathered into one), so a writev reaches a stream as one write. Stops at a
     * short write. EPIPE raises SIGPIPE, as the kernel does.
     */
    private long writeRange(Hart hart, OpenFile f, long[] addrs, long[] lens, long pos) throws IOException {
        long total = 0;
        for (long l : lens) {
            total += l;
        }
        byte[] tmp = new byte[(int) Math.min(Math.max(total, 1), CHUNK)];
        long done = 0;
        int seg = 0;
        long segOff = 0;
        try {
            while (done < total) {
                int filled = 0;
                while (filled < tmp.length && seg < addrs.length) {
                    int n = (int) Math.min(tmp.length - filled, lens[seg] - segOff);
                    if (n > 0) {
                        um.mem.read(addrs[seg] + segOff, tmp, filled, n);
                    }
                    filled += n;
                    segOff += n;
                    if (segOff == lens[seg]) {
                        seg++;
                        segOff = 0;
                    }
                }
                int written = pos < 0 ? f.write(tmp, 0, filled) : f.pwrite(tmp, 0, filled, pos + done);
                done += written;
                if (written < filled) {
                    break;
                }
            }
        } catch (IOException e) {
            return failedAfter(hart, done, IoErrors.errno(e));
        } catch (SyscallError e) {
            return failedAfter(hart, done, e.errno);
        }
        return done;
    }

    /** A transfer failing after done bytes: a partial count stands; EPIPE also raises SIGPIPE. */
    private long failedAfter(Hart hart, long done, int errno) {
        if (done > 0) {
            return done;
        }
        if (errno == Errno.EPIPE) {
            sys.signals.raise(hart, SignalState.SIGPIPE, "write to a pipe or stream with no reader");
        }
        throw SyscallError.of(errno);
    }

    private long readv(int fd, long iov, long iovcnt, long pos) throws IOException {
        OpenFile f = readableFile(fd);
        long[][] v = iovecs(iov, iovcnt, true);
        long total = 0;
        if (f instanceof RegularFile) {
            for (int i = 0; i < v[0].length; i++) {
                long n = readRange(f, v[0][i], v[1][i], pos < 0 ? -1 : pos + total);
                total += n;
                if (n < v[1][i]) {
                    break;
                }
            }
            return total;
        }
        // One read for all of them, as a pipe or terminal returns what it has.
        long sum = 0;
        for (long l : v[1]) {
            sum += l;
        }
        if (sum == 0) {
            return 0;
        }
        byte[] tmp = new byte[(int) Math.min(sum, CHUNK)];
        int n = pos < 0 ? f.read(tmp, 0, tmp.length) : f.pread(tmp, 0, tmp.length, pos);
        for (int i = 0; i < v[0].length && total < n; i++) {
            int part = (int) Math.min(v[1][i], n - total);
            um.write(v[0][i], tmp, (int) total, part);
            total += part;
        }
        return total;
    }

    private long writev(Hart hart, int fd, long iov, long iovcnt, long pos) throws IOException {
        OpenFile f = writableFile(fd);
        long[][] v = iovecs(iov, iovcnt, false);
        return writeRange(hart, f, v[0], v[1], pos);
    }

    /** Reads and checks an iovec array: {bases, lengths}, lengths capped so they sum to at most MAX_RW. */
    private long[][] iovecs(long iov, long iovcnt, boolean forRead) {
        if (iovcnt < 0 || iovcnt > IOV_MAX) {
            throw SyscallError.of(Errno.EINVAL);
        }
        int n = (int) iovcnt;
        long[] bases = new long[n];
        long[] lens = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            bases[i] = um.readLong(iov + 16L * i);
            lens[i] = um.readLong(iov + 16L * i + 8);
            if (lens[i] < 0) {
                throw SyscallError.of(Errno.EINVAL);
            }
            lens[i] = Math.min(lens[i], MAX_RW - total);
            total += lens[i];
            if (forRead) {
                um.checkWrite(bases[i], lens[i]);
            } else {
                um.checkRead(bases[i], lens[i]);
            }
        }
        return new long[][]{bases, lens};
    }

    private long sendfile(Hart hart, int outFd, int inFd, long offsetAddr, long count) throws IOException {
        OpenFile in = readableFile(inFd);
        OpenFile out = writableFile(outFd);
        long pos = offsetAddr == 0 ? -1 : nonNegative(um.readLong(offsetAddr));
        long len = Math.min(count, MAX_RW);
        byte[] tmp = new byte[(int) Math.min(Math.max(len, 1), CHUNK)];
        long done = 0;
        try {
            while (done < len) {
                int want = (int) Math.min(len - done, tmp.length);
                int n = pos < 0 ? in.read(tmp, 0, want) : in.pread(tmp, 0, want, pos + done);
                if (n <= 0) {
                    break;
                }
                int w = out.write(tmp, 0, n);
                done += w;
                if (w < n) {
                    break;
                }
            }
        } catch (IOException e) {
            done = failedAfter(hart, done, IoErrors.errno(e));
        } catch (SyscallError e) {
            done = failedAfter(hart, done, e.errno);
        }
        if (offsetAddr != 0) {
            um.writeLong(offsetAddr, pos + done);
        }
        return done;
    }

    // ---------------------------------------------------------------- descriptors

    private long dup(int fd, int min, boolean cloexec) {
        OpenFile f = fds.get(fd);
        f.retain();
        try {
            return fds.install(f, cloexec, min);
        } catch (SyscallError e) {
            try {
                f.release();
            } catch (IOException ignored) {
                // it is still open elsewhere
            }
            throw e;
        }
    }

    private long dup3(int oldFd, int newFd, int flags) throws IOException {
        if ((flags & ~O_CLOEXEC) != 0 || oldFd == newFd) {
            throw SyscallError.of(Errno.EINVAL);
        }
        OpenFile f = fds.get(oldFd);
        f.retain();
        fds.installAt(newFd, f, (flags & O_CLOEXEC) != 0);
        return newFd;
    }

    private long fcntl(int fd, int cmd, long arg) throws IOException {
        OpenFile f = fds.get(fd);
        switch (cmd) {
            case F_DUPFD, F_DUPFD_CLOEXEC -> {
                if (arg < 0 || arg > Integer.MAX_VALUE) {
                    throw SyscallError.of(Errno.EINVAL);
                }
                return dup(fd, (int) arg, cmd == F_DUPFD_CLOEXEC);
            }
            case F_GETFD -> {
                return fds.closeOnExec(fd) ? LinuxFlags.FD_CLOEXEC : 0;
            }
            case F_SETFD -> {
                fds.setCloseOnExec(fd, (arg & LinuxFlags.FD_CLOEXEC) != 0);
                return 0;
            }
            case F_GETFL -> {
                return f.statusFlags;
            }
            case F_SETFL -> {
                synchronized (f) {
                    f.statusFlags = (f.statusFlags & ~SETFL_MASK) | ((int) arg & SETFL_MASK);
                }
                return 0;
            }
            case F_GETLK, F_OFD_GETLK -> {
                // One process holds every lock there is: any lock it asks about could be placed.
                um.checkWrite(arg, 32);
                um.mem.writeByte(arg, (byte) F_UNLCK);
                um.mem.writeByte(arg + 1, (byte) 0);
                return 0;
            }
            case F_SETLK, F_SETLKW, F_OFD_SETLK, F_OFD_SETLKW -> {
                um.checkRead(arg, 32);
                return 0;
            }
            case F_GETOWN -> {
                return 0;
            }
            case F_SETOWN -> {
                return 0;
            }
            case F_GETPIPE_SZ, F_SETPIPE_SZ -> {
                if (!(f instanceof Pipe.End)) {
                    throw SyscallError.of(Errno.EBADF);
                }
                return Pipe.CAPACITY;
            }
            default -> throw SyscallError.of(Errno.EINVAL);
        }
    }

    private long ioctl(int fd, int request, long arg) throws IOException {
        OpenFile f = fds.get(fd);
        switch (request) {
            case FIONBIO -> {
                int on = um.readInt(arg);
                synchronized (f) {
                    f.statusFlags = on != 0 ? f.statusFlags | O_NONBLOCK : f.statusFlags & ~O_NONBLOCK;
                }
                return 0;
            }
            case FIOCLEX, FIONCLEX -> {
                fds.setCloseOnExec(fd, request == FIOCLEX);
                return 0;
            }
            case FIONREAD -> {
                if (f instanceof DirectoryFile) {
                    throw SyscallError.of(Errno.ENOTTY);
                }
                um.writeInt(arg, f.available());
                return 0;
            }
            default -> {
                // Terminal requests (TCGETS, TIOCGWINSZ, ...) and the rest: nothing here is a terminal.
                throw SyscallError.of(Errno.ENOTTY);
            }
        }
    }

    private long pipe2(long fdsAddr, int flags) {
        if ((flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        um.checkWrite(fdsAddr, 8);
        Pipe pipe;
        synchronized (this) {
            pipe = new Pipe(nextPipeIno++);
        }
        int extra = flags & O_NONBLOCK;
        boolean cloexec = (flags & O_CLOEXEC) != 0;
        int r = fds.install(new Pipe.End(pipe, true, extra), cloexec, 0);
        int w;
        try {
            w = fds.install(new Pipe.End(pipe, false, extra), cloexec, 0);
        } catch (SyscallError e) {
            try {
                fds.close(r);
            } catch (IOException ignored) {
                // a pipe end closes without IO
            }
            throw e;
        }
        um.writeInt(fdsAddr, r);
        um.writeInt(fdsAddr + 4, w);
        return 0;
    }

    // ---------------------------------------------------------------- metadata and the rest

    private long getdents64(int fd, long buf, long count) throws IOException {
        OpenFile f = fds.get(fd);
        if (!(f instanceof DirectoryFile dir)) {
            throw SyscallError.of(Errno.ENOTDIR);
        }
        return dir.getdents64(sys, um, buf, (int) Math.min(count, Integer.MAX_VALUE));
    }

    long fstat(int fd, long buf) throws IOException {
        OpenFile f = fds.get(fd);
        um.checkWrite(buf, FileStat.STAT_SIZE);
        um.write(buf, f.stat(sys).toStat());
        return 0;
    }

    private long ftruncate(int fd, long length) throws IOException {
        OpenFile f = fds.get(fd);
        if (!f.writable() || !(f instanceof RegularFile)) {
            throw SyscallError.of(f.writable() || f instanceof RegularFile ? Errno.EINVAL : Errno.EBADF);
        }
        f.truncate(length);
        return 0;
    }

    private long fallocate(int fd, int mode, long offset, long len) throws IOException {
        OpenFile f = fds.get(fd);
        if (offset < 0 || len <= 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        if (!f.writable()) {
            throw SyscallError.of(Errno.EBADF);
        }
        if (!(f instanceof RegularFile rf)) {
            throw SyscallError.of(f instanceof Pipe.End ? Errno.ESPIPE : Errno.ENODEV);
        }
        if (mode != 0 && mode != 1) { // only plain allocation and FALLOC_FL_KEEP_SIZE
            throw SyscallError.of(Errno.EOPNOTSUPP);
        }
        if (mode == 0 && offset + len > rf.size()) {
            rf.truncate(offset + len);
        }
        return 0;
    }

    private long sync(int fd) throws IOException {
        fds.get(fd).sync();
        return 0;
    }

    private long checked(int fd) {
        fds.get(fd);
        return 0;
    }

    private long fadvise(int fd) {
        if (fds.get(fd) instanceof Pipe.End) {
            throw SyscallError.of(Errno.ESPIPE);
        }
        return 0;
    }
}
