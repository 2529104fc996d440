package org.rvtrace.language.runtime;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** exit(2) of one guest thread while others go on: ends that hart's loop. */
public final class ThreadExit extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public final int status;

    public ThreadExit(int status) {
        this.status = status;
    }
}
