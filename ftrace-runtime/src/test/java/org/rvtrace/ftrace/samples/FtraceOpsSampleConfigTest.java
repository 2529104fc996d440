package org.rvtrace.ftrace.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.rvtrace.ftrace.ops.OpsFlags;
import org.rvtrace.ftrace.samples.FtraceOpsSample.Config;
import org.rvtrace.language.runtime.RiscvError;

/** The ftrace-ops sample's option syntax: relevant=R,irrelevant=I[,save-regs]. */
class FtraceOpsSampleConfigTest {
    @Test
    void parses() {
        assertEquals(new Config(1, 0, false), Config.parse(""), "the module's defaults");
        assertEquals(new Config(2, 10, false), Config.parse("relevant=2,irrelevant=10"));
        assertEquals(new Config(0, 100, true), Config.parse("irrelevant=100, relevant=0 ,save-regs"));
        assertEquals(new Config(1, 0, true), Config.parse("save-regs"));
        assertEquals(OpsFlags.DYNAMIC | OpsFlags.SAVE_REGS, Config.parse("save-regs").flags());
        assertEquals(OpsFlags.DYNAMIC, Config.parse("relevant=3").flags(), "the module's ops are kcalloc'ed: DYNAMIC");
    }

    @Test
    void printsWhatItParses() {
        for (String s : new String[] {"relevant=1,irrelevant=0", "relevant=10,irrelevant=100,save-regs"}) {
            assertEquals(s, Config.parse(s).arguments());
        }
    }

    @Test
    void rejectsWithAReason() {
        String[][] cases = {{"relevant=x", "relevant must be a number from 0 to 1000, not 'x'"}, {"irrelevant=-3", "irrelevant must be a number"},
            {"relevant=1001", "relevant must be a number"}, {"relevant", "relevant needs a number"}, {"relevant=", "relevant needs a number"},
            {"bogus", "unknown parameter 'bogus'"}, {"save-regs=yes", "save-regs takes no value"}, {"relevant=1,,irrelevant=2", "empty item"},
            {"irrelevant=1,irrelevant=2", "irrelevant given twice"}, {"relevant=500,irrelevant=501", "together at most 1000"}};
        for (String[] c : cases) {
            RiscvError e = assertThrows(RiscvError.class, () -> Config.parse(c[0]), c[0]);
            assertTrue(e.getMessage().startsWith("ftrace-ops sample: ") && e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
        }
    }
}
