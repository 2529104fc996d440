package org.rvtrace.language.nodes;

/**
 * The integer operations of RV64I and M, one definition each. A register-register
 * instruction and its register-immediate twin (add/addi, sll/slli, ...) share one
 * definition: only where the second operand comes from differs.
 */
public enum IntOp {
    ADD { @Override public long apply(long a, long b) { return a + b; } },
    SUB { @Override public long apply(long a, long b) { return a - b; } },
    SLL { @Override public long apply(long a, long b) { return a << b; } },
    SLT { @Override public long apply(long a, long b) { return a < b ? 1 : 0; } },
    SLTU { @Override public long apply(long a, long b) { return Long.compareUnsigned(a, b) < 0 ? 1 : 0; } },
    XOR { @Override public long apply(long a, long b) { return a ^ b; } },
    SRL { @Override public long apply(long a, long b) { return a >>> b; } },
    SRA { @Override public long apply(long a, long b) { return a >> b; } },
    OR { @Override public long apply(long a, long b) { return a | b; } },
    AND { @Override public long apply(long a, long b) { return a & b; } },

    ADDW { @Override public long apply(long a, long b) { return (int) (a + b); } },
    SUBW { @Override public long apply(long a, long b) { return (int) (a - b); } },
    SLLW { @Override public long apply(long a, long b) { return (int) a << (b & 31); } },
    SRLW { @Override public long apply(long a, long b) { return (int) a >>> (b & 31); } },
    SRAW { @Override public long apply(long a, long b) { return (int) a >> (b & 31); } },

    MUL { @Override public long apply(long a, long b) { return a * b; } },
    MULH { @Override public long apply(long a, long b) { return Math.multiplyHigh(a, b); } },
    MULHU { @Override public long apply(long a, long b) { return Math.unsignedMultiplyHigh(a, b); } },
    /** rs1 signed times rs2 unsigned: the signed high product corrected for rs2's top bit. */
    MULHSU { @Override public long apply(long a, long b) { return Math.multiplyHigh(a, b) + ((b >> 63) & a); } },
    /** Division by zero gives all ones; the only overflow (MIN / -1) gives MIN; no trap. */
    DIV { @Override public long apply(long a, long b) { return b == 0 ? -1 : (b == -1 ? -a : a / b); } },
    DIVU { @Override public long apply(long a, long b) { return b == 0 ? -1 : Long.divideUnsigned(a, b); } },
    REM { @Override public long apply(long a, long b) { return b == 0 ? a : (b == -1 ? 0 : a % b); } },
    REMU { @Override public long apply(long a, long b) { return b == 0 ? a : Long.remainderUnsigned(a, b); } },

    MULW { @Override public long apply(long a, long b) { return (int) a * (int) b; } },
    DIVW { @Override public long apply(long a, long b) { return (int) b == 0 ? -1 : ((int) b == -1 ? -(int) a : (int) a / (int) b); } },
    DIVUW { @Override public long apply(long a, long b) { return (int) b == 0 ? -1 : Integer.divideUnsigned((int) a, (int) b); } },
    REMW { @Override public long apply(long a, long b) { return (int) b == 0 ? (int) a : ((int) b == -1 ? 0 : (int) a % (int) b); } },
    REMUW { @Override public long apply(long a, long b) { return (int) b == 0 ? (int) a : Integer.remainderUnsigned((int) a, (int) b); } };

    /** Java masks shift counts to 6 bits (long) and we mask W shifts to 5: exactly RV64's rules. */
    public abstract long apply(long a, long b);

    /**
     * {@code op.apply(a, b)} as the instruction nodes call it. In the interpreter, which the
     * JVM's C1 compiles, {@code op.apply} is a virtual call with 33 targets that C1 cannot
     * inline; a call on a constant is statically bound and inlined, so the commonest
     * operations are tested first: add (addi, add, mv, li), and (andi, and), addw (addiw,
     * addw, sext.w). One method per test, each small enough for C1 to inline in turn. In
     * compiled guest code op is a constant and all this folds to the one operation.
     */
    static long apply(IntOp op, long a, long b) {
        if (op == ADD) {
            return ADD.apply(a, b);
        }
        return applyNotAdd(op, a, b);
    }

    private static long applyNotAdd(IntOp op, long a, long b) {
        if (op == AND) {
            return AND.apply(a, b);
        }
        return applyOther(op, a, b);
    }

    private static long applyOther(IntOp op, long a, long b) {
        if (op == ADDW) {
            return ADDW.apply(a, b);
        }
        return op.apply(a, b);
    }
}
