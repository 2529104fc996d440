package org.rvtrace.language;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.StandardOpenOption;

import com.oracle.truffle.api.TruffleFile;

import org.rvtrace.language.elf.LoadedProgram;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.RiscvError;
import org.rvtrace.language.tracing.HostFunction;
import org.rvtrace.language.tracing.TracingHost;
import org.rvtrace.language.tracing.TracingOptions;

/** The language's side of {@link TracingHost}, for one process. */
final class GuestTracingHost implements TracingHost {
    private final RiscvContext context;
    private final TracingOptions options;

    GuestTracingHost(RiscvContext context, TracingOptions options) {
        this.context = context;
        this.options = options;
    }

    @Override
    public GuestMemory memory() {
        return context.memory;
    }

    @Override
    public LoadedProgram program() {
        return context.program();
    }

    @Override
    public TracingOptions options() {
        return options;
    }

    @Override
    public long reserve(long length, int prot, String name) {
        long at = context.reserveNearText(length, name);
        context.memory.protect(at, length, prot);
        if ((prot & GuestMemory.STABLE) != 0) {
            context.memory.markStable(at, length);
        }
        defineSymbol(name, at, length);
        return at;
    }

    @Override
    public long hostFunction(String name, HostFunction fn) {
        long at = context.hostCalls().add(fn);
        defineSymbol(name, at, org.rvtrace.language.runtime.HostCalls.STUB_BYTES);
        return at;
    }

    @Override
    public void splitPerCallSite(long pc) {
        context.code.splitPerCallSite(pc);
    }

    @Override
    public void trampolineText(long start, long length) {
        context.code.trampolineText(start, length);
    }

    @Override
    public void defineSymbol(String name, long addr, long size) {
        context.program().addSymbol(name, addr, size);
    }

    @Override
    public long[] stopMachine(Runnable work) {
        return context.stopMachine(work);
    }

    @Override
    public long symbol(String name) {
        LoadedProgram p = context.program();
        for (var s : p.elf.symbols) {
            if (s.name().equals(name) && s.value() != 0) {
                return s.value() + p.bias;
            }
        }
        return -1;
    }

    @Override
    public OutputStream err() {
        return context.err();
    }

    @Override
    public OutputStream openOutput(String path) throws IOException {
        TruffleFile file = context.env.getPublicTruffleFile(path);
        try {
            return file.newOutputStream(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (SecurityException e) {
            throw new IOException("access denied", e);
        }
    }

    @Override
    public String comm() {
        String name = context.programName();
        int slash = name.lastIndexOf('/');
        name = name.substring(slash + 1);
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    @Override
    public int pid() {
        return context.syscalls().pid();
    }

    static RiscvError noRoom(long length) {
        return new RiscvError("ftrace: no free guest memory for " + length + " bytes within 2 GiB of the program's text");
    }
}
