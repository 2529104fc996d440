package org.rvtrace.examples;

import java.io.File;
import java.nio.ByteOrder;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Uses a RISC-V program as a library: with riscv.Library its start-up runs (the C library
 * is initialised) and main does not; its functions can then be called with integer or
 * pointer arguments, its data symbols are pointers into its memory, a buffer.
 *
 * <pre>examples/run CallFunction PROGRAM FUNCTION [INTEGER...]
 * examples/run CallFunction tests/target/guests/O2-rv64gc/embed/mathlib fib 30</pre>
 */
public final class CallFunction {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CallFunction PROGRAM FUNCTION [INTEGER...]");
            System.exit(2);
        }
        try (Context context = Context.newBuilder("riscv").option("riscv.Library", "true").build()) {
            Value program = context.eval(Source.newBuilder("riscv", new File(args[0])).build());
            Value function = program.getMember(args[1]);
            if (function == null || !function.canExecute()) {
                System.err.println(args[1] + " is not a function of " + args[0]);
                System.exit(1);
            }
            Object[] arguments = new Object[args.length - 2];
            for (int i = 2; i < args.length; i++) {
                arguments[i - 2] = Long.parseLong(args[i]);
            }
            long started = System.nanoTime();
            long result = function.execute(arguments).asLong();
            System.out.printf("%s(%s) = %d   (%.1f ms)%n", args[1], String.join(", ", java.util.Arrays.copyOfRange(args, 2, args.length)), result,
                            (System.nanoTime() - started) / 1e6);
            // Data symbols are pointers; the memory member reads them.
            Value counter = program.getMember("counter");
            if (counter != null && counter.isNativePointer()) {
                System.out.println("counter = " + program.getMember("memory").readBufferLong(ByteOrder.LITTLE_ENDIAN, counter.asNativePointer()));
            }
        }
    }
}
