package org.rvtrace.ftrace.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rvtrace.language.isa.Encode;

/**
 * A small RV64I assembler for the code rvtrace places in guest memory (trampolines, the
 * list function). It knows the address it assembles for, so {@code la}/{@code call} to
 * absolute addresses become pc-relative pairs, and it resolves labels once at the end.
 * Only full 32-bit encodings: trampolines are patched and read back word by word.
 */
public final class Asm {
    public static final int ZERO = 0;
    public static final int RA = 1;
    public static final int SP = 2;
    public static final int T0 = 5;
    public static final int T1 = 6;
    public static final int T2 = 7;
    public static final int S0 = 8;
    public static final int S1 = 9;
    public static final int A0 = 10;
    public static final int A1 = 11;
    public static final int A2 = 12;
    public static final int A3 = 13;
    public static final int S2 = 18;
    public static final int S3 = 19;

    private static final int BRANCH = 0x63;
    private static final int JAL = 0x6f;
    private static final int FLOAD = 0x07;
    private static final int FSTORE = 0x27;

    /** A place in the code, bound once. */
    public static final class Label {
        long address = -1;
    }

    private record Fixup(int offset, Label label, boolean branch, int funct3, int rs1, int rs2, int rd) {
    }

    private final long origin;
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private final List<Fixup> fixups = new ArrayList<>();
    private final Map<String, Long> symbols = new HashMap<>();

    public Asm(long origin) {
        this.origin = origin;
    }

    /** The address of the next instruction. */
    public long pc() {
        return origin + code.size();
    }

    public void emit(int insn) {
        code.write(insn);
        code.write(insn >>> 8);
        code.write(insn >>> 16);
        code.write(insn >>> 24);
    }

    /** Pads with nops to a multiple of alignment (relative to address 0). */
    public void align(int alignment) {
        if ((pc() & 3) != 0) {
            throw new IllegalStateException("code not word aligned");
        }
        while (pc() % alignment != 0) {
            emit(Encode.NOP);
        }
    }

    /** Names the current address (for symbolization and for tests). */
    public long symbol(String name) {
        symbols.put(name, pc());
        return pc();
    }

    public Map<String, Long> symbols() {
        return symbols;
    }

    public void bind(Label l) {
        l.address = pc();
    }

    public void addi(int rd, int rs1, long imm) {
        checkImm12(imm);
        emit(Encode.addi(rd, rs1, imm));
    }

    public void mv(int rd, int rs) {
        addi(rd, rs, 0);
    }

    public void ld(int rd, int rs1, long imm) {
        checkImm12(imm);
        emit(Encode.ld(rd, rs1, imm));
    }

    public void sd(int rs2, int rs1, long imm) {
        checkImm12(imm);
        emit(Encode.sd(rs2, rs1, imm));
    }

    public void fld(int rd, int rs1, long imm) {
        checkImm12(imm);
        emit(Encode.i(FLOAD, rd, 3, rs1, imm));
    }

    public void fsd(int rs2, int rs1, long imm) {
        checkImm12(imm);
        emit(Encode.s(FSTORE, 3, rs1, rs2, imm));
    }

    public void jalr(int rd, int rs1, long imm) {
        checkImm12(imm);
        emit(Encode.jalr(rd, rs1, imm));
    }

    public void jr(int rs) {
        jalr(ZERO, rs, 0);
    }

    public void ret() {
        jr(RA);
    }

    public void beqz(int rs, Label target) {
        branch(0, rs, ZERO, target);
    }

    public void bnez(int rs, Label target) {
        branch(1, rs, ZERO, target);
    }

    public void j(Label target) {
        fixups.add(new Fixup(code.size(), target, false, 0, 0, 0, ZERO));
        emit(0);
    }

    private void branch(int funct3, int rs1, int rs2, Label target) {
        fixups.add(new Fixup(code.size(), target, true, funct3, rs1, rs2, 0));
        emit(0);
    }

    /** rd := the 64-bit word at an absolute address within ±2 GiB (auipc + ld). */
    public void loadGlobal(int rd, long address) {
        long[] split = split(address - pc());
        emit(Encode.auipc(rd, split[0]));
        ld(rd, rd, split[1]);
    }

    /** rd := an absolute address within ±2 GiB (auipc + addi). */
    public void la(int rd, long address) {
        long[] split = split(address - pc());
        emit(Encode.auipc(rd, split[0]));
        addi(rd, rd, split[1]);
    }

    /** Calls an absolute address within ±2 GiB through ra (auipc ra + jalr ra). */
    public void call(long address) {
        long[] split = split(address - pc());
        emit(Encode.auipc(RA, split[0]));
        jalr(RA, RA, split[1]);
    }

    /**
     * Splits a pc-relative offset into the auipc part and the 12-bit signed rest: when bit 11
     * is set the upper part is rounded up, so the sign-extended low part lands exactly.
     */
    public static long[] split(long offset) {
        if (offset < Integer.MIN_VALUE || offset > Integer.MAX_VALUE - 0x800) {
            throw new IllegalArgumentException("offset out of auipc reach: 0x" + Long.toHexString(offset));
        }
        long hi = (offset + 0x800) & ~0xfffL;
        return new long[]{hi, offset - hi};
    }

    /** The machine code, labels resolved. */
    public byte[] finish() {
        byte[] bytes = code.toByteArray();
        for (Fixup f : fixups) {
            if (f.label.address < 0) {
                throw new IllegalStateException("unbound label");
            }
            long offset = f.label.address - (origin + f.offset);
            int insn;
            if (f.branch) {
                if (offset < -4096 || offset > 4094) {
                    throw new IllegalStateException("branch out of reach");
                }
                insn = Encode.b(BRANCH, f.funct3, f.rs1, f.rs2, offset);
            } else {
                insn = Encode.j(JAL, f.rd, offset);
            }
            for (int k = 0; k < 4; k++) {
                bytes[f.offset + k] = (byte) (insn >>> (8 * k));
            }
        }
        return bytes;
    }

    private static void checkImm12(long imm) {
        if (imm < -2048 || imm > 2047) {
            throw new IllegalArgumentException("immediate out of 12-bit range: " + imm);
        }
    }
}
