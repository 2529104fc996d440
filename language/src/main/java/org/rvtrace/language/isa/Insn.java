package org.rvtrace.language.isa;

/**
 * One decoded instruction. Compressed instructions arrive here already expanded to the
 * 32-bit instruction they stand for; {@link #length} remembers that they took 2 bytes.
 */
public final class Insn {
    public final long pc;
    /** 2 for a compressed instruction, else 4. */
    public final int length;
    /** The 32-bit encoding (the expansion, for a compressed one). */
    public final int bits;
    /** The bytes as fetched (16 bits for a compressed one), for messages. */
    public final int fetched;
    public final Opcode op;
    public final int rd;
    public final int rs1;
    public final int rs2;
    public final int rs3;
    /** funct3: the rounding mode of F/D arithmetic. */
    public final int rm;
    public final long imm;

    Insn(long pc, int length, int bits, int fetched, Opcode op) {
        this.pc = pc;
        this.length = length;
        this.bits = bits;
        this.fetched = fetched;
        this.op = op;
        this.rd = (bits >>> 7) & 0x1f;
        this.rs1 = (bits >>> 15) & 0x1f;
        this.rs2 = (bits >>> 20) & 0x1f;
        this.rs3 = (bits >>> 27) & 0x1f;
        this.rm = (bits >>> 12) & 0x7;
        this.imm = op.format().imm(bits);
    }

    public long nextPc() {
        return pc + length;
    }

    /** The CSR number of a Zicsr instruction. */
    public int csr() {
        return bits >>> 20;
    }

    public String mnemonic() {
        return op.mnemonic();
    }

    @Override
    public String toString() {
        return String.format("%x: %s (0x%08x)", pc, op.mnemonic(), bits);
    }
}
