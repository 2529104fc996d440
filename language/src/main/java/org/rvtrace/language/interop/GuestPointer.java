package org.rvtrace.language.interop;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A guest address (a data symbol): a pointer for interop, usable as a call argument. */
@ExportLibrary(InteropLibrary.class)
final class GuestPointer implements TruffleObject {
    final long address;

    GuestPointer(long address) {
        this.address = address;
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
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "0x" + Long.toHexString(address);
    }
}
