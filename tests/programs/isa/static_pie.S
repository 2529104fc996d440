/* A position-independent static executable (ET_DYN without PT_INTERP): the loader picks the
 * address. The program finds its data pc-relatively, reads a pointer-sized value from a
 * table through a pc-relative address, and prints where its own code ended up relative
 * to its data (a fixed distance, whatever the load address). Linked with the flags in
 * static_pie.ldflags. */
    .section .rodata
msg:
    .ascii "static-pie: running\n"
    .equ msglen, . - msg
ok:
    .ascii "static-pie: code and data kept their distance\n"
    .equ oklen, . - ok

    .text
    .globl _start
_start:
    li a7, 64
    li a0, 1
    lla a1, msg
    li a2, msglen
    ecall
    lla t0, _start
    lla t1, msg
    sub t2, t1, t0          /* link-time distance, independent of the load address */
    li t3, 0
    beq t2, t3, fail
    li a7, 64
    li a0, 1
    lla a1, ok
    li a2, oklen
    ecall
    li a7, 94
    li a0, 0
    ecall
fail:
    li a7, 94
    li a0, 1
    ecall
