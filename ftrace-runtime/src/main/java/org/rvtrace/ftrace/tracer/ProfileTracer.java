package org.rvtrace.ftrace.tracer;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.output.ProfileFormat;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.tracing.HostFunction;
import org.rvtrace.language.tracing.HostProcedure;

/**
 * Linux's function profiler (trace_stat/function*): hits per function, and with a real
 * clock the time spent in it (children included, Linux's graph-time default), written as a
 * table when the process ends.
 */
final class ProfileTracer extends Tracer {
    private final FtraceOps ops;
    /** Every hart's counts, summed at the end. */
    private final List<Counts> perHart = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final boolean timed;

    /**
     * One hart's hits, time and squared times, by site. Each hart counts in its own arrays:
     * no atomic, no lock and no contention on the hot path (a lock per return cost more
     * than the rest of the return hook).
     */
    static final class Counts {
        final long[] hits;
        final long[] time;
        final double[] squares;

        Counts(int sites) {
            hits = new long[sites];
            time = new long[sites];
            squares = new double[sites];
        }
    }

    ProfileTracer(Ftrace session) {
        super(session);
        this.timed = session.clock().nanos();
        // Counting only, the callback leaves guest memory alone; timing rewrites fregs->ra.
        HostFunction callback = timed ? HostProcedure.of(this::call) : HostProcedure.leavingMemoryAlone(this::call);
        long func = session.hostFunction("function_profile_call", callback);
        this.ops = new FtraceOps("profile", 0, null, func, 0);
    }

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public FtraceOps ops() {
        return ops;
    }

    /**
     * function_profile_call(ip, parent_ip, ops, fregs), inlined into the compiled guest code
     * (the site number is a constant there), timing included.
     */
    private void call(Hart hart, long ip, long parentIp, long op, long fregs) {
        if (!session.recording()) {
            return;
        }
        int site = session.siteIndexOf(ip);
        if (site < 0) {
            return;
        }
        HartTracing t = HartTracing.of(hart);
        Counts counts = t.profile;
        if (counts == null) {
            // Once per hart. Out of compiled code rather than a call from it: after a call on
            // any path Graal forgets what it knew from memory.
            CompilerDirectives.transferToInterpreter();
            counts = newCounts(t);
        }
        counts.hits[site]++;
        if (timed) {
            time(hart, site, fregs);
        }
    }

    @TruffleBoundary
    private Counts newCounts(HartTracing t) {
        Counts counts = new Counts(session.sites().size());
        t.profile = counts;
        perHart.add(counts);
        return counts;
    }

    /** Also inlined: the shadow-stack push and the clock read are a few loads and stores. */
    private void time(Hart hart, int site, long fregs) {
        session.hookReturn(hart, HartTracing.of(hart), fregs, session.sites().get(site), session.clock().now(), this);
    }

    /** Runs on the hart that returned (its counts exist: it made the call). */
    @Override
    public void functionReturned(HartTracing hart, int cpu, int depth, PatchSite site, long start, long end, boolean unwound) {
        if (!unwound) {
            long d = end - start;
            Counts counts = hart.profile;
            counts.time[site.index] += d;
            counts.squares[site.index] += (double) d * d;
        }
    }

    /** The hit count of a site so far, over all harts (for the control API and tests). */
    public long hits(PatchSite site) {
        long n = 0;
        for (Counts c : perHart) {
            n += c.hits[site.index];
        }
        return n;
    }

    @Override
    public synchronized void end() {
        List<ProfileFormat.Entry> entries = new ArrayList<>();
        for (PatchSite site : session.sites()) {
            long n = 0;
            long time = 0;
            double squares = 0;
            for (Counts c : perHart) {
                n += c.hits[site.index];
                time += c.time[site.index];
                squares += c.squares[site.index];
            }
            if (n > 0) {
                entries.add(new ProfileFormat.Entry(site.name, n, time, squares));
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder(timed ? ProfileFormat.header() : ProfileFormat.headerHitsOnly());
        for (ProfileFormat.Entry e : ProfileFormat.sort(entries, timed)) {
            b.append(timed ? ProfileFormat.row(e) : ProfileFormat.rowHitsOnly(e.function(), e.hits())).append('\n');
        }
        session.output().write(b.toString());
    }
}
