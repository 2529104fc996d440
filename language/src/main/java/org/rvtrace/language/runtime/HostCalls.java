package org.rvtrace.language.runtime;

import java.util.ArrayList;
import java.util.List;

import org.rvtrace.language.isa.Encode;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.tracing.HostFunction;

/**
 * The host-call stubs of one process: a read-only, executable guest page where stub number
 * n, at base + 8n, is {@code hostcall n; ret}. Guest code calls a stub like any leaf
 * function; the {@code hostcall} runs the host function. A {@code hostcall} anywhere but at
 * the start of a registered stub is an illegal instruction.
 */
public final class HostCalls {
    public static final int STUB_BYTES = 8;
    /** The second word of every stub: {@code ret}. */
    private static final int RET = Encode.jalr(0, 1, 0);

    private final GuestMemory mem;
    private final long base;
    private final int capacity;
    private final List<HostFunction> functions = new ArrayList<>();

    public HostCalls(GuestMemory mem, long base, long length) {
        this.mem = mem;
        this.base = base;
        this.capacity = (int) (length / STUB_BYTES);
    }

    /** Places a stub for fn and returns its guest address. */
    public synchronized long add(HostFunction fn) {
        if (functions.size() >= capacity) {
            throw new RiscvError("too many host functions (" + capacity + ")");
        }
        int id = functions.size();
        functions.add(fn);
        long at = base + (long) id * STUB_BYTES;
        mem.writeInt(at, Encode.hostcall(id));
        mem.writeInt(at + 4, RET);
        return at;
    }

    /**
     * The function of the stub at pc while the stub is executable and its two words are as
     * {@link #add} placed them, else null (pc is no stub's start, or the guest changed it).
     */
    public synchronized HostFunction intactStubAt(long pc) {
        long offset = pc - base;
        if (offset < 0 || offset % STUB_BYTES != 0 || offset / STUB_BYTES >= functions.size() || !mem.isExecutable(pc)) {
            return null;
        }
        int id = (int) (offset / STUB_BYTES);
        return mem.readInt(pc) == Encode.hostcall(id) && mem.readInt(pc + 4) == RET ? functions.get(id) : null;
    }

    /** The host function a hostcall at pc with this id runs, or null when it is not a stub's. */
    public synchronized HostFunction at(long pc, int id) {
        if (id < 0 || id >= functions.size() || pc != base + (long) id * STUB_BYTES) {
            return null;
        }
        return functions.get(id);
    }
}
