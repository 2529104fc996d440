package org.rvtrace.language.syscall;

/**
 * --strace output in the style of qemu's -strace: {@code 1000 openat(AT_FDCWD,"/tmp/x",O_RDONLY) = 3},
 * errors as {@code = -1 errno=2 (ENOENT)}. Each argument is shown as its letter in the
 * table's argument string says:
 *
 * <pre>
 * i int        l long       u unsigned   X hex        p pointer (NULL)   s string (path)
 * F dirfd      O open flags M mode (octal) A AT_ flags K access mode     W lseek whence
 * P PROT_ bits m MAP_ flags C clock id   S signal     H sigprocmask how  R rlimit resource
 * T fcntl cmd  I ioctl request N open's mode (shown only with O_CREAT)
 * Y fcntl's argument as its command (the argument before) takes it, if it takes one
 * </pre>
 */
final class Strace {
    private static final int MAX_STRING = 200;

    private Strace() {
    }

    static String call(UserMemory um, String name, String spec, long[] a) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < spec.length() && i < a.length; i++) {
            char kind = spec.charAt(i);
            if (kind == 'N' && (i == 0 || (a[i - 1] & (LinuxFlags.O_CREAT | LinuxFlags.O_TMPFILE)) == 0)) {
                continue; // open's mode only matters when it creates
            }
            if (kind == 'Y') {
                String shown = fcntlArgument(i == 0 ? -1 : (int) a[i - 1], a[i]);
                if (shown != null) {
                    sb.append(',').append(shown);
                }
                continue;
            }
            if (i > 0) {
                sb.append(',');
            }
            sb.append(arg(um, kind, a[i]));
        }
        return sb.append(')').toString();
    }

    /** An unknown system call: its name if it has one (else its number) and six raw arguments. */
    static String unknown(long number, long[] a) {
        String name = SyscallNames.name(number);
        StringBuilder sb = new StringBuilder(name != null ? name : "syscall_" + number).append('(');
        for (int i = 0; i < 6; i++) {
            sb.append(i > 0 ? "," : "").append("0x").append(Long.toHexString(a[i]));
        }
        return sb.append(')').toString();
    }

    static String result(SyscallTable.Result kind, long r) {
        if (r < 0 && r >= -4095) {
            int errno = (int) -r;
            return "-1 errno=" + errno + " (" + Errno.name(errno) + ")";
        }
        return kind == SyscallTable.Result.HEX ? "0x" + Long.toHexString(r) : Long.toString(r);
    }

    private static String arg(UserMemory um, char kind, long v) {
        return switch (kind) {
            case 'i' -> Integer.toString((int) v);
            case 'l' -> Long.toString(v);
            case 'u' -> Long.toUnsignedString(v);
            case 'X' -> "0x" + Long.toHexString(v);
            case 'p' -> v == 0 ? "NULL" : "0x" + Long.toHexString(v);
            case 's' -> string(um, v);
            case 'F' -> (int) v == LinuxFlags.AT_FDCWD ? "AT_FDCWD" : Integer.toString((int) v);
            case 'O' -> openFlags((int) v);
            case 'M', 'N' -> (int) v == 0 ? "0" : "0" + Integer.toOctalString((int) v);
            case 'A' -> LinuxFlags.bits(v & 0xffffffffL, LinuxFlags.AT_NAMES);
            case 'K' -> access((int) v);
            case 'W' -> switch ((int) v) {
                case 0 -> "SEEK_SET";
                case 1 -> "SEEK_CUR";
                case 2 -> "SEEK_END";
                case 3 -> "SEEK_DATA";
                case 4 -> "SEEK_HOLE";
                default -> Integer.toString((int) v);
            };
            case 'P' -> (int) v == 0 ? "PROT_NONE" : LinuxFlags.bits(v & 0xffffffffL, LinuxFlags.PROT_NAMES);
            case 'm' -> mapFlags((int) v);
            case 'C' -> clock((int) v);
            case 'S' -> (int) v == 0 ? "0" : SignalState.name((int) v);
            case 'H' -> switch ((int) v) {
                case 0 -> "SIG_BLOCK";
                case 1 -> "SIG_UNBLOCK";
                case 2 -> "SIG_SETMASK";
                default -> Integer.toString((int) v);
            };
            case 'R' -> v >= 0 && v < ResourceSyscalls.NAMES.length ? ResourceSyscalls.NAMES[(int) v] : Long.toString(v);
            case 'T' -> fcntlCommand((int) v);
            case 'I' -> ioctlRequest((int) v);
            default -> Long.toString(v);
        };
    }

    private static String string(UserMemory um, long addr) {
        if (addr == 0) {
            return "NULL";
        }
        String s = um.peekString(addr, MAX_STRING + 1);
        if (s == null) {
            return "0x" + Long.toHexString(addr);
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(s.length(), MAX_STRING); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
        if (s.length() > MAX_STRING) {
            sb.append("...");
        }
        return sb.toString();
    }

    private static String openFlags(int flags) {
        String mode = switch (flags & LinuxFlags.O_ACCMODE) {
            case LinuxFlags.O_RDONLY -> "O_RDONLY";
            case LinuxFlags.O_WRONLY -> "O_WRONLY";
            case LinuxFlags.O_RDWR -> "O_RDWR";
            default -> "O_ACCMODE";
        };
        int rest = flags & ~LinuxFlags.O_ACCMODE;
        return rest == 0 ? mode : mode + "|" + LinuxFlags.bits(rest & 0xffffffffL, LinuxFlags.OPEN_FLAG_NAMES);
    }

    private static String mapFlags(int flags) {
        String type = switch (flags & LinuxFlags.MAP_TYPE) {
            case LinuxFlags.MAP_SHARED -> "MAP_SHARED";
            case LinuxFlags.MAP_PRIVATE -> "MAP_PRIVATE";
            case LinuxFlags.MAP_SHARED_VALIDATE -> "MAP_SHARED_VALIDATE";
            default -> "0x" + Integer.toHexString(flags & LinuxFlags.MAP_TYPE);
        };
        int rest = flags & ~LinuxFlags.MAP_TYPE;
        return rest == 0 ? type : type + "|" + LinuxFlags.bits(rest & 0xffffffffL, LinuxFlags.MAP_NAMES);
    }

    private static String access(int mode) {
        if (mode == 0) {
            return "F_OK";
        }
        StringBuilder sb = new StringBuilder();
        String[] names = {"X_OK", "W_OK", "R_OK"};
        for (int i = 2; i >= 0; i--) {
            if ((mode & (1 << i)) != 0) {
                sb.append(sb.isEmpty() ? "" : "|").append(names[i]);
            }
        }
        if ((mode & ~7) != 0) {
            sb.append(sb.isEmpty() ? "" : "|").append("0x").append(Integer.toHexString(mode & ~7));
        }
        return sb.toString();
    }

    private static String clock(int id) {
        if (id >= 0 && id < TimeSyscalls.CLOCK_NAMES.length && TimeSyscalls.CLOCK_NAMES[id] != null) {
            return TimeSyscalls.CLOCK_NAMES[id];
        }
        return Integer.toString(id);
    }

    private static String fcntlCommand(int cmd) {
        return switch (cmd) {
            case 0 -> "F_DUPFD";
            case 1 -> "F_GETFD";
            case 2 -> "F_SETFD";
            case 3 -> "F_GETFL";
            case 4 -> "F_SETFL";
            case 5 -> "F_GETLK";
            case 6 -> "F_SETLK";
            case 7 -> "F_SETLKW";
            case 8 -> "F_SETOWN";
            case 9 -> "F_GETOWN";
            case 36 -> "F_OFD_GETLK";
            case 37 -> "F_OFD_SETLK";
            case 38 -> "F_OFD_SETLKW";
            case 1030 -> "F_DUPFD_CLOEXEC";
            case 1031 -> "F_SETPIPE_SZ";
            case 1032 -> "F_GETPIPE_SZ";
            default -> Integer.toString(cmd);
        };
    }

    private static String fcntlArgument(int cmd, long v) {
        return switch (cmd) {
            case 1, 3, 9, 1032 -> null; // F_GETFD, F_GETFL, F_GETOWN, F_GETPIPE_SZ
            case 4 -> openFlags((int) v); // F_SETFL
            case 5, 6, 7, 36, 37, 38 -> v == 0 ? "NULL" : "0x" + Long.toHexString(v);
            default -> Integer.toString((int) v);
        };
    }

    private static String ioctlRequest(int req) {
        return switch (req) {
            case FileSyscalls.TCGETS -> "TCGETS";
            case FileSyscalls.TCSETS -> "TCSETS";
            case FileSyscalls.TCSETSW -> "TCSETSW";
            case FileSyscalls.TCSETSF -> "TCSETSF";
            case FileSyscalls.TIOCGPGRP -> "TIOCGPGRP";
            case FileSyscalls.TIOCSPGRP -> "TIOCSPGRP";
            case FileSyscalls.TIOCGWINSZ -> "TIOCGWINSZ";
            case FileSyscalls.TIOCSWINSZ -> "TIOCSWINSZ";
            case FileSyscalls.FIONREAD -> "FIONREAD";
            case FileSyscalls.FIONBIO -> "FIONBIO";
            case FileSyscalls.FIOCLEX -> "FIOCLEX";
            case FileSyscalls.FIONCLEX -> "FIONCLEX";
            default -> "0x" + Integer.toHexString(req);
        };
    }
}
