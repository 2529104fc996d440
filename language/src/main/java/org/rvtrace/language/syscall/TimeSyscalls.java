package org.rvtrace.language.syscall;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Clocks and sleeping: clock_gettime/getres/nanosleep, nanosleep, gettimeofday, times.
 * CLOCK_REALTIME is the host's wall clock, CLOCK_MONOTONIC (and BOOTTIME, RAW, COARSE) the
 * host's System.nanoTime, the CPU-time clocks the guest thread's CPU time.
 */
final class TimeSyscalls {
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME_ID = 2;
    static final int CLOCK_THREAD_CPUTIME_ID = 3;
    static final int CLOCK_MONOTONIC_RAW = 4;
    static final int CLOCK_REALTIME_COARSE = 5;
    static final int CLOCK_MONOTONIC_COARSE = 6;
    static final int CLOCK_BOOTTIME = 7;
    static final int CLOCK_REALTIME_ALARM = 8;
    static final int CLOCK_BOOTTIME_ALARM = 9;
    static final int CLOCK_TAI = 11;
    static final String[] CLOCK_NAMES = {"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID",
        "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE", "CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM",
        "CLOCK_BOOTTIME_ALARM", null, "CLOCK_TAI"};
    private static final int TIMER_ABSTIME = 1;
    /** Resolution of the coarse clocks: one jiffy at 250 Hz. */
    private static final long COARSE_NANOS = 4_000_000;
    /** TAI is ahead of UTC by 37 leap seconds (since 2017). */
    private static final long TAI_OFFSET = 37_000_000_000L;
    static final int CLK_TCK = 100;

    private final Syscalls sys;
    private final UserMemory um;
    /** The last values handed out, so each clock is monotonic even if its source jitters. */
    private long lastProcessCpu;
    private long lastThreadCpu;
    /** CPU time spent before the program started (loading it, starting Truffle): not the guest's. */
    private long cpuBase;

    TimeSyscalls(Syscalls sys) {
        this.sys = sys;
        this.um = sys.user;
    }

    void register(SyscallTable t) {
        t.def(113, "clock_gettime", "Cp", (h, a) -> clockGettime((int) a[0], a[1]));
        t.def(114, "clock_getres", "Cp", (h, a) -> clockGetres((int) a[0], a[1]));
        t.def(115, "clock_nanosleep", "CXpp", (h, a) -> clockNanosleep((int) a[0], (int) a[1], a[2], a[3]));
        t.def(101, "nanosleep", "pp", (h, a) -> clockNanosleep(CLOCK_MONOTONIC, 0, a[0], a[1]));
        t.def(169, "gettimeofday", "pp", (h, a) -> gettimeofday(a[0], a[1]));
        t.def(112, "clock_settime", "Cp", (h, a) -> {
            now((int) a[0]);
            throw SyscallError.of(Errno.EPERM);
        });
        t.def(170, "settimeofday", "pp", (h, a) -> {
            throw SyscallError.of(Errno.EPERM);
        });
        t.def(153, "times", "p", (h, a) -> times(a[0]));
    }

    static long wallNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The time of a clock in nanoseconds; EINVAL for an unknown clock. */
    long now(int clock) {
        switch (clock) {
            case CLOCK_REALTIME, CLOCK_REALTIME_ALARM:
                return wallNanos();
            case CLOCK_REALTIME_COARSE:
                return wallNanos() / COARSE_NANOS * COARSE_NANOS;
            case CLOCK_TAI:
                return wallNanos() + TAI_OFFSET;
            case CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME, CLOCK_BOOTTIME_ALARM:
                return System.nanoTime();
            case CLOCK_MONOTONIC_COARSE:
                return System.nanoTime() / COARSE_NANOS * COARSE_NANOS;
            case CLOCK_PROCESS_CPUTIME_ID:
                return processCpu();
            case CLOCK_THREAD_CPUTIME_ID:
                return threadCpu();
            default:
                if (clock < 0) {
                    return cpuClockOf(clock);
                }
                throw SyscallError.of(Errno.EINVAL);
        }
    }

    /**
     * A clock id made by clock_getcpuclockid or pthread_getcpuclockid: ~pid (or ~tid) in the
     * upper bits, the per-thread flag in bit 2, the kind in bits 0-1.
     */
    private long cpuClockOf(int clock) {
        int id = ~(clock >> 3);
        boolean thread = (clock & 4) != 0;
        if ((clock & 3) == 3 || (id != 0 && id != sys.pid())) {
            throw SyscallError.of(Errno.EINVAL);
        }
        return thread ? threadCpu() : processCpu();
    }

    /** The program starts now, on the calling thread: CPU clocks count from here. */
    synchronized void programStarts() {
        cpuBase = CpuClock.threadNanos();
    }

    synchronized long processCpu() {
        lastProcessCpu = Math.max(lastProcessCpu, CpuClock.processNanos() - cpuBase);
        return lastProcessCpu;
    }

    synchronized long threadCpu() {
        lastThreadCpu = Math.max(lastThreadCpu, CpuClock.threadNanos() - cpuBase);
        return lastThreadCpu;
    }

    private long clockGettime(int clock, long tp) {
        long t = now(clock);
        um.writeTimespec(tp, t);
        return 0;
    }

    private long clockGetres(int clock, long res) {
        now(clock);
        long r = clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE ? COARSE_NANOS : 1;
        if (res != 0) {
            um.writeTimespec(res, r);
        }
        return 0;
    }

    private long clockNanosleep(int clock, int flags, long req, long rem) {
        switch (clock) {
            case CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_TAI, CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM -> {
            }
            case CLOCK_THREAD_CPUTIME_ID -> throw SyscallError.of(Errno.EINVAL);
            default -> {
                now(clock); // EINVAL for unknown ones
                throw SyscallError.of(Errno.EOPNOTSUPP);
            }
        }
        long nanos = um.readTimespecNanos(req);
        if ((flags & TIMER_ABSTIME) != 0) {
            nanos = nanos - now(clock);
        }
        Blocking.sleep(nanos);
        return 0;
    }

    private long gettimeofday(long tv, long tz) {
        long t = wallNanos();
        if (tv != 0) {
            ByteBuffer b = UserMemory.struct(16);
            b.putLong(Math.floorDiv(t, 1_000_000_000L));
            b.putLong(Math.floorMod(t, 1_000_000_000L) / 1000);
            um.write(tv, b);
        }
        if (tz != 0) {
            um.write(tz, UserMemory.struct(8)); // UTC, no DST
        }
        return 0;
    }

    /** struct tms in clock ticks; returns ticks since an arbitrary point (the monotonic clock's zero). */
    private long times(long buf) {
        if (buf != 0) {
            ByteBuffer b = UserMemory.struct(32);
            b.putLong(processCpu() / (1_000_000_000L / CLK_TCK));
            b.putLong(0);
            b.putLong(0);
            b.putLong(0);
            um.write(buf, b);
        }
        return System.nanoTime() / (1_000_000_000L / CLK_TCK) & Long.MAX_VALUE;
    }
}
