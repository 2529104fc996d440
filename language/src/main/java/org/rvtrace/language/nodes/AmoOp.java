package org.rvtrace.language.nodes;

/** The read-modify-write functions of the AMO instructions: new = op(old, rs2). */
public enum AmoOp {
    SWAP { @Override public long apply(long old, long v) { return v; } },
    ADD { @Override public long apply(long old, long v) { return old + v; } },
    XOR { @Override public long apply(long old, long v) { return old ^ v; } },
    AND { @Override public long apply(long old, long v) { return old & v; } },
    OR { @Override public long apply(long old, long v) { return old | v; } },
    MIN { @Override public long apply(long old, long v) { return Math.min(old, v); } },
    MAX { @Override public long apply(long old, long v) { return Math.max(old, v); } },
    MINU { @Override public long apply(long old, long v) { return Long.compareUnsigned(old, v) <= 0 ? old : v; } },
    MAXU { @Override public long apply(long old, long v) { return Long.compareUnsigned(old, v) >= 0 ? old : v; } };

    /** For .w forms both operands arrive sign-extended from 32 bits, so signed and unsigned order is kept. */
    public abstract long apply(long old, long value);
}
