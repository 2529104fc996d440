package org.rvtrace.language.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A guest function of a {@link GuestProgram}: executing it calls it with up to eight
 * integer or pointer arguments (a0..a7, the RISC-V calling convention) on the program's
 * main hart and returns a0 as a long. It is also a pointer (its address), so it can be
 * passed to guest code as a callback.
 */
@ExportLibrary(InteropLibrary.class)
final class GuestFunction implements TruffleObject {
    private static final int MAX_ARGS = 8;

    final GuestProgram program;
    final String name;
    final long address;

    GuestFunction(GuestProgram program, String name, long address) {
        this.program = program;
        this.name = name;
        this.address = address;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    Object execute(Object[] arguments, @CachedLibrary(limit = "3") InteropLibrary values) throws ArityException, UnsupportedTypeException {
        if (arguments.length > MAX_ARGS) {
            throw ArityException.create(0, MAX_ARGS, arguments.length);
        }
        long[] args = new long[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            args[i] = toWord(arguments, i, values);
        }
        return call(args);
    }

    private static long toWord(Object[] arguments, int i, InteropLibrary values) throws UnsupportedTypeException {
        Object a = arguments[i];
        try {
            if (values.fitsInLong(a)) {
                return values.asLong(a);
            }
            if (values.isPointer(a)) {
                return values.asPointer(a);
            }
            if (values.isBoolean(a)) {
                return values.asBoolean(a) ? 1 : 0;
            }
        } catch (UnsupportedMessageException e) {
            // reported below
        }
        throw UnsupportedTypeException.create(arguments, "argument " + (i + 1) + " is not an integer or a pointer");
    }

    @TruffleBoundary
    private Object call(long[] args) {
        return program.calls.call(address, args);
    }

    @ExportMessage
    boolean isPointer() {
        return true;
    }

    @ExportMessage
    long asPointer() {
        return address;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return name + " at 0x" + Long.toHexString(address);
    }
}
