package org.rvtrace.language.syscall;

import java.lang.reflect.Method;
import java.time.Duration;

/**
 * CPU time of the guest. The guest runs on one Java thread, so that thread's CPU time is
 * the process's as the guest knows it; it comes from java.lang.management when the JDK has
 * that module loaded (looked up reflectively: this module does not require it), else from
 * the whole JVM's CPU time, which also counts the JIT compiler's threads.
 */
final class CpuClock {
    private static final Object THREAD_BEAN;
    private static final Method THREAD_CPU_TIME;

    static {
        Object bean = null;
        Method m = null;
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            bean = factory.getMethod("getThreadMXBean").invoke(null);
            Class<?> beanType = Class.forName("java.lang.management.ThreadMXBean");
            m = beanType.getMethod("getCurrentThreadCpuTime");
            if (!(Boolean) beanType.getMethod("isCurrentThreadCpuTimeSupported").invoke(bean) || (Long) m.invoke(bean) < 0) {
                m = null;
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            m = null;
        }
        THREAD_BEAN = bean;
        THREAD_CPU_TIME = m;
    }

    private CpuClock() {
    }

    /** CPU nanoseconds used by the calling (guest) thread. */
    static long threadNanos() {
        if (THREAD_CPU_TIME != null) {
            try {
                return (Long) THREAD_CPU_TIME.invoke(THREAD_BEAN);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through
            }
        }
        return processNanos();
    }

    /** CPU nanoseconds of the process as the guest sees it (one thread: the same). */
    static long processNanos() {
        if (THREAD_CPU_TIME != null) {
            return threadNanos();
        }
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
    }
}
