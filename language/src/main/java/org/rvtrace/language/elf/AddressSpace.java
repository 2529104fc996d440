package org.rvtrace.language.elf;

import org.rvtrace.language.memory.GuestMemory;

/**
 * Where things go in the guest's 4 GiB window. Linux randomises most of this; rvtrace
 * does not, so runs are reproducible.
 */
public final class AddressSpace {
    /** Load address of a position-independent (static-PIE) program. */
    public static final long PIE_BASE = 0x4000_0000L;
    /** The initial stack ends here; the last 64 KiB of the window stay unmapped. */
    public static final long STACK_TOP = GuestMemory.WINDOW - 0x1_0000L;
    /** RLIMIT_STACK's usual 8 MiB, mapped at once (Linux grows it on demand up to the same limit). */
    public static final long STACK_SIZE = 8L << 20;
    /** mmap hands out addresses downwards from here, below a guard gap under the stack. */
    public static final long MMAP_TOP = STACK_TOP - STACK_SIZE - 0x10_0000L;
    /** Lowest address mmap may use (Linux's mmap_min_addr is 64 KiB). */
    public static final long MMAP_MIN = 0x1_0000L;

    private AddressSpace() {
    }

    public static long pageDown(long a) {
        return a & -GuestMemory.PAGE_SIZE;
    }

    public static long pageUp(long a) {
        return (a + GuestMemory.PAGE_SIZE - 1) & -GuestMemory.PAGE_SIZE;
    }
}
