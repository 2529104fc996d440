package org.rvtrace.language.syscall;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.rvtrace.language.elf.AddressSpace;
import org.rvtrace.language.elf.ElfFile;
import org.rvtrace.language.elf.LoadedProgram;
import org.rvtrace.language.memory.GuestMemory;

/**
 * The /proc files about the process itself that must describe the guest, not the JVM:
 * {@code maps} (from the page protections and mmap's ranges) and {@code cmdline}. The
 * "exe" link is handled where links are read. Other /proc paths reach the host as they are.
 */
final class ProcFiles {
    private final Syscalls sys;

    ProcFiles(Syscalls sys) {
        this.sys = sys;
    }

    /** The file of the process named by path ("maps" for /proc/self/maps, ...), or null. */
    private String selfEntry(String path) {
        for (String prefix : new String[]{"/proc/self/", "/proc/thread-self/", "/proc/" + sys.pid() + "/"}) {
            if (path.startsWith(prefix)) {
                return path.substring(prefix.length());
            }
        }
        return null;
    }

    /** An open file for a /proc path rvtrace answers itself, or null. */
    OpenFile open(String path) {
        String entry = selfEntry(path);
        if (entry == null) {
            return null;
        }
        return switch (entry) {
            case "maps" -> new MemoryFile(path, maps(), 0x7001);
            case "cmdline" -> new MemoryFile(path, cmdline(), 0x7002);
            default -> null;
        };
    }

    private byte[] cmdline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String arg : sys.env.getApplicationArguments()) {
            out.writeBytes(arg.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Lines like Linux's: {@code 00010000-00072000 r-xp 00000000 00:00 0          /path/to/program}. */
    private byte[] maps() {
        GuestMemory mem = sys.user.mem;
        LoadedProgram program = sys.context.program();
        String exe = sys.fs.exePath();
        long[] heap = sys.memory.heap();
        StringBuilder sb = new StringBuilder();
        long page = GuestMemory.PAGE_SIZE;
        long addr = 0;
        while (addr < GuestMemory.WINDOW) {
            if (!present(addr)) {
                addr += page;
                continue;
            }
            int prot = mem.protection(addr);
            String name = name(program, exe, heap, addr);
            long end = addr + page;
            while (end < GuestMemory.WINDOW && present(end) && mem.protection(end) == prot && name(program, exe, heap, end).equals(name)) {
                end += page;
            }
            String line = String.format("%08x-%08x %c%c%cp %08x 00:00 0", addr, end, (prot & GuestMemory.READ) != 0 ? 'r' : '-',
                            (prot & GuestMemory.WRITE) != 0 ? 'w' : '-', (prot & GuestMemory.EXEC) != 0 ? 'x' : '-', 0);
            sb.append(line);
            if (!name.isEmpty()) {
                sb.append(" ".repeat(Math.max(1, 73 - line.length()))).append(name);
            }
            sb.append('\n');
            addr = end;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private boolean present(long addr) {
        return sys.user.mem.isMapped(addr) || sys.memory.reserved(addr);
    }

    private static String name(LoadedProgram program, String exe, long[] heap, long addr) {
        if (addr >= heap[0] && addr < heap[1]) {
            return "[heap]";
        }
        if (addr >= AddressSpace.STACK_TOP - AddressSpace.STACK_SIZE && addr < AddressSpace.STACK_TOP) {
            return "[stack]";
        }
        if (program != null) {
            for (ElfFile.ProgramHeader ph : program.elf.programHeaders) {
                if (ph.type() == ElfFile.PT_LOAD && ph.memsz() > 0) {
                    long start = AddressSpace.pageDown(ph.vaddr() + program.bias);
                    long end = AddressSpace.pageUp(ph.vaddr() + program.bias + ph.memsz());
                    if (addr >= start && addr < end) {
                        return exe;
                    }
                }
            }
        }
        return "";
    }
}
