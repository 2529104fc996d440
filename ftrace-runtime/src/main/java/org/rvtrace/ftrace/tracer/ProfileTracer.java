package org.rvtrace.ftrace.tracer;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.output.ProfileFormat;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.language.runtime.Hart;

/**
 * Linux's function profiler (trace_stat/function*): hits per function, and with a real
 * clock the time spent in it (children included, Linux's graph-time default), written as a
 * table when the process ends.
 */
final class ProfileTracer extends Tracer {
    private static final int A0 = 10;
    private static final int A3 = 13;

    private final FtraceOps ops;
    /** Every hart's hit counts, summed at the end. */
    private final java.util.List<long[]> hitsPerHart = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long[] time;
    private final double[] squares;
    private final boolean timed;

    ProfileTracer(Ftrace session) {
        super(session);
        long func = session.hostFunction("function_profile_call", this::call);
        this.ops = new FtraceOps("profile", 0, null, func, 0);
        int n = session.sites().size();
        this.time = new long[n];
        this.squares = new double[n];
        this.timed = session.clock().nanos();
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
     * function_profile_call(ip, parent_ip, ops, fregs). Counting is inlined into the compiled
     * guest code (the site number is a constant there); only timing leaves it.
     */
    private void call(Hart hart) {
        if (!session.recording()) {
            return;
        }
        int site = session.siteIndexOf(hart.getX(A0));
        if (site < 0) {
            return;
        }
        // Each hart counts in its own array: no atomic, no contention.
        HartTracing t = HartTracing.of(hart);
        long[] hits = t.profileHits;
        if (hits == null) {
            hits = newHits(t);
        }
        hits[site]++;
        if (timed) {
            time(hart, site, hart.getX(A3));
        }
    }

    @TruffleBoundary
    private long[] newHits(HartTracing t) {
        long[] hits = new long[session.sites().size()];
        t.profileHits = hits;
        hitsPerHart.add(hits);
        return hits;
    }

    @TruffleBoundary
    private void time(Hart hart, int site, long fregs) {
        session.hookReturn(hart, HartTracing.of(hart), fregs, session.sites().get(site), session.clock().now(), this);
    }

    @Override
    public synchronized void functionReturned(HartTracing hart, int cpu, int depth, PatchSite site, long start, long end, boolean unwound) {
        if (!unwound) {
            long d = end - start;
            time[site.index] += d;
            squares[site.index] += (double) d * d;
        }
    }

    /** The hit count of a site so far, over all harts (for the control API and tests). */
    public long hits(PatchSite site) {
        long n = 0;
        for (long[] h : hitsPerHart) {
            n += h[site.index];
        }
        return n;
    }

    @Override
    public synchronized void end() {
        List<ProfileFormat.Entry> entries = new ArrayList<>();
        for (PatchSite site : session.sites()) {
            long n = hits(site);
            if (n > 0) {
                entries.add(new ProfileFormat.Entry(site.name, n, time[site.index], squares[site.index]));
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
