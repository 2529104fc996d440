package org.rvtrace.ftrace.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.filter.FunctionFilter;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.runtime.RiscvError;
import org.rvtrace.language.tracing.HostProcedure;

/**
 * Patching while harts run (issue 5): the guest program benchmarks/patch-stress runs N
 * harts calling stress_fn0..7 in a loop; this sample, once the guest says it is ready,
 * enables and disables tracing of those functions K times from a host thread, then tells
 * the guest to stop. With CALL_OPS each change is single atomic stores and the harts never
 * stop; with the list scheme each change parks every hart (stop_machine) while two
 * instructions per site are rewritten. At the end it prints
 * {@code patch-stress: scheme=S harts=N toggles=K calls=C traced=T errors=E max_stall_us=M total_stall_us=U}.
 *
 * <p>Errors: a traced call whose ip is not one of the stress functions (a torn or stale
 * site), traced calls exceeding calls made, wrong results the guest saw, or a guest that
 * did not start or stop.
 */
final class PatchStressSample {
    private final Ftrace ftrace;
    private final int toggles;
    private final AtomicLong traced = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile int togglesDone;

    private PatchStressSample(Ftrace ftrace, int toggles) {
        this.ftrace = ftrace;
        this.toggles = toggles;
    }

    static void load(Ftrace ftrace, String args) {
        int toggles = 1000;
        for (String a : args.split(",")) {
            if (a.isBlank()) {
                continue;
            }
            if (a.startsWith("toggles=")) {
                try {
                    toggles = Integer.parseInt(a.substring("toggles=".length()));
                } catch (NumberFormatException e) {
                    toggles = -1;
                }
                if (toggles < 0) {
                    throw new RiscvError("ftrace: patch-stress: toggles must be a number >= 0: " + a);
                }
            } else {
                throw new RiscvError("ftrace: patch-stress: unknown argument '" + a + "' (toggles=K)");
            }
        }
        new PatchStressSample(ftrace, toggles).start();
    }

    private void start() {
        long ready = symbol("stress_ready");
        long stop = symbol("stress_stop");
        for (int k = 0; k < 8; k++) {
            PatchSite s = ftrace.site("stress_fn" + k);
            if (s == null || !s.usable()) {
                throw new RiscvError("ftrace: patch-stress: the program has no usable patch site stress_fn" + k
                                + " (run it on benchmarks/patch-stress built with -fpatchable-function-entry)");
            }
        }
        FtraceOps ops = new FtraceOps("patch_stress", 0, new FunctionFilter(List.of("stress_fn*"), List.of()),
                        ftrace.hostFunction("patch_stress_call", HostProcedure.leavingMemoryAlone((h, ip, parentIp, op, fregs) -> {
                            PatchSite site = ftrace.siteOf(ip);
                            if (site == null || !site.name.startsWith("stress_fn")) {
                                errors.incrementAndGet();
                            } else {
                                traced.incrementAndGet();
                            }
                        })), 0);
        GuestMemory mem = ftrace.memory();
        Thread toggler = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (mem.getVolatile32(ready) == 0) {
                if (System.nanoTime() > deadline) {
                    errors.incrementAndGet();
                    break;
                }
                LockSupport.parkNanos(200_000);
            }
            for (int i = 0; i < toggles; i++) {
                if (i % 2 == 0) {
                    ftrace.register(ops);
                } else {
                    ftrace.unregister(ops);
                }
                togglesDone = i + 1;
                LockSupport.parkNanos(20_000);
            }
            ftrace.unregister(ops);
            mem.writeIntAtomic(stop, 1);
        }, "patch-stress toggler");
        toggler.setDaemon(true);
        toggler.start();
        ftrace.atEnd(() -> report(mem));
    }

    private long symbol(String name) {
        long at = ftrace.host().symbol(name);
        if (at < 0) {
            throw new RiscvError("ftrace: patch-stress: the program has no symbol " + name + " (run it on benchmarks/patch-stress)");
        }
        return at;
    }

    private void report(GuestMemory mem) {
        long calls = mem.readLong(symbol("stress_calls"));
        long harts = mem.readLong(symbol("stress_harts"));
        long guestErrors = mem.readLong(symbol("stress_errors"));
        long t = traced.get();
        long e = errors.get() + guestErrors + (t > calls ? 1 : 0) + (togglesDone < toggles ? 1 : 0);
        long[] stall = ftrace.stallNanos();
        String line = String.format("patch-stress: scheme=%s harts=%d toggles=%d calls=%d traced=%d errors=%d max_stall_us=%d total_stall_us=%d%n",
                        ftrace.scheme().option, harts, togglesDone, calls, t, e, stall[0] / 1000, stall[1] / 1000);
        try {
            ftrace.host().err().write(line.getBytes(StandardCharsets.UTF_8));
            ftrace.host().err().flush();
        } catch (IOException ex) {
            // stderr is gone
        }
    }
}
