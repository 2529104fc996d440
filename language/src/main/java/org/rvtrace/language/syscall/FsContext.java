package org.rvtrace.language.syscall;

import java.io.IOException;
import java.nio.file.InvalidPathException;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage.Env;

/**
 * The process's view of the file system, like the kernel's fs_struct: the current
 * directory and the umask, and how a (dirfd, path) pair of an *at call names a file. All
 * files are public TruffleFiles, so the embedder's IO policy decides what the guest sees.
 */
final class FsContext {
    private final Env env;
    private final FdTable fds;
    private TruffleFile cwd;
    private int umask = 022;
    private String exePath;

    FsContext(Env env, FdTable fds) {
        this.env = env;
        this.fds = fds;
    }

    synchronized TruffleFile cwd() {
        if (cwd == null) {
            TruffleFile start = env.getCurrentWorkingDirectory();
            try {
                start = start.getCanonicalFile();
            } catch (IOException | SecurityException e) {
                // keep the absolute one
            }
            cwd = start;
        }
        return cwd;
    }

    synchronized void setCwd(TruffleFile dir) {
        cwd = dir;
    }

    synchronized int umask() {
        return umask;
    }

    synchronized int setUmask(int mask) {
        int old = umask;
        umask = mask & 0777;
        return old;
    }

    /** A host path string as a TruffleFile (relative ones against the guest's cwd). */
    TruffleFile file(String path) {
        try {
            if (path.startsWith("/")) {
                return env.getPublicTruffleFile(path);
            }
            return cwd().resolve(path);
        } catch (InvalidPathException e) {
            throw SyscallError.of(Errno.ENOENT);
        } catch (UnsupportedOperationException e) {
            throw SyscallError.of(Errno.EACCES);
        }
    }

    /**
     * Resolves path relative to dirfd (AT_FDCWD: the cwd). An empty path is ENOENT unless
     * emptyPathAllowed (AT_EMPTY_PATH), when it names dirfd's own file. A path ending in "/"
     * must name a directory; Java drops the slash, so this is checked here.
     */
    TruffleFile resolve(int dirfd, String path, boolean emptyPathAllowed) {
        if (path.isEmpty()) {
            if (!emptyPathAllowed) {
                throw SyscallError.of(Errno.ENOENT);
            }
            if (dirfd == LinuxFlags.AT_FDCWD) {
                return cwd();
            }
            TruffleFile f = fds.get(dirfd).file();
            if (f == null) {
                throw SyscallError.of(Errno.EBADF);
            }
            return f;
        }
        TruffleFile result;
        if (path.startsWith("/")) {
            result = file(path);
        } else if (dirfd == LinuxFlags.AT_FDCWD) {
            result = file(path);
        } else {
            OpenFile base = fds.get(dirfd);
            if (!(base instanceof DirectoryFile) && !(base instanceof PathFile && base.file().isDirectory())) {
                throw SyscallError.of(Errno.ENOTDIR);
            }
            try {
                result = base.file().resolve(path);
            } catch (InvalidPathException e) {
                throw SyscallError.of(Errno.ENOENT);
            }
        }
        if (path.endsWith("/") && result.exists() && !result.isDirectory()) {
            throw SyscallError.of(Errno.ENOTDIR);
        }
        return result;
    }

    /** Whether path names the running program through /proc (its "exe" link). */
    static boolean isExeLink(String path, int pid) {
        return path.equals("/proc/self/exe") || path.equals("/proc/" + pid + "/exe") || path.equals("/proc/thread-self/exe");
    }

    /** The program's absolute path with symbolic links resolved, as /proc/self/exe shows it. */
    synchronized String exePath() {
        if (exePath == null) {
            String[] args = env.getApplicationArguments();
            String given = args.length > 0 ? args[0] : "";
            try {
                TruffleFile f = file(given);
                try {
                    exePath = f.getCanonicalFile().getPath();
                } catch (IOException | SecurityException e) {
                    exePath = f.getAbsoluteFile().normalize().getPath();
                }
            } catch (SyscallError | SecurityException e) {
                // No file system access (an embedder's default) or no file at all (a bytes
                // Source): still an absolute path, as the kernel always gives and glibc's
                // start-up asserts (_dl_get_origin).
                exePath = given.startsWith("/") ? given : "/" + given;
            }
        }
        return exePath;
    }
}
