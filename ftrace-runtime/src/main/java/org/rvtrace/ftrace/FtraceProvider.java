package org.rvtrace.ftrace;

import org.rvtrace.language.tracing.GuestTracing;
import org.rvtrace.language.tracing.TracingHost;
import org.rvtrace.language.tracing.TracingProvider;

/** The language finds ftrace through this service. */
public final class FtraceProvider implements TracingProvider {
    @Override
    public GuestTracing attach(TracingHost host) {
        return Ftrace.attach(host);
    }
}
