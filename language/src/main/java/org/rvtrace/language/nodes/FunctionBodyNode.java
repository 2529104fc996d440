package org.rvtrace.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/**
 * The whole of a guest function as one instrumentable node (RootTag, RootBodyTag), so
 * Truffle's tools (--cputracer, debuggers) see every guest function call. Without an
 * instrument attached it is a plain delegate that compiles away.
 */
@GenerateWrapper
public abstract class FunctionBodyNode extends Node implements InstrumentableNode {
    public abstract Object execute(VirtualFrame frame);

    @Override
    public boolean isInstrumentable() {
        return true;
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new FunctionBodyNodeWrapper(this, probe);
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.RootTag.class || tag == StandardTags.RootBodyTag.class;
    }

    @Override
    public SourceSection getSourceSection() {
        return getRootNode().getSourceSection();
    }

    /** Runs the enclosing function root's block graph. */
    static final class Body extends FunctionBodyNode {
        @Override
        public Object execute(VirtualFrame frame) {
            return ((FunctionRootNode) getRootNode()).executeBody(frame);
        }
    }
}
