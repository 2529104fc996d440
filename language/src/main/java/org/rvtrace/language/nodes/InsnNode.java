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
    /** Where the enclosing function keeps each register; set once, before the node ever runs. */
    @CompilationFinal private RegisterHomes homes;

    public abstract void execute(VirtualFrame frame);

    final void setRegisterHomes(RegisterHomes registerHomes) {
        this.homes = registerHomes;
    }

    protected final long x(VirtualFrame frame, int reg) {
        int slot = homes.slotOf[reg];
        if (slot >= 0) {
            return frame.getLongStatic(slot);
        }
        return hart(frame).getX(reg);
    }

    protected final void setX(VirtualFrame frame, int reg, long value) {
        int slot = homes.slotOf[reg];
        if (slot >= 0) {
            frame.setLongStatic(slot, value);
        } else {
            hart(frame).setX(reg, value);
        }
    }

    /** The raw 64 bits of f register {@code reg} (NaN-boxed when it holds a single). */
    protected final long f(VirtualFrame frame, int reg) {
        int slot = homes.slotOf[32 + reg];
        if (slot >= 0) {
            return frame.getLongStatic(slot);
        }
        return hart(frame).getF(reg);
    }

    protected final void setF(VirtualFrame frame, int reg, long bits) {
        int slot = homes.slotOf[32 + reg];
        if (slot >= 0) {
            frame.setLongStatic(slot, bits);
        } else {
            hart(frame).setF(reg, bits);
        }
    }

    protected static Hart hart(VirtualFrame frame) {
        return CompilerDirectives.castExact(frame.getObjectStatic(HART_SLOT), Hart.class);
    }
}
