package org.rvtrace.language.runtime;

import com.oracle.truffle.api.CompilerDirectives;

import sun.misc.Unsafe;

import org.rvtrace.language.internal.TheUnsafe;

/**
 * The 31 integer and 32 floating-point registers of a hart, one field each.
 *
 * <p>Fields rather than an array, because each field is its own memory location for Graal:
 * inside a compiled guest function a register read after a write of the same register
 * folds to the written value, a read after a read reuses it, and a write to one register
 * never forgets what is known about another. So registers stay in machine registers for
 * reads; every write is still stored here, which makes calls, system calls, faults and
 * deoptimization free of any register shuffling. The register number is a constant of the
 * partial evaluation, so the switches below fold to one field access.
 *
 * <p>The interpreter, where the register number is not a constant, reaches the field through
 * a table of field offsets instead: a switch there is an indirect jump that mispredicts
 * whenever the register changes (measured: register access was a third of the interpreter's
 * time, most of it in the spills and fills around calls). The accessors stay small so that
 * the JVM's compiler inlines them into the interpreter's nodes; the switches are apart.
 */
public abstract class Registers {
    private static final Unsafe UNSAFE = TheUnsafe.UNSAFE;
    /** x0..x31 to the offset of its field; x0 reads {@link #zero}. */
    private static final long[] READ_OFFSET = new long[32];
    /** The same, but x0 writes {@link #ignored}. */
    private static final long[] WRITE_OFFSET = new long[32];
    /**
     * f0..f31 to the offset of its field (read and written alike): a table of its own, so that
     * getF and setF need no "32 + reg" and stay small enough for C1 to inline (see setX).
     */
    private static final long[] F_OFFSET = new long[32];

    /** x0 as the interpreter reads it; never written. */
    private long zero;
    /** Where the interpreter's writes to x0 go. */
    @SuppressWarnings("unused") private long ignored;

    long x1;
    long x2;
    long x3;
    long x4;
    long x5;
    long x6;
    long x7;
    long x8;
    long x9;
    long x10;
    long x11;
    long x12;
    long x13;
    long x14;
    long x15;
    long x16;
    long x17;
    long x18;
    long x19;
    long x20;
    long x21;
    long x22;
    long x23;
    long x24;
    long x25;
    long x26;
    long x27;
    long x28;
    long x29;
    long x30;
    long x31;

    /** f registers hold raw bits: a double, or a single NaN-boxed in the low 32 bits. */
    long f0;
    long f1;
    long f2;
    long f3;
    long f4;
    long f5;
    long f6;
    long f7;
    long f8;
    long f9;
    long f10;
    long f11;
    long f12;
    long f13;
    long f14;
    long f15;
    long f16;
    long f17;
    long f18;
    long f19;
    long f20;
    long f21;
    long f22;
    long f23;
    long f24;
    long f25;
    long f26;
    long f27;
    long f28;
    long f29;
    long f30;
    long f31;

    public final long getX(int reg) {
        if (CompilerDirectives.inInterpreter()) {
            return UNSAFE.getLong(this, READ_OFFSET[reg]);
        }
        return getXField(reg);
    }

    private long getXField(int reg) {
        return switch (reg) {
            case 0 -> 0L;
            case 1 -> x1;
            case 2 -> x2;
            case 3 -> x3;
            case 4 -> x4;
            case 5 -> x5;
            case 6 -> x6;
            case 7 -> x7;
            case 8 -> x8;
            case 9 -> x9;
            case 10 -> x10;
            case 11 -> x11;
            case 12 -> x12;
            case 13 -> x13;
            case 14 -> x14;
            case 15 -> x15;
            case 16 -> x16;
            case 17 -> x17;
            case 18 -> x18;
            case 19 -> x19;
            case 20 -> x20;
            case 21 -> x21;
            case 22 -> x22;
            case 23 -> x23;
            case 24 -> x24;
            case 25 -> x25;
            case 26 -> x26;
            case 27 -> x27;
            case 28 -> x28;
            case 29 -> x29;
            case 30 -> x30;
            case 31 -> x31;
            default -> throw CompilerDirectives.shouldNotReachHere();
        };
    }

    /** Writes to x0 are ignored, as the ISA says. */
    public final void setX(int reg, long value) {
        // An early return rather than else: 27 bytes of bytecode, small enough for C1 to
        // inline three calls deep (each level allows 90% of the one above: 35, 31, 28).
        if (CompilerDirectives.inInterpreter()) {
            UNSAFE.putLong(this, WRITE_OFFSET[reg], value);
            return;
        }
        setXField(reg, value);
    }

    private void setXField(int reg, long value) {
        switch (reg) {
            case 0 -> {
            }
            case 1 -> x1 = value;
            case 2 -> x2 = value;
            case 3 -> x3 = value;
            case 4 -> x4 = value;
            case 5 -> x5 = value;
            case 6 -> x6 = value;
            case 7 -> x7 = value;
            case 8 -> x8 = value;
            case 9 -> x9 = value;
            case 10 -> x10 = value;
            case 11 -> x11 = value;
            case 12 -> x12 = value;
            case 13 -> x13 = value;
            case 14 -> x14 = value;
            case 15 -> x15 = value;
            case 16 -> x16 = value;
            case 17 -> x17 = value;
            case 18 -> x18 = value;
            case 19 -> x19 = value;
            case 20 -> x20 = value;
            case 21 -> x21 = value;
            case 22 -> x22 = value;
            case 23 -> x23 = value;
            case 24 -> x24 = value;
            case 25 -> x25 = value;
            case 26 -> x26 = value;
            case 27 -> x27 = value;
            case 28 -> x28 = value;
            case 29 -> x29 = value;
            case 30 -> x30 = value;
            case 31 -> x31 = value;
            default -> throw CompilerDirectives.shouldNotReachHere();
        }
    }

    public final long getF(int reg) {
        if (CompilerDirectives.inInterpreter()) {
            return UNSAFE.getLong(this, F_OFFSET[reg]);
        }
        return getFField(reg);
    }

    private long getFField(int reg) {
        return switch (reg) {
            case 0 -> f0;
            case 1 -> f1;
            case 2 -> f2;
            case 3 -> f3;
            case 4 -> f4;
            case 5 -> f5;
            case 6 -> f6;
            case 7 -> f7;
            case 8 -> f8;
            case 9 -> f9;
            case 10 -> f10;
            case 11 -> f11;
            case 12 -> f12;
            case 13 -> f13;
            case 14 -> f14;
            case 15 -> f15;
            case 16 -> f16;
            case 17 -> f17;
            case 18 -> f18;
            case 19 -> f19;
            case 20 -> f20;
            case 21 -> f21;
            case 22 -> f22;
            case 23 -> f23;
            case 24 -> f24;
            case 25 -> f25;
            case 26 -> f26;
            case 27 -> f27;
            case 28 -> f28;
            case 29 -> f29;
            case 30 -> f30;
            case 31 -> f31;
            default -> throw CompilerDirectives.shouldNotReachHere();
        };
    }

    public final void setF(int reg, long value) {
        // As setX: an early return, small enough to inline.
        if (CompilerDirectives.inInterpreter()) {
            UNSAFE.putLong(this, F_OFFSET[reg], value);
            return;
        }
        setFField(reg, value);
    }

    private void setFField(int reg, long value) {
        switch (reg) {
            case 0 -> f0 = value;
            case 1 -> f1 = value;
            case 2 -> f2 = value;
            case 3 -> f3 = value;
            case 4 -> f4 = value;
            case 5 -> f5 = value;
            case 6 -> f6 = value;
            case 7 -> f7 = value;
            case 8 -> f8 = value;
            case 9 -> f9 = value;
            case 10 -> f10 = value;
            case 11 -> f11 = value;
            case 12 -> f12 = value;
            case 13 -> f13 = value;
            case 14 -> f14 = value;
            case 15 -> f15 = value;
            case 16 -> f16 = value;
            case 17 -> f17 = value;
            case 18 -> f18 = value;
            case 19 -> f19 = value;
            case 20 -> f20 = value;
            case 21 -> f21 = value;
            case 22 -> f22 = value;
            case 23 -> f23 = value;
            case 24 -> f24 = value;
            case 25 -> f25 = value;
            case 26 -> f26 = value;
            case 27 -> f27 = value;
            case 28 -> f28 = value;
            case 29 -> f29 = value;
            case 30 -> f30 = value;
            case 31 -> f31 = value;
            default -> throw CompilerDirectives.shouldNotReachHere();
        }
    }

    static {
        try {
            for (int i = 0; i < 32; i++) {
                READ_OFFSET[i] = UNSAFE.objectFieldOffset(Registers.class.getDeclaredField(i == 0 ? "zero" : "x" + i));
                WRITE_OFFSET[i] = i == 0 ? UNSAFE.objectFieldOffset(Registers.class.getDeclaredField("ignored")) : READ_OFFSET[i];
                F_OFFSET[i] = UNSAFE.objectFieldOffset(Registers.class.getDeclaredField("f" + i));
            }
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
