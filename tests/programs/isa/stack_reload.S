/* Reloads from the stack after the memory under a saved slot changed in other ways than
 * by an sd through sp: a store through another register, a narrower store, a store at
 * another sp that reaches the same address, an atomic, a store-conditional and a read()
 * into the slot; and a reload at the same offset after sp moved. rvtrace forwards an sd through sp to a later ld from the same sp and
 * offset (in compiled code the reload then costs nothing); each case checks that the
 * forwarding is forgotten when it must be. The cases run 200000 times, so that the loop
 * is compiled (JitTest.stackSlotsForwardedInCompiledCode, which turns the forwarding on
 * for all code: it is done in compiled code only, and normally only in ftrace's
 * trampolines). Prints "ok" or the number of the first failing case (status 1). */
    .section .rodata
okmsg:
    .ascii "ok\n"
failmsg:
    .ascii "failed case 0\n"
    .equ faillen, . - failmsg

    .bss
    .balign 8
failbuf:
    .space faillen

    /* got, expected, case: sets bit <case> of s3 when they differ, without a branch, so
     * that the check is part of the compiled loop (a branch to a fail path never taken
     * before compilation would leave compiled code, and the interpreter would redo the load) */
    .macro check got, expected, case
    xor t2, \got, \expected
    snez t2, t2
    slli t2, t2, \case
    or s3, s3, t2
    .endm

    .text
    .globl _start
_start:
    addi sp, sp, -64
    li s0, 200000            /* iterations */
    li s1, 0                 /* iteration counter, mixed into the values */
    li s3, 0                 /* failed cases, one bit each */
loop:
    /* 1: a store through another register to the same address */
    addi a0, s1, 11
    sd a0, 8(sp)
    mv t0, sp
    addi a1, s1, 12
    sd a1, 8(t0)
    ld a2, 8(sp)
    check a2, a1, 1

    /* 2: a narrower store into the slot (low word replaced) */
    li a0, -1
    sd a0, 16(sp)
    sw zero, 16(sp)
    ld a2, 16(sp)
    li a1, -1
    slli a1, a1, 32
    check a2, a1, 2

    /* 3: the same address through another sp: sd 16(sp) with sp 8 higher */
    addi a0, s1, 31
    sd a0, 24(sp)
    addi sp, sp, 8
    addi a1, s1, 32
    sd a1, 16(sp)            /* = the old 24(sp) */
    addi sp, sp, -8
    ld a2, 24(sp)
    check a2, a1, 3

    /* 4: an atomic swap on the slot */
    addi a0, s1, 41
    sd a0, 32(sp)
    addi t1, sp, 32
    addi a1, s1, 42
    amoswap.d a3, a1, (t1)
    ld a2, 32(sp)
    check a2, a1, 4
    check a3, a0, 4

    /* 5: a store-conditional to the slot (if it fails, the slot keeps a0) */
    addi a0, s1, 51
    sd a0, 40(sp)
    addi t1, sp, 40
    lr.d a3, (t1)
    addi a1, s1, 52
    sc.d a4, a1, (t1)
    ld a2, 40(sp)
    seqz t3, a4              /* expected: a4 == 0 ? a1 : a0 */
    sub t4, a1, a0
    mul t4, t4, t3
    add t4, t4, a0
    check a2, t4, 5

    /* 6: unchanged slots still read back what was stored */
    addi a0, s1, 61
    sd a0, 48(sp)
    addi a1, s1, 62
    sd a1, 56(sp)
    ld a2, 48(sp)
    ld a3, 56(sp)
    check a2, a0, 6
    check a3, a1, 6

    /* 8: sp moved, with no store in between: the same offset is another address */
    addi a0, s1, 81
    sd a0, 16(sp)
    addi a1, s1, 82
    sd a1, 8(sp)
    addi sp, sp, -8
    ld a2, 16(sp)            /* = the old 8(sp) */
    addi sp, sp, 8
    check a2, a1, 8

    addi s1, s1, 1
    blt s1, s0, loop

    /* 7: read() from stdin (8 bytes "rvtrace\n") into a slot saved just before */
    li a0, 77
    sd a0, 0(sp)
    li a7, 63                /* read */
    li a0, 0
    mv a1, sp
    li a2, 8
    ecall
    ld a2, 0(sp)
    li a1, 0x0a65636172747672 /* "rvtrace\n", little-endian */
    check a2, a1, 7

    li a7, 0                 /* the lowest failed case */
4:  addi a7, a7, 1
    li t0, 9
    beq a7, t0, pass
    srl t0, s3, a7
    andi t0, t0, 1
    bnez t0, fail
    j 4b

pass:
    li a7, 64                /* write */
    li a0, 1
    lla a1, okmsg
    li a2, 3
    ecall
    li a7, 94                /* exit_group */
    li a0, 0
    ecall

fail:                        /* a7: the case number (1-8) */
    mv s2, a7
    lla a0, failmsg
    lla a1, failbuf
    li a2, faillen
3:  lb t0, 0(a0)
    sb t0, 0(a1)
    addi a0, a0, 1
    addi a1, a1, 1
    addi a2, a2, -1
    bnez a2, 3b
    lla a1, failbuf
    addi t0, s2, '0'
    sb t0, faillen - 2(a1)
    li a7, 64
    li a0, 1
    li a2, faillen
    ecall
    li a7, 94
    li a0, 1
    ecall
