package org.rvtrace.language.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed RISC-V ELF64 executable: header, program headers, section headers and the
 * symbol table. Every offset and size is checked against the file before use, so a
 * truncated or corrupt file gives an {@link ElfFormatException}, never an index error.
 */
public final class ElfFile {
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int EM_RISCV = 243;
    public static final int PT_LOAD = 1;
    public static final int PT_INTERP = 3;
    public static final int PT_PHDR = 6;
    public static final int PT_TLS = 7;
    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;
    public static final int SHT_SYMTAB = 2;
    public static final int EF_RISCV_RVC = 1;

    public record ProgramHeader(int type, int flags, long offset, long vaddr, long filesz, long memsz, long align) {
    }

    public record Section(String name, int type, long flags, long addr, long offset, long size, int link, long entsize) {
    }

    public record Symbol(String name, long value, long size, int type, int bind, int shndx) {
        public static final int STT_FUNC = 2;

        public boolean isFunction() {
            return type == STT_FUNC;
        }
    }

    public final byte[] bytes;
    public final int type;
    public final long entry;
    public final int flags;
    public final long phoff;
    public final int phentsize;
    public final List<ProgramHeader> programHeaders;
    public final List<Section> sections;
    public final List<Symbol> symbols;

    private final ByteBuffer buf;

    public ElfFile(byte[] bytes) throws ElfFormatException {
        this.bytes = bytes;
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 4 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw new ElfFormatException("not an ELF file (no \\x7fELF magic)");
        }
        if (bytes.length < 64) {
            throw new ElfFormatException("truncated ELF header (" + bytes.length + " bytes)");
        }
        if (bytes[4] != 2) {
            throw new ElfFormatException(bytes[4] == 1 ? "32-bit ELF: rvtrace runs RV64 programs only" : "bad ELF class " + bytes[4]);
        }
        if (bytes[5] != 1) {
            throw new ElfFormatException("big-endian ELF: RISC-V programs are little-endian");
        }
        int machine = u16(18);
        if (machine != EM_RISCV) {
            throw new ElfFormatException("not a RISC-V program (ELF machine " + machine + machineName(machine) + ")");
        }
        this.type = u16(16);
        if (type != ET_EXEC && type != ET_DYN) {
            throw new ElfFormatException("not an executable (ELF type " + type + ")");
        }
        this.entry = buf.getLong(24);
        this.phoff = buf.getLong(32);
        long shoff = buf.getLong(40);
        this.flags = buf.getInt(48);
        this.phentsize = u16(54);
        int phnum = u16(56);
        int shentsize = u16(58);
        int shnum = u16(60);
        int shstrndx = u16(62);
        if (phnum == 0) {
            throw new ElfFormatException("no program headers");
        }
        if (phentsize < 56) {
            throw new ElfFormatException("bad program header size " + phentsize);
        }
        check(phoff, (long) phnum * phentsize, "program headers");
        List<ProgramHeader> phs = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int o = (int) (phoff + (long) i * phentsize);
            ProgramHeader ph = new ProgramHeader(buf.getInt(o), buf.getInt(o + 4), buf.getLong(o + 8), buf.getLong(o + 16),
                            buf.getLong(o + 32), buf.getLong(o + 40), buf.getLong(o + 48));
            if (ph.type() == PT_LOAD) {
                check(ph.offset(), ph.filesz(), "the bytes of segment " + i);
                if (ph.memsz() < ph.filesz()) {
                    throw new ElfFormatException("segment " + i + ": memory size smaller than file size");
                }
            }
            if (ph.type() == PT_INTERP) {
                throw new ElfFormatException("dynamically linked program (has an interpreter): rvtrace runs static programs; link with -static");
            }
            phs.add(ph);
        }
        this.programHeaders = List.copyOf(phs);
        this.sections = readSections(shoff, shentsize, shnum, shstrndx);
        this.symbols = readSymbols();
    }

    private List<Section> readSections(long shoff, int shentsize, int shnum, int shstrndx) throws ElfFormatException {
        if (shoff == 0 || shnum == 0) {
            return List.of();
        }
        if (shentsize < 64) {
            throw new ElfFormatException("bad section header size " + shentsize);
        }
        check(shoff, (long) shnum * shentsize, "section headers");
        List<long[]> raw = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int o = (int) (shoff + (long) i * shentsize);
            raw.add(new long[]{buf.getInt(o) & 0xffffffffL, buf.getInt(o + 4), buf.getLong(o + 8), buf.getLong(o + 16), buf.getLong(o + 24),
                            buf.getLong(o + 32), buf.getInt(o + 40), buf.getLong(o + 56)});
        }
        long[] strtab = shstrndx < raw.size() ? raw.get(shstrndx) : null;
        List<Section> out = new ArrayList<>();
        for (long[] r : raw) {
            String name = "";
            if (strtab != null && strtab[1] != 8 /* SHT_NOBITS */) {
                name = string(strtab[4], strtab[5], r[0]);
            }
            out.add(new Section(name, (int) r[1], r[2], r[3], r[4], r[5], (int) r[6], r[7]));
        }
        return List.copyOf(out);
    }

    private List<Symbol> readSymbols() throws ElfFormatException {
        for (Section s : sections) {
            if (s.type() != SHT_SYMTAB) {
                continue;
            }
            check(s.offset(), s.size(), "the bytes of the symbol table");
            if (s.link() >= sections.size()) {
                throw new ElfFormatException("symbol table links to a missing string table");
            }
            Section str = sections.get(s.link());
            check(str.offset(), str.size(), "the bytes of the symbol string table");
            List<Symbol> out = new ArrayList<>();
            for (long o = s.offset(); o + 24 <= s.offset() + s.size(); o += 24) {
                int i = (int) o;
                long nameOff = buf.getInt(i) & 0xffffffffL;
                int info = bytes[i + 4] & 0xff;
                int shndx = u16(i + 6);
                out.add(new Symbol(string(str.offset(), str.size(), nameOff), buf.getLong(i + 8), buf.getLong(i + 16), info & 0xf, info >>> 4,
                                shndx));
            }
            return List.copyOf(out);
        }
        return List.of();
    }

    public Section section(String name) {
        for (Section s : sections) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    private String string(long tableOffset, long tableSize, long index) {
        if (index >= tableSize) {
            return "";
        }
        int start = (int) (tableOffset + index);
        int end = start;
        int limit = (int) Math.min(bytes.length, tableOffset + tableSize);
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private void check(long offset, long size, String what) throws ElfFormatException {
        if (offset < 0 || size < 0 || offset + size > bytes.length || offset + size < offset) {
            throw new ElfFormatException("truncated or corrupt ELF: " + what + " reach outside the file");
        }
    }

    private int u16(int offset) {
        return buf.getShort(offset) & 0xffff;
    }

    private static String machineName(int machine) {
        return switch (machine) {
            case 3 -> ": x86";
            case 62 -> ": x86-64";
            case 40 -> ": ARM";
            case 183 -> ": AArch64";
            case 8 -> ": MIPS";
            case 21 -> ": PowerPC64";
            default -> "";
        };
    }
}
