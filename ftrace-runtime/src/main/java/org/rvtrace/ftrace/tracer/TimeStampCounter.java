package org.rvtrace.ftrace.tracer;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The x86-64 time-stamp counter as a nanosecond clock, read the way Linux's sched_clock
 * reads it for the default ("local") trace clock: one {@code rdtsc}, scaled by a fixed-point
 * multiplier. On a virtual machine {@code System.nanoTime} is a vDSO clock_gettime that
 * costs two to three times an {@code rdtsc} (measured here: 22-26 ns against 9), and the
 * timed profiler reads the clock twice per traced call.
 *
 * <p>Used only on x86-64 Linux hosts whose counter runs at a constant rate and does not
 * stop ({@code constant_tsc}, {@code nonstop_tsc} in /proc/cpuinfo), and when this module
 * may call native code ({@code --enable-native-access}); {@link #create} returns null
 * otherwise and the clock reads {@code System.nanoTime}. The four instructions are
 * written into a page of their own and called through the foreign-function API.
 */
final class TimeStampCounter {
    /** rdtsc; shl rdx, 32; or rax, rdx; ret */
    private static final byte[] RDTSC = {0x0f, 0x31, 0x48, (byte) 0xc1, (byte) 0xe2, 0x20, 0x48, 0x09, (byte) 0xd0, (byte) 0xc3};
    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;
    private static final int PROT_EXEC = 4;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x22;
    private static final long PAGE = 4096;
    /** How long the rate is measured against System.nanoTime (each end is good to about 20 ns: 2e-6). */
    private static final long CALIBRATION_NS = 10_000_000;

    private final MethodHandle rdtsc;
    private final long start;
    /** Nanoseconds per count, times 2^32. */
    private final long mult;

    private TimeStampCounter(MethodHandle rdtsc) throws Throwable {
        this.rdtsc = rdtsc;
        for (int i = 0; i < 1000; i++) {
            // The first calls link the handle (a quarter millisecond): not inside the measurement.
            long ignored = (long) rdtsc.invokeExact();
        }
        long[] first = readTogether(rdtsc);
        long[] last;
        do {
            last = readTogether(rdtsc);
        } while (last[0] - first[0] < CALIBRATION_NS);
        long t0 = first[0];
        long t1 = last[0];
        long c0 = first[1];
        long c1 = last[1];
        if (c1 <= c0) {
            throw new IllegalStateException("the time-stamp counter did not advance");
        }
        this.mult = Math.round((double) (t1 - t0) / (c1 - c0) * 4294967296.0);
        this.start = (long) rdtsc.invokeExact();
    }

    /** {System.nanoTime(), the counter at the same moment}: the counter read on both sides of the clock, averaged. */
    private static long[] readTogether(MethodHandle rdtsc) throws Throwable {
        long before = (long) rdtsc.invokeExact();
        long nanos = System.nanoTime();
        long after = (long) rdtsc.invokeExact();
        return new long[]{nanos, before + (after - before) / 2};
    }

    /** Nanoseconds since this clock was made. */
    long nanos() {
        long delta;
        try {
            delta = (long) rdtsc.invokeExact() - start;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        // (delta * mult) >> 32 in 128 bits: no overflow for centuries of counts.
        return (Math.multiplyHigh(delta, mult) << 32) | ((delta * mult) >>> 32);
    }

    /** The counter as a clock, or null where it cannot serve (see the class comment). */
    static TimeStampCounter create() {
        try {
            if (!"amd64".equals(System.getProperty("os.arch")) || !"Linux".equals(System.getProperty("os.name"))
                            || !TimeStampCounter.class.getModule().isNativeAccessEnabled() || !invariantCounter()) {
                return null;
            }
            return new TimeStampCounter(rdtscHandle());
        } catch (Throwable t) {
            return null;
        }
    }

    private static boolean invariantCounter() throws java.io.IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return false;
        }
        try (var lines = Files.lines(cpuinfo)) {
            Optional<String> flags = lines.filter(l -> l.startsWith("flags")).findFirst();
            if (flags.isEmpty()) {
                return false;
            }
            String f = " " + flags.get().substring(flags.get().indexOf(':') + 1) + " ";
            return f.contains(" constant_tsc ") && f.contains(" nonstop_tsc ");
        }
    }

    /** The instructions in a page mapped read-write, filled, then made read-execute. */
    private static MethodHandle rdtscHandle() throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle mmap = linker.downcallHandle(libc.find("mmap").orElseThrow(), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        MethodHandle mprotect = linker.downcallHandle(libc.find("mprotect").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        MemorySegment page = (MemorySegment) mmap.invokeExact(MemorySegment.NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
        if (page.address() == -1L || page.address() == 0L) {
            throw new IllegalStateException("mmap failed");
        }
        page = page.reinterpret(PAGE, Arena.global(), null);
        MemorySegment.copy(MemorySegment.ofArray(RDTSC), 0, page, 0, RDTSC.length);
        if ((int) mprotect.invokeExact(page, PAGE, PROT_READ | PROT_EXEC) != 0) {
            throw new IllegalStateException("mprotect failed");
        }
        return linker.downcallHandle(page, FunctionDescriptor.of(ValueLayout.JAVA_LONG), Linker.Option.critical(false));
    }
}
