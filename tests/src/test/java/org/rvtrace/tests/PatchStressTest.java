package org.rvtrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Patching while harts run (issue 5), on benchmarks/patch-stress: several guest threads call
 * traced functions and check every result while the ftrace runtime switches tracing on them
 * again and again from another thread; with --churn threads also start and exit meanwhile.
 * Every call is either traced or not: no torn instruction (a wrong result, a crash), no
 * trace record for a function that is not one of them, no more records than calls. CALL_OPS
 * never stops a hart; the list scheme parks them all for each change (stop_machine).
 */
class PatchStressTest {
    private static Path binary;

    @BeforeAll
    static void build() throws Exception {
        Path benchmarks = GuestPrograms.repoRoot().resolve("benchmarks");
        Process p = new ProcessBuilder("make", "-s", "-C", benchmarks.toString(), "target/patch_stress").redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, "building benchmarks/target/patch_stress failed:\n" + out);
        binary = benchmarks.resolve("target").resolve("patch_stress");
        assertTrue(Files.isRegularFile(binary));
    }

    private static final Pattern SUMMARY = Pattern.compile(
                    "patch-stress: scheme=(\\S+) harts=(\\d+) toggles=(\\d+) calls=(\\d+) traced=(\\d+) errors=(\\d+) max_stall_us=(\\d+) total_stall_us=(\\d+)");

    @ParameterizedTest
    @CsvSource({"call-ops,2,", "list,2,", "call-ops,3,churn", "list,2,churn", "call-ops-2023,2,"})
    void everyCallIsTracedOrNot(String scheme, int harts, String churn) {
        List<String> args = churn == null ? List.of(Integer.toString(harts)) : List.of(Integer.toString(harts), churn);
        int toggles = 200;
        GuestPrograms.RunResult r = GuestPrograms.runRvtrace(binary, args, new byte[0], b -> {
            b.engine(GuestPrograms.engine());
            b.option("riscv.Ftrace", "nop");
            b.option("riscv.FtraceScheme", scheme);
            b.option("riscv.FtraceSample", "patch-stress:toggles=" + toggles);
        }, 240);
        String stderr = new String(r.stderr(), StandardCharsets.UTF_8);
        String stdout = new String(r.stdout(), StandardCharsets.UTF_8);
        assertTrue(r.completed(), r.error() + "\n" + stderr);
        assertEquals(0, r.status(), "exit status\n" + stdout + stderr);
        Matcher m = SUMMARY.matcher(stderr);
        assertTrue(m.find(), "no summary line:\n" + stderr);
        assertEquals(scheme, m.group(1));
        assertEquals(harts, Integer.parseInt(m.group(2)));
        assertEquals(toggles, Integer.parseInt(m.group(3)), "every toggle happened");
        long calls = Long.parseLong(m.group(4));
        long traced = Long.parseLong(m.group(5));
        assertEquals(0, Long.parseLong(m.group(6)), "errors: " + m.group());
        assertTrue(calls > 0 && traced <= calls, m.group());
        assertTrue(stdout.contains("calls=" + calls + " errors=0"), "the guest counted the same calls: " + stdout);
        long maxStall = Long.parseLong(m.group(7));
        if (scheme.equals("list")) {
            assertTrue(maxStall > 0, "the list scheme parks the harts: " + m.group());
        } else {
            assertEquals(0, maxStall, "CALL_OPS never stops a hart: " + m.group());
        }
    }
}
