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
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (e instanceof com.oracle.truffle.api.exception.AbstractTruffleException || e instanceof com.oracle.truffle.api.nodes.ControlFlowException
                            || isThreadDeath(e)) {
                throw e;
            }
            // A bug of rvtrace's on this thread: end the process with one clear line, not a
            // Java stack trace and a process that goes on without the thread.
            reportInternal(context, hart, e);
            context.exitProcess(70, this);
        }
        return 0;
    }

    private static boolean isThreadDeath(Throwable e) {
        // Truffle's exit and cancel exceptions pass through every frame.
        String n = e.getClass().getName();
        return n.contains("ThreadDeath") || n.contains("Cancel") || n.contains("Exit");
    }

    @TruffleBoundary
    private static void reportInternal(RiscvContext context, Hart hart, Throwable e) {
        context.flushOutput();
        context.report("rv: internal error in guest thread " + hart.tid + " at pc 0x" + Long.toHexString(hart.pc) + ": " + e
                        + (System.getenv("RVTRACE_DEBUG") != null ? "" : " (set RVTRACE_DEBUG=1 for the Java stack trace, and please report it)"));
        if (System.getenv("RVTRACE_DEBUG") != null) {
            e.printStackTrace();
        }
    }

    @TruffleBoundary
    private static void reportFault(RiscvContext context, GuestFault fault) {
        context.flushOutput();
        context.report(fault.report());
    }
}
