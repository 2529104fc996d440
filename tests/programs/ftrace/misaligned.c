/* ftrace: a patch site the tracer must refuse. GCC ignores -falign-functions for a function
 * optimized for size (GCC PR 88345: optimize("Os") or cold), so its patch area is only
 * 2-aligned (rv64gc) or 4-aligned (rv64g) and the 8-byte ops literal before the symbol
 * cannot be written with one aligned store. To make that certain rather than an accident
 * of layout, misaligned() lives in a section of its own that starts 8-aligned with a
 * NOP as pad: its literal slot is at offset 2 (rv64gc, c.nop pad) or 4 (rv64g, nop pad).
 * The program checks this itself and prints it. aligned_a() and aligned_b() are ordinary
 * (8-aligned) sites, and so is site(), which prints what the program checks of each.
 * Calls: aligned_a 10, aligned_b 4, misaligned 7, site 3, main 1
 * (misaligned.calls); a tracer sees every one except those of misaligned(). */
#include "rvtest.h"

/* GCC writes top-level asm before any function, so the pad comes first in the section.
 * The pad is one never-executed NOP: 2 bytes with C, 4 without (instructions must stay
 * 4-aligned there, and the assembler would not realign after a 2-byte pad). */
#ifdef __riscv_compressed
#define PAD ".2byte 0x0001\n\t"
#else
#define PAD ".4byte 0x00000013\n\t"
#endif
__asm__(".pushsection .text.rvt_misaligned,\"ax\",@progbits\n\t"
        ".balign 8\n\t"
        PAD
        ".popsection");

__attribute__((noipa, noinline, optimize("Os"), section(".text.rvt_misaligned"))) long misaligned(long x)
{
    return x * 7 + 3;
}

__attribute__((noipa, noinline)) long aligned_a(long x) { return x ^ 0x5a; }
__attribute__((noipa, noinline)) long aligned_b(long x) { return x * x - 2; }

/* weak: the -finstrument-functions build of the oracle has no such section */
extern const uint64_t __start___patchable_function_entries[] __attribute__((weak));
extern const uint64_t __stop___patchable_function_entries[] __attribute__((weak));

__attribute__((noipa, noinline)) void site(const char *name, long (*fn)(long))
{
    uintptr_t a = (uintptr_t)fn;
    __asm__ volatile("" : "+r"(a));
    int listed = 0;
    for (const uint64_t *e = __start___patchable_function_entries; e && e < __stop___patchable_function_entries; e++)
        listed += *e == a - 8;
    printf("%s: listed %d, literal slot 8-aligned %d\n", name, listed, ((a - 8) & 7) == 0);
}

int main(void)
{
    site("aligned_a", aligned_a);
    site("aligned_b", aligned_b);
    site("misaligned", misaligned);
    long s = 0;
    for (long i = 0; i < 10; i++)
        s += OPAQUE(aligned_a(i));
    for (long i = 0; i < 7; i++)
        s += OPAQUE(misaligned(i));
    for (long i = 0; i < 4; i++)
        s += OPAQUE(aligned_b(i));
    printf("sum %ld\n", s);
    CHECK(s == 1071);
    return rvt_summary();
}
