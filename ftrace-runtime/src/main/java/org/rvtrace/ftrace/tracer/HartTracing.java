package org.rvtrace.ftrace.tracer;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import org.rvtrace.language.runtime.Hart;

/**
 * A hart's tracing state: the recursion guard of the list function and the shadow stack of
 * return addresses the graph tracers swapped for return_to_handler (Linux keeps both per
 * task). Only the hart itself touches it.
 */
public final class HartTracing {
    /** Set while the list function runs callbacks on this hart. */
    public boolean inCallback;
    /** The profiler's counts of this hart (summed over harts at the end). */
    ProfileTracer.Counts profile;
    /** The graph tracer's entry not printed yet (see GraphTracer), and its depth. */
    Object pendingEntry;
    int pendingDepth;
    /** The CPU number traces show for this hart. */
    int cpu;

    private long[] returns = new long[64];
    private long[] sps = new long[64];
    private int[] sites = new int[64];
    private long[] starts = new long[64];
    /** Who hooked each frame's return (see Ftrace.ReturnListener). */
    private Object[] owners = new Object[64];
    private int depth;

    public static HartTracing of(Hart hart) {
        Object t = hart.tracing;
        if (t == null) {
            HartTracing fresh = new HartTracing();
            hart.tracing = fresh;
            return fresh;
        }
        return (HartTracing) t;
    }

    public int depth() {
        return depth;
    }

    /** Runs inside compiled guest code (the graph tracers' entry hooks): growing is out of line. */
    public void push(long returnAddress, long sp, int site, long start, Object owner) {
        if (depth == returns.length) {
            grow();
        }
        returns[depth] = returnAddress;
        sps[depth] = sp;
        sites[depth] = site;
        starts[depth] = start;
        owners[depth] = owner;
        depth++;
    }

    @TruffleBoundary
    private void grow() {
        int n = depth * 2;
        owners = Arrays.copyOf(owners, n);
        returns = Arrays.copyOf(returns, n);
        sps = Arrays.copyOf(sps, n);
        sites = Arrays.copyOf(sites, n);
        starts = Arrays.copyOf(starts, n);
    }

    /** The top frame's fields (depth must be positive). */
    public long topReturn() {
        return returns[depth - 1];
    }

    public long topSp() {
        return sps[depth - 1];
    }

    public int topSite() {
        return sites[depth - 1];
    }

    public long topStart() {
        return starts[depth - 1];
    }

    public Object topOwner() {
        return owners[depth - 1];
    }

    public void pop() {
        owners[depth - 1] = null;
        depth--;
    }
}
