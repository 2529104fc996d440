package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.Registers;

/**
 * A straight-line instruction inside a basic block. Subclasses hold the decoded operands
 * as final fields, so each one partially evaluates to the few machine instructions of its
 * semantics. A register lives in a field of the {@link Hart} (see {@link Registers}), or,
 * when the enclosing function writes it inside a loop, in a frame slot (see
 * {@link LoopRegisters}); which one is a constant of each node.
 */
public abstract class InsnNode extends Node {
    /** Slot of the {@link Hart} running this frame. */
    public static final int HART_SLOT = 0;
    /** Slot of the return address this frame's caller expects (see {@link Hart#linkPc}). */
    public static final int LINK_SLOT = 1;
    /** Slots before the registers kept in the frame: those follow, x registers first, in register order. */
    public static final int FIXED_SLOTS = 2;
    /** Names no register; keeps the masks away from the default 0, which Graal does not fold. */
    static final long SENTINEL = 1L << 63;

    /** Registers the enclosing function keeps in frame slots (bit n = xn, fn), plus {@link #SENTINEL}. */
    @CompilationFinal private long frameX;
    @CompilationFinal private long frameF;

    public abstract void execute(VirtualFrame frame);

    /** The frame slot of x register reg, when it is one of {@code frameX}. */
    static int xSlot(long frameX, int reg) {
        return FIXED_SLOTS + Long.bitCount(frameX & ((1L << reg) - 1));
    }

    /** The frame slot of f register reg, when it is one of {@code frameF}. */
    static int fSlot(long frameX, long frameF, int reg) {
        return FIXED_SLOTS + Long.bitCount(frameX & ~SENTINEL) + Long.bitCount(frameF & ((1L << reg) - 1));
    }

    /** Set once, when the enclosing block is translated, before the node ever runs. */
    final void setRegisterHomes(long xs, long fs) {
        this.frameX = xs | SENTINEL;
        this.frameF = fs | SENTINEL;
    }

    protected final long x(VirtualFrame frame, int reg) {
        if (reg != 0 && (frameX & (1L << reg)) != 0) {
            return frame.getLongStatic(xSlot(frameX, reg));
        }
        return hart(frame).getX(reg);
    }

    protected final void setX(VirtualFrame frame, int reg, long value) {
        if (reg != 0 && (frameX & (1L << reg)) != 0) {
            frame.setLongStatic(xSlot(frameX, reg), value);
        } else {
            hart(frame).setX(reg, value);
        }
    }

    /** The raw 64 bits of f register {@code reg} (NaN-boxed when it holds a single). */
    protected final long f(VirtualFrame frame, int reg) {
        if ((frameF & (1L << reg)) != 0) {
            return frame.getLongStatic(fSlot(frameX, frameF, reg));
        }
        return hart(frame).getF(reg);
    }

    protected final void setF(VirtualFrame frame, int reg, long bits) {
        if ((frameF & (1L << reg)) != 0) {
            frame.setLongStatic(fSlot(frameX, frameF, reg), bits);
        } else {
            hart(frame).setF(reg, bits);
        }
    }

    protected static Hart hart(VirtualFrame frame) {
        return CompilerDirectives.castExact(frame.getObjectStatic(HART_SLOT), Hart.class);
    }
}
