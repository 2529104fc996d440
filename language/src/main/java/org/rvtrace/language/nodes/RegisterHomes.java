package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.Hart;

/**
 * Where one function keeps each register: in the hart, or in its register array (the
 * registers {@link LoopRegisters} found written inside its call-free loops). Precomputed as a
 * table, so that an instruction's register access is one constant lookup in compiled code and
 * one byte load in the interpreter.
 *
 * <p>The register array is allocated when the function is entered and lives in a frame slot.
 * In compiled code it never escapes, so Graal replaces its elements by SSA values (machine
 * registers), as it would frame slots; in the interpreter an element is a plain array access,
 * where a frame slot was an interface call on the frame (measured: a third of the
 * interpreter's time went into register access).
 */
final class RegisterHomes {
    /** Index 0..31: x0..x31, 32..63: f0..f31; the index in the register array, or -1 when it lives in the hart. */
    @CompilationFinal(dimensions = 1) final byte[] slotOf = new byte[64];
    /** The registers kept in the array, in array order (same numbering as {@link #slotOf}). */
    @CompilationFinal(dimensions = 1) final int[] homed;

    /** The stack slots after the registers in the array (see {@link StackSlots}). */
    final StackSlots stack;

    /** deferredTo: memory, for a trampoline scope whose slotted saves are deferred (see StackSlots); else null. */
    RegisterHomes(long frameX, long frameF, GuestMemory deferredTo) {
        java.util.Arrays.fill(slotOf, (byte) -1);
        int[] regs = new int[Long.bitCount(frameX & ~1L) + Long.bitCount(frameF)];
        int n = 0;
        for (int r = 1; r < 32; r++) {
            if ((frameX & (1L << r)) != 0) {
                regs[n] = r;
                slotOf[r] = (byte) n++;
            }
        }
        for (int r = 0; r < 32; r++) {
            if ((frameF & (1L << r)) != 0) {
                regs[n] = 32 + r;
                slotOf[32 + r] = (byte) n++;
            }
        }
        this.homed = regs;
        this.stack = new StackSlots(regs.length, deferredTo);
    }

    /**
     * A fresh register array for one activation (virtual in compiled code); no stack slot
     * valid. The interpreter neither uses nor keeps the stack slots (it would only pay for
     * them), so its arrays have none: every use is behind {@link CompilerDirectives#inCompiledCode}.
     */
    long[] newArray() {
        return new long[CompilerDirectives.inCompiledCode() && stack.forwarding ? stack.arrayLength : homed.length];
    }

    /** The register array of this frame. */
    static long[] array(VirtualFrame frame) {
        return CompilerDirectives.castExact(frame.getObjectStatic(InsnNode.REGS_SLOT), long[].class);
    }

    long getX(long[] regs, Hart hart, int reg) {
        return getX(slotOf, regs, hart, reg);
    }

    void setX(long[] regs, Hart hart, int reg, long value) {
        setX(slotOf, regs, hart, reg, value);
    }

    /*
     * The static forms take the slot table itself: an instruction node keeps it in a field of
     * its own, one dependent load fewer per register access in the interpreter.
     */

    static long getX(byte[] slotOf, long[] regs, Hart hart, int reg) {
        int slot = slotOf[reg];
        return slot >= 0 ? regs[slot] : hart.getX(reg);
    }

    static void setX(byte[] slotOf, long[] regs, Hart hart, int reg, long value) {
        int slot = slotOf[reg];
        if (slot >= 0) {
            regs[slot] = value;
        } else {
            hart.setX(reg, value);
        }
    }

    /** The raw 64 bits of f register reg (NaN-boxed when it holds a single). */
    static long getF(byte[] slotOf, long[] regs, Hart hart, int reg) {
        int slot = slotOf[32 + reg];
        return slot >= 0 ? regs[slot] : hart.getF(reg);
    }

    static void setF(byte[] slotOf, long[] regs, Hart hart, int reg, long bits) {
        int slot = slotOf[32 + reg];
        if (slot >= 0) {
            regs[slot] = bits;
        } else {
            hart.setF(reg, bits);
        }
    }

    /** Loads the registers kept in the array (on entry, after calls and system calls). */
    @ExplodeLoop
    void fill(long[] regs, Hart hart) {
        for (int i = 0; i < homed.length; i++) {
            int r = homed[i];
            regs[i] = r < 32 ? hart.getX(r) : hart.getF(r - 32);
        }
    }

    /** Writes them back (before calls, system calls and every exit), so the hart is the whole truth again. */
    @ExplodeLoop
    void spill(long[] regs, Hart hart) {
        for (int i = 0; i < homed.length; i++) {
            int r = homed[i];
            long value = regs[i];
            if (r < 32) {
                hart.setX(r, value);
            } else {
                hart.setF(r - 32, value);
            }
        }
    }

    /**
     * On entry to on-stack-replaced code: a copy of the interpreter's array, allocated in the
     * compiled code so that it stays virtual there.
     */
    @ExplodeLoop
    long[] copy(long[] interpreted) {
        long[] fresh = newArray();
        for (int i = 0; i < homed.length; i++) {
            fresh[i] = interpreted[i];
        }
        return fresh;
    }
}
