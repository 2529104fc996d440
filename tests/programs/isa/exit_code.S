/* exit (93, not exit_group) with a status computed from argc: argc(=1) + 6 = 7. */
    .text
    .globl _start
_start:
    ld a0, 0(sp)       /* argc */
    addi a0, a0, 6
    li a7, 93          /* exit */
    ecall
    ebreak             /* not reached */
