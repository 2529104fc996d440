/* ftrace: the program reads its own patch sites while running. For probe() and for
 * bystander() it loads the 8 bytes before the symbol (the ops literal slot) and the 8 bytes
 * at it (the patched entry) and prints them in a neutral form:
 *   literal=nop-slide  the compiler's NOPs (4 c.nop 0x0001 on rv64gc, 2 nop 0x00000013 on rv64g)
 *   literal=zero       eight zero bytes
 *   literal=pointer    anything else (an ops pointer written by the tracer)
 *   entry=nops         the compiler's NOPs
 *   entry=auipc+nop    auipc t0, hi (0x00000297 | hi << 12) then nop (0x00000013)
 *   entry=auipc+jalr   auipc t0, hi then jalr t0, lo(t0) (0x000282e7 | lo << 20)
 *   entry=other(w0,w1) anything else, as two 32-bit words
 * Each round first calls probe() (bystander() is never called), then reads. Untraced (and
 * under qemu) both functions show nop-slide/nops: selfread.stdout. Under rvtrace
 * --ftrace=nop every site is initialized (literal = &ftrace_nop_ops, auipc t0 + nop):
 * selfread.nop; with --ftrace=function --ftrace-filter=probe probe's entry is auipc+jalr
 * while bystander stays auipc+nop: selfread.traced. Reading the code pages is allowed
 * (they are mapped r-x). */
#include "rvtest.h"

__attribute__((noipa, noinline)) long probe(long x) { return 2 * x + 1; }
__attribute__((noipa, noinline)) long bystander(long x) { return 3 * x - 1; }

static const char *literal_kind(uint64_t v)
{
    if (v == 0x0001000100010001ull || v == 0x0000001300000013ull)
        return "nop-slide";
    if (v == 0)
        return "zero";
    return "pointer";
}

static const char *entry_kind(uint32_t w0, uint32_t w1, char *buf, size_t n)
{
    if ((w0 == 0x00010001u && w1 == 0x00010001u) || (w0 == 0x00000013u && w1 == 0x00000013u))
        return "nops";
    if ((w0 & 0xfffu) == 0x297u && w1 == 0x00000013u)
        return "auipc+nop";
    if ((w0 & 0xfffu) == 0x297u && (w1 & 0xfffffu) == 0x000282e7u)
        return "auipc+jalr";
    snprintf(buf, n, "other(%08" PRIx32 ",%08" PRIx32 ")", w0, w1);
    return buf;
}

/* the 16 bytes around a function, loaded at run time (the compiler knows nothing of them) */
static void show(const char *name, long (*fn)(long))
{
    uintptr_t a = (uintptr_t)fn;
    __asm__ volatile("" : "+r"(a));
    const volatile uint16_t *p = (const volatile uint16_t *)(a - 8);
    uint16_t h[8];
    for (int i = 0; i < 8; i++)
        h[i] = p[i];
    uint64_t literal = (uint64_t)h[0] | (uint64_t)h[1] << 16 | (uint64_t)h[2] << 32 | (uint64_t)h[3] << 48;
    uint32_t w0 = (uint32_t)h[4] | (uint32_t)h[5] << 16, w1 = (uint32_t)h[6] | (uint32_t)h[7] << 16;
    char buf[40];
    printf("%s: literal=%s entry=%s\n", name, literal_kind(literal), entry_kind(w0, w1, buf, sizeof buf));
}

int main(void)
{
    for (long round = 1; round <= 2; round++) {
        long r = probe(OPAQUE(round));
        printf("round %ld: probe(%ld) = %ld\n", round, round, r);
        show("probe", probe);
        show("bystander", bystander);
    }
    return 0;
}
