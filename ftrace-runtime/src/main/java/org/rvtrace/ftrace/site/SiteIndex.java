package org.rvtrace.ftrace.site;

import java.util.Arrays;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

/**
 * Traced-call ip to site number in one probe: a collision-free hash table over the ips, made
 * once at load. A tracer callback runs inside compiled guest code, where the ip is a
 * constant: the hash, the probe and the compare then fold away and the site number is a
 * constant too, with no map lookup and no boundary.
 */
public final class SiteIndex {
    @CompilationFinal(dimensions = 1) private final long[] keys;
    @CompilationFinal(dimensions = 1) private final int[] values;
    private final int shift;
    private final long multiplier;

    private SiteIndex(long[] keys, int[] values, int shift, long multiplier) {
        this.keys = keys;
        this.values = values;
        this.shift = shift;
        this.multiplier = multiplier;
    }

    /** An index over ip to site number. */
    public static SiteIndex of(Map<Long, Integer> sites) {
        int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(Math.max(1, sites.size()) * 4L - 1));
        long multiplier = 0x9E3779B97F4A7C15L;
        while (true) {
            for (int attempt = 0; attempt < 64; attempt++) {
                long[] keys = new long[1 << bits];
                int[] values = new int[1 << bits];
                Arrays.fill(keys, -1);
                boolean collision = false;
                for (Map.Entry<Long, Integer> e : sites.entrySet()) {
                    int slot = slot(e.getKey(), multiplier, 64 - bits);
                    if (keys[slot] != -1) {
                        collision = true;
                        break;
                    }
                    keys[slot] = e.getKey();
                    values[slot] = e.getValue();
                }
                if (!collision) {
                    return new SiteIndex(keys, values, 64 - bits, multiplier);
                }
                multiplier = multiplier * 6364136223846793005L + 1442695040888963407L | 1;
            }
            bits++;
        }
    }

    private static int slot(long ip, long multiplier, int shift) {
        return (int) (((ip >>> 1) * multiplier) >>> shift);
    }

    /** The site number of ip, or -1. */
    public int indexOf(long ip) {
        int slot = slot(ip, multiplier, shift);
        return keys[slot] == ip ? values[slot] : -1;
    }
}
