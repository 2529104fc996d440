package org.rvtrace.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * A synchronous guest fault that Linux would turn into a fatal signal: the program ends
 * with a one-line report and exit status 128 + signal. Carries no Java stack trace: it is
 * the guest's error, not ours.
 */
public final class GuestFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public final int signal;
    public final long pc;

    private GuestFault(int signal, long pc, String message) {
        super(message, null, false, false);
        this.signal = signal;
        this.pc = pc;
    }

    // The factories format messages: keep them out of partial evaluation.

    @TruffleBoundary
    public static GuestFault segv(long pc, long addr, String what) {
        return new GuestFault(Signals.SIGSEGV, pc, String.format("%s unmapped or protected address 0x%x", what, addr));
    }

    @TruffleBoundary
    public static GuestFault bus(long pc, long addr) {
        return new GuestFault(Signals.SIGBUS, pc, String.format("misaligned atomic access to 0x%x", addr));
    }

    @TruffleBoundary
    public static GuestFault illegal(long pc, int raw, int length) {
        String bits = length == 2 ? String.format("0x%04x", raw & 0xffff) : String.format("0x%08x", raw);
        return new GuestFault(Signals.SIGILL, pc, "illegal instruction " + bits);
    }

    @TruffleBoundary
    public static GuestFault breakpoint(long pc) {
        return new GuestFault(Signals.SIGTRAP, pc, "ebreak");
    }

    @TruffleBoundary
    public static GuestFault signal(int signal, long pc, String message) {
        return new GuestFault(signal, pc, message);
    }

    /** The line a user sees, e.g. {@code Segmentation fault (SIGSEGV) at pc 0x10444: load from ...}. */
    public String report() {
        return String.format("%s (%s) at pc 0x%x: %s", Signals.description(signal), Signals.name(signal), pc, getMessage());
    }
}
