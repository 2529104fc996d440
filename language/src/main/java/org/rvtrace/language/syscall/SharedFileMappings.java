package org.rvtrace.language.syscall;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.rvtrace.language.memory.GuestMemory;

/**
 * MAP_SHARED mappings of files. Guest memory cannot alias a host file, so a shared mapping
 * starts as a copy, and the pages the guest changed are written back to the file on msync,
 * munmap (or a mapping replacing them) and at exit. A page counts as changed when its
 * contents differ from what was last read from or written to the file (a hash per page),
 * so writes the program made to the file with write(2) meanwhile are not overwritten by
 * untouched pages. Not coherent with read(2) before that, unlike Linux.
 */
final class SharedFileMappings {
    private static final long PAGE = GuestMemory.PAGE_SIZE;

    private static final class Mapping {
        final long start;
        final long end;
        final RegularFile file;
        final long offset;
        final long[] hashes;

        Mapping(long start, long end, RegularFile file, long offset, long[] hashes) {
            this.start = start;
            this.end = end;
            this.file = file;
            this.offset = offset;
            this.hashes = hashes;
        }
    }

    private final GuestMemory mem;
    private final List<Mapping> mappings = new ArrayList<>();

    SharedFileMappings(GuestMemory mem) {
        this.mem = mem;
    }

    /** Tracks [start, end), filled from file at offset; keeps the file open while mapped. */
    void add(long start, long end, RegularFile file, long offset) {
        long[] hashes = new long[(int) ((end - start) / PAGE)];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = hash(start + i * PAGE);
        }
        file.retain();
        mappings.add(new Mapping(start, end, file, offset, hashes));
    }

    /** msync: writes the changed pages of [start, end) back. */
    void sync(long start, long end) throws IOException {
        for (Mapping m : mappings) {
            if (m.start < end && start < m.end) {
                writeBack(m, Math.max(start, m.start), Math.min(end, m.end));
            }
        }
    }

    /** [start, end) is about to be unmapped: writes back, then forgets those pages. */
    void remove(long start, long end) throws IOException {
        List<Mapping> kept = new ArrayList<>();
        List<Mapping> gone = new ArrayList<>();
        for (Mapping m : mappings) {
            if (m.start >= end || start >= m.end) {
                kept.add(m);
                continue;
            }
            writeBack(m, Math.max(start, m.start), Math.min(end, m.end));
            gone.add(m);
            if (m.start < start) {
                kept.add(part(m, m.start, start));
            }
            if (m.end > end) {
                kept.add(part(m, end, m.end));
            }
        }
        mappings.clear();
        mappings.addAll(kept);
        for (Mapping m : gone) {
            m.file.release();
        }
    }

    void removeAll() throws IOException {
        remove(0, GuestMemory.WINDOW);
    }

    private static Mapping part(Mapping m, long from, long to) {
        int first = (int) ((from - m.start) / PAGE);
        long[] hashes = new long[(int) ((to - from) / PAGE)];
        System.arraycopy(m.hashes, first, hashes, 0, hashes.length);
        m.file.retain();
        return new Mapping(from, to, m.file, m.offset + (from - m.start), hashes);
    }

    private void writeBack(Mapping m, long from, long to) throws IOException {
        long size = m.file.size();
        byte[] buf = new byte[(int) PAGE];
        for (long page = from; page < to; page += PAGE) {
            int i = (int) ((page - m.start) / PAGE);
            long h = hash(page);
            if (h == m.hashes[i]) {
                continue;
            }
            long fileOff = m.offset + (page - m.start);
            int n = (int) Math.max(0, Math.min(PAGE, size - fileOff)); // a mapping never makes a file longer
            if (n > 0) {
                mem.read(page, buf, 0, n);
                m.file.writeRaw(buf, 0, n, fileOff);
            }
            m.hashes[i] = h;
        }
    }

    private long hash(long page) {
        long h = 0x9E3779B97F4A7C15L;
        for (long a = page; a < page + PAGE; a += 8) {
            h = (h ^ mem.readLong(a)) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        return h;
    }
}
