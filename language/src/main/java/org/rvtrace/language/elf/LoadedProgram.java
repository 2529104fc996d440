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
    /** The lowest address of the program's segments. */
    public final long start;
    /** Function names by address; replaced as a whole when rvtrace adds names of its own (trampolines, stubs). */
    private volatile Symbols symbols;

    private record Symbols(long[] starts, long[] ends, String[] names) {
    }

    LoadedProgram(ElfFile elf, long bias, long phdrAddr, long end) {
        this.elf = elf;
        this.bias = bias;
        this.entry = elf.entry + bias;
        this.phdrAddr = phdrAddr;
        this.end = end;
        this.start = elf.programHeaders.stream().filter(ph -> ph.type() == ElfFile.PT_LOAD && ph.memsz() > 0)
                        .mapToLong(ph -> ph.vaddr() + bias).min().orElse(entry);
        List<ElfFile.Symbol> funcs = elf.symbols.stream()
                        .filter(s -> s.isFunction() && s.value() != 0 && !s.name().isEmpty())
                        .sorted((a, b) -> Long.compareUnsigned(a.value(), b.value()))
                        .toList();
        long[] starts = new long[funcs.size()];
        long[] ends = new long[funcs.size()];
        String[] names = new String[funcs.size()];
        for (int i = 0; i < funcs.size(); i++) {
            ElfFile.Symbol s = funcs.get(i);
            starts[i] = s.value() + bias;
            ends[i] = s.value() + bias + Math.max(1, s.size());
            names[i] = s.name();
        }
        symbols = new Symbols(starts, ends, names);
    }

    /** Adds a name for [addr, addr+size) (code rvtrace places in the guest). */
    public synchronized void addSymbol(String name, long addr, long size) {
        Symbols old = symbols;
        int n = old.names.length;
        int at = 0;
        // Before names at the same address: the later, more specific name wins (a trampoline in its region).
        while (at < n && Long.compareUnsigned(old.starts[at], addr) < 0) {
            at++;
        }
        long[] starts = new long[n + 1];
        long[] ends = new long[n + 1];
        String[] names = new String[n + 1];
        System.arraycopy(old.starts, 0, starts, 0, at);
        System.arraycopy(old.ends, 0, ends, 0, at);
        System.arraycopy(old.names, 0, names, 0, at);
        starts[at] = addr;
        ends[at] = addr + Math.max(1, size);
        names[at] = name;
        System.arraycopy(old.starts, at, starts, at + 1, n - at);
        System.arraycopy(old.ends, at, ends, at + 1, n - at);
        System.arraycopy(old.names, at, names, at + 1, n - at);
        symbols = new Symbols(starts, ends, names);
    }

    /** "name" for a function's entry, "name+0x1c" inside it, "0x10abc" elsewhere. */
    public String symbolize(long pc) {
        Symbols t = symbols;
        long[] symbolStarts = t.starts;
        long[] symbolEnds = t.ends;
        String[] symbolNames = t.names;
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
        String[] symbolNames = symbols.names;
        long[] symbolStarts = symbols.starts;
        for (int i = 0; i < symbolNames.length; i++) {
            if (symbolNames[i].equals(name)) {
                return symbolStarts[i];
            }
        }
        return -1;
    }
}
