package org.rvtrace.language.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The asm-generic struct stat and struct statx layouts, field by field. */
class FileStatTest {
    private static final FileStat ST = new FileStat(0x803, 1234, 0100644, 2, 1000, 100, 0, 5000, 4096, 16,
                    Instant.ofEpochSecond(1_700_000_000L, 11), Instant.ofEpochSecond(1_700_000_001L, 22), Instant.ofEpochSecond(1_700_000_002L, 33),
                    null);

    @Test
    void statLayout() {
        ByteBuffer b = ST.toStat().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(128, b.capacity());
        assertEquals(0x803, b.getLong(0));
        assertEquals(1234, b.getLong(8));
        assertEquals(0100644, b.getInt(16));
        assertEquals(2, b.getInt(20));
        assertEquals(1000, b.getInt(24));
        assertEquals(100, b.getInt(28));
        assertEquals(5000, b.getLong(48));
        assertEquals(4096, b.getInt(56));
        assertEquals(16, b.getLong(64));
        assertEquals(1_700_000_000L, b.getLong(72));
        assertEquals(11, b.getLong(80));
        assertEquals(1_700_000_001L, b.getLong(88));
        assertEquals(22, b.getLong(96));
        assertEquals(1_700_000_002L, b.getLong(104));
        assertEquals(33, b.getLong(112));
    }

    @Test
    void statxLayout() {
        ByteBuffer b = ST.toStatx().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(256, b.capacity());
        assertEquals(FileStat.STATX_BASIC_STATS, b.getInt(0));
        assertEquals(4096, b.getInt(4));
        assertEquals(2, b.getInt(16));
        assertEquals(1000, b.getInt(20));
        assertEquals(100, b.getInt(24));
        assertEquals((short) 0100644, b.getShort(28));
        assertEquals(1234, b.getLong(32));
        assertEquals(5000, b.getLong(40));
        assertEquals(16, b.getLong(48));
        assertEquals(1_700_000_000L, b.getLong(64));
        assertEquals(11, b.getInt(72));
        assertEquals(1_700_000_002L, b.getLong(96));
        assertEquals(1_700_000_001L, b.getLong(112));
        assertEquals(22, b.getInt(120));
        assertEquals(8, b.getInt(136)); // dev major of 0x803
        assertEquals(3, b.getInt(140)); // dev minor
    }
}
