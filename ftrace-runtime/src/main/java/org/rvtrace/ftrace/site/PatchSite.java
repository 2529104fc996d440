package org.rvtrace.ftrace.site;

import java.util.List;

import org.rvtrace.ftrace.ops.FtraceOps;

/**
 * One function's patch area (FTRACE-DESIGN.md section 2):
 * <pre>
 * function-8 : 8-byte literal  -> &amp;ftrace_nop_ops | &amp;ops | &amp;ftrace_list_ops
 * function+0 : auipc t0, hi         written once, at load
 * function+4 : nop &lt;-&gt; jalr t0, lo(t0)  the only patched instruction
 * </pre>
 * The mutable fields are guarded by the Ftrace session's lock.
 */
public final class PatchSite {
    public final int index;
    /** The address recorded in __patchable_function_entries: the first NOP, function - 8. */
    public final long area;
    public final String name;
    public final SiteLayout layout;
    public final SiteState state;

    /** Whether the jalr is in place. */
    public boolean enabled;
    /** The literal's value (0 before init). */
    public long literal;
    /** The trampoline the jalr reaches when enabled. */
    public long target;
    /** The ops tracing this function now. */
    public List<FtraceOps> ops = List.of();

    PatchSite(int index, long area, String name, SiteLayout layout, SiteState state) {
        this.index = index;
        this.area = area;
        this.name = name;
        this.layout = layout;
        this.state = state;
    }

    public long function() {
        return area + SiteLayout.BYTES_BEFORE;
    }

    public long literalAddress() {
        return area;
    }

    public long auipcAddress() {
        return function();
    }

    public long jalrAddress() {
        return function() + 4;
    }

    /** Where the jalr links (t0): the first instruction of the body. */
    public long returnAddress() {
        return function() + SiteLayout.BYTES_AT;
    }

    public boolean usable() {
        return state == SiteState.OK;
    }
}
