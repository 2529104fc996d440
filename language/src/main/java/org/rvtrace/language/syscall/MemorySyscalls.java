package org.rvtrace.language.syscall;

import static org.rvtrace.language.syscall.LinuxFlags.MAP_ANONYMOUS;
import static org.rvtrace.language.syscall.LinuxFlags.MAP_FIXED;
import static org.rvtrace.language.syscall.LinuxFlags.MAP_FIXED_NOREPLACE;
import static org.rvtrace.language.syscall.LinuxFlags.MAP_PRIVATE;
import static org.rvtrace.language.syscall.LinuxFlags.MAP_SHARED;
import static org.rvtrace.language.syscall.LinuxFlags.MAP_SHARED_VALIDATE;
import static org.rvtrace.language.syscall.LinuxFlags.MAP_TYPE;

import java.io.IOException;

import org.rvtrace.language.elf.AddressSpace;
import org.rvtrace.language.memory.GuestMemory;

/**
 * brk, mmap, munmap, mprotect, mremap, madvise and friends over the guest's 4 GiB window.
 * mmap hands out addresses top-down from {@link AddressSpace#MMAP_TOP}, like Linux's
 * default layout, honours hints that are free, and fills file mappings with a copy of the
 * file (MAP_PRIVATE semantics; MAP_SHARED writes do not reach the file).
 */
final class MemorySyscalls {
    private static final long PAGE = GuestMemory.PAGE_SIZE;
    private static final int MREMAP_MAYMOVE = 1;
    private static final int MREMAP_FIXED = 2;
    private static final int MREMAP_DONTUNMAP = 4;
    private static final int MADV_DONTNEED = 4;
    private static final int MADV_FREE = 8;
    private static final int CHUNK = 1 << 20;

    private final Syscalls sys;
    private final GuestMemory mem;
    private final UserMemory um;
    private final MappedRanges ranges = new MappedRanges();
    private final SharedFileMappings shared;
    private long brkStart;
    private long brk;

    MemorySyscalls(Syscalls sys) {
        this.sys = sys;
        this.mem = sys.user.mem;
        this.um = sys.user;
        this.shared = new SharedFileMappings(mem);
    }

    void register(SyscallTable t) {
        t.def(214, "brk", "p", SyscallTable.Result.HEX, (h, a) -> brk(a[0]));
        t.def(222, "mmap", "puPmil", SyscallTable.Result.HEX, (h, a) -> mmap(a[0], a[1], (int) a[2], (int) a[3], (int) a[4], a[5]));
        t.def(215, "munmap", "pu", (h, a) -> munmap(a[0], a[1]));
        t.def(226, "mprotect", "puP", (h, a) -> mprotect(a[0], a[1], (int) a[2]));
        t.def(216, "mremap", "puuXp", SyscallTable.Result.HEX, (h, a) -> mremap(a[0], a[1], a[2], (int) a[3], a[4]));
        t.def(233, "madvise", "pui", (h, a) -> madvise(a[0], a[1], (int) a[2]));
        t.def(227, "msync", "puX", (h, a) -> msync(a[0], a[1], (int) a[2]));
        t.def(228, "mlock", "pu", (h, a) -> checkMapped(a[0], a[1]));
        t.def(229, "munlock", "pu", (h, a) -> checkMapped(a[0], a[1]));
        t.def(284, "mlock2", "puX", (h, a) -> checkMapped(a[0], a[1]));
        t.def(230, "mlockall", "X", (h, a) -> 0);
        t.def(231, "munlockall", "", (h, a) -> 0);
        t.def(232, "mincore", "pup", (h, a) -> mincore(a[0], a[1], a[2]));
        t.def(259, "riscv_flush_icache", "ppX", (h, a) -> 0); // stores into code invalidate it already
    }

    synchronized void setBrk(long start) {
        brkStart = start;
        brk = start;
    }

    // ---------------------------------------------------------------- brk

    synchronized long brk(long addr) {
        if (addr < brkStart || addr >= AddressSpace.MMAP_TOP) {
            return brk;
        }
        long oldTop = AddressSpace.pageUp(brk);
        long newTop = AddressSpace.pageUp(addr);
        if (newTop > oldTop) {
            if (!isFree(oldTop, newTop - oldTop)) {
                return brk;
            }
            mem.protect(oldTop, newTop - oldTop, GuestMemory.READ | GuestMemory.WRITE);
        } else if (newTop < oldTop) {
            mem.unmap(newTop, oldTop - newTop);
        }
        brk = addr;
        return brk;
    }

    // ---------------------------------------------------------------- mmap

    /** Page protections of a PROT_* value: on RISC-V a writable page is readable too. */
    private static int pageProt(int prot) {
        int p = prot & (GuestMemory.READ | GuestMemory.WRITE | GuestMemory.EXEC);
        if ((p & GuestMemory.WRITE) != 0) {
            p |= GuestMemory.READ;
        }
        return p;
    }

    private static void checkProt(int prot) {
        if ((prot & ~(LinuxFlags.PROT_READ | LinuxFlags.PROT_WRITE | LinuxFlags.PROT_EXEC | LinuxFlags.PROT_GROWSDOWN
                        | LinuxFlags.PROT_GROWSUP)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
    }

    synchronized long mmap(long addr, long length, int prot, int flags, int fd, long offset) throws IOException {
        int type = flags & MAP_TYPE;
        if (length == 0 || (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE)) {
            throw SyscallError.of(Errno.EINVAL);
        }
        checkProt(prot);
        if ((offset & (PAGE - 1)) != 0 || offset < 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        long len = AddressSpace.pageUp(length);
        if (len <= 0 || len > GuestMemory.WINDOW) {
            throw SyscallError.of(Errno.ENOMEM);
        }
        RegularFile file = null;
        if ((flags & MAP_ANONYMOUS) == 0) {
            OpenFile f = sys.fds.get(fd);
            if (!(f instanceof RegularFile rf)) {
                throw SyscallError.of(Errno.ENODEV);
            }
            if (!f.readable() || (type != MAP_PRIVATE && (prot & LinuxFlags.PROT_WRITE) != 0 && !f.writable())) {
                throw SyscallError.of(Errno.EACCES);
            }
            file = rf;
        }
        long at;
        if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0) {
            if ((addr & (PAGE - 1)) != 0) {
                throw SyscallError.of(Errno.EINVAL);
            }
            if (!GuestMemory.inWindow(addr, len) || addr < AddressSpace.MMAP_MIN) {
                throw SyscallError.of((flags & MAP_FIXED) != 0 && addr < AddressSpace.MMAP_MIN ? Errno.EPERM : Errno.ENOMEM);
            }
            if ((flags & MAP_FIXED) == 0 && !isFree(addr, len)) {
                throw SyscallError.of(Errno.EEXIST);
            }
            at = addr;
            release(at, len);
        } else {
            long hint = AddressSpace.pageDown(addr);
            at = hint >= AddressSpace.MMAP_MIN && GuestMemory.inWindow(hint, len) && isFree(hint, len) ? hint : findFree(len);
        }
        if (file != null) {
            fill(file, at, offset, len);
            if (type != MAP_PRIVATE && file.writable()) {
                shared.add(at, at + len, file, offset);
            }
        }
        mem.protect(at, len, pageProt(prot));
        ranges.add(at, at + len);
        return at;
    }

    /** Copies the file's bytes from offset into the fresh pages at addr; the rest stays zero. */
    private void fill(RegularFile file, long addr, long offset, long len) throws IOException {
        byte[] buf = new byte[(int) Math.min(len, CHUNK)];
        long done = 0;
        while (done < len) {
            int n = file.pread(buf, 0, (int) Math.min(buf.length, len - done), offset + done);
            if (n <= 0) {
                break;
            }
            mem.write(addr + done, buf, 0, n);
            done += n;
        }
    }

    /** Whether nothing is mapped in [addr, addr+len), PROT_NONE reservations included. */
    private boolean isFree(long addr, long len) {
        return GuestMemory.inWindow(addr, len) && !ranges.overlaps(addr, addr + len) && mem.isFree(addr, len);
    }

    /** The highest free range of len bytes below MMAP_TOP. */
    private long findFree(long len) {
        long top = AddressSpace.MMAP_TOP;
        while (top - len >= AddressSpace.MMAP_MIN) {
            long start = top - len;
            long taken = ranges.highestOverlapStart(start, top);
            if (taken >= 0) {
                top = taken;
                continue;
            }
            long page = highestMappedPage(start, top);
            if (page >= 0) {
                top = page;
                continue;
            }
            return start;
        }
        throw SyscallError.of(Errno.ENOMEM);
    }

    private long highestMappedPage(long start, long end) {
        for (long p = end - PAGE; p >= start; p -= PAGE) {
            if (mem.isMapped(p)) {
                return p;
            }
        }
        return -1;
    }

    /** Unmaps whatever is in [addr, addr+len): the pages become inaccessible and zero. */
    private void release(long addr, long len) throws IOException {
        long end = addr + len;
        shared.remove(addr, end);
        long p = addr;
        while (p < end) {
            if (!mem.isMapped(p) && !ranges.overlaps(p, p + PAGE)) {
                p += PAGE;
                continue;
            }
            long runEnd = p + PAGE;
            while (runEnd < end && (mem.isMapped(runEnd) || ranges.overlaps(runEnd, runEnd + PAGE))) {
                runEnd += PAGE;
            }
            mem.unmap(p, runEnd - p);
            p = runEnd;
        }
        ranges.remove(addr, end);
    }

    synchronized long munmap(long addr, long length) throws IOException {
        if ((addr & (PAGE - 1)) != 0 || length == 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        long len = AddressSpace.pageUp(length);
        if (len <= 0 || !GuestMemory.inWindow(addr, len)) {
            throw SyscallError.of(Errno.EINVAL);
        }
        release(addr, len);
        return 0;
    }

    /** Every page of [addr, addr+len) is mapped (PROT_NONE counts), else ENOMEM. */
    private void requireMapped(long addr, long len) {
        if (!GuestMemory.inWindow(addr, len)) {
            throw SyscallError.of(Errno.ENOMEM);
        }
        for (long p = addr; p < addr + len; p += PAGE) {
            if (!mem.isMapped(p) && !ranges.overlaps(p, p + PAGE)) {
                throw SyscallError.of(Errno.ENOMEM);
            }
        }
    }

    synchronized long mprotect(long addr, long length, int prot) {
        if ((addr & (PAGE - 1)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        checkProt(prot);
        long len = AddressSpace.pageUp(length);
        if (len == 0) {
            return 0;
        }
        requireMapped(addr, len);
        mem.protect(addr, len, pageProt(prot));
        if (pageProt(prot) == 0) {
            ranges.add(addr, addr + len); // stays reserved although no page flag says so
        }
        return 0;
    }

    synchronized long mremap(long oldAddr, long oldSize, long newSize, int flags, long newAddr) throws IOException {
        if ((oldAddr & (PAGE - 1)) != 0 || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) != 0
                        || ((flags & MREMAP_FIXED) != 0 && (flags & MREMAP_MAYMOVE) == 0) || newSize == 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        long oldLen = AddressSpace.pageUp(oldSize);
        long newLen = AddressSpace.pageUp(newSize);
        if (newLen <= 0 || newLen > GuestMemory.WINDOW) {
            throw SyscallError.of(Errno.ENOMEM);
        }
        if (oldLen == 0) {
            throw SyscallError.of(Errno.EINVAL); // duplicating a shared mapping: nothing is shared here
        }
        if (!GuestMemory.inWindow(oldAddr, oldLen)) {
            throw SyscallError.of(Errno.EFAULT);
        }
        for (long p = oldAddr; p < oldAddr + oldLen; p += PAGE) {
            if (!mem.isMapped(p) && !ranges.overlaps(p, p + PAGE)) {
                throw SyscallError.of(Errno.EFAULT);
            }
        }
        if ((flags & MREMAP_FIXED) != 0) {
            if ((newAddr & (PAGE - 1)) != 0 || !GuestMemory.inWindow(newAddr, newLen) || newAddr < AddressSpace.MMAP_MIN
                            || (newAddr < oldAddr + oldLen && oldAddr < newAddr + newLen)) {
                throw SyscallError.of(Errno.EINVAL);
            }
            release(newAddr, newLen);
            return move(oldAddr, oldLen, newAddr, newLen, flags);
        }
        if (newLen <= oldLen) {
            release(oldAddr + newLen, oldLen - newLen);
            return oldAddr;
        }
        long tail = oldAddr + oldLen;
        if (isFree(tail, newLen - oldLen)) {
            mem.protect(tail, newLen - oldLen, mem.protection(tail - PAGE));
            ranges.add(oldAddr, oldAddr + newLen);
            return oldAddr;
        }
        if ((flags & MREMAP_MAYMOVE) == 0) {
            throw SyscallError.of(Errno.ENOMEM);
        }
        return move(oldAddr, oldLen, findFree(newLen), newLen, flags);
    }

    /** Moves a mapping to free pages at to, keeping each page's protection; grown pages take the last one's. */
    private long move(long from, long oldLen, long to, long newLen, int flags) throws IOException {
        shared.remove(from, from + oldLen); // the copy is private from here on
        long common = Math.min(oldLen, newLen);
        mem.copy(from, to, common);
        for (long off = 0; off < newLen; off += PAGE) {
            mem.protect(to + off, PAGE, mem.protection(from + Math.min(off, oldLen - PAGE)));
        }
        ranges.add(to, to + newLen);
        if ((flags & MREMAP_DONTUNMAP) != 0) {
            mem.fill(from, oldLen, (byte) 0);
        } else {
            release(from, oldLen);
        }
        return to;
    }

    synchronized long madvise(long addr, long length, int advice) {
        if ((addr & (PAGE - 1)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        long len = AddressSpace.pageUp(length);
        if (len == 0) {
            return 0;
        }
        requireMapped(addr, len);
        if (advice == MADV_DONTNEED || advice == MADV_FREE) {
            // Private anonymous memory reads back as zero afterwards; programs rely on it.
            for (long p = addr; p < addr + len; p += PAGE) {
                if (mem.isMapped(p)) {
                    mem.fill(p, PAGE, (byte) 0);
                }
            }
        }
        return 0;
    }

    private synchronized long msync(long addr, long length, int flags) throws IOException {
        if ((flags & ~7) != 0 || (flags & 5) == 5) { // MS_ASYNC 1, MS_INVALIDATE 2, MS_SYNC 4
            throw SyscallError.of(Errno.EINVAL);
        }
        checkMapped(addr, length);
        shared.sync(addr, addr + AddressSpace.pageUp(length));
        return 0;
    }

    /** At exit: what shared file mappings changed goes to the files. */
    synchronized void writeBackShared() {
        try {
            shared.removeAll();
        } catch (IOException e) {
            // the program is gone; nobody to tell
        }
    }

    private synchronized long checkMapped(long addr, long length) {
        if ((addr & (PAGE - 1)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        requireMapped(addr, AddressSpace.pageUp(length));
        return 0;
    }

    private synchronized long mincore(long addr, long length, long vec) {
        if ((addr & (PAGE - 1)) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        long len = AddressSpace.pageUp(length);
        requireMapped(addr, len);
        byte[] v = new byte[(int) (len / PAGE)];
        java.util.Arrays.fill(v, (byte) 1);
        um.write(vec, v);
        return 0;
    }

    /** Whether the page at addr belongs to some mmap'ed range (PROT_NONE ones too). */
    synchronized boolean reserved(long addr) {
        return ranges.overlaps(addr, addr + 1);
    }

    /** The break's current page range [start, end), for /proc/self/maps. */
    synchronized long[] heap() {
        return new long[]{brkStart, AddressSpace.pageUp(brk)};
    }

    /** Bytes mapped in the window (for getrusage and sysinfo). */
    synchronized long mappedBytes() {
        long n = 0;
        for (long p = 0; p < GuestMemory.WINDOW; p += PAGE) {
            if (mem.isMapped(p)) {
                n += PAGE;
            }
        }
        return n;
    }
}
