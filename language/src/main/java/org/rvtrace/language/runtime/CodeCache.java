package org.rvtrace.language.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.rvtrace.language.RiscvContext;
import org.rvtrace.language.RiscvLanguage;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.nodes.BlockNode;
import org.rvtrace.language.nodes.FunctionRootNode;
import org.rvtrace.language.tracing.HostFunction;

/**
 * All translated code of one guest address space: function roots by entry pc, and for
 * every page the blocks decoded from it, so that a store into code invalidates exactly the
 * blocks whose bytes it overlaps.
 */
public final class CodeCache implements GuestMemory.CodeWriteListener {
    private final RiscvLanguage language;
    private final RiscvContext context;
    private final GuestMemory mem;
    private final Map<Long, FunctionRootNode> functions = new ConcurrentHashMap<>();
    /** Page number to the blocks decoded (in part) from it. Guarded by this. */
    private final Map<Long, List<BlockNode>> blocksByPage = new HashMap<>();

    public CodeCache(RiscvLanguage language, RiscvContext context, GuestMemory mem) {
        this.language = language;
        this.context = context;
        this.mem = mem;
        mem.setCodeWriteListener(this);
    }

    /** The function root that starts at pc, made on first use. */
    @TruffleBoundary
    public FunctionRootNode functionAt(long pc) {
        FunctionRootNode f = functions.get(pc);
        if (f == null) {
            synchronized (this) {
                f = functions.get(pc);
                if (f == null) {
                    f = new FunctionRootNode(language, this, mem, pc, context.symbolize(pc));
                    functions.put(pc, f);
                }
            }
        }
        return f;
    }

    /** Decodes a block and registers it under every page it was decoded from. */
    public synchronized BlockNode translate(long pc) {
        // Mark the pages first: a store from now on takes the checked path and sees the block.
        long firstPage = pc >>> GuestMemory.PAGE_SHIFT;
        if (mem.isExecutable(pc)) {
            mem.markCode(pc);
        }
        BlockNode block = BlockNode.translate(mem, this, pc);
        long lastPage = Math.max(firstPage, (block.endPc - 1) >>> GuestMemory.PAGE_SHIFT);
        for (long page = firstPage; page <= lastPage; page++) {
            if (mem.isExecutable(page << GuestMemory.PAGE_SHIFT)) {
                mem.markCode(page << GuestMemory.PAGE_SHIFT);
            }
            blocksByPage.computeIfAbsent(page, p -> new ArrayList<>()).add(block);
        }
        return block;
    }

    @Override
    @TruffleBoundary
    public synchronized boolean codeWritten(long addr, int length) {
        boolean any = false;
        long end = addr + length;
        for (long page = addr >>> GuestMemory.PAGE_SHIFT; page <= (end - 1) >>> GuestMemory.PAGE_SHIFT; page++) {
            List<BlockNode> blocks = blocksByPage.get(page);
            if (blocks == null) {
                continue;
            }
            for (Iterator<BlockNode> it = blocks.iterator(); it.hasNext();) {
                BlockNode b = it.next();
                if (b.startPc < end && addr < b.endPc) {
                    it.remove();
                    if (b.code.isValid()) {
                        b.code.invalidate();
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    /** The host function of the host-call stub at pc, or null (then the hostcall there is illegal). */
    public HostFunction hostFunction(long pc, int id) {
        return context.hostFunction(pc, id);
    }

    @TruffleBoundary
    public void syscall(Hart hart) {
        context.syscalls().dispatch(hart);
    }
}
