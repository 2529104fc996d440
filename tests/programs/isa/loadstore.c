/* RV64I loads and stores of every width with sign/zero extension, negative offsets,
 * and misaligned accesses (allowed in Linux user mode), including one across a page boundary. */
#include "rvtest.h"
#include <sys/mman.h>

#define LD(name)                                                              \
    static uint64_t ld_##name(const void *p)                                  \
    {                                                                         \
        uint64_t r;                                                           \
        __asm__ volatile(#name " %0, 0(%1)" : "=r"(r) : "r"(p) : "memory");   \
        return r;                                                             \
    }                                                                         \
    static uint64_t ldn_##name(const void *p) /* -3 offset from p + 3 */      \
    {                                                                         \
        uint64_t r;                                                           \
        __asm__ volatile(#name " %0, -3(%1)" : "=r"(r) : "r"((const char *)p + 3) : "memory"); \
        return r;                                                             \
    }
LD(lb) LD(lbu) LD(lh) LD(lhu) LD(lw) LD(lwu) LD(ld)

#define ST(name)                                                              \
    static void st_##name(void *p, uint64_t v)                                \
    {                                                                         \
        __asm__ volatile(#name " %1, 0(%0)" : : "r"(p), "r"(v) : "memory");   \
    }                                                                         \
    static void stn_##name(void *p, uint64_t v)                               \
    {                                                                         \
        __asm__ volatile(#name " %1, 2047(%0)" : : "r"((char *)p - 2047), "r"(v) : "memory"); \
    }
ST(sb) ST(sh) ST(sw) ST(sd)

static const struct { const char *name; uint64_t (*f)(const void *), (*fn)(const void *); } loads[] = {
    {"lb", ld_lb, ldn_lb}, {"lbu", ld_lbu, ldn_lbu}, {"lh", ld_lh, ldn_lh}, {"lhu", ld_lhu, ldn_lhu},
    {"lw", ld_lw, ldn_lw}, {"lwu", ld_lwu, ldn_lwu}, {"ld", ld_ld, ldn_ld},
};
static const struct { const char *name; void (*f)(void *, uint64_t), (*fn)(void *, uint64_t); } stores[] = {
    {"sb", st_sb, stn_sb}, {"sh", st_sh, stn_sh}, {"sw", st_sw, stn_sw}, {"sd", st_sd, stn_sd},
};

static unsigned char buf[64] __attribute__((aligned(16)));

static void dump(const unsigned char *p, int n)
{
    for (int i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

int main(void)
{
    static const unsigned char pattern[24] = {
        0x81, 0x7f, 0xff, 0x00, 0x80, 0x01, 0xfe, 0x7e, 0x12, 0x34, 0x56, 0x78,
        0x9a, 0xbc, 0xde, 0xf0, 0x00, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff, 0x7f};
    memcpy(buf, pattern, sizeof pattern);
    for (size_t l = 0; l < sizeof loads / sizeof loads[0]; l++) {
        printf("%-3s", loads[l].name);
        for (int off = 0; off < 16; off++) { /* offsets 0..15: aligned and misaligned */
            uint64_t v = loads[l].f(buf + off);
            CHECK(v == loads[l].fn(buf + off));
            if (off == 8)
                printf("\n   ");
            printf(" %016" PRIx64, v);
        }
        printf("\n");
    }
    CHECK_EQ(ld_lb(buf), 0xffffffffffffff81ull);
    CHECK_EQ(ld_lbu(buf), 0x81);
    CHECK_EQ(ld_lh(buf + 1), 0xffffffffffffff7full);
    CHECK_EQ(ld_lhu(buf + 1), 0xff7f);
    CHECK_EQ(ld_lw(buf + 16), 0xffffffff80000000ull);
    CHECK_EQ(ld_lwu(buf + 16), 0x80000000ull);
    CHECK_EQ(ld_ld(buf + 8), 0xf0debc9a78563412ull);
    CHECK_EQ(ld_ld(buf + 1), 0x127efe018000ff7full);

    const uint64_t v = 0x8899aabbccddeeffull;
    for (size_t s = 0; s < sizeof stores / sizeof stores[0]; s++) {
        for (int off = 0; off < 8; off++) {
            memset(buf, 0, 24);
            stores[s].f(buf + off, v);
            printf("%s+%d ", stores[s].name, off);
            dump(buf, 20);
            unsigned char copy[24];
            memcpy(copy, buf, 24);
            memset(buf, 0, 24);
            stores[s].fn(buf + off, v);
            CHECK(memcmp(copy, buf, 24) == 0);
        }
    }

    /* Misaligned accesses that straddle a page boundary. */
    long pg = 4096;
    unsigned char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    for (int i = 0; i < 16; i++)
        m[pg - 8 + i] = (unsigned char)(0xa0 + i);
    printf("cross-page ld  = %016" PRIx64 "\n", ld_ld(m + pg - 3));
    printf("cross-page lw  = %016" PRIx64 "\n", ld_lw(m + pg - 1));
    printf("cross-page lhu = %016" PRIx64 "\n", ld_lhu(m + pg - 1));
    CHECK_EQ(ld_ld(m + pg - 3), 0xacabaaa9a8a7a6a5ull);
    st_sd(m + pg - 5, 0x0102030405060708ull);
    printf("cross-page sd  = ");
    dump(m + pg - 8, 16);
    CHECK_EQ(ld_ld(m + pg - 5), 0x0102030405060708ull);
    munmap(m, 2 * pg);

    /* loads into x0 do not change it */
    uint64_t z;
    __asm__ volatile("ld x0, 0(%1)\n\tmv %0, x0" : "=r"(z) : "r"(buf) : "memory");
    CHECK_EQ(z, 0);
    return rvt_summary();
}
