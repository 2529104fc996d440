package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.nodes.Node;

import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.Registers;

/**
 * A straight-line instruction inside a basic block. Subclasses hold the decoded operands
 * as final fields, so each one partially evaluates to the few machine instructions of its
 * semantics. A register lives in a field of the {@link Hart} (see {@link Registers}), or,
 * when the enclosing function writes it inside a call-free loop, in the function's register
 * array (see {@link LoopRegisters}, {@link RegisterHomes}); which one is a constant of each node.
 */
public abstract class InsnNode extends Node {
    /** Slot of the {@link Hart} running this frame. */
    public static final int HART_SLOT = 0;
    /** Slot of the return address this frame's caller expects (see FunctionRootNode's calling convention). */
    public static final int LINK_SLOT = 1;
    /** Slot of the function's register array (see {@link RegisterHomes}). */
    public static final int REGS_SLOT = 2;
    /** Slot of the pc where control leaves the function's graph (see FunctionRootNode.run). */
    public static final int EXIT_SLOT = 3;
    /** Slots of the register scope of the trampoline code running, and of its homes; null outside one (see FunctionRootNode). */
    public static final int SCOPE_REGS_SLOT = 4;
    public static final int SCOPE_HOMES_SLOT = 5;
    /** How many slots a function's frame has. */
    public static final int FRAME_SLOTS = 6;
    /** Where the enclosing function keeps each register ({@link RegisterHomes#slotOf}); set once, before the node ever runs. */
    @CompilationFinal(dimensions = 1) private byte[] slotOf;
    /** The enclosing function's register homes, for the stack-slot forwarding (see {@link RegisterHomes#stackSlot}). */
    @CompilationFinal RegisterHomes homes;

    /**
     * regs: the function's register array (see {@link RegisterHomes}); it and the hart are
     * passed along (both are also in the frame) so the interpreter need not fetch them per
     * instruction.
     */
    public abstract void execute(long[] regs, Hart hart);

    final void setRegisterHomes(RegisterHomes registerHomes, boolean forwarding) {
        this.slotOf = registerHomes.slotOf;
        this.homes = registerHomes;
        bindStackSlots(registerHomes, forwarding);
    }

    /** For loads and stores: forwarding, whether this node's sd/ld through sp may take a stack slot. */
    void bindStackSlots(RegisterHomes registerHomes, boolean forwarding) {
    }

    protected final long x(long[] regs, Hart hart, int reg) {
        return RegisterHomes.getX(slotOf, regs, hart, reg);
    }

    protected final void setX(long[] regs, Hart hart, int reg, long value) {
        RegisterHomes.setX(slotOf, regs, hart, reg, value);
    }

    /** The raw 64 bits of f register {@code reg} (NaN-boxed when it holds a single). */
    protected final long f(long[] regs, Hart hart, int reg) {
        return RegisterHomes.getF(slotOf, regs, hart, reg);
    }

    protected final void setF(long[] regs, Hart hart, int reg, long bits) {
        RegisterHomes.setF(slotOf, regs, hart, reg, bits);
    }
}
