package org.rvtrace.language.syscall;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.TruffleFile;

/**
 * An open directory: getdents64 hands out its entries ("." and ".." first) as
 * {@code struct linux_dirent64} records. The listing is taken on the first read and again
 * after a rewind; the offset is an index into it, which is also each record's d_off cookie,
 * so telldir/seekdir work.
 */
final class DirectoryFile extends OpenFile {
    private record Entry(byte[] name, long ino, int type) {
    }

    private final TruffleFile dir;
    private List<Entry> entries;
    private int position;

    DirectoryFile(TruffleFile dir, int statusFlags) {
        super(statusFlags);
        this.dir = dir;
    }

    /** Fills up to count bytes at buf with records; returns the bytes used, 0 at the end. */
    synchronized int getdents64(Syscalls sys, UserMemory um, long buf, int count) throws IOException {
        if (entries == null) {
            entries = list(sys);
        }
        ByteBuffer out = UserMemory.struct(Math.max(0, Math.min(count, 1 << 20)));
        while (position < entries.size()) {
            Entry e = entries.get(position);
            int reclen = (19 + e.name.length + 1 + 7) & ~7;
            if (out.remaining() < reclen) {
                if (out.position() == 0) {
                    throw SyscallError.of(Errno.EINVAL); // not even one record fits
                }
                break;
            }
            int start = out.position();
            out.putLong(e.ino);
            out.putLong(position + 1); // d_off: where the next record starts
            out.putShort((short) reclen);
            out.put((byte) e.type);
            out.put(e.name);
            out.position(start + reclen); // the NUL and the padding stay zero
            position++;
        }
        um.write(buf, out.array(), 0, out.position());
        return out.position();
    }

    private List<Entry> list(Syscalls sys) throws IOException {
        List<Entry> list = new ArrayList<>();
        list.add(new Entry(bytes("."), inode(sys, dir), 4));
        TruffleFile parent = dir.resolve("..");
        list.add(new Entry(bytes(".."), inode(sys, parent), 4));
        try (DirectoryStream<TruffleFile> stream = dir.newDirectoryStream()) {
            for (TruffleFile f : stream) {
                int type = 0;
                long ino = 0;
                try {
                    FileStat st = FileStat.of(f, false, sys.uid(), sys.gid());
                    type = st.direntType();
                    ino = st.ino();
                } catch (IOException e) {
                    // gone meanwhile: DT_UNKNOWN, as some file systems report anyway
                }
                list.add(new Entry(bytes(f.getName()), ino, type));
            }
        }
        return list;
    }

    private static long inode(Syscalls sys, TruffleFile f) {
        try {
            return FileStat.of(f, true, sys.uid(), sys.gid()).ino();
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    int read(byte[] b, int off, int len) {
        throw SyscallError.of(Errno.EISDIR);
    }

    @Override
    synchronized long seek(long offset, int whence) {
        long target = switch (whence) {
            case RegularFile.SEEK_SET -> offset;
            case RegularFile.SEEK_CUR -> position + offset;
            default -> throw SyscallError.of(Errno.EINVAL);
        };
        if (target < 0 || target > Integer.MAX_VALUE) {
            throw SyscallError.of(Errno.EINVAL);
        }
        if (target == 0) {
            entries = null; // rewinddir sees new entries
        }
        position = (int) target;
        return target;
    }

    @Override
    FileStat stat(Syscalls sys) throws IOException {
        return FileStat.of(dir, true, sys.uid(), sys.gid());
    }

    @Override
    TruffleFile file() {
        return dir;
    }

    @Override
    String describe() {
        return dir.getPath();
    }
}
