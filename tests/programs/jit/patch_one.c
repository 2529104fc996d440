/* For JitTest.patchInvalidatesOnlyTheChangedFunction: two hot functions side by side in
 * .text, hot_f(x) = x + 3 and hot_g(x) = x + 5, each called 200000 times from its own loop
 * (the JIT compiles both); then only hot_g's addi is rewritten (to x + 7) by an ordinary
 * store, and both are called 200000 times again: hot_f's compiled code must survive,
 * hot_g's must be thrown away and the new instruction seen. */
#include "rvtest.h"
#include "rvenc.h"
#include <sys/mman.h>
#include <unistd.h>

/* Adjacent functions, uncompressed, so that they share a page (and even a cache line) */
__asm__(".text\n"
        ".balign 16\n"
        ".option push\n"
        ".option norvc\n"
        ".globl hot_f\n"
        ".type hot_f, @function\n"
        "hot_f:\n\t"
        "addi a0, a0, 3\n\t"
        "ret\n"
        ".size hot_f, .-hot_f\n"
        ".globl hot_g\n"
        ".type hot_g, @function\n"
        "hot_g:\n\t"
        "addi a0, a0, 5\n\t"
        "ret\n"
        ".size hot_g, .-hot_g\n"
        ".option pop\n");
long hot_f(long);
long hot_g(long);

#define N 200000L

static __attribute__((noinline)) long loop_f(long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += hot_f(i);
    return s;
}

static __attribute__((noinline)) long loop_g(long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += hot_g(i);
    return s;
}

int main(void)
{
    long base = N * (N - 1) / 2;
    uint32_t *f = (uint32_t *)(void *)hot_f, *g = (uint32_t *)(void *)hot_g;
    CHECK(g == f + 2);
    long f1 = loop_f(N), g1 = loop_g(N);
    printf("hot_f x+3: sum + %ld, hot_g x+5: sum + %ld\n", f1 - base, g1 - base);
    fflush(stdout);
    uintptr_t page = (uintptr_t)g & ~(uintptr_t)4095;
    CHECK(mprotect((void *)page, 8192, PROT_READ | PROT_WRITE | PROT_EXEC) == 0);
    CHECK(g[0] == addi(A0, A0, 5));
    g[0] = addi(A0, A0, 7);
    __builtin___clear_cache((char *)g, (char *)(g + 1));
    write(1, "patched hot_g\n", 14);
    long f2 = loop_f(N), g2 = loop_g(N);
    printf("hot_f x+3: sum + %ld, hot_g x+7: sum + %ld\n", f2 - base, g2 - base);
    CHECK(f1 == base + 3 * N && g1 == base + 5 * N && f2 == f1 && g2 == base + 7 * N);
    return rvt_summary();
}
