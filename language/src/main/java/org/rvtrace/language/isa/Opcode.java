package org.rvtrace.language.isa;

import org.rvtrace.language.memory.GuestMemory;
import org.rvtrace.language.nodes.InsnNode;

/**
 * A row of the instruction table: the fixed bits of one instruction, its format, and what
 * it means. The meaning is either a straight-line node (most instructions) or a control
 * transfer that ends a basic block.
 *
 * @param pattern 32 characters of 0, 1 or - (don't care), most significant bit first;
 *                spaces are allowed for readability and ignored
 */
public record Opcode(String mnemonic, int mask, int match, Format format, Control control,
                Semantics semantics) {

    /** Builds the node that executes one decoded instruction; null when it has no effect (writes x0). */
    @FunctionalInterface
    public interface Semantics {
        InsnNode node(Insn insn, GuestMemory mem);
    }

    /** How an instruction affects control flow. Only NONE instructions are nodes in a block body. */
    public enum Control {
        NONE,
        BRANCH,
        JAL,
        JALR,
        ECALL,
        EBREAK,
        /** rvtrace's hostcall: a call of host code, ends the block like ecall. */
        HOSTCALL
    }

    static Opcode of(String pattern, String mnemonic, Format format, Control control, Semantics semantics) {
        String bits = pattern.replace(" ", "");
        if (bits.length() != 32) {
            throw new IllegalArgumentException(mnemonic + ": pattern must have 32 bits: " + pattern);
        }
        int mask = 0;
        int match = 0;
        for (int i = 0; i < 32; i++) {
            char c = bits.charAt(i);
            int bit = 1 << (31 - i);
            if (c == '0' || c == '1') {
                mask |= bit;
                if (c == '1') {
                    match |= bit;
                }
            } else if (c != '-') {
                throw new IllegalArgumentException(mnemonic + ": bad pattern character " + c);
            }
        }
        return new Opcode(mnemonic, mask, match, format, control, semantics);
    }

    boolean matches(int insn) {
        return (insn & mask) == match;
    }
}
