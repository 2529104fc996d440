package org.rvtrace.language.syscall;

import static org.rvtrace.language.syscall.LinuxFlags.AT_EMPTY_PATH;
import static org.rvtrace.language.syscall.LinuxFlags.AT_FDCWD;
import static org.rvtrace.language.syscall.LinuxFlags.AT_NO_AUTOMOUNT;
import static org.rvtrace.language.syscall.LinuxFlags.AT_REMOVEDIR;
import static org.rvtrace.language.syscall.LinuxFlags.AT_STATX_SYNC_TYPE;
import static org.rvtrace.language.syscall.LinuxFlags.AT_SYMLINK_FOLLOW;
import static org.rvtrace.language.syscall.LinuxFlags.AT_SYMLINK_NOFOLLOW;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import com.oracle.truffle.api.TruffleFile;

/**
 * System calls on path names: stat and statx, access checks, making and removing
 * directories and links, rename, readlink, the current directory, permissions and times.
 */
final class PathSyscalls {
    private static final int F_OK = 0;
    private static final int R_OK = 4;
    private static final int W_OK = 2;
    private static final int X_OK = 1;
    private static final int RENAME_NOREPLACE = 1;
    private static final long UTIME_NOW = (1L << 30) - 1;
    private static final long UTIME_OMIT = (1L << 30) - 2;

    private final Syscalls sys;
    private final UserMemory um;
    private final FdTable fds;
    private final FsContext fs;

    PathSyscalls(Syscalls sys) {
        this.sys = sys;
        this.um = sys.user;
        this.fds = sys.fds;
        this.fs = sys.fs;
    }

    void register(SyscallTable t) {
        t.def(79, "newfstatat", "FspA", (h, a) -> newfstatat((int) a[0], a[1], a[2], (int) a[3]));
        t.def(291, "statx", "FsAXp", (h, a) -> statx((int) a[0], a[1], (int) a[2], (int) a[3], a[4]));
        t.def(48, "faccessat", "FsK", (h, a) -> faccessat((int) a[0], a[1], (int) a[2], 0));
        t.def(439, "faccessat2", "FsKA", (h, a) -> faccessat((int) a[0], a[1], (int) a[2], (int) a[3]));
        t.def(34, "mkdirat", "FsM", (h, a) -> mkdirat((int) a[0], a[1], (int) a[2]));
        t.def(35, "unlinkat", "FsA", (h, a) -> unlinkat((int) a[0], a[1], (int) a[2]));
        t.def(276, "renameat2", "FsFsX", (h, a) -> renameat2((int) a[0], a[1], (int) a[2], a[3], (int) a[4]));
        t.def(36, "symlinkat", "sFs", (h, a) -> symlinkat(a[0], (int) a[1], a[2]));
        t.def(37, "linkat", "FsFsA", (h, a) -> linkat((int) a[0], a[1], (int) a[2], a[3], (int) a[4]));
        t.def(78, "readlinkat", "Fspu", (h, a) -> readlinkat((int) a[0], a[1], a[2], a[3]));
        t.def(17, "getcwd", "pu", (h, a) -> getcwd(a[0], a[1]));
        t.def(49, "chdir", "s", (h, a) -> chdir(fs.resolve(AT_FDCWD, um.readPath(a[0]), false)));
        t.def(50, "fchdir", "i", (h, a) -> fchdir((int) a[0]));
        t.def(52, "fchmod", "iM", (h, a) -> fchmod((int) a[0], (int) a[1]));
        t.def(53, "fchmodat", "FsM", (h, a) -> fchmodat((int) a[0], a[1], (int) a[2], 0));
        t.def(452, "fchmodat2", "FsMA", (h, a) -> fchmodat((int) a[0], a[1], (int) a[2], (int) a[3]));
        t.def(54, "fchownat", "FsiiA", (h, a) -> chown(resolve((int) a[0], a[1], (int) a[4]), (int) a[2], (int) a[3], (int) a[4]));
        t.def(55, "fchown", "iii", (h, a) -> chown(fdFile((int) a[0]), (int) a[1], (int) a[2], 0));
        t.def(88, "utimensat", "FspA", (h, a) -> utimensat((int) a[0], a[1], a[2], (int) a[3]));
        t.def(45, "truncate", "sl", (h, a) -> truncate(a[0], a[1]));
        t.def(166, "umask", "M", (h, a) -> fs.setUmask((int) a[0]));
        t.def(43, "statfs", "sp", (h, a) -> statfs(fs.resolve(AT_FDCWD, um.readPath(a[0]), false), a[1]));
        t.def(44, "fstatfs", "ip", (h, a) -> statfs(fdFile((int) a[0]), a[1]));
        t.def(33, "mknodat", "FsMX", (h, a) -> mknodat((int) a[0], a[1], (int) a[2]));
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    /** Sets the permission bits of a file just created, when the host's umask took away more than the guest's. */
    static void setPermissionsQuietly(TruffleFile file, int mode) {
        try {
            Set<PosixFilePermission> want = permissions(mode);
            if (!file.getPosixPermissions(LinkOption.NOFOLLOW_LINKS).equals(want)) {
                file.setPosixPermissions(want);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // keep what the host gave
        }
    }

    private TruffleFile resolve(int dirfd, long pathAddr, int flags) {
        return fs.resolve(dirfd, um.readPath(pathAddr), (flags & AT_EMPTY_PATH) != 0);
    }

    private TruffleFile fdFile(int fd) {
        TruffleFile f = fds.get(fd).file();
        if (f == null) {
            throw SyscallError.of(Errno.EINVAL);
        }
        return f;
    }

    /** stat of (dirfd, path) per the AT_ flags; an empty path with AT_EMPTY_PATH is the descriptor itself (a stream too). */
    private FileStat statAt(int dirfd, long pathAddr, int flags) throws IOException {
        String path = um.readPath(pathAddr);
        if (path.isEmpty() && (flags & AT_EMPTY_PATH) != 0 && dirfd != AT_FDCWD) {
            return fds.get(dirfd).stat(sys);
        }
        if (FsContext.isExeLink(path, sys.pid()) && (flags & AT_SYMLINK_NOFOLLOW) == 0) {
            path = fs.exePath();
        }
        TruffleFile f = fs.resolve(dirfd, path, (flags & AT_EMPTY_PATH) != 0);
        return FileStat.of(f, (flags & AT_SYMLINK_NOFOLLOW) == 0, sys.uid(), sys.gid());
    }

    private long newfstatat(int dirfd, long pathAddr, long buf, int flags) throws IOException {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        um.checkWrite(buf, FileStat.STAT_SIZE);
        um.write(buf, statAt(dirfd, pathAddr, flags).toStat());
        return 0;
    }

    private long statx(int dirfd, long pathAddr, int flags, int mask, long buf) throws IOException {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE)) != 0
                        || (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || mask < 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        um.checkWrite(buf, FileStat.STATX_SIZE);
        um.write(buf, statAt(dirfd, pathAddr, flags).toStatx());
        return 0;
    }

    private long faccessat(int dirfd, long pathAddr, int mode, int flags) throws IOException {
        if ((mode & ~(R_OK | W_OK | X_OK)) != 0 || (flags & ~(LinuxFlags.AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        String path = um.readPath(pathAddr);
        TruffleFile f = FsContext.isExeLink(path, sys.pid()) ? fs.file(fs.exePath()) : fs.resolve(dirfd, path, (flags & AT_EMPTY_PATH) != 0);
        FileStat.of(f, (flags & AT_SYMLINK_NOFOLLOW) == 0, sys.uid(), sys.gid()); // ENOENT, ENOTDIR, EACCES on the way
        if (mode == F_OK) {
            return 0;
        }
        if (((mode & R_OK) != 0 && !f.isReadable()) || ((mode & W_OK) != 0 && !f.isWritable()) || ((mode & X_OK) != 0 && !f.isExecutable())) {
            throw SyscallError.of(Errno.EACCES);
        }
        return 0;
    }

    private long mkdirat(int dirfd, long pathAddr, int mode) throws IOException {
        TruffleFile dir = fs.resolve(dirfd, um.readPath(pathAddr), false);
        int perm = mode & ~fs.umask() & 0777;
        try {
            dir.createDirectory(PosixFilePermissions.asFileAttribute(permissions(perm)));
        } catch (UnsupportedOperationException e) {
            dir.createDirectory();
        }
        setPermissionsQuietly(dir, perm);
        return 0;
    }

    private long unlinkat(int dirfd, long pathAddr, int flags) throws IOException {
        if ((flags & ~AT_REMOVEDIR) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        String path = um.readPath(pathAddr);
        TruffleFile f = fs.resolve(dirfd, path, false);
        FileStat st = FileStat.of(f, false, sys.uid(), sys.gid());
        if ((flags & AT_REMOVEDIR) != 0) {
            if (!st.isDirectory()) {
                throw SyscallError.of(Errno.ENOTDIR);
            }
            String last = path.replaceAll("/+$", "");
            last = last.substring(last.lastIndexOf('/') + 1);
            if (last.equals(".")) {
                throw SyscallError.of(Errno.EINVAL);
            } else if (last.equals("..")) {
                throw SyscallError.of(Errno.ENOTEMPTY);
            }
        } else if (st.isDirectory()) {
            throw SyscallError.of(Errno.EISDIR);
        }
        f.delete();
        return 0;
    }

    private long renameat2(int oldDirfd, long oldAddr, int newDirfd, long newAddr, int flags) throws IOException {
        if ((flags & ~RENAME_NOREPLACE) != 0) {
            throw SyscallError.of(Errno.EINVAL); // RENAME_EXCHANGE and RENAME_WHITEOUT: not supported
        }
        TruffleFile from = fs.resolve(oldDirfd, um.readPath(oldAddr), false);
        TruffleFile to = fs.resolve(newDirfd, um.readPath(newAddr), false);
        FileStat.of(from, false, sys.uid(), sys.gid()); // ENOENT before anything else
        if ((flags & RENAME_NOREPLACE) != 0 && to.exists(LinkOption.NOFOLLOW_LINKS)) {
            throw SyscallError.of(Errno.EEXIST);
        }
        // An atomic move is rename(2) itself: replaces the target, fails across file systems.
        from.move(to, StandardCopyOption.ATOMIC_MOVE);
        return 0;
    }

    private long symlinkat(long targetAddr, int newDirfd, long linkAddr) throws IOException {
        String target = um.readPath(targetAddr);
        TruffleFile link = fs.resolve(newDirfd, um.readPath(linkAddr), false);
        if (target.isEmpty()) {
            throw SyscallError.of(Errno.ENOENT);
        }
        // The target is stored as written: a relative one stays relative to the link.
        link.createSymbolicLink(sys.env.getPublicTruffleFile(target));
        return 0;
    }

    private long linkat(int oldDirfd, long oldAddr, int newDirfd, long newAddr, int flags) throws IOException {
        if ((flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        TruffleFile existing = fs.resolve(oldDirfd, um.readPath(oldAddr), (flags & AT_EMPTY_PATH) != 0);
        if ((flags & AT_SYMLINK_FOLLOW) != 0) {
            existing = existing.getCanonicalFile();
        }
        TruffleFile link = fs.resolve(newDirfd, um.readPath(newAddr), false);
        link.createLink(existing);
        return 0;
    }

    private long readlinkat(int dirfd, long pathAddr, long buf, long size) throws IOException {
        if (size <= 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        String path = um.readPath(pathAddr);
        String target;
        if (FsContext.isExeLink(path, sys.pid())) {
            target = fs.exePath();
        } else {
            TruffleFile f = fs.resolve(dirfd, path, true);
            FileStat st = FileStat.of(f, false, sys.uid(), sys.gid());
            if (st.type() != FileStat.S_IFLNK) {
                throw SyscallError.of(Errno.EINVAL);
            }
            target = f.readSymbolicLink().getPath();
        }
        byte[] b = target.getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(b.length, size);
        um.write(buf, b, 0, n);
        return n;
    }

    private long getcwd(long buf, long size) {
        byte[] path = fs.cwd().getPath().getBytes(StandardCharsets.UTF_8);
        if (size < path.length + 1) {
            throw SyscallError.of(Errno.ERANGE);
        }
        byte[] z = new byte[path.length + 1];
        System.arraycopy(path, 0, z, 0, path.length);
        um.write(buf, z);
        return z.length;
    }

    private long chdir(TruffleFile dir) throws IOException {
        FileStat st = FileStat.of(dir, true, sys.uid(), sys.gid());
        if (!st.isDirectory()) {
            throw SyscallError.of(Errno.ENOTDIR);
        }
        if (!dir.isExecutable()) {
            throw SyscallError.of(Errno.EACCES);
        }
        fs.setCwd(dir.getCanonicalFile());
        return 0;
    }

    private long fchdir(int fd) throws IOException {
        OpenFile f = fds.get(fd);
        if (f.file() == null || !(f instanceof DirectoryFile || f instanceof PathFile)) {
            throw SyscallError.of(Errno.ENOTDIR);
        }
        return chdir(f.file());
    }

    private long fchmod(int fd, int mode) throws IOException {
        fdFile(fd).setPosixPermissions(permissions(mode & 0777));
        return 0;
    }

    private long fchmodat(int dirfd, long pathAddr, int mode, int flags) throws IOException {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        TruffleFile f = resolve(dirfd, pathAddr, flags);
        if ((flags & AT_SYMLINK_NOFOLLOW) != 0) {
            FileStat st = FileStat.of(f, false, sys.uid(), sys.gid());
            if (st.type() == FileStat.S_IFLNK) {
                throw SyscallError.of(Errno.EOPNOTSUPP);
            }
        }
        f.setPosixPermissions(permissions(mode & 0777));
        return 0;
    }

    /** Changing owners is not possible through Truffle: only a change to what already is succeeds. */
    private long chown(TruffleFile f, int uid, int gid, int flags) throws IOException {
        FileStat st = FileStat.of(f, (flags & AT_SYMLINK_NOFOLLOW) == 0, sys.uid(), sys.gid());
        if ((uid != -1 && uid != st.uid()) || (gid != -1 && gid != st.gid())) {
            throw SyscallError.of(Errno.EPERM);
        }
        return 0;
    }

    private long utimensat(int dirfd, long pathAddr, long timesAddr, int flags) throws IOException {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        TruffleFile f;
        if (pathAddr == 0) {
            f = dirfd == AT_FDCWD ? null : fdFile(dirfd); // futimens
            if (f == null) {
                throw SyscallError.of(Errno.EFAULT);
            }
        } else {
            f = resolve(dirfd, pathAddr, flags);
        }
        Instant now = Instant.now();
        FileTime atime = FileTime.from(now);
        FileTime mtime = FileTime.from(now);
        boolean setA = true;
        boolean setM = true;
        if (timesAddr != 0) {
            ByteBuffer b = um.readStruct(timesAddr, 32);
            long aSec = b.getLong();
            long aNsec = b.getLong();
            long mSec = b.getLong();
            long mNsec = b.getLong();
            setA = aNsec != UTIME_OMIT;
            setM = mNsec != UTIME_OMIT;
            if (setA && aNsec != UTIME_NOW) {
                atime = FileTime.from(timestamp(aSec, aNsec));
            }
            if (setM && mNsec != UTIME_NOW) {
                mtime = FileTime.from(timestamp(mSec, mNsec));
            }
        }
        LinkOption[] options = (flags & AT_SYMLINK_NOFOLLOW) != 0 ? new LinkOption[]{LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        FileStat.of(f, options.length == 0, sys.uid(), sys.gid());
        if (setM) {
            f.setLastModifiedTime(mtime, options);
        }
        if (setA) {
            f.setLastAccessTime(atime, options);
        }
        return 0;
    }

    private static Instant timestamp(long sec, long nsec) {
        if (nsec < 0 || nsec >= 1_000_000_000L) {
            throw SyscallError.of(Errno.EINVAL);
        }
        return Instant.ofEpochSecond(sec, nsec);
    }

    private long truncate(long pathAddr, long length) throws IOException {
        if (length < 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        TruffleFile f = fs.resolve(AT_FDCWD, um.readPath(pathAddr), false);
        FileStat st = FileStat.of(f, true, sys.uid(), sys.gid());
        if (st.isDirectory()) {
            throw SyscallError.of(Errno.EISDIR);
        }
        try (SeekableByteChannel ch = f.newByteChannel(Set.of(StandardOpenOption.WRITE))) {
            new RegularFile(f, ch, LinuxFlags.O_WRONLY, st).truncate(length);
        }
        return 0;
    }

    /** struct statfs (120 bytes) from what the file's store tells. */
    private long statfs(TruffleFile f, long buf) throws IOException {
        FileStat.of(f, true, sys.uid(), sys.gid());
        um.checkWrite(buf, 120);
        long bsize = 4096;
        long total = 0;
        long free = 0;
        long avail = 0;
        boolean readOnly = false;
        try {
            TruffleFile.FileStoreInfo info = f.getFileStoreInfo();
            bsize = Math.max(512, info.getBlockSize());
            total = info.getTotalSpace() / bsize;
            free = info.getUnallocatedSpace() / bsize;
            avail = info.getUsableSpace() / bsize;
            readOnly = info.isReadOnly();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // unknown sizes stay 0
        }
        ByteBuffer b = UserMemory.struct(120);
        b.putLong(0xEF53); // f_type: claims ext4
        b.putLong(bsize);
        b.putLong(total);
        b.putLong(free);
        b.putLong(avail);
        b.putLong(1_000_000); // f_files
        b.putLong(500_000); // f_ffree
        b.putLong(0); // f_fsid
        b.putLong(255); // f_namelen
        b.putLong(bsize); // f_frsize
        b.putLong(readOnly ? 1 : 0); // f_flags: ST_RDONLY
        um.write(buf, b);
        return 0;
    }

    private long mknodat(int dirfd, long pathAddr, int mode) throws IOException {
        int type = mode & FileStat.S_IFMT;
        TruffleFile f = fs.resolve(dirfd, um.readPath(pathAddr), false);
        if (type == 0 || type == FileStat.S_IFREG) {
            int perm = mode & ~fs.umask() & 0777;
            f.createFile(PosixFilePermissions.asFileAttribute(permissions(perm)));
            return 0;
        }
        throw SyscallError.of(Errno.EPERM); // devices, fifos and sockets cannot be made through Truffle
    }
}
