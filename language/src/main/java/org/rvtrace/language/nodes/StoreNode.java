package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;

import org.rvtrace.language.memory.CodeModifiedException;
import org.rvtrace.language.memory.GuestMemory;

import org.rvtrace.language.runtime.Hart;

/** {@code mem[rs1 + imm] = rs2} (sb ... sd); fsw/fsd with {@code fp}. */
public final class StoreNode extends InsnNode implements AccessRun.Access {
    private final GuestMemory mem;
    private final int rs1;
    private final int rs2;
    private final long imm;
    private final Width width;
    private final boolean fp;
    private final long pc;
    private final long nextPc;
    /** The run whose check covers this store, or null. */
    @CompilationFinal private AccessRun run;

    public StoreNode(GuestMemory mem, int rs1, int rs2, long imm, Width width, boolean fp, long pc, long nextPc) {
        this.mem = mem;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.imm = imm;
        this.width = width;
        this.fp = fp;
        this.pc = pc;
        this.nextPc = nextPc;
    }

    @Override
    public void execute(VirtualFrame frame, Hart hart) {
        long value = fp ? f(frame, hart, rs2) : x(frame, hart, rs2);
        if (run != null && run.checked()) {
            mem.storeUnchecked(x(frame, hart, rs1) + imm, value, width.size());
            return;
        }
        try {
            width.store(mem, x(frame, hart, rs1) + imm, value, pc);
        } catch (CodeModifiedException e) {
            // The store rewrote translated code: resume after it, through fresh translation.
            throw new CodeModifiedException(nextPc);
        }
    }

    @Override
    public int base() {
        return rs1;
    }

    @Override
    public long offset() {
        return imm;
    }

    @Override
    public Width width() {
        return width;
    }

    @Override
    public boolean isStore() {
        return true;
    }

    @Override
    public void joinRun(AccessRun accessRun) {
        this.run = accessRun;
    }
}
