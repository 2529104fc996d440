package org.rvtrace.ftrace.asm;

import static org.rvtrace.ftrace.asm.Asm.A0;
import static org.rvtrace.ftrace.asm.Asm.A1;
import static org.rvtrace.ftrace.asm.Asm.A2;
import static org.rvtrace.ftrace.asm.Asm.A3;
import static org.rvtrace.ftrace.asm.Asm.RA;
import static org.rvtrace.ftrace.asm.Asm.S0;
import static org.rvtrace.ftrace.asm.Asm.S1;
import static org.rvtrace.ftrace.asm.Asm.S2;
import static org.rvtrace.ftrace.asm.Asm.S3;
import static org.rvtrace.ftrace.asm.Asm.SP;
import static org.rvtrace.ftrace.asm.Asm.T0;
import static org.rvtrace.ftrace.asm.Asm.T1;

import org.rvtrace.ftrace.ops.OpsLayout;

/**
 * The RISC-V code of ftrace, assembled for its place in guest memory (FTRACE-DESIGN.md
 * sections 3 to 5). Every entry point is reached by {@code jalr t0} from a patch site, so
 * on entry t0 = function + 8 (where the traced function goes on) and ra = its caller's
 * return address, which the trampoline must hand back unchanged unless a tracer changed it.
 *
 * <p>The {@code ftrace_regs} frame the callbacks get (fregs, a3):
 * epc (t0) at 0, ra at 8, the original sp at 16, s0 at 24, t1 at 32, a0..a7 at 48..104.
 * The full {@code pt_regs} frame of the 2023 ftrace_regs_caller: epc at 0, x1..x31 at 8*n.
 */
public final class Trampolines {
    public static final int FREGS_EPC = 0;
    public static final int FREGS_RA = 8;
    public static final int FREGS_SP = 16;
    public static final int FREGS_S0 = 24;
    public static final int FREGS_T1 = 32;
    public static final int FREGS_A0 = 48;
    public static final int FREGS_SIZE = 112;
    public static final int PT_REGS_SIZE = 256;

    /** Host functions the assembled code calls. */
    public record HostStubs(long opsTest, long recursionTrylock, long recursionUnlock, long returnToHandler) {
    }

    /** Data words the code loads. */
    public record Data(long opsList, long functionTraceOp, long ftraceTraceFunction) {
    }

    /** Where everything ended up. {@code regsCaller} and {@code directCaller} exist only in the 2023 layout. */
    public record Code(long ftraceCaller, long regsCaller, long directCaller, long listFunc, long stub, long returnToHandler,
                    byte[] bytes, java.util.Map<String, Long> symbols) {
    }

    public enum Layout {
        /** Linux 6.16: one ftrace_caller that reads the literal and handles direct calls itself. */
        MERGED,
        /** The 2023 proposal: direct_caller, ftrace_caller and ftrace_regs_caller in one 2 KiB-aligned window. */
        PROPOSAL_2023,
        /** Before CALL_OPS: no literal; ftrace_caller calls ftrace_trace_function with function_trace_op. */
        LIST
    }

    private Trampolines() {
    }

    public static Code assemble(Layout layout, long origin, HostStubs host, Data data) {
        Asm a = new Asm(origin);
        long caller;
        long regsCaller = 0;
        long directCaller = 0;
        switch (layout) {
            case MERGED -> caller = mergedCaller(a);
            case PROPOSAL_2023 -> {
                a.align(2048);
                directCaller = directCaller(a);
                caller = proposalCaller(a, "ftrace_caller", false);
                regsCaller = proposalCaller(a, "ftrace_regs_caller", true);
                if (a.pc() - directCaller > 2048) {
                    throw new IllegalStateException("2023 trampolines exceed their 2 KiB window");
                }
            }
            case LIST -> caller = listCaller(a, data);
            default -> throw new IllegalArgumentException();
        }
        long stub = a.symbol("ftrace_stub");
        a.ret();
        long listFunc = listFunc(a, host, data);
        long returnToHandler = returnToHandler(a, host);
        return new Code(caller, regsCaller, directCaller, listFunc, stub, returnToHandler, a.finish(), a.symbols());
    }

    /**
     * Linux 6.16's ftrace_caller: the ops from the literal at t0 - 16; a direct call leaves at
     * once; else save the ABI registers and call ops->func(ip = t0 - 4, parent_ip = ra, ops, fregs).
     */
    private static long mergedCaller(Asm a) {
        long at = a.symbol("ftrace_caller");
        Asm.Label direct = new Asm.Label();
        a.ld(T1, T0, -16);
        a.ld(T1, T1, OpsLayout.DIRECT_CALL);
        a.bnez(T1, direct);
        saveAbiRegs(a);
        a.ld(T1, T0, -16);
        a.sd(T1, SP, FREGS_T1);
        callOpsFunc(a, -4);
        restoreAbiRegsAndReturn(a);
        a.bind(direct);
        a.jr(T1);
        return at;
    }

    /** 2023: direct_caller jumps to ops->direct_call; the direct trampoline returns with jr t0. */
    private static long directCaller(Asm a) {
        long at = a.symbol("direct_caller");
        a.ld(T1, T0, -16);
        a.ld(T1, T1, OpsLayout.DIRECT_CALL);
        a.jr(T1);
        return at;
    }

    /** 2023: ftrace_caller (ABI registers) or ftrace_regs_caller (all registers, pt_regs). */
    private static long proposalCaller(Asm a, String name, boolean allRegs) {
        long at = a.symbol(name);
        if (allRegs) {
            a.addi(SP, SP, -PT_REGS_SIZE);
            a.sd(T0, SP, 0);
            for (int r = 1; r < 32; r++) {
                if (r != SP) {
                    a.sd(r, SP, 8L * r);
                }
            }
            a.addi(T1, SP, PT_REGS_SIZE);
            a.sd(T1, SP, 8L * SP);
        } else {
            saveAbiRegs(a);
        }
        a.ld(T1, T0, -16);
        callOpsFunc(a, -4);
        if (allRegs) {
            for (int r = 1; r < 32; r++) {
                if (r != SP && r != T0) {
                    a.ld(r, SP, 8L * r);
                }
            }
            a.ld(T0, SP, 0);
            a.addi(SP, SP, PT_REGS_SIZE);
            a.jr(T0);
        } else {
            restoreAbiRegsAndReturn(a);
        }
        return at;
    }

    /**
     * Before CALL_OPS: one trampoline for every site; it calls whatever ftrace_trace_function
     * holds (one tracer's func, or ftrace_ops_list_func) with function_trace_op. The site is
     * auipc + jalr, so ip = t0 - 8 is the function itself.
     */
    private static long listCaller(Asm a, Data data) {
        long at = a.symbol("ftrace_caller");
        saveAbiRegs(a);
        a.addi(A0, T0, -8);
        a.mv(A1, RA);
        a.loadGlobal(A2, data.functionTraceOp());
        a.mv(A3, SP);
        a.loadGlobal(RA, data.ftraceTraceFunction());
        a.jalr(RA, RA, 0);
        restoreAbiRegsAndReturn(a);
        return at;
    }

    /**
     * ops->func(ip = t0 + ipOffset, parent_ip = ra, ops = t1, fregs = sp). ra serves as the
     * scratch register for the callback's address (it is saved in the frame): t2 must survive,
     * GCC passes the static chain of nested functions in it.
     */
    private static void callOpsFunc(Asm a, int ipOffset) {
        a.addi(A0, T0, ipOffset);
        a.mv(A1, RA);
        a.mv(A2, T1);
        a.mv(A3, SP);
        a.ld(RA, T1, OpsLayout.FUNC);
        a.jalr(RA, RA, 0);
    }

    /** Saves the ABI registers into an ftrace_regs frame; clobbers t1. */
    private static void saveAbiRegs(Asm a) {
        a.addi(SP, SP, -FREGS_SIZE);
        a.sd(T0, SP, FREGS_EPC);
        a.sd(RA, SP, FREGS_RA);
        a.addi(T1, SP, FREGS_SIZE);
        a.sd(T1, SP, FREGS_SP);
        a.sd(S0, SP, FREGS_S0);
        for (int i = 0; i < 8; i++) {
            a.sd(A0 + i, SP, FREGS_A0 + 8L * i);
        }
    }

    /** Restores what a tracer may have changed (arguments, ra, epc) and goes on at epc. */
    private static void restoreAbiRegsAndReturn(Asm a) {
        for (int i = 0; i < 8; i++) {
            a.ld(A0 + i, SP, FREGS_A0 + 8L * i);
        }
        a.ld(RA, SP, FREGS_RA);
        a.ld(T0, SP, FREGS_EPC);
        a.addi(SP, SP, FREGS_SIZE);
        a.jr(T0);
    }

    /**
     * ftrace_ops_list_func(ip, parent_ip, op, fregs): under the recursion guard, walks
     * ftrace_ops_list and calls every ops whose filter takes ip. Guest code, so its cost
     * grows with the number of registered ops exactly as in the kernel.
     */
    private static long listFunc(Asm a, HostStubs host, Data data) {
        long at = a.symbol("ftrace_ops_list_func");
        Asm.Label loop = new Asm.Label();
        Asm.Label next = new Asm.Label();
        Asm.Label unlock = new Asm.Label();
        Asm.Label out = new Asm.Label();
        a.addi(SP, SP, -48);
        a.sd(RA, SP, 40);
        a.sd(S0, SP, 32);
        a.sd(S1, SP, 24);
        a.sd(S2, SP, 16);
        a.sd(S3, SP, 8);
        a.mv(S1, A0);
        a.mv(S2, A1);
        a.mv(S3, A3);
        a.call(host.recursionTrylock());
        a.beqz(A0, out);
        a.loadGlobal(S0, data.opsList());
        a.bind(loop);
        a.beqz(S0, unlock);
        a.mv(A0, S0);
        a.mv(A1, S1);
        a.call(host.opsTest());
        a.beqz(A0, next);
        a.ld(T1, S0, OpsLayout.FUNC);
        a.mv(A0, S1);
        a.mv(A1, S2);
        a.mv(A2, S0);
        a.mv(A3, S3);
        a.jalr(RA, T1, 0);
        a.bind(next);
        a.ld(S0, S0, OpsLayout.NEXT);
        a.j(loop);
        a.bind(unlock);
        a.call(host.recursionUnlock());
        a.bind(out);
        a.ld(RA, SP, 40);
        a.ld(S0, SP, 32);
        a.ld(S1, SP, 24);
        a.ld(S2, SP, 16);
        a.ld(S3, SP, 8);
        a.addi(SP, SP, 48);
        a.ret();
        return at;
    }

    /**
     * Where a function whose return address the graph tracer swapped returns to: keeps the
     * return values (a0, a1, fa0, fa1), asks the host for the real return address (passing
     * the sp the function returned with, which tells which frames a longjmp skipped), and
     * goes there.
     */
    private static long returnToHandler(Asm a, HostStubs host) {
        long at = a.symbol("return_to_handler");
        final int fa0 = 10;
        final int fa1 = 11;
        a.addi(SP, SP, -32);
        a.sd(A0, SP, 0);
        a.sd(A1, SP, 8);
        a.fsd(fa0, SP, 16);
        a.fsd(fa1, SP, 24);
        a.addi(A0, SP, 32);
        a.call(host.returnToHandler());
        a.mv(RA, A0);
        a.ld(A0, SP, 0);
        a.ld(A1, SP, 8);
        a.fld(fa0, SP, 16);
        a.fld(fa1, SP, 24);
        a.addi(SP, SP, 32);
        a.ret();
        return at;
    }
}
