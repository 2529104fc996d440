package org.rvtrace.ftrace.tracer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Where trace lines go: a file of its own (closed at the end) or the guest's stderr (only
 * flushed, and flushed at every line so it interleaves sensibly with the program's own
 * stderr). Nothing written is lost: the session closes it when the process ends.
 */
public final class TraceOutput {
    private final Writer out;
    private final OutputStream stream;
    private final boolean ownsStream;
    private IOException failure;

    public TraceOutput(OutputStream stream, boolean ownsStream) {
        this.stream = stream;
        this.ownsStream = ownsStream;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Writes text (whole lines, newline included). */
    @TruffleBoundary
    public synchronized void write(String text) {
        if (failure != null) {
            return;
        }
        try {
            out.write(text);
            if (!ownsStream) {
                out.flush();
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Writes one line; the newline is added. */
    @TruffleBoundary
    public void writeLine(String line) {
        write(line + "\n");
    }

    /** Flushes and, for a file, closes; returns the first write error, if any. */
    public synchronized IOException close() {
        try {
            out.flush();
            if (ownsStream) {
                stream.close();
            } else {
                stream.flush();
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        return failure;
    }
}
