package org.rvtrace.language.interop;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import org.rvtrace.language.RiscvContext;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.nodes.HartLoopNode;
import org.rvtrace.language.runtime.BreakpointHit;
import org.rvtrace.language.runtime.GuestExit;
import org.rvtrace.language.runtime.GuestFault;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.RiscvError;

/**
 * Calls into a program stopped at main: arguments in a0..a7, ra = a return address where a
 * host breakpoint waits, sp below main's frame; the guest runs (compiled like any guest
 * code) until it returns there. Calls are serialized: the program has one main hart.
 */
final class GuestCalls {
    private static final int RA = 1;
    private static final int SP = 2;
    private static final int A0 = 10;

    private final RiscvContext context;
    private final Hart hart;
    private final long stackTop;
    private final long returnAddress;
    private final CallTarget target;

    GuestCalls(RiscvContext context, Hart hart) {
        this.context = context;
        this.hart = hart;
        // Below what the start-up code left on the stack, 16-byte aligned as the ABI wants.
        this.stackTop = (hart.getX(SP) - 256) & ~15L;
        long page = context.reserveCode(GuestMemory.PAGE_SIZE, "[host return]");
        this.returnAddress = page;
        context.code.setBreakpoint(returnAddress);
        this.target = new CallRoot(context.language, this).getCallTarget();
    }

    synchronized long call(long function, long[] args) {
        for (int i = 0; i < 8; i++) {
            hart.setX(A0 + i, i < args.length ? args[i] : 0);
        }
        hart.setX(RA, returnAddress);
        hart.setX(SP, stackTop);
        return (long) target.call(function);
    }

    private static final class CallRoot extends RootNode {
        private final GuestCalls calls;
        @Child private HartLoopNode loop = new HartLoopNode();

        CallRoot(org.rvtrace.language.RiscvLanguage language, GuestCalls calls) {
            super(language);
            this.calls = calls;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            long function = (long) frame.getArguments()[0];
            try {
                loop.run(calls.context.code, calls.hart, function);
                throw new AssertionError();
            } catch (BreakpointHit stop) {
                if (stop.pc != calls.returnAddress) {
                    throw new RiscvError("the call stopped at 0x" + Long.toHexString(stop.pc) + " instead of returning");
                }
                return calls.hart.getX(A0);
            } catch (GuestFault fault) {
                throw new RiscvError(fault.report());
            } catch (GuestExit exit) {
                throw new RiscvError("the program exited (status " + exit.status + ") during the call");
            }
        }

        @Override
        public String getName() {
            return "call into the guest";
        }
    }
}
