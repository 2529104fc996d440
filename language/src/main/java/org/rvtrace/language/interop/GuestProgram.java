package org.rvtrace.language.interop;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import org.rvtrace.language.RiscvContext;
import org.rvtrace.language.elf.ElfFile;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.Hart;

/**
 * A program loaded with riscv.Library, as embedders see it: its start-up has run, main has
 * not. Members are its symbols (functions are executable, data symbols are pointers) and
 * {@code memory}, the whole guest address space as a buffer.
 *
 * <pre>
 * Value lib = context.eval(source);          // with option riscv.Library=true
 * long r = lib.getMember("fib").execute(30).asLong();
 * long addr = lib.getMember("counter").asNativePointer();
 * int v = lib.getMember("memory").readBufferInt(ByteOrder.LITTLE_ENDIAN, addr);
 * </pre>
 */
@ExportLibrary(InteropLibrary.class)
public final class GuestProgram implements TruffleObject {
    static final String MEMORY = "memory";
    static final String FTRACE = "ftrace";

    final RiscvContext context;
    final GuestCalls calls;
    private final GuestMemoryBuffer memory;

    public GuestProgram(RiscvContext context, Hart hart) {
        this.context = context;
        this.calls = new GuestCalls(context, hart);
        this.memory = new GuestMemoryBuffer(context.memory);
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        List<String> names = new ArrayList<>();
        names.add(MEMORY);
        if (context.tracing() != null && context.tracing().interopControl() != null) {
            names.add(FTRACE);
        }
        for (ElfFile.Symbol s : context.program().elf.symbols) {
            if (s.value() != 0 && !s.name().isEmpty() && !names.contains(s.name())) {
                names.add(s.name());
            }
        }
        return new Names(names.toArray(new String[0]));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return member.equals(MEMORY) || (member.equals(FTRACE) && context.tracing() != null) || symbol(member) != null;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        if (member.equals(MEMORY)) {
            return memory;
        }
        if (member.equals(FTRACE) && context.tracing() != null && context.tracing().interopControl() != null) {
            return context.tracing().interopControl();
        }
        ElfFile.Symbol s = symbol(member);
        if (s == null) {
            throw UnknownIdentifierException.create(member);
        }
        long address = s.value() + context.program().bias;
        return s.isFunction() ? new GuestFunction(this, member, address) : new GuestPointer(address);
    }

    private ElfFile.Symbol symbol(String name) {
        for (ElfFile.Symbol s : context.program().elf.symbols) {
            if (s.name().equals(name) && s.value() != 0) {
                return s;
            }
        }
        return null;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends com.oracle.truffle.api.TruffleLanguage<?>> getLanguage() {
        return org.rvtrace.language.RiscvLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "RISC-V program " + context.programName() + " (stopped at main)";
    }

    GuestMemory memory() {
        return context.memory;
    }
}
