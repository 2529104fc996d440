package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

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
    }

    int frameSlots() {
        return InsnNode.FIXED_SLOTS + inFrame.length;
    }
}
