package org.rvtrace.language.syscall;

import java.nio.ByteBuffer;

import org.rvtrace.language.elf.AddressSpace;
import org.rvtrace.language.memory.GuestMemory;

/** Resource limits and usage: prlimit64, getrlimit/setrlimit, getrusage, sysinfo. */
final class ResourceSyscalls {
    static final long RLIM_INFINITY = -1L;
    static final int RLIMIT_STACK = 3;
    static final int RLIMIT_NOFILE = 7;
    static final String[] NAMES = {"RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS",
        "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE",
        "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME"};
    private static final int RUSAGE_SELF = 0;
    private static final int RUSAGE_CHILDREN = -1;
    private static final int RUSAGE_THREAD = 1;

    private final Syscalls sys;
    private final UserMemory um;
    private final long[] soft = new long[NAMES.length];
    private final long[] hard = new long[NAMES.length];

    ResourceSyscalls(Syscalls sys) {
        this.sys = sys;
        this.um = sys.user;
        java.util.Arrays.fill(soft, RLIM_INFINITY);
        java.util.Arrays.fill(hard, RLIM_INFINITY);
        set(RLIMIT_STACK, AddressSpace.STACK_SIZE, RLIM_INFINITY);
        set(4, 0, RLIM_INFINITY); // RLIMIT_CORE
        set(6, 4096, 4096); // RLIMIT_NPROC
        set(RLIMIT_NOFILE, 1024, 4096);
        set(8, 8 << 20, 8 << 20); // RLIMIT_MEMLOCK
        set(11, 4096, 4096); // RLIMIT_SIGPENDING
        set(12, 819200, 819200); // RLIMIT_MSGQUEUE
        set(13, 0, 0); // RLIMIT_NICE
        set(14, 0, 0); // RLIMIT_RTPRIO
    }

    private void set(int resource, long cur, long max) {
        soft[resource] = cur;
        hard[resource] = max;
    }

    void register(SyscallTable t) {
        t.def(261, "prlimit64", "iRpp", (h, a) -> prlimit((int) a[0], (int) a[1], a[2], a[3]));
        t.def(163, "getrlimit", "Rp", (h, a) -> prlimit(0, (int) a[0], 0, a[1]));
        t.def(164, "setrlimit", "Rp", (h, a) -> prlimit(0, (int) a[0], a[1], 0));
        t.def(165, "getrusage", "ip", (h, a) -> getrusage((int) a[0], a[1]));
        t.def(179, "sysinfo", "p", (h, a) -> sysinfo(a[0]));
    }

    private synchronized long prlimit(int pid, int resource, long newLimit, long oldLimit) {
        if (pid != 0 && pid != sys.pid()) {
            throw SyscallError.of(Errno.ESRCH);
        }
        if (resource < 0 || resource >= NAMES.length) {
            throw SyscallError.of(Errno.EINVAL);
        }
        long cur = 0;
        long max = 0;
        if (newLimit != 0) {
            cur = um.readLong(newLimit);
            max = um.readLong(newLimit + 8);
            if (Long.compareUnsigned(cur, max) > 0) {
                throw SyscallError.of(Errno.EINVAL);
            }
            if (Long.compareUnsigned(max, hard[resource]) > 0 && sys.uid() != 0) {
                throw SyscallError.of(Errno.EPERM);
            }
            if (resource == RLIMIT_NOFILE && Long.compareUnsigned(max, 1 << 20) > 0) {
                throw SyscallError.of(Errno.EPERM); // fs.nr_open
            }
        }
        if (oldLimit != 0) {
            um.checkWrite(oldLimit, 16);
            ByteBuffer b = UserMemory.struct(16);
            b.putLong(soft[resource]);
            b.putLong(hard[resource]);
            um.write(oldLimit, b);
        }
        if (newLimit != 0) {
            set(resource, cur, max);
            if (resource == RLIMIT_NOFILE) {
                sys.fds.setLimit((int) Math.min(cur, 1 << 20));
            }
        }
        return 0;
    }

    private long getrusage(int who, long buf) {
        if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD) {
            throw SyscallError.of(Errno.EINVAL);
        }
        ByteBuffer b = UserMemory.struct(144);
        if (who != RUSAGE_CHILDREN) {
            long cpu = who == RUSAGE_SELF ? sys.time.processCpu() : sys.time.threadCpu();
            b.putLong(cpu / 1_000_000_000L);
            b.putLong(cpu % 1_000_000_000L / 1000);
            b.putLong(0); // ru_stime
            b.putLong(0);
            b.putLong(sys.memory.mappedBytes() / 1024); // ru_maxrss in KiB: what is mapped now
        }
        um.write(buf, b);
        return 0;
    }

    /** struct sysinfo: the 4 GiB window as RAM, what is not mapped as free. */
    private long sysinfo(long buf) {
        long total = GuestMemory.WINDOW;
        long free = total - sys.memory.mappedBytes();
        ByteBuffer b = UserMemory.struct(112);
        b.putLong(System.nanoTime() / 1_000_000_000L); // uptime
        b.putLong(0); // loads[3]
        b.putLong(0);
        b.putLong(0);
        b.putLong(total);
        b.putLong(free);
        b.putLong(0); // sharedram
        b.putLong(0); // bufferram
        b.putLong(0); // totalswap
        b.putLong(0); // freeswap
        b.putShort((short) 1); // procs
        b.putShort((short) 0);
        b.putInt(0);
        b.putLong(0); // totalhigh
        b.putLong(0); // freehigh
        b.putInt(1); // mem_unit
        um.write(buf, b);
        return 0;
    }
}
