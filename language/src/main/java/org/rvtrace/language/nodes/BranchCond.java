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

    /**
     * {@code c.test(a, b)} as the dispatch loop calls it: beq, bne (beqz, bnez: most
     * branches) and bltu as statically bound calls that the JVM's C1 inlines into the
     * interpreter, where c.test is a virtual call it cannot inline. In compiled guest code c
     * is a constant and this folds to the one comparison. One method per test, each small
     * enough to be inlined in turn.
     */
    static boolean test(BranchCond c, long a, long b) {
        if (c == EQ) {
            return EQ.test(a, b);
        }
        return testOther(c, a, b);
    }

    private static boolean testOther(BranchCond c, long a, long b) {
        if (c == NE) {
            return NE.test(a, b);
        }
        return testUnsigned(c, a, b);
    }

    private static boolean testUnsigned(BranchCond c, long a, long b) {
        if (c == LTU) {
            return LTU.test(a, b);
        }
        return c.test(a, b);
    }
}
