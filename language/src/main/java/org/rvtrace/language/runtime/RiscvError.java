package org.rvtrace.language.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/** An error the user caused (a bad program file, ...): reaches embedders as a polyglot exception with this message. */
public final class RiscvError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public RiscvError(String message) {
        super(message);
    }
}
