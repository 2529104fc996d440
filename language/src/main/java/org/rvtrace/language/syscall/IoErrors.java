package org.rvtrace.language.syscall;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Turns the IOExceptions of Java's (and Truffle's) file system API back into errno values.
 * Typed exceptions map directly; for the generic FileSystemException, Java's Unix file
 * system puts the C library's strerror text into the reason, which we match.
 */
final class IoErrors {
    /** strerror texts (glibc wording) and their errno. */
    private static final Object[][] REASONS = {
        {"No such file or directory", Errno.ENOENT},
        {"File exists", Errno.EEXIST},
        {"Not a directory", Errno.ENOTDIR},
        {"Is a directory", Errno.EISDIR},
        {"Directory not empty", Errno.ENOTEMPTY},
        {"Permission denied", Errno.EACCES},
        {"Operation not permitted", Errno.EPERM},
        {"Too many levels of symbolic links", Errno.ELOOP},
        {"File name too long", Errno.ENAMETOOLONG},
        {"Read-only file system", Errno.EROFS},
        {"Invalid cross-device link", Errno.EXDEV},
        {"No space left on device", Errno.ENOSPC},
        {"Disk quota exceeded", Errno.EDQUOT},
        {"Device or resource busy", Errno.EBUSY},
        {"Text file busy", Errno.ETXTBSY},
        {"Invalid argument", Errno.EINVAL},
        {"Bad file descriptor", Errno.EBADF},
        {"No such device or address", Errno.ENXIO},
        {"No such device", Errno.ENODEV},
        {"Too many open files", Errno.EMFILE},
        {"File too large", Errno.EFBIG},
        {"Too many links", Errno.EMLINK},
        {"Illegal seek", Errno.ESPIPE},
        {"Broken pipe", Errno.EPIPE},
        {"Operation not supported", Errno.EOPNOTSUPP},
        {"Input/output error", Errno.EIO},
        {"Stream closed", Errno.EBADF},
    };

    private IoErrors() {
    }

    static int errno(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Errno.ENOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            return Errno.EEXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            return Errno.ENOTEMPTY;
        } else if (e instanceof NotDirectoryException) {
            return Errno.ENOTDIR;
        } else if (e instanceof AccessDeniedException) {
            return Errno.EACCES;
        } else if (e instanceof NotLinkException) {
            return Errno.EINVAL;
        } else if (e instanceof AtomicMoveNotSupportedException) {
            return Errno.EXDEV;
        } else if (e instanceof FileSystemLoopException) {
            return Errno.ELOOP;
        } else if (e instanceof ClosedChannelException) {
            return Errno.EBADF;
        }
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (reason != null) {
            for (Object[] r : REASONS) {
                if (reason.startsWith((String) r[0])) {
                    return (Integer) r[1];
                }
            }
        }
        return Errno.EIO;
    }
}
