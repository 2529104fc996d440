package org.rvtrace.language.elf;

import java.util.Arrays;
import java.util.List;

/**
 * An ELF file as mapped into guest memory: where it starts, where its heap begins, and
 * its function symbols (relocated) for naming guest code.
 */
public final class LoadedProgram {
    public final ElfFile elf;
    /** Added to every address in the file (0 for ET_EXEC). */
    public final long bias;
    public final long entry;
    public final long phdrAddr;
    /** The first byte after the highest segment: where brk starts. */
    public final long end;
    private final long[] symbolStarts;
    private final long[] symbolEnds;
    private final String[] symbolNames;

    LoadedProgram(ElfFile elf, long bias, long phdrAddr, long end) {
        this.elf = elf;
        this.bias = bias;
        this.entry = elf.entry + bias;
        this.phdrAddr = phdrAddr;
        this.end = end;
        List<ElfFile.Symbol> funcs = elf.symbols.stream()
                        .filter(s -> s.isFunction() && s.value() != 0 && !s.name().isEmpty())
                        .sorted((a, b) -> Long.compareUnsigned(a.value(), b.value()))
                        .toList();
        symbolStarts = new long[funcs.size()];
        symbolEnds = new long[funcs.size()];
        symbolNames = new String[funcs.size()];
        for (int i = 0; i < funcs.size(); i++) {
            ElfFile.Symbol s = funcs.get(i);
            symbolStarts[i] = s.value() + bias;
            symbolEnds[i] = s.value() + bias + Math.max(1, s.size());
            symbolNames[i] = s.name();
        }
    }

    /** "name" for a function's entry, "name+0x1c" inside it, "0x10abc" elsewhere. */
    public String symbolize(long pc) {
        int i = Arrays.binarySearch(symbolStarts, pc);
        if (i >= 0) {
            // Several names may share an address; the table is sorted, take the first.
            while (i > 0 && symbolStarts[i - 1] == pc) {
                i--;
            }
            return symbolNames[i];
        }
        int before = -i - 2;
        if (before >= 0 && pc < symbolEnds[before]) {
            return symbolNames[before] + "+0x" + Long.toHexString(pc - symbolStarts[before]);
        }
        return "0x" + Long.toHexString(pc);
    }

    /** The address of a function symbol, or -1. */
    public long lookup(String name) {
        for (int i = 0; i < symbolNames.length; i++) {
            if (symbolNames[i].equals(name)) {
                return symbolStarts[i];
            }
        }
        return -1;
    }
}
