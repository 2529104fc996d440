package org.rvtrace.language.syscall;

import java.io.IOException;

import org.rvtrace.language.runtime.Hart;

/**
 * System call number to implementation, with what strace needs to show a call: its name,
 * how to print each argument ({@link Strace} explains the letters) and its result.
 */
final class SyscallTable {
    /** An implementation: a[0..5] are a0..a5; returns the result (errors as {@link SyscallError} or IOException). */
    @FunctionalInterface
    interface Handler {
        long call(Hart hart, long[] a) throws IOException;
    }

    /** How strace shows a result. */
    enum Result {
        DECIMAL,
        HEX,
        /** The call does not return (exit, exit_group). */
        NONE
    }

    record Entry(int number, String name, String args, Result result, Handler handler) {
    }

    private final Entry[] entries = new Entry[512];

    void def(int number, String name, String args, Handler handler) {
        def(number, name, args, Result.DECIMAL, handler);
    }

    void def(int number, String name, String args, Result result, Handler handler) {
        if (entries[number] != null) {
            throw new IllegalStateException("system call " + number + " defined twice: " + entries[number].name() + ", " + name);
        }
        entries[number] = new Entry(number, name, args, result, handler);
    }

    Entry get(long number) {
        return number >= 0 && number < entries.length ? entries[(int) number] : null;
    }
}
