package org.rvtrace.language.runtime;

import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * Thrown when guest calls nest deeper than the Java stack should: the program root
 * catches it and continues at {@link #pc} with an empty Java stack. The guest cannot tell,
 * because every caller wrote its registers to the {@link Hart} before calling.
 */
public final class UnwindToTop extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public final long pc;

    public UnwindToTop(long pc) {
        this.pc = pc;
    }
}
