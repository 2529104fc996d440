package org.rvtrace.language.memory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Gives host pages back to the host kernel with madvise(MADV_DONTNEED): they read as zero
 * afterwards and cost no memory until touched again, which is exactly what munmap'ed guest
 * memory must look like. Used only when this module may call native code (the rv launcher
 * enables it); otherwise the caller zeroes the pages itself.
 */
final class HostPages {
    private static final int MADV_DONTNEED = 4;
    private static final MethodHandle MADVISE = lookup();

    private HostPages() {
    }

    private static MethodHandle lookup() {
        try {
            if (!HostPages.class.getModule().isNativeAccessEnabled()) {
                return null;
            }
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("madvise")
                            .map(f -> linker.downcallHandle(f, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT)))
                            .orElse(null);
        } catch (Throwable t) {
            return null; // not Linux, or native access refused: zero the pages instead
        }
    }

    /** Discards the page-aligned host range; false when that was not possible. */
    static boolean discard(long hostAddress, long length) {
        if (MADVISE == null) {
            return false;
        }
        try {
            return (int) MADVISE.invokeExact(MemorySegment.ofAddress(hostAddress), length, MADV_DONTNEED) == 0;
        } catch (Throwable t) {
            return false;
        }
    }
}
