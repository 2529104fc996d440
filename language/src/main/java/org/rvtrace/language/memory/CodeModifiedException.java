package org.rvtrace.language.memory;

import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * Thrown by a guest store that invalidated translated code: the block running it may be
 * stale from the next instruction on, so execution resumes through the generic dispatch
 * at the instruction after the store.
 */
public final class CodeModifiedException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public final long resumePc;

    public CodeModifiedException(long resumePc) {
        this.resumePc = resumePc;
    }
}
