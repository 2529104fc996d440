package org.rvtrace.language;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.nodes.Node;

import org.rvtrace.language.elf.LoadedProgram;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.CodeCache;
import org.rvtrace.language.syscall.Syscalls;

/** One guest process: its address space, translated code, open files and options. */
public final class RiscvContext {
    private static final ContextReference<RiscvContext> REFERENCE = ContextReference.create(RiscvLanguage.class);

    public final RiscvLanguage language;
    public final Env env;
    public final GuestMemory memory;
    public final CodeCache code;
    public final boolean strace;
    public final int maxCallDepth;
    private final Syscalls syscalls;
    private LoadedProgram program;

    RiscvContext(RiscvLanguage language, Env env) {
        this.language = language;
        this.env = env;
        this.memory = new GuestMemory();
        this.code = new CodeCache(language, this, memory);
        this.strace = env.getOptions().get(RiscvLanguage.Strace);
        this.maxCallDepth = env.getOptions().get(RiscvLanguage.MaxCallDepth);
        this.syscalls = new Syscalls(this);
    }

    public static RiscvContext get(Node node) {
        return REFERENCE.get(node);
    }

    public Syscalls syscalls() {
        return syscalls;
    }

    public LoadedProgram program() {
        return program;
    }

    public void setProgram(LoadedProgram program) {
        this.program = program;
    }

    public String symbolize(long pc) {
        return program == null ? "0x" + Long.toHexString(pc) : program.symbolize(pc);
    }

    public OutputStream out() {
        return env.out();
    }

    public OutputStream err() {
        return env.err();
    }

    /** A line for the user on the guest's stderr stream (fault reports, strace). */
    public void report(String line) {
        PrintStream p = new PrintStream(env.err(), true);
        p.println(line);
        p.flush();
    }

    public void flushOutput() {
        try {
            env.out().flush();
            env.err().flush();
        } catch (IOException e) {
            // nothing left to tell anyone
        }
    }

    void dispose() {
        syscalls.closeAll();
        memory.close();
    }
}
