package org.rvtrace.language.syscall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.rvtrace.language.memory.GuestMemory;

/**
 * futex(2): FUTEX_WAIT/WAKE and their BITSET forms, with waiters queued per guest address.
 * The word is compared under the futex lock, so a waker that changes it and then wakes
 * cannot be missed. With one guest thread a wait can only time out (or hang, as on Linux).
 */
final class Futex {
    static final int FUTEX_WAIT = 0;
    static final int FUTEX_WAKE = 1;
    static final int FUTEX_REQUEUE = 3;
    static final int FUTEX_CMP_REQUEUE = 4;
    static final int FUTEX_WAIT_BITSET = 9;
    static final int FUTEX_WAKE_BITSET = 10;
    static final int FUTEX_PRIVATE_FLAG = 128;
    static final int FUTEX_CLOCK_REALTIME = 256;
    private static final int BITSET_MATCH_ANY = -1;
    /** See {@link #wait}: a spurious wake-up at the latest after this long. */
    private static final long SPURIOUS_AFTER_NANOS = 50_000_000L;

    private static final class Waiter {
        final int bitset;
        final Thread thread = Thread.currentThread();
        volatile boolean woken;

        Waiter(int bitset) {
            this.bitset = bitset;
        }
    }

    private final UserMemory um;
    private final TimeSyscalls time;
    private final Map<Long, List<Waiter>> queues = new HashMap<>();

    Futex(UserMemory um, TimeSyscalls time) {
        this.um = um;
        this.time = time;
    }

    long futex(long uaddr, int op, int val, long timeout, long uaddr2, int val3) {
        int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
        if ((uaddr & 3) != 0) {
            throw SyscallError.of(Errno.EINVAL);
        }
        return switch (cmd) {
            case FUTEX_WAIT -> wait(uaddr, val, timeout, false, 0, BITSET_MATCH_ANY);
            case FUTEX_WAIT_BITSET -> {
                if (val3 == 0) {
                    throw SyscallError.of(Errno.EINVAL);
                }
                yield wait(uaddr, val, timeout, true, (op & FUTEX_CLOCK_REALTIME) != 0 ? TimeSyscalls.CLOCK_REALTIME : TimeSyscalls.CLOCK_MONOTONIC,
                                val3);
            }
            case FUTEX_WAKE -> wake(uaddr, val, BITSET_MATCH_ANY);
            case FUTEX_WAKE_BITSET -> {
                if (val3 == 0) {
                    throw SyscallError.of(Errno.EINVAL);
                }
                yield wake(uaddr, val, val3);
            }
            case FUTEX_REQUEUE, FUTEX_CMP_REQUEUE -> requeue(uaddr, cmd == FUTEX_CMP_REQUEUE, val, (int) timeout, uaddr2, val3);
            default -> throw SyscallError.of(Errno.ENOSYS);
        };
    }

    private long wait(long uaddr, int val, long timeout, boolean absolute, int clock, int bitset) {
        um.checkRead(uaddr, 4);
        long nanos = 0;
        if (timeout != 0) {
            nanos = um.readTimespecNanos(timeout);
            if (absolute) {
                nanos -= time.now(clock);
            }
            if (nanos <= 0) {
                synchronized (this) {
                    if (um.mem.readInt(uaddr) != val) {
                        throw SyscallError.of(Errno.EAGAIN);
                    }
                }
                throw SyscallError.of(Errno.ETIMEDOUT);
            }
        }
        Waiter w = new Waiter(bitset);
        synchronized (this) {
            GuestMemory.fullFence();
            if (um.mem.readInt(uaddr) != val) {
                throw SyscallError.of(Errno.EAGAIN);
            }
            queues.computeIfAbsent(uaddr, a -> new ArrayList<>()).add(w);
        }
        // Blocked without holding any lock: a hart parked here by a thread-local action
        // (stop_machine) must not keep a waker from getting through.
        long deadline = System.nanoTime() + nanos;
        try {
            while (!w.woken) {
                long left = timeout == 0 ? SPURIOUS_AFTER_NANOS : deadline - System.nanoTime();
                if (timeout != 0 && left <= 0) {
                    throw SyscallError.of(Errno.ETIMEDOUT);
                }
                Blocking.park(Math.min(left, SPURIOUS_AFTER_NANOS));
                if (timeout == 0 && !w.woken && System.nanoTime() - deadline >= SPURIOUS_AFTER_NANOS) {
                    // A wait without timeout returns now and then, as futex(2) allows
                    // (callers re-check their word): no wake-up can be lost for good.
                    return 0;
                }
            }
        } finally {
            synchronized (this) {
                List<Waiter> q = queues.get(uaddr);
                if (q != null) {
                    q.remove(w);
                    if (q.isEmpty()) {
                        queues.remove(uaddr);
                    }
                }
            }
        }
        return 0;
    }

    long wakeAny(long uaddr, int count) {
        return wake(uaddr, count, BITSET_MATCH_ANY);
    }

    private synchronized long wake(long uaddr, int count, int bitset) {
        List<Waiter> q = queues.get(uaddr);
        int n = 0;
        if (q != null) {
            for (Waiter w : q) {
                if (n >= count) {
                    break;
                }
                if (!w.woken && (w.bitset & bitset) != 0) {
                    w.woken = true;
                    LockSupport.unpark(w.thread);
                    n++;
                }
            }
        }
        return n;
    }

    private synchronized long requeue(long uaddr, boolean compare, int wakeCount, int requeueCount, long uaddr2, int val3) {
        if (compare) {
            um.checkRead(uaddr, 4);
            if (um.mem.readInt(uaddr) != val3) {
                throw SyscallError.of(Errno.EAGAIN);
            }
        }
        // Waking them all is allowed (spurious wakeups are part of the futex contract).
        long woken = wake(uaddr, Integer.MAX_VALUE, BITSET_MATCH_ANY);
        return Math.min(woken, (long) wakeCount + requeueCount);
    }
}
