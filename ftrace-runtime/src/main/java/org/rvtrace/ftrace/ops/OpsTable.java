package org.rvtrace.ftrace.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.RiscvError;

/**
 * ftrace's data in guest memory: the list head {@code ftrace_ops_list}, the two globals of
 * the old scheme ({@code function_trace_op}, {@code ftrace_trace_function}), the internal
 * {@code ftrace_nop_ops} and {@code ftrace_list_ops}, and a slot per registered ops. Every
 * word the trampolines read is written with one aligned store, so a hart running through a
 * trampoline sees either the old or the new value.
 */
public final class OpsTable {
    public static final int OPS_LIST = 0;
    public static final int FUNCTION_TRACE_OP = 8;
    public static final int FTRACE_TRACE_FUNCTION = 16;
    private static final int NOP_OPS = 64;
    private static final int LIST_OPS = NOP_OPS + OpsLayout.SIZE;
    private static final int FIRST_SLOT = LIST_OPS + OpsLayout.SIZE;

    private final GuestMemory mem;
    private final long base;
    private final int slots;
    private final Deque<Integer> free = new ArrayDeque<>();
    private int nextSlot;
    /** Registered ops, newest first, as on the guest list. */
    private final List<FtraceOps> registered = new ArrayList<>();
    private final FtraceOps[] byId;

    public OpsTable(GuestMemory mem, long base, long length) {
        this.mem = mem;
        this.base = base;
        this.slots = (int) ((length - FIRST_SLOT) / OpsLayout.SIZE);
        this.byId = new FtraceOps[slots + 1];
    }

    public long opsList() {
        return base + OPS_LIST;
    }

    public long functionTraceOp() {
        return base + FUNCTION_TRACE_OP;
    }

    public long ftraceTraceFunction() {
        return base + FTRACE_TRACE_FUNCTION;
    }

    public long nopOps() {
        return base + NOP_OPS;
    }

    public long listOps() {
        return base + LIST_OPS;
    }

    /** Writes ftrace_nop_ops (func = ftrace_stub) and ftrace_list_ops (func = ftrace_ops_list_func). */
    public void initInternal(long ftraceStub, long listFunc) {
        writeOps(nopOps(), ftraceStub, OpsFlags.STUB, 0, 0);
        writeOps(listOps(), listFunc, OpsFlags.STUB, 0, 0);
        mem.writeLongAtomic(functionTraceOp(), nopOps());
        mem.writeLongAtomic(ftraceTraceFunction(), ftraceStub);
    }

    /** Places the ops in guest memory and at the head of ftrace_ops_list. */
    public void add(FtraceOps ops) {
        if (ops.registered()) {
            throw new IllegalStateException(ops + " is already registered");
        }
        int slot = free.isEmpty() ? nextSlot++ : free.pop();
        if (slot >= slots) {
            nextSlot--;
            throw new RiscvError("ftrace: too many ops registered (" + slots + ")");
        }
        int id = slot + 1;
        long at = base + FIRST_SLOT + (long) slot * OpsLayout.SIZE;
        writeOps(at, ops.func, ops.flags, ops.directCall, id);
        ops.address = at;
        ops.id = id;
        byId[id] = ops;
        long head = mem.readLong(opsList());
        mem.writeLongAtomic(at + OpsLayout.NEXT, head);
        mem.writeLongAtomic(opsList(), at);
        registered.add(0, ops);
    }

    /**
     * Unlinks the ops from ftrace_ops_list. Its slot goes to the back of the free queue, to be
     * reused last: a hart may still be walking the list through it (Linux waits for an RCU
     * grace period for the same reason).
     */
    public void remove(FtraceOps ops) {
        if (!registered.remove(ops)) {
            return;
        }
        long prevLink = opsList();
        for (long p = mem.readLong(opsList()); p != 0; p = mem.readLong(p + OpsLayout.NEXT)) {
            if (p == ops.address) {
                mem.writeLongAtomic(prevLink, mem.readLong(p + OpsLayout.NEXT));
                break;
            }
            prevLink = p + OpsLayout.NEXT;
        }
        byId[ops.id] = null;
        free.addLast((int) ((ops.address - base - FIRST_SLOT) / OpsLayout.SIZE));
        ops.address = 0;
        ops.id = 0;
    }

    /** The registered ops whose struct is at address, or null. */
    public FtraceOps at(long address) {
        if (address < base + FIRST_SLOT) {
            return null;
        }
        long id = mem.readLong(address + OpsLayout.ID);
        return id > 0 && id < byId.length ? byId[(int) id] : null;
    }

    /** Registered ops, newest first. */
    public List<FtraceOps> registered() {
        return registered;
    }

    private void writeOps(long at, long func, long flags, long direct, long id) {
        mem.writeLongAtomic(at + OpsLayout.FLAGS, flags);
        mem.writeLongAtomic(at + OpsLayout.DIRECT_CALL, direct);
        mem.writeLongAtomic(at + OpsLayout.ID, id);
        mem.writeLongAtomic(at + OpsLayout.FUNC, func);
    }
}
