package org.rvtrace.language.interop;

import java.nio.ByteOrder;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidBufferOffsetException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import org.rvtrace.language.memory.GuestMemory;

/**
 * The guest address space as an interop buffer (offset = guest address). Reads need a
 * readable page, writes a writable one, as for the guest itself; anything else is an
 * invalid offset. Writes into code invalidate its translations, as a guest store would.
 */
@ExportLibrary(InteropLibrary.class)
final class GuestMemoryBuffer implements TruffleObject {
    private final GuestMemory mem;

    GuestMemoryBuffer(GuestMemory mem) {
        this.mem = mem;
    }

    @ExportMessage
    boolean hasBufferElements() {
        return true;
    }

    @ExportMessage
    boolean isBufferWritable() {
        return true;
    }

    @ExportMessage
    long getBufferSize() {
        return GuestMemory.WINDOW;
    }

    @TruffleBoundary
    private long read(long at, int size) throws InvalidBufferOffsetException {
        if (!mem.accessible(at, size, GuestMemory.READ)) {
            throw InvalidBufferOffsetException.create(at, size);
        }
        byte[] b = mem.read(at, size);
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    @TruffleBoundary
    private void write(long at, int size, long value) throws InvalidBufferOffsetException {
        if (!mem.accessible(at, size, GuestMemory.WRITE)) {
            throw InvalidBufferOffsetException.create(at, size);
        }
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        mem.write(at, b);
    }

    private static long swap(ByteOrder order, long v, int size) {
        if (order == ByteOrder.LITTLE_ENDIAN) {
            return v;
        }
        return switch (size) {
            case 2 -> Short.reverseBytes((short) v) & 0xffffL;
            case 4 -> Integer.reverseBytes((int) v) & 0xffffffffL;
            default -> Long.reverseBytes(v);
        };
    }

    @ExportMessage
    byte readBufferByte(long offset) throws InvalidBufferOffsetException {
        return (byte) read(offset, 1);
    }

    @ExportMessage
    void writeBufferByte(long offset, byte value) throws InvalidBufferOffsetException {
        write(offset, 1, value);
    }

    @ExportMessage
    short readBufferShort(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return (short) swap(order, read(offset, 2), 2);
    }

    @ExportMessage
    void writeBufferShort(ByteOrder order, long offset, short value) throws InvalidBufferOffsetException {
        write(offset, 2, swap(order, value & 0xffffL, 2));
    }

    @ExportMessage
    int readBufferInt(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return (int) swap(order, read(offset, 4), 4);
    }

    @ExportMessage
    void writeBufferInt(ByteOrder order, long offset, int value) throws InvalidBufferOffsetException {
        write(offset, 4, swap(order, value & 0xffffffffL, 4));
    }

    @ExportMessage
    long readBufferLong(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return swap(order, read(offset, 8), 8);
    }

    @ExportMessage
    void writeBufferLong(ByteOrder order, long offset, long value) throws InvalidBufferOffsetException {
        write(offset, 8, swap(order, value, 8));
    }

    @ExportMessage
    float readBufferFloat(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return Float.intBitsToFloat(readBufferInt(order, offset));
    }

    @ExportMessage
    void writeBufferFloat(ByteOrder order, long offset, float value) throws InvalidBufferOffsetException {
        writeBufferInt(order, offset, Float.floatToRawIntBits(value));
    }

    @ExportMessage
    double readBufferDouble(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return Double.longBitsToDouble(readBufferLong(order, offset));
    }

    @ExportMessage
    void writeBufferDouble(ByteOrder order, long offset, double value) throws InvalidBufferOffsetException {
        writeBufferLong(order, offset, Double.doubleToRawLongBits(value));
    }
}
