package org.rvtrace.language.syscall;

/** Flag and constant values of the Linux user ABI as RISC-V sees it (the asm-generic ones). */
final class LinuxFlags {
    // open(2)
    static final int O_ACCMODE = 3;
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0x40;
    static final int O_EXCL = 0x80;
    static final int O_NOCTTY = 0x100;
    static final int O_TRUNC = 0x200;
    static final int O_APPEND = 0x400;
    static final int O_NONBLOCK = 0x800;
    static final int O_DSYNC = 0x1000;
    static final int O_ASYNC = 0x2000;
    static final int O_DIRECT = 0x4000;
    static final int O_LARGEFILE = 0x8000;
    static final int O_DIRECTORY = 0x10000;
    static final int O_NOFOLLOW = 0x20000;
    static final int O_NOATIME = 0x40000;
    static final int O_CLOEXEC = 0x80000;
    static final int O_SYNC = 0x100000 | O_DSYNC;
    static final int O_PATH = 0x200000;
    static final int O_TMPFILE = 0x400000;

    // *at(2)
    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_REMOVEDIR = 0x200;
    static final int AT_EACCESS = 0x200;
    static final int AT_SYMLINK_FOLLOW = 0x400;
    static final int AT_NO_AUTOMOUNT = 0x800;
    static final int AT_EMPTY_PATH = 0x1000;
    static final int AT_STATX_SYNC_TYPE = 0x6000;

    // mmap(2)
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int PROT_EXEC = 4;
    static final int PROT_GROWSDOWN = 0x01000000;
    static final int PROT_GROWSUP = 0x02000000;
    static final int MAP_SHARED = 1;
    static final int MAP_PRIVATE = 2;
    static final int MAP_SHARED_VALIDATE = 3;
    static final int MAP_TYPE = 0xf;
    static final int MAP_FIXED = 0x10;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MAP_FIXED_NOREPLACE = 0x100000;

    // fcntl(2)
    static final int FD_CLOEXEC = 1;

    static final String[][] OPEN_FLAG_NAMES = names(
                    O_CREAT, "O_CREAT", O_EXCL, "O_EXCL", O_NOCTTY, "O_NOCTTY", O_TRUNC, "O_TRUNC", O_APPEND, "O_APPEND",
                    O_NONBLOCK, "O_NONBLOCK", 0x100000, "O_SYNC", O_DSYNC, "O_DSYNC", O_ASYNC, "O_ASYNC", O_DIRECT, "O_DIRECT",
                    O_LARGEFILE, "O_LARGEFILE", O_DIRECTORY, "O_DIRECTORY", O_NOFOLLOW, "O_NOFOLLOW", O_NOATIME, "O_NOATIME",
                    O_CLOEXEC, "O_CLOEXEC", O_PATH, "O_PATH", O_TMPFILE, "O_TMPFILE");

    static final String[][] PROT_NAMES = names(PROT_READ, "PROT_READ", PROT_WRITE, "PROT_WRITE", PROT_EXEC, "PROT_EXEC",
                    PROT_GROWSDOWN, "PROT_GROWSDOWN", PROT_GROWSUP, "PROT_GROWSUP");

    static final String[][] MAP_NAMES = names(MAP_FIXED, "MAP_FIXED", MAP_ANONYMOUS, "MAP_ANONYMOUS", 0x100, "MAP_GROWSDOWN",
                    0x800, "MAP_DENYWRITE", 0x1000, "MAP_EXECUTABLE", 0x2000, "MAP_LOCKED", 0x4000, "MAP_NORESERVE",
                    0x8000, "MAP_POPULATE", 0x10000, "MAP_NONBLOCK", 0x20000, "MAP_STACK", 0x40000, "MAP_HUGETLB",
                    0x80000, "MAP_SYNC", MAP_FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE");

    static final String[][] AT_NAMES = names(AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW", AT_REMOVEDIR, "AT_REMOVEDIR",
                    AT_SYMLINK_FOLLOW, "AT_SYMLINK_FOLLOW", AT_NO_AUTOMOUNT, "AT_NO_AUTOMOUNT", AT_EMPTY_PATH, "AT_EMPTY_PATH",
                    0x2000, "AT_STATX_FORCE_SYNC", 0x4000, "AT_STATX_DONT_SYNC");

    private LinuxFlags() {
    }

    private static String[][] names(Object... pairs) {
        String[][] r = new String[pairs.length / 2][];
        for (int i = 0; i < r.length; i++) {
            r[i] = new String[]{Integer.toString((Integer) pairs[2 * i]), (String) pairs[2 * i + 1]};
        }
        return r;
    }

    /** "A|B|0x40" for the set bits of value that have names (the rest in hex); "0" for none. */
    static String bits(long value, String[][] names) {
        StringBuilder sb = new StringBuilder();
        long rest = value;
        for (String[] n : names) {
            long bit = Long.parseLong(n[0]);
            if ((rest & bit) == bit && bit != 0) {
                if (!sb.isEmpty()) {
                    sb.append('|');
                }
                sb.append(n[1]);
                rest &= ~bit;
            }
        }
        if (rest != 0 || sb.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append('|');
            }
            sb.append(rest == 0 ? "0" : "0x" + Long.toHexString(rest));
        }
        return sb.toString();
    }
}
