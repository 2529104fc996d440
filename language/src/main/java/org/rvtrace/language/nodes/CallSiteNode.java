package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

import org.rvtrace.language.runtime.CodeCache;
import org.rvtrace.language.runtime.Hart;

/**
 * A guest call: a monomorphic inline cache on the target pc. While one function is called
 * from here the call is a {@link DirectCallNode}, which Graal can inline; a second target
 * turns the site into an indirect call. Several harts may run the site at once: the cache
 * changes under a lock, target before call node, so a hart that sees the call node also
 * sees its target.
 */
public final class CallSiteNode extends Node {
    private final CodeCache code;
    @CompilationFinal private volatile long cachedTarget = -1;
    @Child private DirectCallNode direct;
    @Child private IndirectCallNode indirect;

    public CallSiteNode(CodeCache code) {
        this.code = code;
    }

    public void call(Hart hart, long target) {
        DirectCallNode d = direct;
        if (d != null && target == cachedTarget) {
            d.call(hart);
            return;
        }
        if (indirect == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            specialize(target);
            d = direct;
            if (indirect == null && d != null && target == cachedTarget) {
                d.call(hart);
                return;
            }
        }
        indirect.call(code.functionAt(target).getCallTarget(), hart);
    }

    private synchronized void specialize(long target) {
        if (direct == null) {
            DirectCallNode call = DirectCallNode.create(code.functionAt(target).getCallTarget());
            if (code.takeCopyForCallSite(target)) {
                // Before the node is adopted: splitting an adopted call node throws away
                // the compiled code of its root.
                call.cloneCallTarget();
            }
            cachedTarget = target;
            direct = insert(call);
        } else if (indirect == null && target != cachedTarget) {
            indirect = insert(IndirectCallNode.create());
        }
    }
}
