package org.rvtrace.ftrace.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.ftrace.filter.FunctionFilter;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.language.interop.Names;
import org.rvtrace.language.runtime.Hart;
import org.rvtrace.language.runtime.RiscvError;

/**
 * ftrace for any GraalVM language: the {@code ftrace} member of a program loaded with
 * riscv.Library. Its methods:
 * <ul>
 * <li>{@code onCall(callback, glob...)}: every call of a function matching a glob (none: all)
 * calls {@code callback(name, ip, parentIp, tid)}; returns a handle number;
 * <li>{@code onReturn(callback, glob...)}: the same for returns, {@code callback(name,
 * duration, unwound, cpu)};
 * <li>{@code remove(handle)}: unregisters it (its sites are unpatched);
 * <li>{@code setTracer(name)}, {@code setRecording(on)}, {@code setFilter(glob...)}: as the
 * tracefs files current_tracer, tracing_on and set_ftrace_filter.
 * </ul>
 * The callback is an ordinary ftrace_ops callback reached through a host-call stub; it may
 * be written in JavaScript, Python, Java, ...
 */
@ExportLibrary(InteropLibrary.class)
public final class FtraceControl implements TruffleObject {
    private static final String[] MEMBERS = {"onCall", "onReturn", "remove", "setTracer", "setRecording", "setFilter"};
    private static final int A3 = 13;
    private static final int A0 = 10;
    private static final int A1 = 11;

    private final Ftrace ftrace;
    private final Map<Integer, FtraceOps> handles = new ConcurrentHashMap<>();
    private final AtomicInteger nextHandle = new AtomicInteger(1);

    public FtraceControl(Ftrace ftrace) {
        this.ftrace = ftrace;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new Names(MEMBERS);
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        for (String m : MEMBERS) {
            if (m.equals(member)) {
                return true;
            }
        }
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] args) throws UnknownIdentifierException, ArityException, UnsupportedTypeException {
        InteropLibrary lib = InteropLibrary.getUncached();
        try {
            switch (member) {
                case "onCall": {
                    if (args.length < 1) {
                        throw ArityException.create(1, -1, args.length);
                    }
                    Object callback = args[0];
                    if (!lib.isExecutable(callback)) {
                        throw UnsupportedTypeException.create(args, "onCall needs a function to call");
                    }
                    List<String> globs = strings(args, 1);
                    return onCall(callback, globs);
                }
                case "onReturn": {
                    if (args.length < 1) {
                        throw ArityException.create(1, -1, args.length);
                    }
                    if (!lib.isExecutable(args[0])) {
                        throw UnsupportedTypeException.create(args, "onReturn needs a function to call");
                    }
                    return onReturn(args[0], strings(args, 1));
                }
                case "remove": {
                    expect(args, 1);
                    FtraceOps ops = handles.remove(lib.asInt(args[0]));
                    if (ops != null) {
                        ftrace.unregister(ops);
                    }
                    return ops != null;
                }
                case "setTracer":
                    expect(args, 1);
                    ftrace.setTracer(lib.asString(args[0]));
                    return true;
                case "setRecording":
                    expect(args, 1);
                    ftrace.setRecording(lib.asBoolean(args[0]));
                    return true;
                case "setFilter":
                    ftrace.setFilter(new FunctionFilter(strings(args, 0), ftrace.filter().notrace()));
                    return true;
                default:
                    throw UnknownIdentifierException.create(member);
            }
        } catch (UnsupportedMessageException e) {
            throw UnsupportedTypeException.create(args, "bad argument for " + member);
        } catch (IllegalArgumentException e) {
            throw new RiscvError("ftrace." + member + ": " + e.getMessage());
        }
    }

    private static void expect(Object[] args, int n) throws ArityException {
        if (args.length != n) {
            throw ArityException.create(n, n, args.length);
        }
    }

    private static List<String> strings(Object[] args, int from) throws UnsupportedMessageException {
        List<String> r = new ArrayList<>();
        for (int i = from; i < args.length; i++) {
            r.add(InteropLibrary.getUncached().asString(args[i]));
        }
        return r;
    }

    private int onCall(Object callback, List<String> globs) {
        int handle = nextHandle.getAndIncrement();
        long func = ftrace.hostFunction("polyglot_tracer_" + handle, hart -> call(callback, hart));
        FtraceOps ops = new FtraceOps("polyglot" + handle, 0, new FunctionFilter(globs, List.of()), func, 0);
        handles.put(handle, ops);
        ftrace.register(ops);
        return handle;
    }

    /**
     * Like onCall, but the callback hears of the function's return (function_graph's
     * mechanism: return_to_handler and the shadow stack): callback(name, duration, unwound,
     * cpu), the duration in the trace clock's unit (ns, or events with the counter clock),
     * unwound being true for a frame a longjmp left.
     */
    private int onReturn(Object callback, List<String> globs) {
        int handle = nextHandle.getAndIncrement();
        Ftrace.ReturnListener listener = (t, cpu, depth, site, start, end, unwound) -> returned(callback, site, end - start, unwound, cpu);
        long func = ftrace.hostFunction("polyglot_return_" + handle, hart -> hook(hart, listener));
        FtraceOps ops = new FtraceOps("polyglot" + handle, 0, new FunctionFilter(globs, List.of()), func, 0);
        handles.put(handle, ops);
        ftrace.register(ops);
        return handle;
    }

    @TruffleBoundary
    private void hook(Hart hart, Ftrace.ReturnListener listener) {
        PatchSite site = ftrace.siteOf(hart.getX(A0));
        if (site != null) {
            ftrace.hookReturn(hart, org.rvtrace.ftrace.tracer.HartTracing.of(hart), hart.getX(A3), site, ftrace.clock().now(), listener);
        }
    }

    @TruffleBoundary
    private static void returned(Object callback, PatchSite site, long nanos, boolean unwound, int cpu) {
        try {
            InteropLibrary.getUncached().execute(callback, site.name, nanos, unwound, cpu);
        } catch (InteropException e) {
            throw new RiscvError("ftrace: the return callback failed: " + e.getMessage());
        }
    }

    /** The ops callback: (ip, parent_ip, ops, fregs) in a0..a3; the polyglot one gets (name, ip, parentIp, tid). */
    @TruffleBoundary
    private void call(Object callback, Hart hart) {
        long ip = hart.getX(A0);
        long parent = hart.getX(A1);
        PatchSite site = ftrace.siteOf(ip);
        String name = site != null ? site.name : ftrace.functionName(ip);
        try {
            InteropLibrary.getUncached().execute(callback, name, ip, parent, hart.tid);
        } catch (InteropException e) {
            throw new RiscvError("ftrace: the tracer callback failed: " + e.getMessage());
        }
    }
}
