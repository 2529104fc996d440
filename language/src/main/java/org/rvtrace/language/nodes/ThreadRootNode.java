package org.rvtrace.language.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import org.rvtrace.language.RiscvContext;
import org.rvtrace.language.RiscvLanguage;
import org.rvtrace.language.runtime.GuestExit;
import org.rvtrace.language.runtime.GuestFault;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.ThreadExit;

/**
 * A guest thread made by clone: arguments (hart, start pc). Its exit(2) ends only it; a
 * fault or exit_group ends the whole process, as in Linux.
 */
public final class ThreadRootNode extends RootNode {
    @Child private HartLoopNode loop = new HartLoopNode();

    public ThreadRootNode(RiscvLanguage language) {
        super(language);
    }

    @Override
    public String getName() {
        return "guest thread";
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Hart hart = (Hart) frame.getArguments()[0];
        long pc = (long) frame.getArguments()[1];
        RiscvContext context = RiscvContext.get(this);
        try {
            loop.run(context.code, hart, pc);
        } catch (ThreadExit e) {
            return e.status;
        } catch (GuestExit e) {
            context.exitProcess(e.status, this);
        } catch (GuestFault fault) {
            reportFault(context, fault);
            context.exitProcess(128 + fault.signal, this);
        }
        return 0;
    }

    @TruffleBoundary
    private static void reportFault(RiscvContext context, GuestFault fault) {
        context.flushOutput();
        context.report(fault.report());
    }
}
