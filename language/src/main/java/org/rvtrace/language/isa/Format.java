package org.rvtrace.language.isa;

/**
 * The RISC-V instruction formats (unprivileged ISA manual, chapter "Base Instruction
 * Formats"): each one says where its immediate lives. Register fields are in the same
 * place in every format, so {@link Insn} extracts them once for all.
 */
public enum Format {
    R {
        @Override
        long imm(int b) {
            return 0;
        }
    },
    /** Also R4 (fused multiply-add: rs3 in bits 31:27) and the atomics: no immediate. */
    I {
        @Override
        long imm(int b) {
            return b >> 20;
        }
    },
    /** Shifts by an immediate: shamt in 25:20 (RV64 allows 6 bits). */
    SHAMT {
        @Override
        long imm(int b) {
            return (b >>> 20) & 0x3f;
        }
    },
    S {
        @Override
        long imm(int b) {
            return ((b >> 25) << 5) | ((b >>> 7) & 0x1f);
        }
    },
    B {
        @Override
        long imm(int b) {
            return ((b >> 31) << 12) | (((b >>> 7) & 1) << 11) | (((b >>> 25) & 0x3f) << 5) | (((b >>> 8) & 0xf) << 1);
        }
    },
    U {
        @Override
        long imm(int b) {
            return b & 0xfffff000;
        }
    },
    J {
        @Override
        long imm(int b) {
            return ((b >> 31) << 20) | (b & 0xff000) | (((b >>> 20) & 1) << 11) | (((b >>> 21) & 0x3ff) << 1);
        }
    },
    /** Zicsr: the CSR number in 31:20, and rs1 doubles as a 5-bit zero-extended immediate. */
    CSR {
        @Override
        long imm(int b) {
            return (b >>> 15) & 0x1f;
        }
    };

    /** The sign-extended immediate of an encoded instruction in this format. */
    abstract long imm(int bits);
}
