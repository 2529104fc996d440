package org.rvtrace.language.syscall;

import java.util.concurrent.TimeUnit;

import com.oracle.truffle.api.TruffleSafepoint;

/**
 * Blocking the guest thread the Truffle way: while it waits, safepoint actions (a cancelled
 * context, a debugger, a guest signal one day) still reach it, and after one the wait goes
 * on until its own end.
 */
public final class Blocking {
    private Blocking() {
    }

    /** Sleeps for nanos; returns normally when the time is over. */
    static void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        long now = System.nanoTime();
        long deadline = now + nanos < now ? Long.MAX_VALUE : now + nanos;
        TruffleSafepoint.setBlockedThreadInterruptible(null, Blocking::sleepUntil, deadline);
    }

    private static void sleepUntil(Long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /**
     * Parks the thread for at most nanos (LockSupport: it may return early, the caller
     * re-checks its condition); safepoint actions get through meanwhile.
     */
    public static void park(long nanos) {
        TruffleSafepoint.setBlockedThreadInterruptible(null, n -> {
            java.util.concurrent.locks.LockSupport.parkNanos(n);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }, nanos);
    }

    /** Waits on monitor (which the caller holds) for a notify or until nanos pass (0: no limit). */
    public static void await(Object monitor, long nanos) {
        TruffleSafepoint.setBlockedThreadInterruptible(null, m -> {
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.timedWait(m, nanos);
            } else {
                m.wait();
            }
        }, monitor);
    }
}
