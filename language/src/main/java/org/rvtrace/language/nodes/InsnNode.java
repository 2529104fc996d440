package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import org.rvtrace.language.runtime.Hart;

/**
 * A straight-line instruction inside a basic block. Subclasses hold the decoded operands
 * as final fields, so each one partially evaluates to the few machine instructions of its
 * semantics.
 *
 * <p>Registers are frame slots: x0..x31 in slots 0..31 (slot 0 is never written, so it
 * reads as 0), f0..f31 in slots 32..63.
 */
public abstract class InsnNode extends Node {
    public static final int F_BASE = 32;
    /** Slot of the {@link Hart} running this frame. */
    public static final int HART_SLOT = 64;
    /** Slot of the return address this frame's caller expects (see {@link Hart#linkPc}). */
    public static final int LINK_SLOT = 65;
    public static final int SLOT_COUNT = 66;

    public abstract void execute(VirtualFrame frame);

    protected static long x(VirtualFrame frame, int reg) {
        return frame.getLongStatic(reg);
    }

    protected static void setX(VirtualFrame frame, int reg, long value) {
        if (reg != 0) {
            frame.setLongStatic(reg, value);
        }
    }

    /** The raw 64 bits of f register {@code reg} (NaN-boxed when it holds a single). */
    protected static long f(VirtualFrame frame, int reg) {
        return frame.getLongStatic(F_BASE + reg);
    }

    protected static void setF(VirtualFrame frame, int reg, long bits) {
        frame.setLongStatic(F_BASE + reg, bits);
    }

    protected static Hart hart(VirtualFrame frame) {
        return CompilerDirectives.castExact(frame.getObjectStatic(HART_SLOT), Hart.class);
    }
}
