package org.rvtrace.examples;

import java.io.File;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A tracer written in JavaScript: the program is loaded as a library, its ftrace member
 * registers a JS function as the callback of an ftrace_ops for the functions matching a
 * glob, then a guest function is called and the JS side reports what it counted.
 *
 * <pre>examples/run JsTracer PROGRAM GLOB FUNCTION [INTEGER...]
 * examples/run JsTracer tests/target/guests/O2-pfe/ftrace/mutual 'is_*' is_even 25</pre>
 */
public final class JsTracer {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: JsTracer PROGRAM GLOB FUNCTION [INTEGER...]");
            System.exit(2);
        }
        try (Context context = Context.newBuilder("riscv", "js").option("riscv.Library", "true").option("riscv.Ftrace", "nop").build()) {
            Value program = context.eval(Source.newBuilder("riscv", new File(args[0])).build());
            Value tracer = context.eval("js", """
                            ({
                              counts: new Map(),
                              call(name, ip, parentIp, tid) { this.counts.set(name, (this.counts.get(name) || 0) + 1); },
                              report() { return [...this.counts].map(([f, n]) => `${f}: ${n}`).join('\\n'); }
                            })
                            """);
            program.getMember("ftrace").invokeMember("onCall", tracer.getMember("call"), args[1]);
            Object[] arguments = new Object[args.length - 3];
            for (int i = 3; i < args.length; i++) {
                arguments[i - 3] = Long.parseLong(args[i]);
            }
            System.out.println(args[2] + " = " + program.getMember(args[2]).execute(arguments));
            System.out.println(tracer.invokeMember("report").asString());
        }
    }
}
