package org.rvtrace.language.nodes;

import org.rvtrace.language.memory.GuestMemory;

/** Memory access widths, with the sign or zero extension of each load. */
public enum Width {
    B {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load8(a, pc); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store8(a, (byte) v, pc); }
    },
    H {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load16(a, pc); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store16(a, (short) v, pc); }
    },
    W {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load32(a, pc); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store32(a, (int) v, pc); }
    },
    D {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load64(a, pc); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store64(a, v, pc); }
    },
    BU {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load8(a, pc) & 0xffL; }
        @Override public void store(GuestMemory m, long a, long v, long pc) { throw new AssertionError(); }
    },
    HU {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load16(a, pc) & 0xffffL; }
        @Override public void store(GuestMemory m, long a, long v, long pc) { throw new AssertionError(); }
    },
    WU {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load32(a, pc) & 0xffffffffL; }
        @Override public void store(GuestMemory m, long a, long v, long pc) { throw new AssertionError(); }
    };

    public abstract long load(GuestMemory mem, long addr, long pc);

    public abstract void store(GuestMemory mem, long addr, long value, long pc);
}
