package org.rvtrace.language.nodes;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import org.rvtrace.language.RiscvContext;
import org.rvtrace.language.RiscvLanguage;
import org.rvtrace.language.elf.ElfFile;
import org.rvtrace.language.elf.ElfFormatException;
import org.rvtrace.language.elf.ElfLoader;
import org.rvtrace.language.elf.LoadedProgram;
import org.rvtrace.language.runtime.GuestExit;
import org.rvtrace.language.runtime.GuestFault;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.RiscvError;
import org.rvtrace.language.runtime.ThreadExit;
import org.rvtrace.language.runtime.BreakpointHit;
import org.rvtrace.language.interop.GuestProgram;

/**
 * Runs a program: maps it, builds its stack, then drives the main hart from function root
 * to function root until the program exits. Evaluates to the exit status (128 + signal
 * when a fault ended it, as a shell reports it).
 */
public final class ProgramRootNode extends RootNode {
    private static final int SP = 2;

    private final ElfFile elf;
    private final String name;
    @Child private HartLoopNode loop = new HartLoopNode();

    public ProgramRootNode(RiscvLanguage language, ElfFile elf, String name) {
        super(language);
        this.elf = elf;
        this.name = name;
    }

    @Override
    public String getName() {
        return "program " + name;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        RiscvContext context = RiscvContext.get(this);
        Hart hart = start(context);
        boolean library = context.env.getOptions().get(RiscvLanguage.Library);
        boolean stoppedAtMain = false;
        if (library) {
            long main = context.program().lookup("main");
            if (main < 0) {
                throw new RiscvError(name + ": no main symbol to stop at (riscv.Library needs the symbol table)");
            }
            context.code.setBreakpoint(main);
        }
        try {
            loop.run(context.code, hart, context.program().entry);
            throw new AssertionError();
        } catch (BreakpointHit stop) {
            // riscv.Library: start-up done, main not run. The hart stays here for calls, and
            // tracing goes on until the context is closed.
            stoppedAtMain = true;
            return new GuestProgram(context, hart);
        } catch (ThreadExit exit) {
            // exit(2) of the main thread while others run: the process ends with the last of them.
            context.awaitOtherHarts();
            context.flushOutput();
            return exit.status;
        } catch (GuestExit exit) {
            if (context.otherHartsRunning()) {
                context.exitProcess(exit.status, this);
            }
            context.flushOutput();
            return exit.status;
        } catch (GuestFault fault) {
            context.flushOutput();
            context.report(fault.report());
            if (context.otherHartsRunning()) {
                context.exitProcess(128 + fault.signal, this);
            }
            return 128 + fault.signal;
        } finally {
            if (!stoppedAtMain) {
                context.endTracing();
            }
        }
    }

    @TruffleBoundary
    private Hart start(RiscvContext context) {
        if (context.program() != null) {
            throw new RiscvError("a RISC-V context runs one program; create a new context for another");
        }
        LoadedProgram program;
        try {
            program = ElfLoader.load(elf, context.memory);
        } catch (ElfFormatException e) {
            throw new RiscvError(name + ": " + e.getMessage());
        }
        context.setProgram(program, name);
        context.syscalls().setBrk(program.end);
        String[] args = context.env.getApplicationArguments();
        List<String> argv = args.length == 0 ? List.of(name) : Arrays.asList(args);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        Hart hart = new Hart(context, context.syscalls().pid(), context.maxCallDepth);
        context.setMainHart(hart);
        hart.setX(SP, ElfLoader.buildStack(context.memory, program, argv, context.env.getEnvironment(), random, context.syscalls().uid(),
                        context.syscalls().gid()));
        context.attachTracing();
        context.startTimeLimit();
        return hart;
    }
}
