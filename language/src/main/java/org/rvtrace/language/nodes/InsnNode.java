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
    /** Where the enclosing function keeps each register ({@link RegisterHomes#slotOf}); set once, before the node ever runs. */
    @CompilationFinal(dimensions = 1) private byte[] slotOf;

    /** The hart is passed along (it is also in the frame) so the interpreter need not fetch it per instruction. */
    public abstract void execute(VirtualFrame frame, Hart hart);

    final void setRegisterHomes(RegisterHomes registerHomes) {
        this.slotOf = registerHomes.slotOf;
    }

    protected final long x(VirtualFrame frame, Hart hart, int reg) {
        return RegisterHomes.getX(slotOf, frame, hart, reg);
    }

    protected final void setX(VirtualFrame frame, Hart hart, int reg, long value) {
        RegisterHomes.setX(slotOf, frame, hart, reg, value);
    }

    /** The raw 64 bits of f register {@code reg} (NaN-boxed when it holds a single). */
    protected final long f(VirtualFrame frame, Hart hart, int reg) {
        return RegisterHomes.getF(slotOf, frame, hart, reg);
    }

    protected final void setF(VirtualFrame frame, Hart hart, int reg, long bits) {
        RegisterHomes.setF(slotOf, frame, hart, reg, bits);
    }
}
