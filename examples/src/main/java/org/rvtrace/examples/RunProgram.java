package org.rvtrace.examples;

import java.io.File;
import java.util.Arrays;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs a RISC-V program as a Java application would: arguments, environment and standard
 * streams come from the Context builder, the exit status from the evaluation.
 *
 * <pre>examples/run RunProgram PROGRAM [ARGS...]</pre>
 */
public final class RunProgram {
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: RunProgram PROGRAM [ARGS...]");
            System.exit(2);
        }
        try (Context context = Context.newBuilder("riscv")
                        .arguments("riscv", args)                 // argv[0] is the program
                        .environment("GREETING", "from Java")     // the guest's environment
                        .allowIO(IOAccess.ALL)                    // guest file access (denied by default)
                        .in(System.in).out(System.out).err(System.err)
                        .build()) {
            int status = context.eval(Source.newBuilder("riscv", new File(args[0])).build()).asInt();
            System.err.println("[RunProgram] " + args[0] + " " + Arrays.toString(Arrays.copyOfRange(args, 1, args.length)) + " exited with " + status);
            System.exit(status);
        } catch (PolyglotException e) {
            if (e.isExit()) {
                System.exit(e.getExitStatus());
            }
            System.err.println("[RunProgram] " + e.getMessage());
            System.exit(1);
        }
    }
}
