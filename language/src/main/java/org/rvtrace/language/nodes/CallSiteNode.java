package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

import org.rvtrace.language.runtime.CodeCache;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.tracing.HostProcedure;

/**
 * A guest call: a monomorphic inline cache on the target pc. While one function is called
 * from here the call is a {@link DirectCallNode}, which Graal can inline; a second target
 * turns the site into an indirect call. Several harts may run the site at once: the cache
 * changes under a lock, target before call node, so a hart that sees the call node also
 * sees its target.
 *
 * <p>A call of a host-call stub ({@code hostcall n; ret}, e.g. an ftrace callback) runs the
 * host function right here and then returns to ra, as the stub's {@code ret} would: no
 * function root to enter and leave, so a traced call costs what the callback costs. This
 * holds while the stub's two words are unchanged; a rewritten stub is called like any code.
 */
public final class CallSiteNode extends Node {
    private static final int RA = 1;

    private final CodeCache code;
    @CompilationFinal private volatile long cachedTarget = -1;
    @Child private DirectCallNode direct;
    @Child private IndirectCallNode indirect;
    /** When the cached target is a host-call stub: its function (and the stub's words), else null. */
    @CompilationFinal private CodeCache.HostStub stub;

    /** Whether the callee may get a copy for this site (CodeCache.takeCopyForCallSite). */
    private final boolean mayCopy;

    /**
     * mayCopy: false for the jumps of sites that CodeCache.joinsJumpingGraph turned away,
     * which are to share the one original, or they would be copies by another name.
     */
    public CallSiteNode(CodeCache code, boolean mayCopy, long link) {
        this.code = code;
        this.mayCopy = mayCopy;
        this.link = link;
        this.linkArgument = link;
    }

    /** The return address of this site's calls (the pc after the call instruction). */
    private final long link;
    /**
     * The same, boxed once: a function root takes it as its second argument. A constant of
     * the compiled caller, so an inlined callee's link is a constant too, and a call that is
     * not inlined passes it without allocating.
     */
    private final Long linkArgument;

    /**
     * Calls the function at target, expected to return to this site's link; returns the pc
     * where it went on (normally the link): a function root returns null for its link and
     * the pc otherwise (see FunctionRootNode), a host function has ra.
     */
    public long call(Hart hart, long target) {
        CodeCache.HostStub s = stub;
        if (s != null && target == cachedTarget) {
            if (s.unchanged().isValid()) {
                hart.pc = target;
                s.function().call(hart);
                return hart.getX(RA) & ~1L;
            }
            CompilerDirectives.transferToInterpreterAndInvalidate();
            stubChanged();
        }
        DirectCallNode d = direct;
        if (d != null && target == cachedTarget) {
            return resumePc(d.call(hart, linkArgument));
        }
        if (indirect == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            specialize(target);
            if (stub != null && target == cachedTarget) {
                return call(hart, target);
            }
            d = direct;
            if (indirect == null && d != null && target == cachedTarget) {
                return resumePc(d.call(hart, linkArgument));
            }
        }
        return resumePc(indirect.call(code.functionAt(target).getCallTarget(), hart, linkArgument));
    }

    private long resumePc(Object stopped) {
        return FunctionRootNode.stoppedAt(stopped, link);
    }

    /**
     * Whether a call of target from here certainly leaves guest memory alone: the site runs
     * a host function that says so in place (a constant in compiled code).
     */
    public boolean leavesMemoryAlone(long target) {
        CodeCache.HostStub s = stub;
        return s != null && target == cachedTarget && !s.function().touchesGuestMemory() && s.unchanged().isValid();
    }

    /**
     * The host procedure a call of target from here runs in place, or null: a constant in
     * compiled code (see {@link HostProcedure}). Null until the site's first call.
     */
    public HostProcedure procedureAt(long target) {
        CodeCache.HostStub s = stub;
        if (s != null && target == cachedTarget && s.function() instanceof HostProcedure p && s.unchanged().isValid()) {
            return p;
        }
        return null;
    }

    private synchronized void specialize(long target) {
        if (direct == null && stub == null) {
            CodeCache.HostStub hostStub = code.hostStubAt(target);
            if (hostStub != null) {
                cachedTarget = target;
                stub = hostStub;
                return;
            }
            DirectCallNode call = DirectCallNode.create(code.functionAt(target).getCallTarget());
            if (mayCopy && code.takeCopyForCallSite(target)) {
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

    /** The stub was rewritten: from now on its target is called as a function root. */
    private synchronized void stubChanged() {
        if (stub != null && !stub.unchanged().isValid()) {
            stub = null;
            if (direct == null) {
                direct = insert(DirectCallNode.create(code.functionAt(cachedTarget).getCallTarget()));
            }
        }
    }
}
