package org.rvtrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every guest program of tests/programs in every flavour it is built in, in-process
 * under rvtrace (one shared polyglot Engine), and compares stdout (bytes) and the exit
 * status with the golden files. When qemu-riscv64 is on PATH, a second test per program
 * ("... vs qemu") checks that rvtrace's stdout and status equal qemu's on the same binary.
 * Adding a test is adding files under tests/programs: see {@link GuestPrograms}.
 */
class GuestProgramTest {

    /** rvtrace results, kept until the qemu comparison of the same case has used them. */
    private final Map<String, GuestPrograms.RunResult> rvtraceResults = new HashMap<>();

    @TestFactory
    List<DynamicNode> guestPrograms() {
        GuestPrograms.build();
        List<GuestPrograms.Case> cases = GuestPrograms.cases();
        boolean qemu = GuestPrograms.qemuWanted();
        Map<String, List<DynamicNode>> byFlavour = new LinkedHashMap<>();
        for (GuestPrograms.Case c : cases) {
            List<DynamicNode> tests = byFlavour.computeIfAbsent(c.flavour(), k -> new ArrayList<>());
            tests.add(DynamicTest.dynamicTest(c.id(), c.source().toUri(), () -> checkGolden(c)));
            if (qemu) {
                tests.add(DynamicTest.dynamicTest(c.id() + " vs qemu", c.source().toUri(), () -> checkAgainstQemu(c)));
            }
        }
        List<DynamicNode> nodes = new ArrayList<>();
        byFlavour.forEach((flavour, tests) -> nodes.add(DynamicContainer.dynamicContainer(flavour, tests)));
        DynamicNode demo = demoTests(qemu);
        if (demo != null) {
            nodes.add(demo);
        }
        if (nodes.isEmpty()) {
            Pattern f = GuestPrograms.filter();
            nodes.add(DynamicTest.dynamicTest("no guest program selected", () -> fail(
                    "no guest program matched" + (f != null ? " -Drvtrace.tests.filter=" + f : "")
                            + " under " + GuestPrograms.programsDir())));
        }
        return nodes;
    }

    private GuestPrograms.RunResult rvtrace(GuestPrograms.Case c) {
        GuestPrograms.RunResult r = rvtraceResults.get(c.id());
        if (r == null) {
            assertTrue(Files.isRegularFile(c.binary()), "binary not built: " + c.binary());
            r = GuestPrograms.runRvtrace(c.binary(), c.args(), c.stdin());
            rvtraceResults.put(c.id(), r);
        }
        return r;
    }

    private void checkGolden(GuestPrograms.Case c) {
        byte[] expected = c.expectedStdout();
        int expectedExit = c.expectedExit();
        GuestPrograms.RunResult r = rvtrace(c);
        if (!GuestPrograms.qemuWanted()) {
            rvtraceResults.remove(c.id());
        }
        if (!r.completed()) {
            fail(c.id() + ": " + r.error() + partialOutput(r));
        }
        String diff = GuestPrograms.describeDifference(expected, r.stdout(), c.program() + ".stdout", "rvtrace");
        if (diff != null) {
            fail(c.id() + ": " + diff + "exit status " + r.status() + " (expected " + expectedExit + ")"
                    + GuestPrograms.stderrExcerpt(r.stderr()));
        }
        assertEquals(expectedExit, r.status(), () -> c.id() + ": exit status" + GuestPrograms.stderrExcerpt(r.stderr()));
    }

    private void checkAgainstQemu(GuestPrograms.Case c) {
        GuestPrograms.RunResult mine;
        try {
            mine = rvtrace(c);
        } finally {
            rvtraceResults.remove(c.id());
        }
        GuestPrograms.RunResult q = GuestPrograms.runQemu(c.binary(), c.args(), c.stdinFile());
        compareWithQemu(c.id(), mine, q);
    }

    static void compareWithQemu(String id, GuestPrograms.RunResult mine, GuestPrograms.RunResult q) {
        if (!q.completed()) {
            fail(id + ": qemu-riscv64 did not complete: " + q.error());
        }
        if (!mine.completed()) {
            fail("rvtrace differs from qemu on " + id + ": rvtrace " + mine.error() + " (qemu exit status "
                    + q.status() + ")" + partialOutput(mine));
        }
        String diff = GuestPrograms.describeDifference(q.stdout(), mine.stdout(), "qemu", "rvtrace");
        if (diff != null) {
            fail("rvtrace differs from qemu on " + id + ": " + diff + "exit status: rvtrace " + mine.status()
                    + ", qemu " + q.status() + GuestPrograms.stderrExcerpt(mine.stderr()));
        }
        if (mine.status() != q.status()) {
            fail("rvtrace differs from qemu on " + id + ": exit status rvtrace " + mine.status() + ", qemu "
                    + q.status() + GuestPrograms.stderrExcerpt(mine.stderr()));
        }
    }

    private static String partialOutput(GuestPrograms.RunResult r) {
        String out = new String(r.stdout(), java.nio.charset.StandardCharsets.UTF_8);
        if (out.length() > 2000) {
            out = "..." + out.substring(out.length() - 2000);
        }
        return (out.isEmpty() ? "" : "\nstdout so far:\n" + out) + GuestPrograms.stderrExcerpt(r.stderr());
    }

    /** The bundled demo (demo/demo.elf against demo/demo.expected), when present. */
    private DynamicNode demoTests(boolean qemu) {
        Path demoDir = GuestPrograms.repoRoot().resolve("demo");
        Path elf = demoDir.resolve("demo.elf");
        Path expected = demoDir.resolve("demo.expected");
        Pattern f = GuestPrograms.filter();
        if (!Files.isRegularFile(elf) || (f != null && !f.matcher("demo/demo.elf").find())) {
            return null;
        }
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("demo/demo.elf", elf.toUri(), () -> {
            GuestPrograms.RunResult r = GuestPrograms.runRvtrace(elf, List.of(), new byte[0]);
            rvtraceResults.put("demo", r);
            if (!r.completed()) {
                fail("demo: " + r.error() + partialOutput(r));
            }
            String diff = GuestPrograms.describeDifference(GuestPrograms.readBytes(expected), r.stdout(),
                    "demo.expected", "rvtrace");
            if (diff != null) {
                fail("demo: " + diff + GuestPrograms.stderrExcerpt(r.stderr()));
            }
            assertEquals(0, r.status(), "demo: exit status");
        }));
        if (qemu) {
            tests.add(DynamicTest.dynamicTest("demo/demo.elf vs qemu", elf.toUri(), () -> {
                GuestPrograms.RunResult mine = rvtraceResults.remove("demo");
                if (mine == null) {
                    mine = GuestPrograms.runRvtrace(elf, List.of(), new byte[0]);
                }
                compareWithQemu("demo/demo.elf", mine, GuestPrograms.runQemu(elf, List.of(), null));
            }));
        }
        return DynamicContainer.dynamicContainer("demo", tests);
    }
}
