package org.rvtrace.language.tracing;

import java.io.IOException;
import java.io.OutputStream;

import org.rvtrace.language.elf.LoadedProgram;
import org.rvtrace.language.memory.GuestMemory;

/** What the language offers a tracer for one guest process. */
public interface TracingHost {
    GuestMemory memory();

    LoadedProgram program();

    TracingOptions options();

    /**
     * Maps length bytes (whole pages) of zeroed guest memory with the given page protection
     * ({@link GuestMemory#READ} | WRITE | EXEC, plus {@link GuestMemory#STABLE} for data compiled
     * code may take as constants until it is written), within reach of an {@code auipc}+{@code jalr}
     * pair (±2 GiB) from every byte of the program's text, and names it for /proc/self/maps
     * and for symbolization. Throws RiscvError when there is no room.
     */
    long reserve(long length, int prot, String name);

    /** A guest address that, when called, runs fn (see {@link HostFunction}); named in traces and faults. */
    long hostFunction(String name, HostFunction fn);

    /**
     * Compiles the function at pc separately for each call site that calls it: a trampoline
     * whose loads depend on its caller then speculates on each caller's words. Up to a
     * limit per function (CodeCache.MAX_COPIES_PER_FUNCTION); call sites beyond it share one
     * copy, which loads those words each time.
     */
    void splitPerCallSite(long pc);

    /**
     * Code in [start, start+length) is trampolines: it saves registers on the stack, calls
     * out and reloads them. Compiled code keeps the registers a trampoline writes in a
     * register scope of its own (machine registers, written back to the hart when control
     * leaves it, and only where they changed), and forwards its sd/ld through sp, so that
     * reloads of unchanged registers cost nothing (see the language's RegisterHomes).
     * Elsewhere both would cost compile time for little gain.
     */
    void trampolineText(long start, long length);

    /** Names [addr, addr+size) in symbolization (trampolines, stubs, ops). */
    void defineSymbol(String name, long addr, long size);

    /**
     * Linux's stop_machine: runs work while every other hart of the process is parked at a
     * safepoint (a synchronous thread-local action), for changes no hart may see half done.
     * Returns how long the harts were stalled: {longest, total} in nanoseconds.
     */
    long[] stopMachine(Runnable work);

    /** The address of a data or function symbol of the program, or -1. */
    long symbol(String name);

    /** The guest's stderr. */
    OutputStream err();

    /** Opens (creates or truncates) a host file for the trace, honouring the context's file access rights. */
    OutputStream openOutput(String path) throws IOException;

    /** The process name as Linux's comm shows it (the program's file name, at most 15 bytes). */
    String comm();

    int pid();
}
