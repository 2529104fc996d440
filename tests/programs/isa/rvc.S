/* Every RV64C instruction (c.ebreak excepted), written with explicit c.* mnemonics.
 * Each result goes through `check`, which prints "<n> <value hex>" and counts mismatches;
 * the exit status is the number of mismatches.  Also: a 32-bit instruction that
 * straddles a page boundary after a run of 16-bit ones, and c.jalr's link (pc + 2). */

    .option rvc

/* CHK reg, expected: compare reg with expected (a 64-bit constant).
 * Preserves every register but ra (and t6, used for the constant). */
    .macro CHK reg, val
    addi sp, sp, -16
    sd a0, 0(sp)
    sd a1, 8(sp)
    mv a0, \reg
    li a1, \val
    call check
    ld a0, 0(sp)
    ld a1, 8(sp)
    addi sp, sp, 16
    .endm

    .section .rodata
donemsg: .ascii "rvc done\n"
    .equ donelen, . - donemsg

    .bss
    .balign 16
data:   .skip 512
outbuf: .skip 64

    .text
    .globl _start
_start:
    li s10, 0                  /* failures */
    li s11, 0                  /* test number */
    addi sp, sp, -1024
    andi sp, sp, -16

    /* ---- immediates ---- */
    c.li a0, -32
    CHK a0, -32
    c.li a1, 31
    CHK a1, 31
    c.lui a2, 0xfffff
    CHK a2, -4096
    c.lui a3, 0x1f
    CHK a3, 0x1f000
    c.lui a4, 0xfffe0
    CHK a4, 0xfffffffffffe0000
    li a0, 100
    c.addi a0, -32
    CHK a0, 68
    c.addi a0, 31
    CHK a0, 99
    li a1, 0x7fffffff
    c.addiw a1, 1
    CHK a1, 0xffffffff80000000
    li a1, 0x1234567880000000
    c.addiw a1, 0              /* sext.w */
    CHK a1, 0xffffffff80000000
    c.nop

    /* ---- stack pointer arithmetic ---- */
    mv t0, sp
    c.addi16sp sp, -512
    sub a0, sp, t0
    CHK a0, -512
    c.addi16sp sp, 496
    c.addi16sp sp, 16
    sub a0, sp, t0
    CHK a0, 0
    c.addi4spn a2, sp, 1020
    sub a0, a2, sp
    CHK a0, 1020
    c.addi4spn s0, sp, 4
    sub a0, s0, sp
    CHK a0, 4

    /* ---- shifts and logic ---- */
    li a3, 1
    c.slli a3, 63
    CHK a3, 0x8000000000000000
    li t3, 0x55
    c.slli t3, 1               /* rd outside x8-x15 */
    CHK t3, 0xaa
    mv a4, a3
    c.srli a4, 63
    CHK a4, 1
    mv a5, a3
    c.srai a5, 63
    CHK a5, -1
    li s1, 0x8000000000000000
    c.srai s1, 1
    CHK s1, 0xc000000000000000
    li s1, 0x8000000000000000
    c.srli s1, 1
    CHK s1, 0x4000000000000000
    li a0, 0x123456789abcdef0
    c.andi a0, -17
    CHK a0, 0x123456789abcdee0
    li a0, 0x123456789abcdef0
    c.andi a0, 31
    CHK a0, 0x10
    li a0, 0xff00ff00ff00ff00
    li a1, 0x0ff00ff00ff00ff0
    mv a2, a0
    c.and a2, a1
    CHK a2, 0x0f000f000f000f00
    mv a2, a0
    c.or a2, a1
    CHK a2, 0xfff0fff0fff0fff0
    mv a2, a0
    c.xor a2, a1
    CHK a2, 0xf0f0f0f0f0f0f0f0
    mv a2, a0
    c.sub a2, a1
    CHK a2, 0xef10ef10ef10ef10
    li a3, 0x80000000
    li a4, 1
    c.subw a3, a4
    CHK a3, 0x7fffffff
    li a3, 0x7fffffff
    c.addw a3, a4
    CHK a3, 0xffffffff80000000
    li a3, 0xffffffff00000005
    li a4, 0x00000000fffffffa
    c.addw a3, a4
    CHK a3, -1
    li t4, 40
    li t5, 2
    c.mv t3, t4
    c.add t3, t5
    CHK t3, 42
    c.mv t3, t5
    CHK t3, 2

    /* ---- loads and stores, register based (s0 = data) ---- */
    lla s0, data
    li a0, 0x80000001
    c.sw a0, 124(s0)
    c.lw a1, 124(s0)
    CHK a1, 0xffffffff80000001
    li a0, 0x0123456789abcdef
    c.sd a0, 248(s0)
    c.ld a2, 248(s0)
    CHK a2, 0x0123456789abcdef
    lw a3, 252(s0)             /* upper word of the doubleword */
    CHK a3, 0x01234567
    c.sw a0, 0(s0)
    lwu a4, 0(s0)
    CHK a4, 0x89abcdef
    c.lw a4, 0(s0)
    CHK a4, 0xffffffff89abcdef

    /* ---- loads and stores, sp based ---- */
    li t0, 0xfedcba9876543210
    c.sdsp t0, 504(sp)
    c.ldsp t1, 504(sp)
    CHK t1, 0xfedcba9876543210
    c.swsp t0, 252(sp)
    c.lwsp t2, 252(sp)
    CHK t2, 0x76543210
    lw t2, 508(sp)             /* upper word of the doubleword at 504 */
    CHK t2, 0xfffffffffedcba98
    c.sdsp t0, 0(sp)
    c.ldsp ra, 0(sp)
    CHK ra, 0xfedcba9876543210

    /* ---- floating point loads and stores ---- */
    li t0, 0x400921fb54442d18  /* pi */
    fmv.d.x fa5, t0
    c.fsd fa5, 8(s0)
    c.fld fs1, 8(s0)
    fmv.x.d a0, fs1
    CHK a0, 0x400921fb54442d18
    c.fsdsp fa5, 496(sp)
    c.fldsp ft11, 496(sp)
    fmv.x.d a0, ft11
    CHK a0, 0x400921fb54442d18
    ld a0, 496(sp)
    CHK a0, 0x400921fb54442d18
    fmv.d.x fs0, zero
    c.fsd fs0, 248(s0)
    c.ld a0, 248(s0)
    CHK a0, 0

    /* ---- jumps and branches ---- */
    li a0, 0
    c.j 1f
    li a0, 1                   /* skipped */
1:  CHK a0, 0
    li a0, 0
    li a1, 3
2:  addi a0, a0, 10
    addi a1, a1, -1
    c.bnez a1, 2b              /* backward, taken twice */
    CHK a0, 30
    li a1, 0
    c.bnez a1, 3f              /* not taken */
    c.beqz a1, 4f              /* taken */
3:  li a0, 111
    c.j 5f
4:  li a0, 222
5:  CHK a0, 222
    li a1, 5
    c.beqz a1, 6f              /* not taken */
    li a0, 333
    c.j 7f
6:  li a0, 444
7:  CHK a0, 333
    j 9f
8:  li a0, 555                 /* reached by a backward c.j */
    c.j 10f
9:  c.j 8b
10: CHK a0, 555
    lla t0, 11f
    c.jr t0
    li a0, 1
11: li a0, 0
    CHK a0, 0
    /* c.jalr links pc + 2 */
    lla t0, link_target
    li a0, 0
12: c.jalr t0
13: lla t1, 13b
    sub a0, a0, t1
    CHK a0, 0
    /* a call and return through c.jalr / c.jr ra */
    lla t0, add_one
    li a0, 41
    c.jalr t0
    CHK a0, 42

    /* ---- a 32-bit instruction straddling a page boundary ---- */
    call straddle
    CHK a0, 0x2f5
    call straddle
    CHK a0, 0x2f5

    /* ---- summary ---- */
    li a7, 64
    li a0, 1
    lla a1, donemsg
    li a2, donelen
    ecall
    mv a0, s10
    li a7, 94
    ecall

link_target:
    mv a0, ra
    c.jr ra

add_one:
    c.addi a0, 1
    c.jr ra

/* check(a0 = got, a1 = want): prints "<n> <got as 16 hex digits>[ FAIL want ...]" */
check:
    addi sp, sp, -64
    sd t0, 0(sp)
    sd t1, 8(sp)
    sd t2, 16(sp)
    sd t3, 24(sp)
    sd t4, 32(sp)
    sd t5, 40(sp)
    sd a2, 48(sp)
    sd a7, 56(sp)
    addi s11, s11, 1
    lla t0, outbuf
    /* two decimal digits of the test number */
    li t1, 10
    divu t2, s11, t1
    remu t3, s11, t1
    addi t2, t2, '0'
    addi t3, t3, '0'
    sb t2, 0(t0)
    sb t3, 1(t0)
    li t2, ' '
    sb t2, 2(t0)
    addi t0, t0, 3
    mv t4, a0
    li t5, 60
1:  srl t2, t4, t5
    andi t2, t2, 15
    li t3, 10
    blt t2, t3, 2f
    addi t2, t2, 'a' - 10
    j 3f
2:  addi t2, t2, '0'
3:  sb t2, 0(t0)
    addi t0, t0, 1
    addi t5, t5, -4
    bgez t5, 1b
    beq a0, a1, 4f
    addi s10, s10, 1
    li t2, 'X'
    sb t2, 0(t0)
    addi t0, t0, 1
4:  li t2, '\n'
    sb t2, 0(t0)
    addi t0, t0, 1
    lla a1, outbuf
    sub a2, t0, a1
    li a0, 1
    li a7, 64
    ecall
    ld t0, 0(sp)
    ld t1, 8(sp)
    ld t2, 16(sp)
    ld t3, 24(sp)
    ld t4, 32(sp)
    ld t5, 40(sp)
    ld a2, 48(sp)
    ld a7, 56(sp)
    addi sp, sp, 64
    ret

    /* A page of code: 2047 c.nop (4094 bytes), then a 4-byte addi that crosses into the next page. */
    .section .text.straddle, "ax"
    .balign 4096
straddle:
    .fill 2047, 2, 0x0001      /* c.nop */
    .option push
    .option norvc
    li a0, 0x2f5               /* addi a0, zero, 0x2f5: bytes 4094..4097 */
    .option pop
    ret
