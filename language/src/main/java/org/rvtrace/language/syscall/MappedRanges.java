package org.rvtrace.language.syscall;

import java.util.Map;
import java.util.TreeMap;

/**
 * The address ranges mmap has handed out, kept as disjoint, merged [start, end) intervals.
 * Page flags alone cannot tell a PROT_NONE mapping (a reservation, a guard page) from a
 * hole, so the allocator asks this too before it calls a range free.
 */
final class MappedRanges {
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    void add(long start, long end) {
        if (start >= end) {
            return;
        }
        remove(start, end);
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() == start) {
            start = before.getKey();
            ranges.remove(before.getKey());
        }
        Long after = ranges.get(end);
        if (after != null) {
            ranges.remove(end);
            end = after;
        }
        ranges.put(start, end);
    }

    void remove(long start, long end) {
        if (start >= end) {
            return;
        }
        Map.Entry<Long, Long> e = ranges.lowerEntry(end);
        while (e != null && e.getValue() > start) {
            long s = e.getKey();
            long t = e.getValue();
            ranges.remove(s);
            if (s < start) {
                ranges.put(s, start);
            }
            if (t > end) {
                ranges.put(end, t);
            }
            e = ranges.lowerEntry(Math.min(s, end));
        }
    }

    boolean overlaps(long start, long end) {
        Map.Entry<Long, Long> e = ranges.lowerEntry(end);
        return e != null && e.getValue() > start;
    }

    /** Whether every byte of [start, end) is in some range. */
    boolean covers(long start, long end) {
        Map.Entry<Long, Long> e = ranges.floorEntry(start);
        return e != null && e.getValue() >= end;
    }

    /** The start of the highest range overlapping [start, end), or -1. */
    long highestOverlapStart(long start, long end) {
        Map.Entry<Long, Long> e = ranges.lowerEntry(end);
        return e != null && e.getValue() > start ? Math.max(e.getKey(), start) : -1;
    }
}
