package org.rvtrace.language.nodes;

import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

import org.rvtrace.language.runtime.CodeCache;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.UnwindToTop;

/**
 * The top of a hart: runs function root after function root from pc until an exception
 * (exit, thread exit, fault) ends it. Each guest thread, the main one included, is one such
 * loop on a Java thread of its own.
 */
public final class HartLoopNode extends Node {
    @Child private IndirectCallNode call = IndirectCallNode.create();

    /** Never returns normally. */
    public void run(CodeCache code, Hart hart, long startPc) {
        long pc = startPc;
        while (true) {
            try {
                hart.depth = 0;
                // Nothing returns to NO_RETURN: every root called from here reports where it stopped.
                pc = (Long) call.call(code.functionAt(pc).getCallTarget(), hart, Hart.NO_RETURN_LINK);
            } catch (UnwindToTop unwind) {
                pc = unwind.pc;
            }
        }
    }
}
