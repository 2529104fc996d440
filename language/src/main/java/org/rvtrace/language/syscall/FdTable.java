package org.rvtrace.language.syscall;

import java.io.IOException;
import java.util.Arrays;

/**
 * The file descriptor table: small numbers to open file descriptions, each with its own
 * close-on-exec flag. New descriptors take the lowest free number, as POSIX demands.
 */
final class FdTable {
    private OpenFile[] files = new OpenFile[64];
    private boolean[] cloexec = new boolean[64];
    /** RLIMIT_NOFILE's soft limit: descriptors must stay below it. */
    private int limit = 1024;

    synchronized void setLimit(int limit) {
        this.limit = limit;
    }

    synchronized OpenFile get(int fd) {
        if (fd < 0 || fd >= files.length || files[fd] == null) {
            throw SyscallError.of(Errno.EBADF);
        }
        return files[fd];
    }

    synchronized boolean isOpen(int fd) {
        return fd >= 0 && fd < files.length && files[fd] != null;
    }

    /** Installs file at the lowest free number >= min (the table takes over the caller's reference). */
    synchronized int install(OpenFile file, boolean closeOnExec, int min) {
        if (min < 0 || min >= limit) {
            throw SyscallError.of(Errno.EINVAL);
        }
        for (int fd = min; fd < limit; fd++) {
            if (fd >= files.length) {
                grow(fd);
            }
            if (files[fd] == null) {
                files[fd] = file;
                cloexec[fd] = closeOnExec;
                return fd;
            }
        }
        throw SyscallError.of(Errno.EMFILE);
    }

    /** dup2/dup3: makes fd refer to file, closing what it referred to before. */
    void installAt(int fd, OpenFile file, boolean closeOnExec) throws IOException {
        OpenFile old;
        synchronized (this) {
            if (fd < 0 || fd >= limit) {
                throw SyscallError.of(Errno.EBADF);
            }
            if (fd >= files.length) {
                grow(fd);
            }
            old = files[fd];
            files[fd] = file;
            cloexec[fd] = closeOnExec;
        }
        if (old != null) {
            old.release();
        }
    }

    void close(int fd) throws IOException {
        OpenFile old;
        synchronized (this) {
            old = get(fd);
            files[fd] = null;
            cloexec[fd] = false;
        }
        old.release();
    }

    synchronized boolean closeOnExec(int fd) {
        get(fd);
        return cloexec[fd];
    }

    synchronized void setCloseOnExec(int fd, boolean value) {
        get(fd);
        cloexec[fd] = value;
    }

    /** Highest descriptor number in use plus one. */
    synchronized int end() {
        for (int fd = files.length - 1; fd >= 0; fd--) {
            if (files[fd] != null) {
                return fd + 1;
            }
        }
        return 0;
    }

    void closeAll() {
        for (int fd = end() - 1; fd >= 0; fd--) {
            if (isOpen(fd)) {
                try {
                    close(fd);
                } catch (IOException e) {
                    // closing at exit: nobody to tell
                }
            }
        }
    }

    private void grow(int fd) {
        int size = Math.max(files.length * 2, fd + 1);
        files = Arrays.copyOf(files, size);
        cloexec = Arrays.copyOf(cloexec, size);
    }
}
