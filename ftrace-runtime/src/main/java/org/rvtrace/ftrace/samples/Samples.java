package org.rvtrace.ftrace.samples;

import org.rvtrace.ftrace.Ftrace;
import org.rvtrace.language.runtime.RiscvError;

/** The built-in samples the riscv.FtraceSample option loads, like kernel sample modules. */
public final class Samples {
    private Samples() {
    }

    /** Loads the sample a riscv.FtraceSample value names ("name:arguments"); null loads nothing. */
    public static void load(Ftrace ftrace, String spec) {
        if (spec == null) {
            return;
        }
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String args = colon < 0 ? "" : spec.substring(colon + 1);
        switch (name) {
            case "ftrace-ops" -> FtraceOpsSample.load(ftrace, args);
            case "patch-stress" -> PatchStressSample.load(ftrace, args);
            default -> throw new RiscvError("ftrace: unknown sample '" + name + "'");
        }
    }
}
