package org.rvtrace.language.nodes;

/** How a basic block ends. */
public enum Terminator {
    /** Falls into the next block (the block hit its size limit). */
    FALL,
    /** beq ... bgeu. */
    BRANCH,
    /**
     * jal x0, or jal t0: a direct jump, part of this function's graph. A jump through the
     * alternate link register t0 (ftrace's patch sites, GCC's -msave-restore millicode) links
     * into t0 and comes back with {@code jr t0}, a computed jump whose one target is cached.
     */
    JUMP,
    /** jal rd (rd other than x0 and t0): a call of a known function, linking into rd. */
    CALL,
    /**
     * jalr x0: a return when it goes where our caller expects, else a computed jump; jalr t0
     * (linking into t0): see {@link #JUMP}.
     */
    JUMP_INDIRECT,
    /**
     * jalr rd (rd other than x0 and t0): a call through a register; also a jalr t0 to a
     * trampoline that already runs inside enough functions (BlockNode.linkedJump).
     */
    CALL_INDIRECT,
    ECALL,
    /** A host function (see HostFunction), reached through a host-call stub. */
    HOSTCALL,
    EBREAK,
    ILLEGAL,
    /**
     * An instruction word that keeps being rewritten (a toggled patch site): read and
     * executed afresh every time (nop, auipc, or a jalr call), so rewriting it does not
     * invalidate compiled code.
     */
    VOLATILE_INSN,
    /** A host breakpoint at the block's start (see CodeCache.setBreakpoint): control returns to the host. */
    BREAKPOINT,
    /** The pc is not executable (unmapped, or a page without PROT_EXEC). */
    FETCH_FAULT
}
