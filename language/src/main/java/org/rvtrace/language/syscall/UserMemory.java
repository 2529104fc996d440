package org.rvtrace.language.syscall;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.rvtrace.language.memory.GuestMemory;

/**
 * Guest memory as the kernel's copy_from_user/copy_to_user see it: every access is checked
 * against the page protections first and fails with EFAULT instead of faulting.
 */
final class UserMemory {
    /** PATH_MAX, including the terminating NUL. */
    static final int PATH_MAX = 4096;

    final GuestMemory mem;

    UserMemory(GuestMemory mem) {
        this.mem = mem;
    }

    void checkRead(long addr, long len) {
        if (len != 0 && !mem.accessible(addr, len, GuestMemory.READ)) {
            throw SyscallError.of(Errno.EFAULT);
        }
    }

    void checkWrite(long addr, long len) {
        if (len != 0 && !mem.accessible(addr, len, GuestMemory.WRITE)) {
            throw SyscallError.of(Errno.EFAULT);
        }
    }

    /**
     * How many bytes from addr on (at most len) are accessible with prot: a transfer that
     * runs into a bad page stops there, as the kernel's copy does.
     */
    long accessiblePrefix(long addr, long len, int prot) {
        if (len <= 0) {
            return 0;
        }
        if (!GuestMemory.inWindow(addr, 1)) {
            return 0;
        }
        long end = Math.min(addr + len, GuestMemory.WINDOW);
        long page = addr & -GuestMemory.PAGE_SIZE;
        while (page < end && mem.accessible(page, 1, prot)) {
            page += GuestMemory.PAGE_SIZE;
        }
        return Math.max(0, Math.min(page, end) - addr);
    }

    byte[] read(long addr, int len) {
        checkRead(addr, len);
        return len == 0 ? new byte[0] : mem.read(addr, len);
    }

    void write(long addr, byte[] data, int off, int len) {
        checkWrite(addr, len);
        if (len > 0) {
            mem.write(addr, data, off, len);
        }
    }

    void write(long addr, byte[] data) {
        write(addr, data, 0, data.length);
    }

    long readLong(long addr) {
        checkRead(addr, 8);
        return mem.readLong(addr);
    }

    int readInt(long addr) {
        checkRead(addr, 4);
        return mem.readInt(addr);
    }

    void writeLong(long addr, long value) {
        checkWrite(addr, 8);
        mem.writeLong(addr, value);
    }

    void writeInt(long addr, int value) {
        checkWrite(addr, 4);
        mem.writeInt(addr, value);
    }

    /** A path argument: EFAULT when unreadable, ENAMETOOLONG when it has no NUL within PATH_MAX. */
    String readPath(long addr) {
        byte[] b = mem.readCString(addr, PATH_MAX);
        if (b == null) {
            throw SyscallError.of(Errno.EFAULT);
        }
        if (b.length >= PATH_MAX) {
            throw SyscallError.of(Errno.ENAMETOOLONG);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A NUL-terminated string of at most max bytes (for strace; null when unreadable). */
    String peekString(long addr, int max) {
        byte[] b = mem.readCString(addr, max);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** A little-endian buffer for a struct of the given size, to fill and then {@link #write(long, ByteBuffer)}. */
    static ByteBuffer struct(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    void write(long addr, ByteBuffer struct) {
        write(addr, struct.array());
    }

    ByteBuffer readStruct(long addr, int size) {
        return ByteBuffer.wrap(read(addr, size)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** struct timespec as nanoseconds; EINVAL when tv_nsec is out of range or tv_sec negative. */
    long readTimespecNanos(long addr) {
        long sec = readLong(addr);
        long nsec = readLong(addr + 8);
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) {
            throw SyscallError.of(Errno.EINVAL);
        }
        if (sec >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        return sec * 1_000_000_000L + nsec;
    }

    void writeTimespec(long addr, long nanos) {
        ByteBuffer b = struct(16);
        b.putLong(Math.floorDiv(nanos, 1_000_000_000L));
        b.putLong(Math.floorMod(nanos, 1_000_000_000L));
        write(addr, b);
    }
}
