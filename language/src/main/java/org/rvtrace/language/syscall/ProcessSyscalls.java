package org.rvtrace.language.syscall;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.rvtrace.language.runtime.GuestExit;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.ThreadExit;

/**
 * Who the process is and how it ends: ids, uname, exit, thread bookkeeping
 * (set_tid_address, robust lists, rseq), scheduling, getrandom, prctl, futex.
 */
final class ProcessSyscalls {
    private static final int GRND_NONBLOCK = 1;
    private static final int GRND_RANDOM = 2;
    private static final int GRND_INSECURE = 4;
    private static final int PR_SET_PDEATHSIG = 1;
    private static final int PR_GET_PDEATHSIG = 2;
    private static final int PR_GET_DUMPABLE = 3;
    private static final int PR_SET_DUMPABLE = 4;
    private static final int PR_SET_NAME = 15;
    private static final int PR_GET_NAME = 16;
    private static final int UTS_FIELD = 65;
    /** The CPUs the guest may run on: one. */
    private static final int CPU_MASK_BYTES = 8;

    private final Syscalls sys;
    private final UserMemory um;
    private final Futex futex;
    private final SecureRandom random = new SecureRandom();
    private byte[] threadName;
    private long robustList;
    private long robustListLen;

    ProcessSyscalls(Syscalls sys, Futex futex) {
        this.sys = sys;
        this.um = sys.user;
        this.futex = futex;
    }

    static final long CLONE_VM = 0x100;
    static final long CLONE_FS = 0x200;
    static final long CLONE_FILES = 0x400;
    static final long CLONE_SIGHAND = 0x800;
    static final long CLONE_SETTLS = 0x80000;
    static final long CLONE_PARENT_SETTID = 0x100000;
    static final long CLONE_CHILD_CLEARTID = 0x200000;
    static final long CLONE_THREAD = 0x10000;
    static final long CLONE_CHILD_SETTID = 0x1000000;
    private static final long THREAD_FLAGS = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
    private static final int TP = 4;
    private static final int SP = 2;
    private static final int A0 = 10;

    /**
     * clone(flags, stack, parent_tid, tls, child_tid) for threads, as glibc's pthread_create
     * calls it: the child shares everything and starts after the ecall with a0 = 0 on its
     * own stack. Processes (fork, vfork) are not supported: ENOSYS, so callers see a clear
     * failure rather than a half-shared child.
     */
    private long clone(Hart parent, long flags, long stack, long parentTid, long tls, long childTid) {
        if ((flags & THREAD_FLAGS) != THREAD_FLAGS) {
            throw SyscallError.of(Errno.ENOSYS);
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            um.checkWrite(parentTid, 4);
        }
        int tid = sys.context.newTid();
        Hart child = parent.cloneForThread(tid);
        child.setX(A0, 0);
        if (stack != 0) {
            child.setX(SP, stack);
        }
        if ((flags & CLONE_SETTLS) != 0) {
            child.setX(TP, tls);
        }
        if ((flags & CLONE_CHILD_CLEARTID) != 0) {
            child.clearChildTid = childTid;
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            um.mem.writeInt(parentTid, tid);
        }
        if ((flags & CLONE_CHILD_SETTID) != 0) {
            um.checkWrite(childTid, 4);
            um.mem.writeInt(childTid, tid);
        }
        if (!sys.context.startThread(child, parent.pc + 4)) {
            throw SyscallError.of(Errno.EAGAIN);
        }
        return tid;
    }

    void register(SyscallTable t) {
        t.def(93, "exit", "i", SyscallTable.Result.NONE, (h, a) -> {
            if (!sys.context.otherHartsRunning()) {
                throw new GuestExit((int) a[0] & 0xff); // the last thread: its exit ends the process
            }
            throw new ThreadExit((int) a[0] & 0xff);
        });
        t.def(94, "exit_group", "i", SyscallTable.Result.NONE, (h, a) -> {
            throw new GuestExit((int) a[0] & 0xff);
        });
        t.def(220, "clone", "XpppP", (h, a) -> clone(h, a[0], a[1], a[2], a[3], a[4]));
        t.def(172, "getpid", "", (h, a) -> sys.pid());
        t.def(173, "getppid", "", (h, a) -> sys.ppid());
        t.def(178, "gettid", "", (h, a) -> h.tid);
        t.def(174, "getuid", "", (h, a) -> sys.uid());
        t.def(175, "geteuid", "", (h, a) -> sys.uid());
        t.def(176, "getgid", "", (h, a) -> sys.gid());
        t.def(177, "getegid", "", (h, a) -> sys.gid());
        t.def(148, "getresuid", "ppp", (h, a) -> getres(a, sys.uid()));
        t.def(150, "getresgid", "ppp", (h, a) -> getres(a, sys.gid()));
        t.def(146, "setuid", "i", (h, a) -> setId(sys.uid(), a[0]));
        t.def(144, "setgid", "i", (h, a) -> setId(sys.gid(), a[0]));
        t.def(145, "setreuid", "ii", (h, a) -> setId(sys.uid(), a[0], a[1]));
        t.def(143, "setregid", "ii", (h, a) -> setId(sys.gid(), a[0], a[1]));
        t.def(147, "setresuid", "iii", (h, a) -> setId(sys.uid(), a[0], a[1], a[2]));
        t.def(149, "setresgid", "iii", (h, a) -> setId(sys.gid(), a[0], a[1], a[2]));
        t.def(151, "setfsuid", "i", (h, a) -> sys.uid());
        t.def(152, "setfsgid", "i", (h, a) -> sys.gid());
        t.def(158, "getgroups", "ip", (h, a) -> getgroups((int) a[0], a[1]));
        t.def(159, "setgroups", "ip", (h, a) -> {
            throw SyscallError.of(Errno.EPERM);
        });
        t.def(155, "getpgid", "i", (h, a) -> samePid(a[0]));
        t.def(156, "getsid", "i", (h, a) -> samePid(a[0]));
        t.def(154, "setpgid", "ii", (h, a) -> {
            samePid(a[0]);
            return 0;
        });
        t.def(157, "setsid", "", (h, a) -> {
            throw SyscallError.of(Errno.EPERM); // already a process group leader
        });
        t.def(160, "uname", "p", (h, a) -> uname(a[0]));
        t.def(96, "set_tid_address", "p", (h, a) -> {
            h.clearChildTid = a[0];
            return h.tid;
        });
        t.def(99, "set_robust_list", "pu", (h, a) -> {
            if (a[1] != 24) {
                throw SyscallError.of(Errno.EINVAL);
            }
            robustList = a[0];
            robustListLen = a[1];
            return 0;
        });
        t.def(100, "get_robust_list", "ipp", (h, a) -> getRobustList(h, (int) a[0], a[1], a[2]));
        t.def(293, "rseq", "puXX", (h, a) -> {
            throw SyscallError.of(Errno.ENOSYS);
        });
        t.def(98, "futex", "pXippX", (h, a) -> futex.futex(a[0], (int) a[1], (int) a[2], a[3], a[4], (int) a[5]));
        t.def(124, "sched_yield", "", (h, a) -> {
            Thread.yield();
            return 0;
        });
        t.def(123, "sched_getaffinity", "iup", (h, a) -> getaffinity(a[0], a[1], a[2]));
        t.def(122, "sched_setaffinity", "iup", (h, a) -> setaffinity(a[0], a[1], a[2]));
        t.def(120, "sched_getscheduler", "i", (h, a) -> samePid(a[0]) * 0);
        t.def(121, "sched_getparam", "ip", (h, a) -> {
            samePid(a[0]);
            um.writeInt(a[1], 0);
            return 0;
        });
        t.def(118, "sched_setparam", "ip", (h, a) -> {
            samePid(a[0]);
            if (um.readInt(a[1]) != 0) {
                throw SyscallError.of(Errno.EINVAL);
            }
            return 0;
        });
        t.def(119, "sched_setscheduler", "iip", (h, a) -> {
            throw SyscallError.of(Errno.EPERM);
        });
        t.def(125, "sched_get_priority_max", "i", (h, a) -> priorityLimit((int) a[0], 99));
        t.def(126, "sched_get_priority_min", "i", (h, a) -> priorityLimit((int) a[0], 1));
        t.def(168, "getcpu", "ppp", (h, a) -> {
            if (a[0] != 0) {
                um.writeInt(a[0], 0);
            }
            if (a[1] != 0) {
                um.writeInt(a[1], 0);
            }
            return 0;
        });
        t.def(141, "getpriority", "ii", (h, a) -> 20); // the kernel returns 20 - nice
        t.def(140, "setpriority", "iii", (h, a) -> {
            if ((int) a[2] < 0) {
                throw SyscallError.of(Errno.EACCES);
            }
            return 0;
        });
        t.def(278, "getrandom", "puX", (h, a) -> getrandom(a[0], a[1], (int) a[2]));
        t.def(167, "prctl", "iXXXX", (h, a) -> prctl(h, (int) a[0], a[1]));
        t.def(92, "personality", "X", (h, a) -> {
            if ((int) a[0] != -1 && (int) a[0] != 0) {
                throw SyscallError.of(Errno.EINVAL);
            }
            return 0; // PER_LINUX
        });
        t.def(258, "riscv_hwprobe", "puupX", (h, a) -> hwprobe(a[0], a[1]));
        t.def(283, "membarrier", "XXi", (h, a) -> membarrier((int) a[0]));
    }

    private long getres(long[] a, long id) {
        for (int i = 0; i < 3; i++) {
            um.checkWrite(a[i], 4);
        }
        for (int i = 0; i < 3; i++) {
            um.writeInt(a[i], (int) id);
        }
        return 0;
    }

    /** set*id: changing to the ids we have is fine, anything else is not allowed. */
    private static long setId(long current, long... ids) {
        for (long id : ids) {
            if ((int) id != -1 && (int) id != (int) current) {
                throw SyscallError.of(Errno.EPERM);
            }
        }
        return 0;
    }

    private long getgroups(int size, long list) {
        if (size < 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        if (size == 0) {
            return 1;
        }
        um.writeInt(list, sys.gid());
        return 1;
    }

    /** pid 0 or our own pid: returns our pid; others do not exist. */
    private long samePid(long pid) {
        if ((int) pid != 0 && (int) pid != sys.pid()) {
            throw SyscallError.of(Errno.ESRCH);
        }
        return sys.pid();
    }

    private static long priorityLimit(int policy, long rt) {
        return switch (policy) {
            case 0, 3, 5 -> 0; // SCHED_OTHER, BATCH, IDLE
            case 1, 2 -> rt; // SCHED_FIFO, RR
            default -> throw SyscallError.of(Errno.EINVAL);
        };
    }

    private long uname(long buf) {
        String[] fields = {"Linux", "rvtrace", "6.8.0-rvtrace", "#1 SMP PREEMPT_DYNAMIC rvtrace", "riscv64", "(none)"};
        byte[] out = new byte[UTS_FIELD * fields.length];
        for (int i = 0; i < fields.length; i++) {
            byte[] b = fields[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, out, i * UTS_FIELD, Math.min(b.length, UTS_FIELD - 1));
        }
        um.write(buf, out);
        return 0;
    }

    private long getRobustList(Hart hart, int pid, long headPtr, long lenPtr) {
        if (pid != 0 && pid != hart.tid) {
            throw SyscallError.of(Errno.ESRCH);
        }
        um.writeLong(headPtr, robustList);
        um.writeLong(lenPtr, robustListLen);
        return 0;
    }

    private long getaffinity(long pid, long size, long mask) {
        samePid(pid);
        if (size < CPU_MASK_BYTES || (size & 7) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        byte[] m = new byte[CPU_MASK_BYTES];
        m[0] = 1;
        um.write(mask, m);
        return CPU_MASK_BYTES;
    }

    private long setaffinity(long pid, long size, long mask) {
        samePid(pid);
        if (size <= 0 || (um.read(mask, 1)[0] & 1) == 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        return 0;
    }

    private long getrandom(long buf, long count, int flags) {
        if ((flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) != 0
                        || (flags & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE)) {
            throw SyscallError.of(Errno.EINVAL);
        }
        long n = Math.min(count, (flags & GRND_RANDOM) != 0 ? 512 : 32 * 1024 * 1024);
        um.checkWrite(buf, n);
        byte[] chunk = new byte[(int) Math.min(n, 1 << 16)];
        for (long done = 0; done < n; done += chunk.length) {
            int len = (int) Math.min(chunk.length, n - done);
            random.nextBytes(chunk);
            um.write(buf + done, chunk, 0, len);
        }
        return n;
    }

    private long prctl(Hart hart, int option, long arg2) {
        switch (option) {
            case PR_SET_NAME -> {
                byte[] b = um.mem.readCString(arg2, 16);
                if (b == null) {
                    throw SyscallError.of(Errno.EFAULT);
                }
                threadName = Arrays.copyOf(b, Math.min(b.length, 15));
                return 0;
            }
            case PR_GET_NAME -> {
                byte[] name = new byte[16];
                byte[] current = threadName != null ? threadName : defaultName();
                System.arraycopy(current, 0, name, 0, Math.min(current.length, 15));
                um.write(arg2, name);
                return 0;
            }
            case PR_GET_DUMPABLE -> {
                return 1;
            }
            case PR_SET_DUMPABLE -> {
                if (arg2 != 0 && arg2 != 1) {
                    throw SyscallError.of(Errno.EINVAL);
                }
                return 0;
            }
            case PR_SET_PDEATHSIG -> {
                if (arg2 != 0) {
                    SignalState.checkSignal((int) arg2);
                }
                return 0;
            }
            case PR_GET_PDEATHSIG -> {
                um.writeInt(arg2, 0);
                return 0;
            }
            default -> throw SyscallError.of(Errno.EINVAL);
        }
    }

    private byte[] defaultName() {
        String exe = sys.fs.exePath();
        return exe.substring(exe.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * riscv_hwprobe: key/value pairs describing the hart. The base behaviour is IMA, the
     * extensions F, D and C; nothing is known about misaligned access speed.
     */
    private long hwprobe(long pairs, long count) {
        if (count < 0 || count > 1024) {
            throw SyscallError.of(Errno.EINVAL);
        }
        for (long i = 0; i < count; i++) {
            long at = pairs + 16 * i;
            long key = um.readLong(at);
            long value = switch ((int) key) {
                case 0, 1, 2 -> 0; // MVENDORID, MARCHID, MIMPID
                case 3 -> 1; // BASE_BEHAVIOR: IMA
                case 4 -> 1 | 2; // IMA_EXT_0: FD, C
                case 5 -> 0; // CPUPERF_0: misaligned access speed unknown
                default -> {
                    key = -1;
                    yield 0;
                }
            };
            if (key < 0 || key > 5) {
                um.writeLong(at, -1);
            }
            um.writeLong(at + 8, value);
        }
        return 0;
    }

    private static long membarrier(int cmd) {
        return switch (cmd) {
            case 0 -> 1 | 8 | 16; // QUERY: GLOBAL, PRIVATE_EXPEDITED, REGISTER_PRIVATE_EXPEDITED
            case 1, 8, 16 -> 0;
            default -> throw SyscallError.of(Errno.EINVAL);
        };
    }

}
