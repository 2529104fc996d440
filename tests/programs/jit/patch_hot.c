/* For JitTest.hotLoopIsCompiledThenPatched: hot_add(x) = x + 1 is called 200000 times from
 * a loop (the JIT compiles hot_add, and the loop through on-stack replacement), then its
 * page of .text is made RWX with mprotect, its addi is rewritten to x + 3 by an ordinary
 * store, the instruction cache is flushed, and 200000 more calls must see the new
 * instruction; then the original instruction is put back. */
#include "rvtest.h"
#include "rvenc.h"
#include <sys/mman.h>
#include <unistd.h>

/* hot_add(x) = x + 1: an uncompressed addi at the function's entry, the same in every flavour */
__asm__(".text\n"
        ".balign 4\n"
        ".globl hot_add\n"
        ".type hot_add, @function\n"
        "hot_add:\n"
        ".option push\n"
        ".option norvc\n\t"
        "addi a0, a0, 1\n\t"
        "ret\n"
        ".option pop\n"
        ".size hot_add, .-hot_add\n");
long hot_add(long);

#define N 200000L

static __attribute__((noinline)) long hot_loop(long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += hot_add(i);
    return s;
}

static int make_writable(void *p)
{
    uintptr_t start = (uintptr_t)p & ~(uintptr_t)4095;
    uintptr_t end = ((uintptr_t)p + 8 + 4095) & ~(uintptr_t)4095;
    return mprotect((void *)start, end - start, PROT_READ | PROT_WRITE | PROT_EXEC);
}

static void patch(uint32_t insn)
{
    uint32_t *site = (uint32_t *)(void *)hot_add;
    site[0] = insn;
    __builtin___clear_cache((char *)site, (char *)(site + 1));
}

int main(void)
{
    long base = N * (N - 1) / 2;
    long s1 = hot_loop(N);
    printf("x+1: %ld (sum + %ld)\n", s1, s1 - base);
    fflush(stdout);
    CHECK(make_writable((void *)hot_add) == 0);
    CHECK(*(uint32_t *)(void *)hot_add == addi(A0, A0, 1));
    patch(addi(A0, A0, 3));
    write(1, "patched\n", 8);
    long s2 = hot_loop(N);
    printf("x+3: %ld (sum + %ld)\n", s2, s2 - base);
    patch(addi(A0, A0, 1));
    long s3 = hot_loop(N);
    printf("restored x+1: %ld (sum + %ld)\n", s3, s3 - base);
    CHECK(s1 == base + N && s2 == base + 3 * N && s3 == s1);
    return rvt_summary();
}
