/* A direct trampoline (ops->direct_call, Linux's DIRECT ops): guest code the trampoline jumps
 * to instead of calling a callback. It counts, then goes on into the traced function with
 * "jr t0", keeping ra, as a direct trampoline must. FtraceTest registers it for `target`;
 * run plainly nothing calls it: "sum 5050, direct 0"; traced: "sum 5050, direct 100". */
#include <stdio.h>

volatile long direct_hits;

void direct_tramp(void);
__asm__(".text\n"
        ".balign 4\n"
        ".globl direct_tramp\n"
        ".type direct_tramp, @function\n"
        "direct_tramp:\n\t"
        "la t1, direct_hits\n\t"
        "ld t2, 0(t1)\n\t"
        "addi t2, t2, 1\n\t"
        "sd t2, 0(t1)\n\t"
        "jr t0\n"
        ".size direct_tramp, .-direct_tramp\n");

__attribute__((noipa, noinline)) long target(long x) { return x + 1; }

int main(void)
{
    long s = 0;
    for (long i = 0; i < 100; i++)
        s += target(i);
    printf("sum %ld, direct %ld\n", s, direct_hits);
    return 0;
}
