package org.rvtrace.ftrace.tracer;

import java.util.concurrent.atomic.AtomicLong;

/** Linux's trace_clock choice: real time (local) or a plain event counter (reproducible traces). */
public abstract class TraceClock {
    public abstract long now();

    /** Whether {@link #now} counts nanoseconds (printed as seconds.micros) or events (printed raw). */
    public abstract boolean nanos();

    public static TraceClock of(String name) {
        return switch (name) {
            case "local" -> new Local();
            case "counter" -> new Counter();
            default -> null;
        };
    }

    /**
     * Nanoseconds since the clock was made: the time-stamp counter where it can serve, as in
     * Linux's sched_clock, else System.nanoTime (see {@link TimeStampCounter}).
     */
    private static final class Local extends TraceClock {
        private final TimeStampCounter counter = TimeStampCounter.create();
        private final long start = System.nanoTime();

        @Override
        public long now() {
            TimeStampCounter c = counter;
            return c != null ? c.nanos() : System.nanoTime() - start;
        }

        @Override
        public boolean nanos() {
            return true;
        }
    }

    private static final class Counter extends TraceClock {
        private final AtomicLong count = new AtomicLong();

        @Override
        public long now() {
            return count.getAndIncrement();
        }

        @Override
        public boolean nanos() {
            return false;
        }
    }
}
