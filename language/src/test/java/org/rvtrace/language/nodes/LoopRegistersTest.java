package org.rvtrace.language.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.rvtrace.language.memory.GuestMemory;

/**
 * Which registers a function keeps in its frame: those written in loops that make no calls.
 * The functions are assembled by hand at 0x10000.
 */
class LoopRegistersTest {
    private static final long BASE = 0x10000;
    private static final int ZERO = 0;
    private static final int RA = 1;
    private static final int S0 = 8;
    private static final int S1 = 9;
    private static final int A0 = 10;
    private static final int A1 = 11;
    private static final int T0 = 5;
    private static final int T1 = 6;

    private final GuestMemory mem = new GuestMemory();

    @AfterEach
    void close() {
        mem.close();
    }

    private static int addi(int rd, int rs1, int imm) {
        return (imm & 0xfff) << 20 | rs1 << 15 | rd << 7 | 0x13;
    }

    private static int bne(int rs1, int rs2, int offset) {
        return ((offset >> 12) & 1) << 31 | ((offset >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | 1 << 12
                        | ((offset >> 1) & 0xf) << 8 | ((offset >> 11) & 1) << 7 | 0x63;
    }

    private static int jal(int rd, int offset) {
        return ((offset >> 20) & 1) << 31 | ((offset >> 1) & 0x3ff) << 21 | ((offset >> 11) & 1) << 20
                        | ((offset >> 12) & 0xff) << 12 | rd << 7 | 0x6f;
    }

    private static final int RET = 0x00008067;
    private static final int ECALL = 0x00000073;

    /** Writes the words at BASE and returns the set of x registers kept in the frame. */
    private long frameRegisters(int... words) {
        ByteBuffer code = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            code.putInt(w);
        }
        mem.protect(BASE, 0x1000, GuestMemory.READ | GuestMemory.EXEC);
        mem.write(BASE, code.array());
        return LoopRegisters.scan(mem, BASE).x;
    }

    private static long regs(int... rs) {
        long set = 0;
        for (int r : rs) {
            set |= 1L << r;
        }
        return set;
    }

    @Test
    void aCallFreeLoopKeepsItsRegistersInTheFrame() {
        long x = frameRegisters(
                        addi(A0, A0, 1),
                        addi(A1, A1, -1),
                        bne(A1, ZERO, -8),
                        RET);
        assertEquals(regs(A0, A1), x);
    }

    @Test
    void aLoopThatCallsKeepsItsRegistersInTheHart() {
        long x = frameRegisters(
                        addi(S0, S0, 1),
                        jal(RA, 16),          // a call of BASE + 20
                        addi(S1, S1, -1),
                        bne(S1, ZERO, -12),
                        RET,
                        RET);                 // the callee
        assertEquals(0, x);
    }

    @Test
    void aLoopThatMakesASystemCallKeepsItsRegistersInTheHart() {
        long x = frameRegisters(
                        addi(A0, A0, 1),
                        ECALL,
                        addi(A1, A1, -1),
                        bne(A1, ZERO, -12),
                        RET);
        assertEquals(0, x);
    }

    @Test
    void aCallFreeInnerLoopKeepsItsRegistersWhenTheOuterLoopCalls() {
        long x = frameRegisters(
                        addi(S0, S0, 1),      // outer loop head
                        addi(A0, A0, 1),      // inner loop
                        addi(A1, A1, -1),
                        bne(A1, ZERO, -8),
                        jal(RA, 12),          // a call of BASE + 28
                        bne(S0, ZERO, -20),
                        RET,
                        RET);                 // the callee
        assertEquals(regs(A0, A1), x);
    }

    @Test
    void jumpsThroughTheAlternateLinkRegisterAreNotCalls() {
        long x = frameRegisters(
                        addi(A0, A0, 1),
                        jal(T0, 12),          // millicode at BASE + 16 (joins the graph), returns through t0
                        addi(A1, A1, -1),
                        bne(A1, ZERO, -12),
                        0x00028067);          // jr t0
        assertEquals(regs(A0, A1, T0), x);
    }

    private static int jalr(int rd, int rs1, int imm) {
        return (imm & 0xfff) << 20 | rs1 << 15 | rd << 7 | 0x67;
    }

    /** The x registers a trampoline scope entered at BASE keeps, with text = [BASE, BASE + words' length). */
    private long scopeRegisters(int[] words, long farAddress, int... farWords) {
        mem.protect(BASE, 0x1000, GuestMemory.READ | GuestMemory.EXEC);
        write(BASE, words);
        write(farAddress, farWords);
        long textEnd = BASE + 4L * words.length;
        long x = 0;
        for (int r : LoopRegisters.trampolineScope(mem, BASE, pc -> pc >= BASE && pc < textEnd).homed) {
            x |= 1L << r;
        }
        return x;
    }

    private void write(long at, int[] words) {
        ByteBuffer code = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            code.putInt(w);
        }
        mem.write(at, code.array());
    }

    @Test
    void aTrampolineScopeKeepsWhatItsTextWritesOnEveryPathButNothingBeyondIt() {
        long x = scopeRegisters(new int[]{
                        addi(T1, T0, -4),
                        bne(T1, ZERO, 12),    // to BASE + 16
                        jalr(RA, T1, 0),      // a call (of whatever t1 holds): the scope goes on after it
                        addi(A0, A0, 1),
                        bne(A1, ZERO, 0xf0),  // out of the text, to BASE + 0x100
                        jalr(ZERO, T0, 0)},   // jr t0: the scope ends
                        BASE + 0x100, addi(S1, S1, 1), RET);
        assertEquals(regs(T1, RA, A0), x);
    }

    @Test
    void trampolineCodeWithALoopHasNoScope() {
        mem.protect(BASE, 0x1000, GuestMemory.READ | GuestMemory.EXEC);
        write(BASE, new int[]{
                        addi(A0, A0, 1),
                        jalr(RA, T1, 0),
                        bne(A0, ZERO, -8),
                        jalr(ZERO, T0, 0)});
        assertNull(LoopRegisters.trampolineScope(mem, BASE, pc -> pc >= BASE && pc < BASE + 16));
    }
}
