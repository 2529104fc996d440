package org.rvtrace.language.nodes;

import org.rvtrace.language.memory.GuestMemory;

/** Memory access widths, with the sign or zero extension of each load. */
public enum Width {
    B(1) {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load8(a, pc); }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load8Unchecked(a); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store8(a, (byte) v, pc); }
        @Override public void storeUnchecked(GuestMemory m, long a, long v) { m.store8Unchecked(a, (byte) v); }
    },
    H(2) {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load16(a, pc); }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load16Unchecked(a); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store16(a, (short) v, pc); }
        @Override public void storeUnchecked(GuestMemory m, long a, long v) { m.store16Unchecked(a, (short) v); }
    },
    W(4) {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load32(a, pc); }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load32Unchecked(a); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store32(a, (int) v, pc); }
        @Override public void storeUnchecked(GuestMemory m, long a, long v) { m.store32Unchecked(a, (int) v); }
    },
    D(8) {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load64(a, pc); }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load64Unchecked(a); }
        @Override public void store(GuestMemory m, long a, long v, long pc) { m.store64(a, v, pc); }
        @Override public void storeUnchecked(GuestMemory m, long a, long v) { m.store64Unchecked(a, v); }
    },
    BU(1) {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load8(a, pc) & 0xffL; }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load8Unchecked(a) & 0xffL; }
        @Override public void store(GuestMemory m, long a, long v, long pc) { throw new AssertionError(); }
        @Override public void storeUnchecked(GuestMemory m, long a, long v) { throw new AssertionError(); }
    },
    HU(2) {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load16(a, pc) & 0xffffL; }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load16Unchecked(a) & 0xffffL; }
        @Override public void store(GuestMemory m, long a, long v, long pc) { throw new AssertionError(); }
        @Override public void storeUnchecked(GuestMemory m, long a, long v) { throw new AssertionError(); }
    },
    WU(4) {
        @Override public long load(GuestMemory m, long a, long pc) { return m.load32(a, pc) & 0xffffffffL; }
        @Override public long loadUnchecked(GuestMemory m, long a) { return m.load32Unchecked(a) & 0xffffffffL; }
        @Override public void store(GuestMemory m, long a, long v, long pc) { throw new AssertionError(); }
        @Override public void storeUnchecked(GuestMemory m, long a, long v) { throw new AssertionError(); }
    };

    public abstract long load(GuestMemory mem, long addr, long pc);

    /** A load inside an {@link AccessRun} or a {@link org.rvtrace.language.memory.Region} whose check passed. */
    public abstract long loadUnchecked(GuestMemory mem, long addr);

    /*
     * The static forms are what the load and store nodes call: the commonest accesses (ld
     * and sd, then lw) as calls on the constants D and W, which the JVM's C1 inlines into
     * the interpreter, where w.loadUnchecked is a virtual call it cannot inline. In compiled
     * guest code w is a constant and either way folds to the one access.
     */

    static long loadUnchecked(Width w, GuestMemory mem, long addr) {
        if (w == D) {
            return D.loadUnchecked(mem, addr);
        }
        return loadNotDouble(w, mem, addr);
    }

    private static long loadNotDouble(Width w, GuestMemory mem, long addr) {
        if (w == W) {
            return W.loadUnchecked(mem, addr);
        }
        return w.loadUnchecked(mem, addr);
    }

    static void storeUnchecked(Width w, GuestMemory mem, long addr, long value) {
        if (w == D) {
            D.storeUnchecked(mem, addr, value);
            return;
        }
        w.storeUnchecked(mem, addr, value);
    }

    /** Bytes accessed (a final field, so that compiled code sees a constant). */
    public final int size;

    Width(int size) {
        this.size = size;
    }

    public abstract void store(GuestMemory mem, long addr, long value, long pc);

    /** A store inside an {@link AccessRun} or a {@link org.rvtrace.language.memory.Region} whose check passed. */
    public abstract void storeUnchecked(GuestMemory mem, long addr, long value);
}
