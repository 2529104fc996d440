package org.rvtrace.language.runtime;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** exit_group (or the last thread's exit): unwinds every guest frame to the program root. */
public final class GuestExit extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public final int status;

    public GuestExit(int status) {
        this.status = status;
    }
}
