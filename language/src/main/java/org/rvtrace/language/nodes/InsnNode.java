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
    /** Slots of x0..x31 (x0's is never used) and f0..f31 when they live in the frame. */
    public static final int X_BASE = 2;
    public static final int F_BASE = 34;
    public static final int SLOT_COUNT = 66;
    /** Names no register; keeps the masks away from the default 0, which Graal does not fold. */
    static final long SENTINEL = 1L << 63;

    /** Registers the enclosing function keeps in frame slots (bit n = xn, fn), plus {@link #SENTINEL}. */
    @CompilationFinal private long frameX;
    @CompilationFinal private long frameF;

    public abstract void execute(VirtualFrame frame);

    /** Set once, when the enclosing block is translated, before the node ever runs. */
    final void setRegisterHomes(long xs, long fs) {
        this.frameX = xs | SENTINEL;
        this.frameF = fs | SENTINEL;
    }

    protected final long x(VirtualFrame frame, int reg) {
        if (reg != 0 && (frameX & (1L << reg)) != 0) {
            return frame.getLongStatic(X_BASE + reg);
        }
        return hart(frame).getX(reg);
    }

    protected final void setX(VirtualFrame frame, int reg, long value) {
        if (reg != 0 && (frameX & (1L << reg)) != 0) {
            frame.setLongStatic(X_BASE + reg, value);
        } else {
            hart(frame).setX(reg, value);
        }
    }

    /** The raw 64 bits of f register {@code reg} (NaN-boxed when it holds a single). */
    protected final long f(VirtualFrame frame, int reg) {
        if ((frameF & (1L << reg)) != 0) {
            return frame.getLongStatic(F_BASE + reg);
        }
        return hart(frame).getF(reg);
    }

    protected final void setF(VirtualFrame frame, int reg, long bits) {
        if ((frameF & (1L << reg)) != 0) {
            frame.setLongStatic(F_BASE + reg, bits);
        } else {
            hart(frame).setF(reg, bits);
        }
    }

    protected static Hart hart(VirtualFrame frame) {
        return CompilerDirectives.castExact(frame.getObjectStatic(HART_SLOT), Hart.class);
    }
}
