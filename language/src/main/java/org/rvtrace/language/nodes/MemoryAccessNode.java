package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import org.rvtrace.language.memory.GuestMemory;

/**
 * A load or a store: {@code mem[rs1 + imm]} of one {@link Width}, integer or (with
 * {@code fp}) floating point. It may belong to an {@link AccessRun}, whose single check
 * then stands in for its own.
 */
abstract class MemoryAccessNode extends InsnNode {
    final GuestMemory mem;
    final int rs1;
    final long imm;
    final Width width;
    final boolean fp;
    final long pc;
    /** The run whose check covers this access, or null. */
    @CompilationFinal private AccessRun run;

    MemoryAccessNode(GuestMemory mem, int rs1, long imm, Width width, boolean fp, long pc) {
        this.mem = mem;
        this.rs1 = rs1;
        this.imm = imm;
        this.width = width;
        this.fp = fp;
        this.pc = pc;
    }

    /** Whether this access may skip its own checks: its run's check just passed. */
    final boolean checkedByRun() {
        return run != null && run.checked();
    }

    abstract boolean isStore();

    final void joinRun(AccessRun accessRun) {
        this.run = accessRun;
    }
}
