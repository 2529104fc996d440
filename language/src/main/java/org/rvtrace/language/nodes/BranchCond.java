package org.rvtrace.language.nodes;

/** The conditions of beq ... bgeu. */
public enum BranchCond {
    EQ { @Override public boolean test(long a, long b) { return a == b; } },
    NE { @Override public boolean test(long a, long b) { return a != b; } },
    LT { @Override public boolean test(long a, long b) { return a < b; } },
    GE { @Override public boolean test(long a, long b) { return a >= b; } },
    LTU { @Override public boolean test(long a, long b) { return Long.compareUnsigned(a, b) < 0; } },
    GEU { @Override public boolean test(long a, long b) { return Long.compareUnsigned(a, b) >= 0; } };

    public abstract boolean test(long a, long b);
}
