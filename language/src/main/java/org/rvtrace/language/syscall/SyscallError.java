package org.rvtrace.language.syscall;

/**
 * A system call failing with an errno: thrown anywhere below the dispatcher, which turns
 * it into the -errno result. Carries no stack trace (it is an answer, not a bug).
 */
public final class SyscallError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public final int errno;

    private SyscallError(int errno) {
        super(Errno.name(errno), null, false, false);
        this.errno = errno;
    }

    public static SyscallError of(int errno) {
        return new SyscallError(errno);
    }
}
