package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.Registers;

/**
 * Where one function keeps each register: in the hart, or in a frame slot (the registers
 * {@link LoopRegisters} found written inside its loops). Precomputed as a table, so that an
 * instruction's register access is one constant lookup in compiled code and one byte load
 * in the interpreter.
 */
final class RegisterHomes {
    /** Index 0..31: x0..x31, 32..63: f0..f31; the frame slot, or -1 when it lives in the hart. */
    @CompilationFinal(dimensions = 1) final byte[] slotOf = new byte[64];
    /** The registers kept in the frame, in slot order (same numbering as {@link #slotOf}). */
    @CompilationFinal(dimensions = 1) final int[] inFrame;
    /** The hart field offsets of {@link #inFrame}'s registers, for the interpreter's fills and spills. */
    private final long[] hartOffsets;

    RegisterHomes(long frameX, long frameF) {
        java.util.Arrays.fill(slotOf, (byte) -1);
        int[] regs = new int[Long.bitCount(frameX & ~1L) + Long.bitCount(frameF)];
        int n = 0;
        for (int r = 1; r < 32; r++) {
            if ((frameX & (1L << r)) != 0) {
                regs[n] = r;
                slotOf[r] = (byte) (InsnNode.FIXED_SLOTS + n++);
            }
        }
        for (int r = 0; r < 32; r++) {
            if ((frameF & (1L << r)) != 0) {
                regs[n] = 32 + r;
                slotOf[32 + r] = (byte) (InsnNode.FIXED_SLOTS + n++);
            }
        }
        this.inFrame = regs;
        this.hartOffsets = new long[regs.length];
        for (int i = 0; i < regs.length; i++) {
            hartOffsets[i] = Registers.offsetOf(regs[i]);
        }
    }

    int frameSlots() {
        return InsnNode.FIXED_SLOTS + inFrame.length;
    }

    long getX(VirtualFrame frame, Hart hart, int reg) {
        return getX(slotOf, frame, hart, reg);
    }

    void setX(VirtualFrame frame, Hart hart, int reg, long value) {
        setX(slotOf, frame, hart, reg, value);
    }

    /*
     * The static forms take the slot table itself: an instruction node keeps it in a field of
     * its own, one dependent load fewer per register access in the interpreter.
     */

    static long getX(byte[] slotOf, VirtualFrame frame, Hart hart, int reg) {
        int slot = slotOf[reg];
        return slot >= 0 ? frame.getLongStatic(slot) : hart.getX(reg);
    }

    static void setX(byte[] slotOf, VirtualFrame frame, Hart hart, int reg, long value) {
        int slot = slotOf[reg];
        if (slot >= 0) {
            frame.setLongStatic(slot, value);
        } else {
            hart.setX(reg, value);
        }
    }

    /** The raw 64 bits of f register reg (NaN-boxed when it holds a single). */
    static long getF(byte[] slotOf, VirtualFrame frame, Hart hart, int reg) {
        int slot = slotOf[32 + reg];
        return slot >= 0 ? frame.getLongStatic(slot) : hart.getF(reg);
    }

    static void setF(byte[] slotOf, VirtualFrame frame, Hart hart, int reg, long bits) {
        int slot = slotOf[32 + reg];
        if (slot >= 0) {
            frame.setLongStatic(slot, bits);
        } else {
            hart.setF(reg, bits);
        }
    }

    /** Loads the registers kept in the frame (on entry, after calls and system calls). */
    @ExplodeLoop
    void fill(VirtualFrame frame, Hart hart) {
        if (CompilerDirectives.inInterpreter()) {
            long[] offsets = hartOffsets;
            for (int i = 0; i < offsets.length; i++) {
                frame.setLongStatic(InsnNode.FIXED_SLOTS + i, hart.getRaw(offsets[i]));
            }
            return;
        }
        int[] regs = inFrame;
        for (int i = 0; i < regs.length; i++) {
            int r = regs[i];
            frame.setLongStatic(InsnNode.FIXED_SLOTS + i, r < 32 ? hart.getX(r) : hart.getF(r - 32));
        }
    }

    /** Writes them back (before calls, system calls and every exit), so the hart is the whole truth again. */
    @ExplodeLoop
    void spill(VirtualFrame frame, Hart hart) {
        if (CompilerDirectives.inInterpreter()) {
            long[] offsets = hartOffsets;
            for (int i = 0; i < offsets.length; i++) {
                hart.setRaw(offsets[i], frame.getLongStatic(InsnNode.FIXED_SLOTS + i));
            }
            return;
        }
        int[] regs = inFrame;
        for (int i = 0; i < regs.length; i++) {
            int r = regs[i];
            long value = frame.getLongStatic(InsnNode.FIXED_SLOTS + i);
            if (r < 32) {
                hart.setX(r, value);
            } else {
                hart.setF(r - 32, value);
            }
        }
    }
}
