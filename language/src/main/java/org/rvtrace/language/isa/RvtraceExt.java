package org.rvtrace.language.isa;

import static org.rvtrace.language.isa.Format.U;

import java.util.List;

/**
 * rvtrace's own instruction, in the custom-0 opcode space the ISA leaves to implementations:
 * {@code hostcall id} runs host function number id (bits 31..12) with the hart's registers.
 * It is only valid inside the host-call stubs rvtrace places in guest memory; anywhere else
 * it is an illegal instruction, as on hardware.
 */
final class RvtraceExt {
    private RvtraceExt() {
    }

    /** custom-0 (0001011) with rd = 0 and funct3 = 0. */
    public static final int HOSTCALL = 0x0000000b;

    static final List<Opcode> TABLE = List.of(
        Opcode.of("-------------------- 00000 0001011", "hostcall", U, Opcode.Control.HOSTCALL, null));
}
