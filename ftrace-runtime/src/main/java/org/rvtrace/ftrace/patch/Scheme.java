package org.rvtrace.ftrace.patch;

import org.rvtrace.ftrace.asm.Trampolines;

/** How patch sites reach the tracers (the riscv.FtraceScheme option). */
public enum Scheme {
    /** Linux 6.16: per-site ops literal, one ftrace_caller, one 32-bit store to enable. */
    CALL_OPS("call-ops", Trampolines.Layout.MERGED),
    /** The 2023 proposal: per-site literal; the jalr picks direct_caller, ftrace_caller or ftrace_regs_caller. */
    CALL_OPS_2023("call-ops-2023", Trampolines.Layout.PROPOSAL_2023),
    /** Before CALL_OPS: no literal; enabling writes auipc + jalr; every site calls ftrace_trace_function. */
    LIST("list", Trampolines.Layout.LIST);

    public final String option;
    public final Trampolines.Layout layout;

    Scheme(String option, Trampolines.Layout layout) {
        this.option = option;
        this.layout = layout;
    }

    /** The scheme an option value names, or null. */
    public static Scheme of(String option) {
        for (Scheme s : values()) {
            if (s.option.equals(option)) {
                return s;
            }
        }
        return null;
    }

    public boolean hasLiteral() {
        return this != LIST;
    }
}
