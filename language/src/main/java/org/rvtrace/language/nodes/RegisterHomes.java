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

    /*
     * Stack-slot forwarding, in compiled code only. After the registers, the array holds what this activation last
     * stored with sd to 8-aligned offsets from sp: a mask of valid slots, the sp they belong
     * to, and one value per slot. A later ld from the same sp and offset takes the value
     * from here instead of from memory (the store itself is made as always). In compiled
     * code the array is virtual, so a reload folds to the register value that was saved:
     * the ftrace trampoline's restores after a callback then cost nothing, and neither do
     * the writes of unchanged registers back to the hart that follow them.
     *
     * Sound because a slot is forgotten whenever its memory may have changed other than by
     * this hart's own slotted store: every other store (any width, any base register),
     * atomics, store-conditionals and fences, calls (guest code may write a caller's frame
     * through a pointer), system calls, and host functions unless they declare that they
     * leave guest memory alone. Other harts need no care: under RVWMO a load may return
     * the value of the same hart's earlier store to that address even if another hart
     * stored there since (a load is not ordered after an earlier store to the same address).
     */
    static final int STACK_SLOTS = 16;
    /** Indices in the register array: the valid-slot mask, the sp of the slots, the pending-slot mask, slot 0's value. */
    final int stackMask;
    final int stackSp;
    final int stackPending;
    final int stackValues;
    /**
     * sp offset of each slot given out so far (guarded by this). An offset is written before
     * any node has its slot, so compiled code that reads one for a pending slot sees it set.
     */
    @CompilationFinal(dimensions = 1) private final long[] slotOffsets = new long[STACK_SLOTS];
    private int slotsGiven;
    /**
     * Whether any node of this function has a slot (only code in a range given to
     * TracingHost.trampolineText takes them): otherwise the array has no stack part and
     * nothing keeps it. Set before the node that takes the first slot runs; compiled code
     * that read it as false keeps working without the forwarding.
     */
    @CompilationFinal volatile boolean stackForwarding;

    /*
     * Deferred saves, in a trampoline's register scope only (non-null memory). There a slotted
     * sd that passed its access check is not made at once: it stays pending in its slot (a
     * bit in the pending mask) until something may read or overwrite that memory, and the
     * stores still pending when the scope ends below the sp it ends with are dropped: they
     * are the trampoline's frame, popped. So in compiled code a traced call's frame saves,
     * forwarded to its restores, never reach memory at all, as if they had been made into
     * the compiled frame.
     *
     * Written to memory (flushPending) before: any other store, any load that is not slotted
     * and may overlap a pending slot (for a load that keeps overlapping, before it always),
     * atomics, lr/sc and fences, calls, system calls, host functions that touch guest memory,
     * leaving the function, and exceptions out of it. The interpreter never defers, but after a
     * deoptimization it may run on an array with pending slots: it writes them all before its
     * first memory access, call or exit, so it never sees memory without them.
     */
    /** Where pending saves go when written; null: this array's saves are made at once (a function's own homes). */
    private final GuestMemory deferredTo;
    /** sp may rise by at most this much at a scope's end for the saves below it to count as a popped frame. */
    private static final long MAX_POPPED_FRAME = 4096;

    /** deferredTo: memory, for a trampoline scope whose slotted saves are deferred (see above); else null. */
    RegisterHomes(long frameX, long frameF, GuestMemory deferredTo) {
        this.deferredTo = deferredTo;
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
        this.stackMask = regs.length;
        this.stackSp = regs.length + 1;
        this.stackPending = regs.length + 2;
        this.stackValues = regs.length + 3;
    }

    /**
     * A fresh register array for one activation (virtual in compiled code); no stack slot
     * valid. The interpreter neither uses nor keeps the stack slots (it would only pay for
     * them), so its arrays have none: every use is behind {@link CompilerDirectives#inCompiledCode}.
     */
    long[] newArray() {
        return new long[CompilerDirectives.inCompiledCode() && stackForwarding ? stackValues + STACK_SLOTS : homed.length];
    }

    /** The forwarding slot for sd/ld at sp + offset (the same for both), or -1 when there is none. */
    synchronized int stackSlot(long offset) {
        if ((offset & 7) != 0) {
            return -1;
        }
        for (int i = 0; i < slotsGiven; i++) {
            if (slotOffsets[i] == offset) {
                return i;
            }
        }
        if (slotsGiven == STACK_SLOTS) {
            return -1;
        }
        slotOffsets[slotsGiven] = offset;
        stackForwarding = true;
        return slotsGiven++;
    }

    /** Memory may change under the slots, or be read: pending saves are written, and no slot is valid any more. */
    @ExplodeLoop
    void forgetStack(long[] regs) {
        flushPending(regs);
        if (forwards(regs)) {
            // Values too, not just the mask: a forgotten slot that kept its value would stay
            // live in every frame state and phi after it (fib's recursion loop spilled them).
            regs[stackMask] = 0;
            regs[stackSp] = 0;
            regs[stackPending] = 0;
            for (int i = 0; i < STACK_SLOTS; i++) {
                regs[stackValues + i] = 0;
            }
        }
    }

    /**
     * Whether this activation keeps stack slots: compiled code, forwarding on, and an array
     * with the stack part (one allocated before forwarding was turned on has none).
     */
    boolean forwards(long[] regs) {
        return CompilerDirectives.inCompiledCode() && stackForwarding && regs.length > stackMask;
    }

    /** Whether this is a trampoline scope, whose slotted saves are deferred in compiled code. */
    boolean defersSaves() {
        return deferredTo != null;
    }

    /** Whether slotted saves into regs are deferred: compiled code, a trampoline scope, an array with the stack part. */
    boolean defers(long[] regs) {
        return deferredTo != null && forwards(regs);
    }

    /**
     * A slotted sd of value at sp = base + the slot's offset, deferred: the slot holds it, and
     * memory gets it later or never (see above). The saves of a frame share one sp; one at
     * another sp first writes those pending.
     */
    void deferStore(long[] regs, long base, int valueIndex, long bit, long value) {
        if (regs[stackSp] != base) {
            flushPending(regs);
        }
        long mask = regs[stackSp] == base ? regs[stackMask] : 0;
        regs[stackSp] = base;
        regs[valueIndex] = value;
        regs[stackMask] = mask | bit;
        regs[stackPending] |= bit;
    }

    /**
     * Writes the pending saves to memory, in any order: each slot holds the last store to its
     * doubleword, and slots do not overlap. Works in the interpreter too, after a
     * deoptimization left pending slots in the array (the interpreter's own arrays have no
     * stack part: one length check).
     */
    @ExplodeLoop
    void flushPending(long[] regs) {
        if (deferredTo == null || regs.length <= stackPending) {
            return;
        }
        long pending = regs[stackPending];
        if (pending == 0) {
            return;
        }
        long sp = regs[stackSp];
        for (int i = 0; i < STACK_SLOTS; i++) {
            if ((pending & (1L << i)) != 0) {
                deferredTo.store64Unchecked(sp + slotOffsets[i], regs[stackValues + i]);
            }
        }
        regs[stackPending] = 0;
    }

    /**
     * Whether a load of size bytes at addr may overlap a pending save. In compiled code the
     * pending mask is usually a constant, and this is two compares against the slots' sp.
     */
    @ExplodeLoop
    boolean pendingOverlaps(long[] regs, long addr, int size) {
        long pending = regs[stackPending];
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < STACK_SLOTS; i++) {
            if ((pending & (1L << i)) != 0) {
                lo = Math.min(lo, slotOffsets[i]);
                hi = Math.max(hi, slotOffsets[i] + 8);
            }
        }
        long rel = addr - regs[stackSp];
        return pending != 0 && rel + size > lo && rel < hi;
    }

    /**
     * The scope ends with sp at spNow: pending saves below it are the trampoline's popped
     * frame and are dropped; the others are written. Only when sp rose by at most
     * {@link #MAX_POPPED_FRAME} (a trampoline that switched stacks keeps everything).
     */
    @ExplodeLoop
    void endScope(long[] regs, long spNow) {
        if (deferredTo == null || regs.length <= stackPending) {
            return;
        }
        long pending = regs[stackPending];
        long sp = regs[stackSp];
        // spNow - sp, not a compare of the addresses: Graal folds (sp + n) - sp to n.
        long popped = spNow - sp;
        boolean framePopped = popped > 0 && popped <= MAX_POPPED_FRAME;
        for (int i = 0; i < STACK_SLOTS; i++) {
            if ((pending & (1L << i)) != 0 && !(framePopped && slotOffsets[i] + 8 <= popped)) {
                deferredTo.store64Unchecked(sp + slotOffsets[i], regs[stackValues + i]);
            }
        }
        regs[stackPending] = 0;
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
