package org.rvtrace.language.syscall;

import java.nio.ByteBuffer;

import org.rvtrace.language.runtime.GuestExit;
import org.rvtrace.language.runtime.GuestFault;
import org.rvtrace.language.runtime.Hart;

/**
 * Signal dispositions, the signal mask, pending signals and the alternate stack, as the
 * signal system calls set and read them. rvtrace does not run guest signal handlers yet: a
 * signal the program sends itself is ignored, left pending (blocked), dropped (a handler is
 * installed: reported under --strace) or, when its default action is to terminate, ends
 * the program with status 128 + signal as a fault does.
 */
final class SignalState {
    static final int SIGHUP = 1;
    static final int SIGQUIT = 3;
    static final int SIGILL = 4;
    static final int SIGTRAP = 5;
    static final int SIGABRT = 6;
    static final int SIGBUS = 7;
    static final int SIGFPE = 8;
    static final int SIGKILL = 9;
    static final int SIGSEGV = 11;
    static final int SIGPIPE = 13;
    static final int SIGCHLD = 17;
    static final int SIGCONT = 18;
    static final int SIGSTOP = 19;
    static final int SIGTSTP = 20;
    static final int SIGTTIN = 21;
    static final int SIGTTOU = 22;
    static final int SIGURG = 23;
    static final int SIGXCPU = 24;
    static final int SIGXFSZ = 25;
    static final int SIGWINCH = 28;
    static final int SIGSYS = 31;
    static final int NSIG = 64;

    static final long SIG_DFL = 0;
    static final long SIG_IGN = 1;
    /** struct sigaction on RISC-V: handler, flags, mask (no sa_restorer). */
    static final int SIGACTION_SIZE = 24;
    static final int SIGSET_SIZE = 8;
    private static final int SS_ONSTACK = 1;
    private static final int SS_DISABLE = 2;
    private static final int SS_AUTODISARM = 1 << 31;

    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
        "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP",
        "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
        "SIGSYS"};

    private final Syscalls sys;
    private final long[] handler = new long[NSIG + 1];
    private final long[] flags = new long[NSIG + 1];
    private final long[] actionMask = new long[NSIG + 1];
    private long blocked;
    private long pending;
    private long altStackSp;
    private int altStackFlags = SS_DISABLE;
    private long altStackSize;

    SignalState(Syscalls sys) {
        this.sys = sys;
    }

    static String name(int sig) {
        if (sig > 0 && sig < NAMES.length) {
            return NAMES[sig];
        }
        return sig >= 32 && sig <= NSIG ? "SIGRT_" + (sig - 32) : Integer.toString(sig);
    }

    static long bit(int sig) {
        return 1L << (sig - 1);
    }

    private static final long UNBLOCKABLE = bit(SIGKILL) | bit(SIGSTOP);

    static void checkSignal(int sig) {
        if (sig < 1 || sig > NSIG) {
            throw SyscallError.of(Errno.EINVAL);
        }
    }

    /** rt_sigaction: returns the old action as the 24-byte struct; installs act if non-null. */
    synchronized byte[] action(int sig, ByteBuffer act) {
        checkSignal(sig);
        if (act != null && (sig == SIGKILL || sig == SIGSTOP)) {
            throw SyscallError.of(Errno.EINVAL);
        }
        ByteBuffer old = UserMemory.struct(SIGACTION_SIZE);
        old.putLong(handler[sig]);
        old.putLong(flags[sig]);
        old.putLong(actionMask[sig]);
        if (act != null) {
            handler[sig] = act.getLong();
            flags[sig] = act.getLong();
            actionMask[sig] = act.getLong() & ~UNBLOCKABLE;
            if (handler[sig] == SIG_IGN) {
                pending &= ~bit(sig); // setting SIG_IGN discards a pending signal
            }
        }
        return old.array();
    }

    synchronized long blocked() {
        return blocked;
    }

    synchronized long pending() {
        return pending & blocked;
    }

    /** Sets the mask; signals it unblocks that are pending are delivered now. */
    void setBlocked(Hart hart, long mask) {
        long deliver;
        synchronized (this) {
            blocked = mask & ~UNBLOCKABLE;
            deliver = pending & ~blocked;
            pending &= blocked;
        }
        for (int sig = 1; sig <= NSIG; sig++) {
            if ((deliver & bit(sig)) != 0) {
                raise(hart, sig, "pending, delivered when unblocked");
            }
        }
    }

    synchronized byte[] altStack(ByteBuffer ss) {
        ByteBuffer old = UserMemory.struct(24);
        old.putLong(altStackSp);
        old.putInt(altStackFlags);
        old.putInt(0);
        old.putLong(altStackSize);
        if (ss != null) {
            long sp = ss.getLong();
            int fl = ss.getInt();
            ss.getInt();
            long size = ss.getLong();
            if ((fl & ~(SS_ONSTACK | SS_DISABLE | SS_AUTODISARM)) != 0) {
                throw SyscallError.of(Errno.EINVAL);
            }
            if ((fl & SS_DISABLE) == 0 && size < 2048) {
                throw SyscallError.of(Errno.ENOMEM); // MINSIGSTKSZ
            }
            altStackSp = (fl & SS_DISABLE) != 0 ? 0 : sp;
            altStackSize = (fl & SS_DISABLE) != 0 ? 0 : size;
            altStackFlags = fl & (SS_DISABLE | SS_AUTODISARM);
        }
        return old.array();
    }

    private static boolean ignoredByDefault(int sig) {
        return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
    }

    private static boolean stopsByDefault(int sig) {
        return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
    }

    /** A signal sent to the program itself (kill, tgkill, a broken pipe). May end the program. */
    void raise(Hart hart, int sig, String why) {
        long action;
        synchronized (this) {
            action = handler[sig];
            if (sig != SIGKILL && sig != SIGSTOP) {
                if (action == SIG_IGN) {
                    return;
                }
                if ((blocked & bit(sig)) != 0) {
                    pending |= bit(sig);
                    return;
                }
            }
        }
        if (sig != SIGKILL && sig != SIGSTOP && action != SIG_DFL) {
            sys.straceNote(String.format("%d --- %s: rvtrace cannot run the guest's handler at 0x%x yet; signal dropped ---", hart.tid,
                            name(sig), action));
            return;
        }
        if (ignoredByDefault(sig) || stopsByDefault(sig)) {
            return; // no job control: a stop signal does nothing
        }
        sys.straceNote(String.format("%d --- %s (%s) ---", hart.tid, name(sig), why));
        if (sig == SIGPIPE) {
            // Killed by SIGPIPE (the reader went away, as in "rv prog | head"): shells say
            // nothing about that, so neither do we; the status is still 128 + 13.
            throw new GuestExit(128 + SIGPIPE);
        }
        throw GuestFault.signal(sig, hart.pc, why + " in " + sys.context.symbolize(hart.pc));
    }
}
