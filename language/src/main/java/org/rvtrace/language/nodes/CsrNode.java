package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.rvtrace.language.runtime.GuestFault;
import org.rvtrace.language.runtime.Hart;

/**
 * Zicsr: csrrw/csrrs/csrrc and their immediate forms, on the CSRs a user program can
 * reach: fflags, frm, fcsr, and the read-only counters cycle, time, instret.
 */
public final class CsrNode extends InsnNode {
    public static final int FFLAGS = 0x001;
    public static final int FRM = 0x002;
    public static final int FCSR = 0x003;
    public static final int CYCLE = 0xc00;
    public static final int TIME = 0xc01;
    public static final int INSTRET = 0xc02;

    public enum Kind {
        WRITE, SET, CLEAR
    }

    private final int rd;
    private final int rs1;
    /** The immediate forms take rs1's field as a 5-bit value. */
    private final boolean immediate;
    private final int csr;
    private final Kind kind;
    private final long pc;
    private final int raw;

    public CsrNode(int rd, int rs1, boolean immediate, int csr, Kind kind, long pc, int raw) {
        this.rd = rd;
        this.rs1 = rs1;
        this.immediate = immediate;
        this.csr = csr;
        this.kind = kind;
        this.pc = pc;
        this.raw = raw;
    }

    /** csrrs/csrrc with x0 (or a zero immediate) only read: they may touch read-only CSRs. */
    private boolean writes() {
        return kind == Kind.WRITE || rs1 != 0;
    }

    @Override
    public void execute(long[] regs, Hart hart) {
        long operand = immediate ? rs1 : x(regs, hart, rs1);
        long old = read(hart);
        if (writes()) {
            long value = switch (kind) {
                case WRITE -> operand;
                case SET -> old | operand;
                case CLEAR -> old & ~operand;
            };
            write(hart, value);
        }
        setX(regs, hart, rd, old);
    }

    private long read(Hart hart) {
        return switch (csr) {
            case FFLAGS -> hart.fflags.bits & 0x1f;
            case FRM -> hart.frm;
            case FCSR -> hart.fcsr();
            case CYCLE, INSTRET, TIME -> counter();
            default -> throw illegal();
        };
    }

    private void write(Hart hart, long value) {
        switch (csr) {
            case FFLAGS -> hart.fflags.bits = (int) value & 0x1f;
            case FRM -> hart.frm = (int) value & 0x7;
            case FCSR -> hart.setFcsr((int) value);
            default -> throw illegal();
        }
    }

    private GuestFault illegal() {
        CompilerDirectives.transferToInterpreter();
        return GuestFault.illegal(pc, raw, 4);
    }

    /** Like qemu-user, every counter reads a host clock: monotonic, and costs no bookkeeping. */
    @TruffleBoundary
    private static long counter() {
        return System.nanoTime();
    }
}
