package org.rvtrace.language.syscall;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleFile.AttributeDescriptor;
import com.oracle.truffle.api.TruffleFile.Attributes;

/**
 * The metadata of a file, as stat(2) reports it, read through Truffle's file attributes;
 * writes the asm-generic {@code struct stat} (128 bytes) and {@code struct statx} (256).
 */
record FileStat(long dev, long ino, int mode, int nlink, int uid, int gid, long rdev, long size, int blksize, long blocks,
                Instant atime, Instant mtime, Instant ctime, Instant btime) {

    static final int S_IFMT = 0170000;
    static final int S_IFSOCK = 0140000;
    static final int S_IFLNK = 0120000;
    static final int S_IFREG = 0100000;
    static final int S_IFBLK = 0060000;
    static final int S_IFDIR = 0040000;
    static final int S_IFCHR = 0020000;
    static final int S_IFIFO = 0010000;

    static final int STAT_SIZE = 128;
    static final int STATX_SIZE = 256;
    /** STATX_TYPE | MODE | NLINK | UID | GID | ATIME | MTIME | CTIME | INO | SIZE | BLOCKS. */
    static final int STATX_BASIC_STATS = 0x7ff;
    static final int STATX_BTIME = 0x800;

    private static final List<AttributeDescriptor<?>> UNIX = List.of(TruffleFile.UNIX_DEV, TruffleFile.UNIX_INODE, TruffleFile.UNIX_MODE,
                    TruffleFile.UNIX_NLINK, TruffleFile.UNIX_UID, TruffleFile.UNIX_GID, TruffleFile.UNIX_RDEV, TruffleFile.SIZE,
                    TruffleFile.LAST_ACCESS_TIME, TruffleFile.LAST_MODIFIED_TIME, TruffleFile.UNIX_CTIME, TruffleFile.CREATION_TIME);
    private static final List<AttributeDescriptor<?>> BASIC = List.of(TruffleFile.IS_DIRECTORY, TruffleFile.IS_REGULAR_FILE,
                    TruffleFile.IS_SYMBOLIC_LINK, TruffleFile.SIZE, TruffleFile.LAST_ACCESS_TIME, TruffleFile.LAST_MODIFIED_TIME,
                    TruffleFile.CREATION_TIME);

    /** Reads the attributes of file (of a symbolic link itself when follow is false). */
    static FileStat of(TruffleFile file, boolean follow, int fallbackUid, int fallbackGid) throws IOException {
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[]{LinkOption.NOFOLLOW_LINKS};
        try {
            Attributes a = file.getAttributes(UNIX, options);
            long size = a.get(TruffleFile.SIZE);
            Instant mtime = a.get(TruffleFile.LAST_MODIFIED_TIME).toInstant();
            return new FileStat(a.get(TruffleFile.UNIX_DEV), a.get(TruffleFile.UNIX_INODE), a.get(TruffleFile.UNIX_MODE),
                            a.get(TruffleFile.UNIX_NLINK), a.get(TruffleFile.UNIX_UID), a.get(TruffleFile.UNIX_GID),
                            a.get(TruffleFile.UNIX_RDEV), size, 4096, blocksFor(size), instant(a.get(TruffleFile.LAST_ACCESS_TIME), mtime), mtime,
                            instant(a.get(TruffleFile.UNIX_CTIME), mtime), instant(a.get(TruffleFile.CREATION_TIME), null));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // A file system without Unix attributes (an embedder's virtual one): make them up.
            Attributes a = file.getAttributes(BASIC, options);
            int type = a.get(TruffleFile.IS_DIRECTORY) ? S_IFDIR
                            : a.get(TruffleFile.IS_SYMBOLIC_LINK) ? S_IFLNK : a.get(TruffleFile.IS_REGULAR_FILE) ? S_IFREG : S_IFCHR;
            int perm = type == S_IFDIR ? 0755 : 0644;
            long size = a.get(TruffleFile.SIZE);
            Instant mtime = a.get(TruffleFile.LAST_MODIFIED_TIME).toInstant();
            return new FileStat(1, Integer.toUnsignedLong(file.getAbsoluteFile().getPath().hashCode()), type | perm, type == S_IFDIR ? 2 : 1,
                            fallbackUid, fallbackGid, 0, size, 4096, blocksFor(size), instant(a.get(TruffleFile.LAST_ACCESS_TIME), mtime),
                            mtime, mtime, instant(a.get(TruffleFile.CREATION_TIME), null));
        }
    }

    /** Metadata for something that is no file: a stream or a pipe. */
    static FileStat synthetic(int mode, long ino, int uid, int gid, long size, Instant time) {
        return new FileStat(0x0c, ino, mode, 1, uid, gid, 0, size, 4096, 0, time, time, time, null);
    }

    FileStat withSize(long newSize) {
        return new FileStat(dev, ino, mode, nlink, uid, gid, rdev, newSize, blksize, blocksFor(newSize), atime, mtime, ctime, btime);
    }

    private static Instant instant(FileTime t, Instant fallback) {
        return t == null ? fallback : t.toInstant();
    }

    private static long blocksFor(long size) {
        // Allocation in whole 4 KiB blocks, counted in 512-byte units as st_blocks is.
        return (size + 4095) / 4096 * 8;
    }

    int type() {
        return mode & S_IFMT;
    }

    boolean isDirectory() {
        return type() == S_IFDIR;
    }

    /** d_type of a directory entry for this file. */
    int direntType() {
        return type() >>> 12;
    }

    ByteBuffer toStat() {
        ByteBuffer b = UserMemory.struct(STAT_SIZE);
        b.putLong(dev);
        b.putLong(ino);
        b.putInt(mode);
        b.putInt(nlink);
        b.putInt(uid);
        b.putInt(gid);
        b.putLong(rdev);
        b.putLong(0); // __pad1
        b.putLong(size);
        b.putInt(blksize);
        b.putInt(0); // __pad2
        b.putLong(blocks);
        putTimespec(b, atime);
        putTimespec(b, mtime);
        putTimespec(b, ctime);
        return b;
    }

    ByteBuffer toStatx() {
        ByteBuffer b = UserMemory.struct(STATX_SIZE);
        b.putInt(STATX_BASIC_STATS | (btime != null ? STATX_BTIME : 0));
        b.putInt(blksize);
        b.putLong(0); // stx_attributes
        b.putInt(nlink);
        b.putInt(uid);
        b.putInt(gid);
        b.putShort((short) mode);
        b.putShort((short) 0);
        b.putLong(ino);
        b.putLong(size);
        b.putLong(blocks);
        b.putLong(0); // stx_attributes_mask
        putStatxTime(b, atime);
        putStatxTime(b, btime == null ? Instant.EPOCH : btime);
        putStatxTime(b, ctime);
        putStatxTime(b, mtime);
        b.putInt(major(rdev));
        b.putInt(minor(rdev));
        b.putInt(major(dev));
        b.putInt(minor(dev));
        return b;
    }

    private static void putTimespec(ByteBuffer b, Instant t) {
        b.putLong(t.getEpochSecond());
        b.putLong(t.getNano());
    }

    private static void putStatxTime(ByteBuffer b, Instant t) {
        b.putLong(t.getEpochSecond());
        b.putInt(t.getNano());
        b.putInt(0);
    }

    /** gnu_dev_major of a dev_t as glibc (and Java's unix:dev) encode it. */
    static int major(long dev) {
        return (int) (((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL));
    }

    static int minor(long dev) {
        return (int) ((dev & 0xff) | ((dev >>> 12) & ~0xffL));
    }
}
