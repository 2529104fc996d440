package org.rvtrace.language.nodes;

import org.rvtrace.language.memory.GuestMemory;

import org.rvtrace.language.runtime.Hart;

/**
 * fence: a full host fence, the strongest ordering RISC-V can ask for. (fence.i needs
 * nothing here: stores into translated code invalidate it as they happen.)
 */
public final class FenceNode extends InsnNode {
    @Override
    public void execute(long[] regs, Hart hart) {
        homes.stack.forget(regs); // memory may change under the stack slots
        GuestMemory.fullFence();
    }
}
