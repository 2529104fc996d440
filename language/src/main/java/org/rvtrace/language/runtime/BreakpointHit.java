package org.rvtrace.language.runtime;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Guest execution reached a host breakpoint (CodeCache.setBreakpoint): the hart stops there, its registers in the hart. */
public final class BreakpointHit extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public final long pc;

    public BreakpointHit(long pc) {
        this.pc = pc;
    }
}
