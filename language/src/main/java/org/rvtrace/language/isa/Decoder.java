package org.rvtrace.language.isa;

import java.util.ArrayList;
import java.util.List;

import org.rvtrace.language.memory.GuestMemory;

/**
 * Decodes guest instructions by table lookup: rows are grouped by the major opcode (bits
 * 6:0) so a lookup scans only the few rows that share it.
 */
public final class Decoder {
    private static final Opcode[][] BY_MAJOR = index();

    private Decoder() {
    }

    private static Opcode[][] index() {
        List<Opcode> all = new ArrayList<>();
        all.addAll(Rv64i.TABLE);
        all.addAll(Rv64fd.TABLE);
        all.addAll(RvtraceExt.TABLE);
        @SuppressWarnings("unchecked")
        List<Opcode>[] groups = new List[128];
        for (Opcode op : all) {
            if ((op.mask() & 0x7f) != 0x7f) {
                throw new IllegalStateException(op.mnemonic() + ": every row must fix the major opcode");
            }
            int major = op.match() & 0x7f;
            if (groups[major] == null) {
                groups[major] = new ArrayList<>();
            }
            groups[major].add(op);
        }
        Opcode[][] table = new Opcode[128][];
        for (int i = 0; i < 128; i++) {
            table[i] = groups[i] == null ? new Opcode[0] : groups[i].toArray(new Opcode[0]);
        }
        return table;
    }

    /** Decodes a 32-bit encoding; null if no row matches (an illegal instruction). */
    public static Opcode lookup(int bits) {
        for (Opcode op : BY_MAJOR[bits & 0x7f]) {
            if (op.matches(bits)) {
                return op;
            }
        }
        return null;
    }

    /** The result of fetching at one pc: a decoded instruction, or why there is none. */
    public record Fetch(Insn insn, int rawBits, int length, boolean fetchFault) {
        public boolean illegal() {
            return insn == null && !fetchFault;
        }
    }

    /** Fetches and decodes the instruction at pc (never throws: faults are reported in the result). */
    public static Fetch fetch(GuestMemory mem, long pc) {
        if (!mem.isExecutable(pc)) {
            return new Fetch(null, 0, 0, true);
        }
        int lo = mem.readByte(pc) & 0xff | (mem.readByte(pc + 1) & 0xff) << 8;
        if ((lo & 3) != 3) {
            int expanded = Rvc.expand(lo);
            Opcode op = expanded == 0 ? null : lookup(expanded);
            return new Fetch(op == null ? null : new Insn(pc, 2, expanded, lo, op), lo, 2, false);
        }
        if (!mem.isExecutable(pc + 2)) {
            return new Fetch(null, lo, 2, true);
        }
        int bits = lo | (mem.readByte(pc + 2) & 0xff) << 16 | (mem.readByte(pc + 3) & 0xff) << 24;
        Opcode op = lookup(bits);
        return new Fetch(op == null ? null : new Insn(pc, 4, bits, bits, op), bits, 4, false);
    }
}
