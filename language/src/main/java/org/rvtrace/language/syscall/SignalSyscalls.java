package org.rvtrace.language.syscall;

import org.rvtrace.language.runtime.Hart;

/** rt_sigaction, rt_sigprocmask, rt_sigpending, sigaltstack and the kill family, over {@link SignalState}. */
final class SignalSyscalls {
    private static final int SIG_BLOCK = 0;
    private static final int SIG_UNBLOCK = 1;
    private static final int SIG_SETMASK = 2;

    private final Syscalls sys;
    private final UserMemory um;
    private final SignalState signals;

    SignalSyscalls(Syscalls sys) {
        this.sys = sys;
        this.um = sys.user;
        this.signals = sys.signals;
    }

    void register(SyscallTable t) {
        t.def(134, "rt_sigaction", "Sppu", (h, a) -> sigaction((int) a[0], a[1], a[2], a[3]));
        t.def(135, "rt_sigprocmask", "Hppu", (h, a) -> sigprocmask(h, (int) a[0], a[1], a[2], a[3]));
        t.def(136, "rt_sigpending", "pu", (h, a) -> {
            checkSetSize(a[1]);
            um.writeLong(a[0], signals.pending());
            return 0;
        });
        t.def(132, "sigaltstack", "pp", (h, a) -> sigaltstack(a[0], a[1]));
        t.def(129, "kill", "iS", (h, a) -> kill(h, (int) a[0], (int) a[1], "kill"));
        t.def(130, "tkill", "iS", (h, a) -> tkill(h, (int) a[0], (int) a[1], "tkill"));
        t.def(131, "tgkill", "iiS", (h, a) -> {
            if ((int) a[0] <= 0) {
                throw SyscallError.of(Errno.EINVAL);
            }
            if ((int) a[0] != sys.pid()) {
                throw SyscallError.of(Errno.ESRCH);
            }
            return tkill(h, (int) a[1], (int) a[2], "tgkill");
        });
    }

    private static void checkSetSize(long size) {
        if (size != SignalState.SIGSET_SIZE) {
            throw SyscallError.of(Errno.EINVAL);
        }
    }

    private long sigaction(int sig, long act, long oldact, long setSize) {
        checkSetSize(setSize);
        if (oldact != 0) {
            um.checkWrite(oldact, SignalState.SIGACTION_SIZE);
        }
        byte[] old = signals.action(sig, act != 0 ? um.readStruct(act, SignalState.SIGACTION_SIZE) : null);
        if (oldact != 0) {
            um.write(oldact, old);
        }
        return 0;
    }

    private long sigprocmask(Hart hart, int how, long set, long oldset, long setSize) {
        checkSetSize(setSize);
        long old = signals.blocked();
        long mask = 0;
        if (set != 0) {
            mask = um.readLong(set);
            if (how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK) {
                throw SyscallError.of(Errno.EINVAL);
            }
        }
        if (oldset != 0) {
            um.writeLong(oldset, old);
        }
        if (set != 0) {
            long next = switch (how) {
                case SIG_BLOCK -> old | mask;
                case SIG_UNBLOCK -> old & ~mask;
                default -> mask;
            };
            signals.setBlocked(hart, next);
        }
        return 0;
    }

    private long sigaltstack(long ss, long oldss) {
        if (oldss != 0) {
            um.checkWrite(oldss, 24);
        }
        byte[] old = signals.altStack(ss != 0 ? um.readStruct(ss, 24) : null);
        if (oldss != 0) {
            um.write(oldss, old);
        }
        return 0;
    }

    /**
     * kill(2): to ourselves (our pid, 0 or minus our process group, which is ours). -1 means
     * everybody but the sender, and there is nobody else.
     */
    private long kill(Hart hart, int pid, int sig, String how) {
        if (pid != sys.pid() && pid != 0 && pid != -sys.pid()) {
            if (sig < 0 || sig > SignalState.NSIG) {
                throw SyscallError.of(Errno.EINVAL);
            }
            throw SyscallError.of(Errno.ESRCH);
        }
        return send(hart, sig, how);
    }

    private long tkill(Hart hart, int tid, int sig, String how) {
        if (tid <= 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        if (tid != hart.tid) {
            throw SyscallError.of(Errno.ESRCH);
        }
        return send(hart, sig, how);
    }

    private long send(Hart hart, int sig, String how) {
        if (sig == 0) {
            return 0; // existence check
        }
        SignalState.checkSignal(sig);
        signals.raise(hart, sig, "sent by the program itself with " + how);
        return 0;
    }
}
