package org.rvtrace.language.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rvtrace.language.memory.GuestMemory;

/**
 * Maps a static RISC-V executable into guest memory and builds the initial stack the way
 * Linux's binfmt_elf does: strings at the top, then AT_RANDOM bytes, then (16-byte
 * aligned) argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL.
 */
public final class ElfLoader {
    public static final int AT_NULL = 0;
    public static final int AT_PHDR = 3;
    public static final int AT_PHENT = 4;
    public static final int AT_PHNUM = 5;
    public static final int AT_PAGESZ = 6;
    public static final int AT_BASE = 7;
    public static final int AT_FLAGS = 8;
    public static final int AT_ENTRY = 9;
    public static final int AT_UID = 11;
    public static final int AT_EUID = 12;
    public static final int AT_GID = 13;
    public static final int AT_EGID = 14;
    public static final int AT_HWCAP = 16;
    public static final int AT_CLKTCK = 17;
    public static final int AT_SECURE = 23;
    public static final int AT_RANDOM = 25;
    public static final int AT_EXECFN = 31;

    /** AT_HWCAP for RV64IMAFDC: one bit per single-letter extension, bit 0 = 'A'. */
    public static final long HWCAP_RV64GC = hwcap("IMAFDC");

    private ElfLoader() {
    }

    static long hwcap(String letters) {
        long bits = 0;
        for (char c : letters.toCharArray()) {
            bits |= 1L << (c - 'A');
        }
        return bits;
    }

    /** Maps every PT_LOAD segment; returns where things ended up. */
    public static LoadedProgram load(ElfFile elf, GuestMemory mem) throws ElfFormatException {
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (ElfFile.ProgramHeader ph : elf.programHeaders) {
            if (ph.type() == ElfFile.PT_LOAD && ph.memsz() > 0) {
                lowest = Math.min(lowest, AddressSpace.pageDown(ph.vaddr()));
                highest = Math.max(highest, ph.vaddr() + ph.memsz());
            }
        }
        if (lowest == Long.MAX_VALUE) {
            throw new ElfFormatException("no loadable segments");
        }
        long bias = elf.type == ElfFile.ET_DYN ? AddressSpace.PIE_BASE - lowest : 0;
        if (lowest + bias < AddressSpace.MMAP_MIN || highest + bias > AddressSpace.MMAP_TOP || highest < lowest) {
            throw new ElfFormatException(String.format("segments at 0x%x-0x%x do not fit rvtrace's 4 GiB guest address space", lowest + bias,
                            highest + bias));
        }
        long phdrAddr = 0;
        for (ElfFile.ProgramHeader ph : elf.programHeaders) {
            if (ph.type() == ElfFile.PT_PHDR) {
                phdrAddr = ph.vaddr() + bias;
            }
        }
        for (ElfFile.ProgramHeader ph : elf.programHeaders) {
            if (ph.type() != ElfFile.PT_LOAD || ph.memsz() == 0) {
                continue;
            }
            long start = AddressSpace.pageDown(ph.vaddr() + bias);
            long end = AddressSpace.pageUp(ph.vaddr() + bias + ph.memsz());
            int prot = 0;
            prot |= (ph.flags() & ElfFile.PF_R) != 0 ? GuestMemory.READ : 0;
            prot |= (ph.flags() & ElfFile.PF_W) != 0 ? GuestMemory.WRITE : 0;
            prot |= (ph.flags() & ElfFile.PF_X) != 0 ? GuestMemory.EXEC : 0;
            // Pages shared by two segments get the union of their permissions.
            for (long p = start; p < end; p += GuestMemory.PAGE_SIZE) {
                mem.protect(p, GuestMemory.PAGE_SIZE, prot | mem.protection(p));
            }
            mem.write(ph.vaddr() + bias, elf.bytes, (int) ph.offset(), (int) ph.filesz());
            if (phdrAddr == 0 && ph.offset() == 0) {
                phdrAddr = ph.vaddr() + bias + elf.phoff;
            }
        }
        return new LoadedProgram(elf, bias, phdrAddr, AddressSpace.pageUp(highest + bias));
    }

    /**
     * Maps the stack and writes argv, envp and auxv onto it.
     *
     * @return the initial sp (pointing at argc)
     */
    public static long buildStack(GuestMemory mem, LoadedProgram prog, List<String> argv, Map<String, String> env, byte[] random16,
                    long uid, long gid) {
        long stackBottom = AddressSpace.STACK_TOP - AddressSpace.STACK_SIZE;
        mem.protect(stackBottom, AddressSpace.STACK_SIZE, GuestMemory.READ | GuestMemory.WRITE);
        long sp = AddressSpace.STACK_TOP;

        String execfn = argv.isEmpty() ? "" : argv.get(0);
        sp = pushString(mem, sp - 8, execfn); // 8 bytes of zero at the very top, as Linux leaves
        long execfnAddr = sp;
        List<Long> envAddrs = new ArrayList<>();
        List<String> envStrings = new ArrayList<>();
        env.forEach((k, v) -> envStrings.add(k + "=" + v));
        for (int i = envStrings.size() - 1; i >= 0; i--) {
            sp = pushString(mem, sp, envStrings.get(i));
            envAddrs.add(0, sp);
        }
        List<Long> argAddrs = new ArrayList<>();
        for (int i = argv.size() - 1; i >= 0; i--) {
            sp = pushString(mem, sp, argv.get(i));
            argAddrs.add(0, sp);
        }
        sp &= -16L;
        sp -= 16;
        long randomAddr = sp;
        mem.write(randomAddr, random16);

        long[][] auxv = {
            {AT_HWCAP, HWCAP_RV64GC},
            {AT_PAGESZ, GuestMemory.PAGE_SIZE},
            {AT_CLKTCK, 100},
            {AT_PHDR, prog.phdrAddr},
            {AT_PHENT, prog.elf.phentsize},
            {AT_PHNUM, prog.elf.programHeaders.size()},
            {AT_BASE, 0},
            {AT_FLAGS, 0},
            {AT_ENTRY, prog.entry},
            {AT_UID, uid},
            {AT_EUID, uid},
            {AT_GID, gid},
            {AT_EGID, gid},
            {AT_SECURE, 0},
            {AT_RANDOM, randomAddr},
            {AT_EXECFN, execfnAddr},
            {AT_NULL, 0},
        };
        long words = 1 + argAddrs.size() + 1 + envAddrs.size() + 1 + 2L * auxv.length;
        sp -= words * 8;
        sp &= -16L;
        long p = sp;
        mem.writeLong(p, argAddrs.size());
        p += 8;
        for (long a : argAddrs) {
            mem.writeLong(p, a);
            p += 8;
        }
        mem.writeLong(p, 0);
        p += 8;
        for (long a : envAddrs) {
            mem.writeLong(p, a);
            p += 8;
        }
        mem.writeLong(p, 0);
        p += 8;
        for (long[] av : auxv) {
            mem.writeLong(p, av[0]);
            mem.writeLong(p + 8, av[1]);
            p += 16;
        }
        return sp;
    }

    private static long pushString(GuestMemory mem, long sp, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long at = sp - b.length - 1;
        mem.write(at, b);
        mem.writeByte(at + b.length, (byte) 0);
        return at;
    }
}
