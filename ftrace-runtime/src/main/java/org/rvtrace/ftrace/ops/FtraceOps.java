package org.rvtrace.ftrace.ops;

import org.rvtrace.ftrace.filter.FunctionFilter;

/**
 * An ftrace_ops as registered with a session: what it traces (its filter, the hashes of
 * Linux) and what a traced call runs (a guest function address, usually a host-call stub
 * of a Java tracer, or a direct trampoline). Its {@code struct ftrace_ops} lives in guest
 * memory at {@link #address} while it is registered.
 */
public final class FtraceOps {
    public final String name;
    public final long flags;
    public final FunctionFilter filter;
    /** Guest address of the callback. */
    public final long func;
    /** Guest address of a direct trampoline, or 0. */
    public final long directCall;

    /** Set while registered (guarded by the session). */
    long address;
    int id;

    public FtraceOps(String name, long flags, FunctionFilter filter, long func, long directCall) {
        this.name = name;
        this.flags = flags;
        this.filter = filter;
        this.func = func;
        this.directCall = directCall;
    }

    public long address() {
        return address;
    }

    public boolean registered() {
        return address != 0;
    }

    public boolean needsWrapper() {
        return OpsFlags.needsWrapper(flags);
    }

    /** See {@link OpsFlags#needsListFunction}. */
    public boolean needsListFunction() {
        return OpsFlags.needsListFunction(flags);
    }

    @Override
    public String toString() {
        return name;
    }
}
