package org.rvtrace.language.fp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the vectors recorded from qemu-riscv64 by src/test/fpgen (fpvectors.c, regenerate.sh):
 * one dynamic test per mnemonic, each checking result bits and fflags of every vector.
 * Line format: {@code <mnemonic> <rm> <operand>... <result> <fflags>}, all hex.
 */
class QemuVectorTest {
    private static final String RESOURCE = "/fp/vectors.txt.gz";
    private static final int MAX_REPORTED = 20;

    record Vector(String op, int rm, long[] operands, long result, int flags, String line) {
        static Vector parse(String line) {
            String[] t = line.split(" ");
            long[] operands = new long[t.length - 4];
            for (int i = 0; i < operands.length; i++) {
                operands[i] = Long.parseUnsignedLong(t[2 + i], 16);
            }
            return new Vector(t[0], Integer.parseInt(t[1]), operands,
                            Long.parseUnsignedLong(t[t.length - 2], 16), Integer.parseInt(t[t.length - 1], 16), line);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVectorMatchesQemu() throws IOException {
        Map<String, List<Vector>> byOp = load();
        assertTrue(byOp.keySet().containsAll(VectorOps.ALL.keySet()), "vector file lacks some operations");
        return byOp.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                        e.getKey() + " (" + e.getValue().size() + " vectors)", () -> check(e.getKey(), e.getValue())));
    }

    private static void check(String op, List<Vector> vectors) {
        VectorOps.Op impl = VectorOps.ALL.get(op);
        if (impl == null) {
            fail("no implementation mapped for " + op);
        }
        List<String> mismatches = new ArrayList<>();
        int failed = 0;
        for (Vector v : vectors) {
            FloatFlags flags = new FloatFlags();
            long got = impl.apply(v.operands(), v.rm(), flags);
            if (got != v.result() || flags.bits != v.flags()) {
                failed++;
                if (mismatches.size() < MAX_REPORTED) {
                    mismatches.add(String.format("  %s%n    got result %x flags %x", v.line(), got, flags.bits));
                }
            }
        }
        if (failed > 0) {
            fail(String.format("%s: %d of %d vectors differ from qemu (expected line first):%n%s", op, failed,
                            vectors.size(), String.join(System.lineSeparator(), mismatches)));
        }
    }

    static Map<String, List<Vector>> load() throws IOException {
        Map<String, List<Vector>> byOp = new LinkedHashMap<>();
        try (InputStream raw = QemuVectorTest.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IOException("missing test resource " + RESOURCE + " (run src/test/fpgen/regenerate.sh)");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Vector v = Vector.parse(line);
                byOp.computeIfAbsent(v.op(), k -> new ArrayList<>()).add(v);
            }
        }
        return byOp;
    }
}
