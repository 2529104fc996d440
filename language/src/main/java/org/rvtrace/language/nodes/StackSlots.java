package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import org.rvtrace.language.memory.GuestMemory;

/**
 * The stack part of a register array (see {@link RegisterHomes}): the trampoline's saves
 * through sp, forwarded to its reloads, and in a trampoline scope deferred until something
 * could see them, or dropped with the frame they were made into.
 */
final class StackSlots {
    /*
     * Stack-slot forwarding, in compiled code only. After the registers, the array holds what
     * this activation last stored with sd to 8-aligned offsets from sp: a mask of valid slots,
     * the sp they belong to, and one value per slot. A later ld from the same sp and offset
     * takes the value from here instead of from memory (in a function's own homes the store
     * itself is made as always; in a trampoline scope see the deferred saves below). In compiled
     * code the array is virtual, so a reload folds to the register value that was saved:
     * the ftrace trampoline's restores after a callback then cost nothing, and neither do
     * the writes of unchanged registers back to the hart that follow them.
     *
     * Sound because a slot is forgotten whenever its memory may have changed other than by
     * this hart's own slotted store: every other store (any width, any base register),
     * atomics, store-conditionals and fences, calls (guest code may write a caller's frame
     * through a pointer), system calls, and host functions unless they declare that they
     * leave guest memory alone (HostFunction.touchesGuestMemory). Other harts need no care:
     * under RVWMO a load may return the value of the same hart's earlier store to that
     * address even if another hart stored there since (a load is not ordered after an
     * earlier store to the same address).
     */
    /**
     * One per word of the largest trampoline frame, the 2023 ftrace_regs_caller's pt_regs (32
     * words): with 16, its saves past the 16th were not slotted, wrote the others, and its
     * traced call took 18 ns instead of 0.67 (the merged ftrace_caller's frame is 14 words).
     */
    static final int SLOTS = 32;
    /** Indices in the register array: the valid-slot mask, the sp of the slots, the pending-slot mask, slot 0's value. */
    final int mask;
    final int sp;
    final int pending;
    final int values;
    /** The length of a register array with the stack part. */
    final int arrayLength;
    /**
     * sp offset of each slot given out so far (guarded by this). An offset is written before
     * any node has its slot, so compiled code that reads one for a pending slot sees it set.
     */
    @CompilationFinal(dimensions = 1) private final long[] offsets = new long[SLOTS];
    private int given;
    /**
     * Whether any node of this function has a slot (only code in a range given to
     * TracingHost.trampolineText takes them): otherwise the array has no stack part and
     * nothing keeps it. Set before the node that takes the first slot runs; compiled code
     * that read it as false keeps working without the forwarding.
     */
    @CompilationFinal volatile boolean forwarding;

    /*
     * Deferred saves, in a trampoline's register scope only (non-null memory). There a slotted
     * sd that passed its access check is not made at once: it stays pending in its slot (a
     * bit in the pending mask) until something may read or overwrite that memory, and the
     * stores still pending when the scope ends below the sp it ends with are dropped: they
     * are the trampoline's frame, popped. So in compiled code a traced call's frame saves,
     * forwarded to its restores, never reach memory at all, as if they had been made into
     * the compiled frame.
     *
     * Written to memory (flush) before: any other store, any load that is not slotted
     * and may overlap a pending slot (for a load that keeps overlapping, before it always),
     * atomics, lr/sc and fences, calls, system calls, host functions that touch guest memory,
     * leaving the function, breakpoints and illegal instructions, and a store into translated
     * code (CodeModifiedException). A memory fault does not write them: it abandons the call,
     * and the frame with it. The interpreter never defers, but after a
     * deoptimization it may run on an array with pending slots: it writes them all before its
     * first memory access, call or exit, so it never sees memory without them.
     */
    /** Where pending saves go when written; null: this array's saves are made at once (a function's own homes). */
    private final GuestMemory deferredTo;
    /** sp may rise by at most this much at a scope's end for the saves below it to count as a popped frame. */
    private static final long MAX_POPPED_FRAME = 4096;

    /** first: the array index after the registers; deferredTo: see above. */
    StackSlots(int first, GuestMemory deferredTo) {
        this.mask = first;
        this.sp = first + 1;
        this.pending = first + 2;
        this.values = first + 3;
        this.arrayLength = values + SLOTS;
        this.deferredTo = deferredTo;
    }

    /** The forwarding slot for sd/ld at sp + offset (the same for both), or -1 when there is none. */
    synchronized int slotFor(long offset) {
        if ((offset & 7) != 0) {
            return -1;
        }
        for (int i = 0; i < given; i++) {
            if (offsets[i] == offset) {
                return i;
            }
        }
        if (given == SLOTS) {
            return -1;
        }
        offsets[given] = offset;
        forwarding = true;
        return given++;
    }

    /** Memory may change under the slots, or be read: pending saves are written, and no slot is valid any more. */
    @ExplodeLoop
    void forget(long[] regs) {
        flush(regs);
        if (forwards(regs)) {
            // Values too, not just the mask: a forgotten slot that kept its value would stay
            // live in every frame state and phi after it (fib's recursion loop spilled them).
            regs[mask] = 0;
            regs[sp] = 0;
            regs[pending] = 0;
            for (int i = 0; i < SLOTS; i++) {
                regs[values + i] = 0;
            }
        }
    }

    /**
     * Whether this activation keeps stack slots: compiled code, forwarding on, and an array
     * with the stack part (one allocated before forwarding was turned on has none).
     */
    boolean forwards(long[] regs) {
        return CompilerDirectives.inCompiledCode() && forwarding && regs.length > mask;
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
    void defer(long[] regs, long base, int valueIndex, long bit, long value) {
        boolean sameSp = regs[sp] == base;
        if (!sameSp) {
            flush(regs);
        }
        long valid = sameSp ? regs[mask] : 0;
        regs[sp] = base;
        regs[valueIndex] = value;
        regs[mask] = valid | bit;
        regs[pending] |= bit;
    }

    /**
     * Writes the pending saves to memory, in any order: each slot holds the last store to its
     * doubleword, and slots do not overlap. Works in the interpreter too, after a
     * deoptimization left pending slots in the array (the interpreter's own arrays have no
     * stack part: one length check).
     */
    void flush(long[] regs) {
        // Small, so that the interpreter's many call sites inline just this test.
        if (deferredTo != null && regs.length > pending && regs[pending] != 0) {
            writePending(regs);
        }
    }

    @ExplodeLoop
    private void writePending(long[] regs) {
        long pendingMask = regs[pending];
        long base = regs[sp];
        for (int i = 0; i < SLOTS; i++) {
            if ((pendingMask & (1L << i)) != 0) {
                deferredTo.store64Unchecked(base + offsets[i], regs[values + i]);
            }
        }
        regs[pending] = 0;
    }

    /**
     * Whether a load of size bytes at addr may overlap a pending save. In compiled code the
     * pending mask is usually a constant, and this is two compares against the slots' sp.
     */
    @ExplodeLoop
    boolean pendingOverlaps(long[] regs, long addr, int size) {
        long pendingMask = regs[pending];
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < SLOTS; i++) {
            if ((pendingMask & (1L << i)) != 0) {
                lo = Math.min(lo, offsets[i]);
                hi = Math.max(hi, offsets[i] + 8);
            }
        }
        long rel = addr - regs[sp];
        return pendingMask != 0 && rel + size > lo && rel < hi;
    }

    /**
     * The scope ends with sp at spNow: pending saves below it are the trampoline's popped
     * frame and are dropped; the others are written. Only when sp rose by at most
     * {@link #MAX_POPPED_FRAME} (a trampoline that switched stacks keeps everything).
     */
    @ExplodeLoop
    void endScope(long[] regs, long spNow) {
        if (deferredTo == null || regs.length <= pending) {
            return;
        }
        // spNow - the slots' sp, not a compare of addresses: Graal folds (sp + n) - sp to n.
        long popped = spNow - regs[sp];
        if (popped > 0 && popped <= MAX_POPPED_FRAME) {
            long dropped = 0;
            for (int i = 0; i < SLOTS; i++) {
                if (offsets[i] + 8 <= popped) {
                    dropped |= 1L << i;
                }
            }
            regs[pending] &= ~dropped;
        }
        flush(regs);
    }
}
