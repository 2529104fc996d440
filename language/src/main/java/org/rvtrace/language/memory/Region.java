package org.rvtrace.language.memory;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.Truffle;

/**
 * A stretch of guest pages that all allow one kind of plain access: loads (readable pages),
 * stores (writable pages without translated code or watched words), or both (for an
 * {@code AccessRun} that loads and stores). A load or store
 * node that keeps touching the same data (an array, the heap, the stack) speculates that
 * its address stays inside one region: compiled code then checks the address against two
 * constants, a check Graal can move out of a loop over an array, instead of looking up the
 * page flags at every access. {@link #valid} is invalidated (by {@link GuestMemory}) before
 * any page of the region loses the access, so no compiled code ever relies on a stale one.
 */
public final class Region {
    /** First byte and one past the last byte. */
    public final long lo;
    public final long hi;
    public final boolean forLoads;
    public final boolean forStores;
    /** hi - lo, so that {@link #contains} stays small enough for the JVM's C1 to inline into the interpreter. */
    private final long span;
    public final Assumption valid;

    Region(long lo, long hi, boolean forLoads, boolean forStores) {
        this.lo = lo;
        this.hi = hi;
        this.forLoads = forLoads;
        this.forStores = forStores;
        this.span = hi - lo;
        String kind = forLoads ? (forStores ? "load/store" : "load") : "store";
        this.valid = Truffle.getRuntime().createAssumption(String.format("%s region 0x%x-0x%x", kind, lo, hi));
    }

    /** Whether the region is still valid and the size bytes at addr lie inside. */
    public boolean holds(long addr, int size) {
        return valid.isValid() && contains(addr, size);
    }

    /** Whether the size bytes at addr lie inside. */
    public boolean contains(long addr, int size) {
        return Long.compareUnsigned(addr - lo, span - size) <= 0;
    }

    boolean overlaps(long start, long end) {
        return start < hi && lo < end;
    }
}
