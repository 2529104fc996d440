package org.rvtrace.ftrace.site;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rvtrace.language.elf.ElfFile;
import org.rvtrace.language.elf.LoadedProgram;
import org.rvtrace.language.memory.GuestMemory;

/**
 * Finds the patch sites of a loaded program from its {@code __patchable_function_entries}
 * section and checks each one (FTRACE-DESIGN.md sections 1 and 7): the literal must be
 * 8-aligned, the patched instruction 4-aligned, the area executable and filled with the
 * compiler's NOPs. A site that fails keeps its state and is never patched.
 */
public final class SiteScanner {
    public static final String SECTION = "__patchable_function_entries";
    private static final int AREA = SiteLayout.BYTES_BEFORE + SiteLayout.BYTES_AT;

    private SiteScanner() {
    }

    /** The sites in section order; empty when the program has no such section. */
    public static List<PatchSite> scan(LoadedProgram program, GuestMemory mem) {
        ElfFile elf = program.elf;
        ElfFile.Section section = elf.section(SECTION);
        List<PatchSite> sites = new ArrayList<>();
        if (section == null || section.size() == 0) {
            return sites;
        }
        if (section.offset() < 0 || section.offset() + section.size() > elf.bytes.length) {
            return sites;
        }
        ByteBuffer entries = ByteBuffer.wrap(elf.bytes, (int) section.offset(), (int) section.size()).order(ByteOrder.LITTLE_ENDIAN);
        Set<Long> seen = new HashSet<>();
        while (entries.remaining() >= 8) {
            long area = entries.getLong() + program.bias;
            long function = area + SiteLayout.BYTES_BEFORE;
            String name = name(program, function);
            SiteLayout layout = null;
            SiteState state;
            if (!seen.add(area)) {
                state = SiteState.DUPLICATE;
            } else if (!GuestMemory.inWindow(area, AREA) || !mem.isExecutable(area) || !mem.isExecutable(area + AREA - 1)) {
                state = SiteState.NOT_IN_TEXT;
            } else {
                layout = SiteLayout.of(mem.read(area, AREA));
                if (layout == null) {
                    state = SiteState.FOREIGN_BYTES;
                } else if ((area & 7) != 0) {
                    state = SiteState.MISALIGNED_LITERAL;
                } else if ((function & 3) != 0) {
                    state = SiteState.MISALIGNED_INSN;
                } else {
                    state = SiteState.OK;
                }
            }
            sites.add(new PatchSite(sites.size(), area, name, layout, state));
        }
        return sites;
    }

    /** The function's symbol, or its address when the symbol table does not name it. */
    private static String name(LoadedProgram program, long function) {
        String s = program.symbolize(function);
        return s.indexOf('+') >= 0 ? "0x" + Long.toHexString(function) : s;
    }
}
