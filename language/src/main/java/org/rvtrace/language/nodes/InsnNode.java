package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.Registers;

/**
 * A straight-line instruction inside a basic block. Subclasses hold the decoded operands
 * as final fields, so each one partially evaluates to the few machine instructions of its
 * semantics. Registers are the fields of the {@link Hart} (see {@link Registers} for why
 * that compiles to machine registers); the frame only carries the hart and the link pc.
 */
public abstract class InsnNode extends Node {
    /** Slot of the {@link Hart} running this frame. */
    public static final int HART_SLOT = 0;
    /** Slot of the return address this frame's caller expects (see {@link Hart#linkPc}). */
    public static final int LINK_SLOT = 1;
    public static final int SLOT_COUNT = 2;

    public abstract void execute(VirtualFrame frame);

    protected static long x(VirtualFrame frame, int reg) {
        return hart(frame).getX(reg);
    }

    protected static void setX(VirtualFrame frame, int reg, long value) {
        hart(frame).setX(reg, value);
    }

    /** The raw 64 bits of f register {@code reg} (NaN-boxed when it holds a single). */
    protected static long f(VirtualFrame frame, int reg) {
        return hart(frame).getF(reg);
    }

    protected static void setF(VirtualFrame frame, int reg, long bits) {
        hart(frame).setF(reg, bits);
    }

    protected static Hart hart(VirtualFrame frame) {
        return CompilerDirectives.castExact(frame.getObjectStatic(HART_SLOT), Hart.class);
    }
}
