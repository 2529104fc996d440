package org.rvtrace.language.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MappedRangesTest {
    @Test
    void addMergesNeighboursAndRemoveSplits() {
        MappedRanges r = new MappedRanges();
        r.add(0x1000, 0x3000);
        r.add(0x3000, 0x5000);
        assertTrue(r.covers(0x1000, 0x5000));
        r.remove(0x2000, 0x4000);
        assertTrue(r.covers(0x1000, 0x2000));
        assertFalse(r.overlaps(0x2000, 0x4000));
        assertTrue(r.covers(0x4000, 0x5000));
        assertFalse(r.covers(0x1000, 0x5000));
    }

    @Test
    void removeAcrossSeveralRanges() {
        MappedRanges r = new MappedRanges();
        r.add(0x1000, 0x2000);
        r.add(0x3000, 0x4000);
        r.add(0x5000, 0x6000);
        r.remove(0x1800, 0x5800);
        assertTrue(r.covers(0x1000, 0x1800));
        assertFalse(r.overlaps(0x1800, 0x5800));
        assertTrue(r.covers(0x5800, 0x6000));
    }

    @Test
    void highestOverlapStartFindsTheTopmostRange() {
        MappedRanges r = new MappedRanges();
        r.add(0x1000, 0x2000);
        r.add(0x8000, 0x9000);
        assertEquals(0x8000, r.highestOverlapStart(0x0, 0x10000));
        assertEquals(0x1000, r.highestOverlapStart(0x0, 0x8000));
        assertEquals(0x1800, r.highestOverlapStart(0x1800, 0x3000));
        assertEquals(-1, r.highestOverlapStart(0x2000, 0x8000));
    }
}
