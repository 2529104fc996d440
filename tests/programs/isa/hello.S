/* The smallest guest: no libc, write(1, msg, len) and exit_group(0) by ecall.
 * Built without the C extension in O2-rv64g, so the first bring-up needs RV64I only. */
    .section .rodata
msg:
    .ascii "hello from a bare RISC-V program\n"
    .equ msglen, . - msg

    .text
    .globl _start
_start:
    li a7, 64          /* write */
    li a0, 1
    lla a1, msg
    li a2, msglen
    ecall
    li t0, msglen
    bne a0, t0, 1f
    li a7, 94          /* exit_group */
    li a0, 0
    ecall
1:  li a7, 94
    li a0, 1
    ecall
