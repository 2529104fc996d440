package org.rvtrace.language.memory;

import java.nio.ByteOrder;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.rvtrace.language.internal.TheUnsafe;
import org.rvtrace.language.runtime.GuestFault;

import sun.misc.Unsafe;

/**
 * The guest's 32-bit address window: one contiguous host reservation, so a guest address
 * maps to a host address by one addition, and Graal compiles a guest load to a host load
 * after two checks (the address fits the window; the page allows the access).
 *
 * <p>Each 4 KiB page has a flags byte (read, write, execute, and {@link #CODE}: some
 * translated block was made from it). A store whose page carries CODE leaves the fast
 * path, and the {@link CodeWriteListener} invalidates exactly the blocks it overlaps. That
 * one mechanism serves self-modifying guests, code written into an mmap'ed buffer, and
 * ftrace patching alike, because they all store through here.
 */
public final class GuestMemory implements AutoCloseable {
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    /** The guest sees addresses [0, WINDOW); anything above faults. */
    public static final long WINDOW = 1L << 32;

    public static final byte READ = 1;
    public static final byte WRITE = 2;
    public static final byte EXEC = 4;
    /** Some translated block was decoded from this page. */
    public static final byte CODE = 8;
    /**
     * Writable, but written so rarely (ftrace's ops) that compiled code may take its
     * contents as constants, like read-only memory (see {@link #speculatable}).
     */
    public static final byte STABLE = 16;

    /** Notified (after the store) when a store touched a page holding translated code. */
    public interface CodeWriteListener {
        /** @return true when translated code overlapping [addr, addr+length) was invalidated */
        boolean codeWritten(long addr, int length);

        /** An assumption that [addr, addr+length) keeps its contents, invalidated by the first write to it. */
        com.oracle.truffle.api.Assumption watch(long addr, int length);
    }

    static final Unsafe UNSAFE = TheUnsafe.UNSAFE;

    /** Frees the reservation once nothing (a compiled function, a compiler thread) can reach this object. */
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    private final long base;
    private volatile boolean closed;
    private final byte[] pageFlags = new byte[(int) (WINDOW >>> PAGE_SHIFT)];
    private volatile CodeWriteListener codeListener = new CodeWriteListener() {
        @Override
        public boolean codeWritten(long addr, int length) {
            return false;
        }

        @Override
        public com.oracle.truffle.api.Assumption watch(long addr, int length) {
            return null;
        }
    };

    public GuestMemory() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("rvtrace needs a little-endian host");
        }
        // One reservation; the host kernel commits pages only when they are first touched.
        // A guard page above the window absorbs an 8-byte access that starts at WINDOW-1.
        // Guest pages are host pages (base is page aligned), so they can be given back to
        // the host one by one (see HostPages).
        long reservation = UNSAFE.allocateMemory(WINDOW + 2 * PAGE_SIZE);
        this.base = (reservation + PAGE_SIZE - 1) & -PAGE_SIZE;
        CLEANER.register(this, () -> UNSAFE.freeMemory(reservation));
    }

    public void setCodeWriteListener(CodeWriteListener listener) {
        this.codeListener = listener;
    }

    /**
     * Ends the guest's use of this memory. The host memory itself is freed later, by a
     * cleaner, because a compiler thread may still be decoding code of this context: freeing
     * it now could crash the JVM.
     */
    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- page management

    /** Pages with any access (a PROT_NONE reservation does not count), for the memory limit. */
    private long mappedPages;
    private long pageLimit = Long.MAX_VALUE;

    /** An embedder's memory limit (riscv.MemoryLimit): mapping beyond it ends the guest. */
    public synchronized void setLimit(long bytes) {
        pageLimit = bytes <= 0 ? Long.MAX_VALUE : bytes >>> PAGE_SHIFT;
    }

    /** Sets the protection of every page in [addr, addr+length); keeps the CODE bit. */
    public synchronized void protect(long addr, long length, int prot) {
        int access = prot & (READ | WRITE | EXEC);
        long delta = 0;
        for (long p = addr >>> PAGE_SHIFT; p < pageEnd(addr, length); p++) {
            boolean was = (pageFlags[(int) p] & (READ | WRITE | EXEC)) != 0;
            delta += (access != 0 ? 1 : 0) - (was ? 1 : 0);
        }
        if (delta > 0 && mappedPages + delta > pageLimit) {
            throw new org.rvtrace.language.runtime.RiscvError("memory limit exceeded: the guest maps " + ((mappedPages + delta) << PAGE_SHIFT)
                            + " bytes, the limit (riscv.MemoryLimit) is " + (pageLimit << PAGE_SHIFT));
        }
        mappedPages += delta;
        invalidateRegions(addr & -PAGE_SIZE, pageEnd(addr, length) << PAGE_SHIFT);
        if ((prot & EXEC) == 0 && touchesCode(addr, length)) {
            // Code translated from pages that lose PROT_EXEC must fault when run again.
            codeListener.codeWritten(addr & -PAGE_SIZE, (int) Math.min((pageEnd(addr, length) << PAGE_SHIFT) - (addr & -PAGE_SIZE), Integer.MAX_VALUE));
        }
        for (long p = addr >>> PAGE_SHIFT; p < pageEnd(addr, length); p++) {
            pageFlags[(int) p] = (byte) ((pageFlags[(int) p] & (CODE | STABLE)) | (prot & (READ | WRITE | EXEC)));
        }
    }

    /** Makes [addr, addr+length) inaccessible and zero (as a fresh mapping would be). */
    public synchronized void unmap(long addr, long length) {
        long start = addr & -PAGE_SIZE;
        long end = pageEnd(addr, length) << PAGE_SHIFT;
        invalidateRegions(start, end);
        codeListener.codeWritten(start, (int) Math.min(end - start, Integer.MAX_VALUE));
        boolean discarded = HostPages.discard(base + start, end - start);
        for (long p = start >>> PAGE_SHIFT; p < end >>> PAGE_SHIFT; p++) {
            if ((pageFlags[(int) p] & (READ | WRITE | EXEC)) != 0) {
                mappedPages--;
            }
            if (!discarded && pageFlags[(int) p] != 0) {
                // Only pages that were mapped can hold data; zeroing the others would make
                // the host commit memory nobody ever touched.
                UNSAFE.setMemory(base + (p << PAGE_SHIFT), PAGE_SIZE, (byte) 0);
            }
            pageFlags[(int) p] = 0;
        }
    }

    public boolean isMapped(long addr) {
        return inWindow(addr, 1) && pageFlags[(int) (addr >>> PAGE_SHIFT)] != 0;
    }

    public int protection(long addr) {
        return inWindow(addr, 1) ? pageFlags[(int) (addr >>> PAGE_SHIFT)] & (READ | WRITE | EXEC) : 0;
    }

    /** True when every page of [addr, addr+length) is unmapped. */
    public boolean isFree(long addr, long length) {
        if (!inWindow(addr, length)) {
            return false;
        }
        for (long p = addr >>> PAGE_SHIFT; p < pageEnd(addr, length); p++) {
            if (pageFlags[(int) p] != 0) {
                return false;
            }
        }
        return true;
    }

    /** See {@link CodeWriteListener#watch}. */
    public com.oracle.truffle.api.Assumption watch(long addr, int length) {
        return codeListener.watch(addr, length);
    }

    /** Marks [addr, addr+length) as {@link #STABLE}. */
    public synchronized void markStable(long addr, long length) {
        for (long p = addr >>> PAGE_SHIFT; p < pageEnd(addr, length); p++) {
            pageFlags[(int) p] |= STABLE;
        }
    }

    /**
     * Whether translated code may speculate on the contents at addr (guarded by a watch,
     * see CodeCache.watch): readable, and read-only or {@link #STABLE}. Every way such bytes
     * can change (a store, which then takes the checked path; a host write; munmap) reports
     * the write to the code listener.
     */
    public boolean speculatable(long addr) {
        if (!inWindow(addr, 8)) {
            return false;
        }
        int f = pageFlags[(int) (addr >>> PAGE_SHIFT)];
        return (f & READ) != 0 && ((f & WRITE) == 0 || (f & STABLE) != 0);
    }

    /** Marks a page as holding translated code, so stores to it take the checked path. */
    public void markCode(long addr) {
        int page = (int) (addr >>> PAGE_SHIFT);
        if ((pageFlags[page] & CODE) == 0) {
            // Stores to the page must see the code from now on: no store region may cover it.
            // Not under this object's lock: the code cache calls here holding its own, and
            // protect() holds this one when it calls the code cache.
            synchronized (regionLock) {
                invalidateRegions((long) page << PAGE_SHIFT, ((long) page + 1) << PAGE_SHIFT, true);
                pageFlags[page] |= CODE;
            }
        }
    }

    // ---------------------------------------------------------------- regions

    /** How far a region may reach from the address it was made for, each way. */
    private static final long REGION_REACH_PAGES = 1L << 16;
    /**
     * Guards {@link #regions}. Taken inside this object's lock (protect, unmap, regionAround)
     * or alone (markCode), never the other way round.
     */
    private final Object regionLock = new Object();
    /** Regions that compiled code may rely on. */
    private final java.util.List<Region> regions = new java.util.ArrayList<>();

    /**
     * The region of pages around addr that allow plain loads, plain stores, or both (an
     * {@code AccessRun} that loads and stores), as far as they reach without a gap; null
     * when addr's own page does not allow them. An existing valid region of the same kind
     * is shared.
     */
    @TruffleBoundary
    public synchronized Region regionAround(long addr, int size, boolean forLoads, boolean forStores) {
        synchronized (regionLock) {
            return makeRegion(addr, size, forLoads, forStores);
        }
    }

    private Region makeRegion(long addr, int size, boolean forLoads, boolean forStores) {
        if (!inWindow(addr, size) || !plainPage(addr >>> PAGE_SHIFT, forLoads, forStores)
                        || !plainPage((addr + size - 1) >>> PAGE_SHIFT, forLoads, forStores)) {
            return null;
        }
        for (Region r : regions) {
            if (r.forLoads == forLoads && r.forStores == forStores && r.contains(addr, size) && r.valid.isValid()) {
                return r;
            }
        }
        long first = addr >>> PAGE_SHIFT;
        long last = first;
        long floor = Math.max(0, first - REGION_REACH_PAGES);
        long ceiling = Math.min((WINDOW >>> PAGE_SHIFT) - 1, first + REGION_REACH_PAGES);
        while (first > floor && plainPage(first - 1, forLoads, forStores)) {
            first--;
        }
        while (last < ceiling && plainPage(last + 1, forLoads, forStores)) {
            last++;
        }
        Region r = new Region(first << PAGE_SHIFT, (last + 1) << PAGE_SHIFT, forLoads, forStores);
        regions.add(r);
        return r;
    }

    /** Same rules as {@link #readable} and {@link #plainWritable}, for one page: those asked for both hold. */
    private boolean plainPage(long page, boolean forLoads, boolean forStores) {
        int f = pageFlags[(int) page];
        return (!forLoads || (f & READ) != 0) && (!forStores || (f & (WRITE | CODE)) == WRITE);
    }

    /**
     * Before the flags of [start, end) change: every region overlapping it is given up (its
     * compiled code deoptimized) first, so none is relied on once the change is made.
     */
    private void invalidateRegions(long start, long end) {
        invalidateRegions(start, end, false);
    }

    /** With storesOnly, only store regions (for a page that now holds code: loads may go on). */
    private void invalidateRegions(long start, long end, boolean storesOnly) {
        synchronized (regionLock) {
            for (java.util.Iterator<Region> it = regions.iterator(); it.hasNext();) {
                Region r = it.next();
                if (!r.valid.isValid() || (r.overlaps(start, end) && (r.forStores || !storesOnly))) {
                    it.remove();
                    r.valid.invalidate();
                }
            }
        }
    }

    public boolean isExecutable(long addr) {
        return inWindow(addr, 1) && (pageFlags[(int) (addr >>> PAGE_SHIFT)] & EXEC) != 0;
    }

    private static long pageEnd(long addr, long length) {
        return (addr + length + PAGE_SIZE - 1) >>> PAGE_SHIFT;
    }

    public static boolean inWindow(long addr, long length) {
        return addr >= 0 && length >= 0 && addr + length <= WINDOW && addr + length >= addr;
    }

    // ---------------------------------------------------------------- guest loads

    private boolean readable(long addr) {
        return (addr >>> 32) == 0 && (pageFlags[(int) (addr >>> PAGE_SHIFT)] & READ) != 0;
    }

    public long load64(long addr, long pc) {
        if (!readable(addr)) {
            CompilerDirectives.transferToInterpreter();
            throw readFault(addr, pc);
        }
        return load64Unchecked(addr);
    }

    public int load32(long addr, long pc) {
        if (!readable(addr)) {
            CompilerDirectives.transferToInterpreter();
            throw readFault(addr, pc);
        }
        return load32Unchecked(addr);
    }

    public short load16(long addr, long pc) {
        if (!readable(addr)) {
            CompilerDirectives.transferToInterpreter();
            throw readFault(addr, pc);
        }
        return load16Unchecked(addr);
    }

    public byte load8(long addr, long pc) {
        if (!readable(addr)) {
            CompilerDirectives.transferToInterpreter();
            throw readFault(addr, pc);
        }
        return load8Unchecked(addr);
    }

    // ---------------------------------------------------------------- checked once, for a run

    /**
     * Whether every access of a run of loads and stores may skip its own checks: [lo, hi)
     * lies in the window, spans at most two pages (the caller keeps hi - lo within a page),
     * and both pages are readable (loads) and plainly writable (stores: writable, no
     * translated code or watched words). See {@code AccessRun}.
     */
    public boolean runAccessible(long lo, long hi, boolean loads, boolean stores) {
        int mask = (loads ? READ : 0) | (stores ? WRITE | CODE : 0);
        int expect = (loads ? READ : 0) | (stores ? WRITE : 0);
        return Long.compareUnsigned(lo, WINDOW) < 0 && Long.compareUnsigned(hi - 1, WINDOW) < 0 &&
                        (pageFlags[(int) (lo >>> PAGE_SHIFT)] & mask) == expect &&
                        (pageFlags[(int) ((hi - 1) >>> PAGE_SHIFT)] & mask) == expect;
    }

    /** A load whose page {@link #runAccessible} or a {@link Region} has checked. */
    public long load64Unchecked(long addr) {
        return UNSAFE.getLong(base + addr);
    }

    public int load32Unchecked(long addr) {
        return UNSAFE.getInt(base + addr);
    }

    public short load16Unchecked(long addr) {
        return UNSAFE.getShort(base + addr);
    }

    public byte load8Unchecked(long addr) {
        return UNSAFE.getByte(base + addr);
    }

    /** A store whose page {@link #runAccessible} or a {@link Region} has checked. */
    public void store64Unchecked(long addr, long value) {
        UNSAFE.putLong(base + addr, value);
    }

    public void store32Unchecked(long addr, int value) {
        UNSAFE.putInt(base + addr, value);
    }

    public void store16Unchecked(long addr, short value) {
        UNSAFE.putShort(base + addr, value);
    }

    public void store8Unchecked(long addr, byte value) {
        UNSAFE.putByte(base + addr, value);
    }

    // ---------------------------------------------------------------- guest stores

    /** A store may stay on the fast path when its page is writable and holds no code. */
    private boolean plainWritable(long addr) {
        return (addr >>> 32) == 0 && (pageFlags[(int) (addr >>> PAGE_SHIFT)] & (WRITE | CODE)) == WRITE;
    }

    public void store64(long addr, long value, long pc) {
        if (plainWritable(addr)) {
            store64Unchecked(addr, value);
        } else {
            CompilerDirectives.transferToInterpreter();
            storeSlow(addr, value, 8, pc);
        }
    }

    public void store32(long addr, int value, long pc) {
        if (plainWritable(addr)) {
            store32Unchecked(addr, value);
        } else {
            CompilerDirectives.transferToInterpreter();
            storeSlow(addr, value, 4, pc);
        }
    }

    public void store16(long addr, short value, long pc) {
        if (plainWritable(addr)) {
            store16Unchecked(addr, value);
        } else {
            CompilerDirectives.transferToInterpreter();
            storeSlow(addr, value, 2, pc);
        }
    }

    public void store8(long addr, byte value, long pc) {
        if (plainWritable(addr)) {
            store8Unchecked(addr, value);
        } else {
            CompilerDirectives.transferToInterpreter();
            storeSlow(addr, value, 1, pc);
        }
    }

    /**
     * A store to a page that is not plainly writable: a fault, or a write into translated
     * code, which invalidates the blocks it overlaps. When it did, the guest's current
     * block may be stale, so the caller is told to stop and re-dispatch.
     */
    @TruffleBoundary
    private void storeSlow(long addr, long value, int size, long pc) {
        if ((addr >>> 32) != 0 || (pageFlags[(int) (addr >>> PAGE_SHIFT)] & WRITE) == 0) {
            throw GuestFault.segv(pc, addr, "store to");
        }
        putRaw(addr, value, size);
        if (codeListener.codeWritten(addr, size)) {
            throw new CodeModifiedException(pc);
        }
    }

    private void putRaw(long addr, long value, int size) {
        switch (size) {
            case 1 -> store8Unchecked(addr, (byte) value);
            case 2 -> store16Unchecked(addr, (short) value);
            case 4 -> store32Unchecked(addr, (int) value);
            default -> store64Unchecked(addr, value);
        }
    }

    @TruffleBoundary
    private static GuestFault readFault(long addr, long pc) {
        return GuestFault.segv(pc, addr, "load from");
    }

    // ---------------------------------------------------------------- atomics (A extension)

    /** Checks an AMO/LR/SC address: natural alignment (else SIGBUS) and write permission. */
    public void checkAtomic(long addr, int size, long pc) {
        if ((addr & (size - 1)) != 0) {
            CompilerDirectives.transferToInterpreter();
            throw GuestFault.bus(pc, addr);
        }
        if (!plainWritable(addr)) {
            CompilerDirectives.transferToInterpreter();
            if ((addr >>> 32) != 0 || (pageFlags[(int) (addr >>> PAGE_SHIFT)] & WRITE) == 0
                            || (pageFlags[(int) (addr >>> PAGE_SHIFT)] & READ) == 0) {
                throw GuestFault.segv(pc, addr, "atomic access to");
            }
            // A writable code page: the caller's atomic still works on memory, and we
            // drop any code translated from it first.
            codeListener.codeWritten(addr, size);
        }
    }

    public long getAndAdd64(long addr, long delta) {
        return UNSAFE.getAndAddLong(null, base + addr, delta);
    }

    public int getAndAdd32(long addr, int delta) {
        return UNSAFE.getAndAddInt(null, base + addr, delta);
    }

    public long getAndSet64(long addr, long value) {
        return UNSAFE.getAndSetLong(null, base + addr, value);
    }

    public int getAndSet32(long addr, int value) {
        return UNSAFE.getAndSetInt(null, base + addr, value);
    }

    public boolean cas64(long addr, long expected, long value) {
        return UNSAFE.compareAndSwapLong(null, base + addr, expected, value);
    }

    public boolean cas32(long addr, int expected, int value) {
        return UNSAFE.compareAndSwapInt(null, base + addr, expected, value);
    }

    public long getVolatile64(long addr) {
        return UNSAFE.getLongVolatile(null, base + addr);
    }

    public int getVolatile32(long addr) {
        return UNSAFE.getIntVolatile(null, base + addr);
    }

    public static void fullFence() {
        UNSAFE.fullFence();
    }

    // ---------------------------------------------------------------- host access (loader, syscalls, tools)

    /** Host-side read, no permission check beyond the window (the kernel's copy_from_user checks mapping). */
    public void read(long addr, byte[] dst, int off, int len) {
        checkHost(addr, len);
        UNSAFE.copyMemory(null, base + addr, dst, Unsafe.ARRAY_BYTE_BASE_OFFSET + off, len);
    }

    public byte[] read(long addr, int len) {
        byte[] b = new byte[len];
        read(addr, b, 0, len);
        return b;
    }

    /** Host-side write: no permission check, but translated code it overlaps is invalidated. */
    public void write(long addr, byte[] src, int off, int len) {
        checkHost(addr, len);
        UNSAFE.copyMemory(src, Unsafe.ARRAY_BYTE_BASE_OFFSET + off, null, base + addr, len);
        if (touchesCode(addr, len)) {
            codeListener.codeWritten(addr, len);
        }
    }

    public void write(long addr, byte[] src) {
        write(addr, src, 0, src.length);
    }

    public long readLong(long addr) {
        checkHost(addr, 8);
        return UNSAFE.getLong(base + addr);
    }

    public int readInt(long addr) {
        checkHost(addr, 4);
        return UNSAFE.getInt(base + addr);
    }

    public byte readByte(long addr) {
        checkHost(addr, 1);
        return UNSAFE.getByte(base + addr);
    }

    /**
     * Host-side single-copy-atomic store of an aligned word (how ftrace patches a literal or
     * an instruction while harts may run): one host store of the same width, then
     * invalidation of the translated code it overlaps.
     */
    public void writeLongAtomic(long addr, long value) {
        checkHost(addr, 8);
        UNSAFE.putLongVolatile(null, base + addr, value);
        if (touchesCode(addr, 8)) {
            codeListener.codeWritten(addr, 8);
        }
    }

    public void writeIntAtomic(long addr, int value) {
        checkHost(addr, 4);
        UNSAFE.putIntVolatile(null, base + addr, value);
        if (touchesCode(addr, 4)) {
            codeListener.codeWritten(addr, 4);
        }
    }

    public void writeLong(long addr, long value) {
        checkHost(addr, 8);
        UNSAFE.putLong(base + addr, value);
        if (touchesCode(addr, 8)) {
            codeListener.codeWritten(addr, 8);
        }
    }

    public void writeInt(long addr, int value) {
        checkHost(addr, 4);
        UNSAFE.putInt(base + addr, value);
        if (touchesCode(addr, 4)) {
            codeListener.codeWritten(addr, 4);
        }
    }

    public void writeByte(long addr, byte value) {
        checkHost(addr, 1);
        UNSAFE.putByte(base + addr, value);
        if (touchesCode(addr, 1)) {
            codeListener.codeWritten(addr, 1);
        }
    }

    public void fill(long addr, long len, byte value) {
        checkHost(addr, len);
        UNSAFE.setMemory(base + addr, len, value);
        if (touchesCode(addr, len)) {
            codeListener.codeWritten(addr, (int) Math.min(len, Integer.MAX_VALUE));
        }
    }

    /** Copies within guest memory (mremap). */
    public void copy(long from, long to, long len) {
        checkHost(from, len);
        checkHost(to, len);
        UNSAFE.copyMemory(base + from, base + to, len);
    }

    /** True when every page of [addr, addr+len) is mapped with all bits of {@code prot}. */
    public boolean accessible(long addr, long len, int prot) {
        if (!inWindow(addr, len)) {
            return false;
        }
        for (long p = addr >>> PAGE_SHIFT; p < pageEnd(addr, Math.max(len, 1)); p++) {
            if ((pageFlags[(int) p] & prot) != prot) {
                return false;
            }
        }
        return true;
    }

    /** Reads a NUL-terminated string (at most max bytes), or null when it runs off mapped memory. */
    public byte[] readCString(long addr, int max) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < max; i++) {
            if (!accessible(addr + i, 1, READ)) {
                return null;
            }
            byte b = UNSAFE.getByte(base + addr + i);
            if (b == 0) {
                return out.toByteArray();
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    private boolean touchesCode(long addr, long len) {
        for (long p = addr >>> PAGE_SHIFT; p < pageEnd(addr, Math.max(len, 1)); p++) {
            if ((pageFlags[(int) p] & CODE) != 0) {
                return true;
            }
        }
        return false;
    }

    private static void checkHost(long addr, long len) {
        if (!inWindow(addr, len)) {
            throw new IllegalArgumentException(String.format("guest range 0x%x+%d outside the address window", addr, len));
        }
    }
}
