package org.rvtrace.language.runtime;

/** The Linux signal numbers rvtrace delivers, with the names a shell would print. */
public final class Signals {
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGABRT = 6;
    public static final int SIGBUS = 7;
    public static final int SIGFPE = 8;
    public static final int SIGKILL = 9;
    public static final int SIGSEGV = 11;

    private Signals() {
    }

    public static String name(int sig) {
        return switch (sig) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 3 -> "SIGQUIT";
            case SIGILL -> "SIGILL";
            case SIGTRAP -> "SIGTRAP";
            case SIGABRT -> "SIGABRT";
            case SIGBUS -> "SIGBUS";
            case SIGFPE -> "SIGFPE";
            case SIGKILL -> "SIGKILL";
            case 10 -> "SIGUSR1";
            case SIGSEGV -> "SIGSEGV";
            case 12 -> "SIGUSR2";
            case 13 -> "SIGPIPE";
            case 14 -> "SIGALRM";
            case 15 -> "SIGTERM";
            default -> "signal " + sig;
        };
    }

    public static String description(int sig) {
        return switch (sig) {
            case SIGILL -> "Illegal instruction";
            case SIGTRAP -> "Trace/breakpoint trap";
            case SIGABRT -> "Aborted";
            case SIGBUS -> "Bus error";
            case SIGFPE -> "Floating point exception";
            case SIGKILL -> "Killed";
            case SIGSEGV -> "Segmentation fault";
            case 13 -> "Broken pipe";
            case 15 -> "Terminated";
            default -> "Killed by " + name(sig);
        };
    }
}
