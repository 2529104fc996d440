package org.rvtrace.language.nodes;

import org.rvtrace.language.memory.GuestMemory;

/** Memory access widths, with the sign or zero extension of each load. */
public enum Width {
    B {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load8(a, pc); }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load8Unchecked(a); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store8(a, (byte) v, pc); }
    },
    H {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load16(a, pc); }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load16Unchecked(a); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store16(a, (short) v, pc); }
    },
    W {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load32(a, pc); }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load32Unchecked(a); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store32(a, (int) v, pc); }
    },
    D {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load64(a, pc); }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load64Unchecked(a); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store64(a, v, pc); }
    },
    BU {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load8(a, pc) & 0xffL; }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load8Unchecked(a) & 0xffL; }
        @Override public void store(GuestMemory m, long a, long v, long pc) { throw new AssertionError(); }
    },
    HU {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load16(a, pc) & 0xffffL; }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load16Unchecked(a) & 0xffffL; }
        @Override public void store(GuestMemory m, long a, long v, long pc) { throw new AssertionError(); }
    },
    WU {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load32(a, pc) & 0xffffffffL; }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load32Unchecked(a) & 0xffffffffL; }
        @Override public void store(GuestMemory m, long a, long v, long pc) { throw new AssertionError(); }
    };

    public abstract long load(GuestMemory mem, long addr, long pc);

    /** A load inside an {@link AccessRun} whose check passed. */
    public abstract long loadUnchecked(GuestMemory mem, long addr);

    /** Bytes accessed. */
    public int size() {
        return switch (this) {
            case B, BU -> 1;
            case H, HU -> 2;
            case W, WU -> 4;
            case D -> 8;
        };
    }

    public abstract void store(GuestMemory mem, long addr, long value, long pc);
}
