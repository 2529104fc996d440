/* RV64A: lr/sc success and failure, every AMO in .w and .d (signed/unsigned min/max),
 * all aq/rl variants, and the compiler's atomic builtins (incl. sub-word CAS loops). */
#include "rvtest.h"

static volatile uint64_t mem64[2] __attribute__((aligned(16)));
static volatile uint32_t mem32[4] __attribute__((aligned(16)));

#define AMO(fname, mnemonic, mem)                                             \
    static uint64_t fname(uint64_t v)                                         \
    {                                                                         \
        uint64_t old;                                                         \
        __asm__ volatile(mnemonic " %0, %2, (%1)"                             \
                         : "=r"(old) : "r"(&mem[0]), "r"(v) : "memory");      \
        return old;                                                           \
    }
#define AMO8(op)                                                              \
    AMO(op##_w, #op ".w", mem32) AMO(op##_w_aq, #op ".w.aq", mem32)           \
    AMO(op##_w_rl, #op ".w.rl", mem32) AMO(op##_w_aqrl, #op ".w.aqrl", mem32) \
    AMO(op##_d, #op ".d", mem64) AMO(op##_d_aq, #op ".d.aq", mem64)           \
    AMO(op##_d_rl, #op ".d.rl", mem64) AMO(op##_d_aqrl, #op ".d.aqrl", mem64)
AMO8(amoswap) AMO8(amoadd) AMO8(amoxor) AMO8(amoand) AMO8(amoor)
AMO8(amomin) AMO8(amomax) AMO8(amominu) AMO8(amomaxu)

typedef uint64_t (*amofn)(uint64_t);
#define ENTRY(op) {#op, {op##_w, op##_w_aq, op##_w_rl, op##_w_aqrl}, {op##_d, op##_d_aq, op##_d_rl, op##_d_aqrl}}
static const struct { const char *name; amofn w[4], d[4]; } amos[] = {
    ENTRY(amoswap), ENTRY(amoadd), ENTRY(amoxor), ENTRY(amoand), ENTRY(amoor),
    ENTRY(amomin), ENTRY(amomax), ENTRY(amominu), ENTRY(amomaxu),
};

/* upper halves of the .w operands are junk that must be ignored */
static const uint64_t wvals[] = {0, 1, 0xdeadbeef7fffffffull, 0x80000000ull, 0xffffffffull, 0x0123456712345678ull};
static const uint64_t dvals[] = {0, 1, 0xffffffffffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull,
                                 0x00000000ffffffffull, 0x123456789abcdef0ull};

static void test_amos(void)
{
    for (size_t o = 0; o < sizeof amos / sizeof amos[0]; o++) {
        printf("%s.w:", amos[o].name);
        for (size_t i = 0; i < 6; i++) {
            for (size_t j = 0; j < 6; j++) {
                uint64_t old = 0, now = 0;
                for (int v = 0; v < 4; v++) {
                    mem32[0] = (uint32_t)wvals[i];
                    mem32[1] = 0x5a5a5a5a;
                    uint64_t o2 = amos[o].w[v](wvals[j]);
                    if (v == 0) {
                        old = o2;
                        now = mem32[0];
                    }
                    CHECK(o2 == old && mem32[0] == now && mem32[1] == 0x5a5a5a5a);
                }
                if (j == 0)
                    printf("\n ");
                printf(" %08" PRIx64, now);
                CHECK(old == (uint64_t)(int64_t)(int32_t)(uint32_t)wvals[i]); /* old value sign-extended */
            }
        }
        printf("\n%s.d:", amos[o].name);
        for (size_t i = 0; i < 7; i++) {
            printf("\n ");
            for (size_t j = 0; j < 7; j++) {
                uint64_t now = 0;
                for (int v = 0; v < 4; v++) {
                    mem64[0] = dvals[i];
                    mem64[1] = 0xa5a5a5a5a5a5a5a5ull;
                    uint64_t o2 = amos[o].d[v](dvals[j]);
                    if (v == 0)
                        now = mem64[0];
                    CHECK(o2 == dvals[i] && mem64[0] == now && mem64[1] == 0xa5a5a5a5a5a5a5a5ull);
                }
                printf(" %016" PRIx64, now);
            }
        }
        printf("\n");
    }
    mem32[0] = 5;
    amoadd_w(0xffffffff); /* -1 */
    CHECK_EQ(mem32[0], 4);
    mem32[0] = 0x80000000u;
    CHECK_EQ(amomin_w(1), 0xffffffff80000000ull);
    CHECK_EQ(mem32[0], 0x80000000u);
    mem32[0] = 0x80000000u;
    amominu_w(1);
    CHECK_EQ(mem32[0], 1);
    mem64[0] = 0x8000000000000000ull;
    amomax_d(0xffffffffffffffffull);
    CHECK_EQ(mem64[0], 0xffffffffffffffffull);
    mem64[0] = 0x8000000000000000ull;
    amomaxu_d(0xffffffffffffffffull);
    CHECK_EQ(mem64[0], 0xffffffffffffffffull);
    mem64[0] = 0x7fffffffffffffffull;
    amomaxu_d(0x8000000000000000ull);
    CHECK_EQ(mem64[0], 0x8000000000000000ull);
    /* rd = x0 */
    mem64[0] = 10;
    __asm__ volatile("amoadd.d x0, %1, (%0)" : : "r"(&mem64[0]), "r"(32ull) : "memory");
    CHECK_EQ(mem64[0], 42);
}

static void test_lrsc(void)
{
    uint64_t loaded, fail1, fail2, fail3, fail4;
    /* lr.w / sc.w success */
    mem32[0] = 0x80000000u;
    __asm__ volatile("lr.w %0, (%2)\n\tsc.w %1, %3, (%2)"
                     : "=&r"(loaded), "=&r"(fail1) : "r"(&mem32[0]), "r"(0x11223344ull) : "memory");
    printf("lr.w loaded %016" PRIx64 ", sc.w result %" PRIu64 ", memory %08x\n", loaded, fail1, mem32[0]);
    CHECK_EQ(loaded, 0xffffffff80000000ull);
    CHECK_EQ(fail1, 0);
    CHECK_EQ(mem32[0], 0x11223344);
    /* a second sc without a new lr fails and leaves memory alone */
    __asm__ volatile("sc.w %0, %2, (%1)" : "=r"(fail2) : "r"(&mem32[0]), "r"(0x55ull) : "memory");
    printf("sc.w without reservation: %" PRIu64 ", memory %08x\n", fail2, mem32[0]);
    CHECK(fail2 != 0);
    CHECK_EQ(mem32[0], 0x11223344);
    /* lr.d / sc.d success, aq/rl variants */
    mem64[0] = 0x0123456789abcdefull;
    __asm__ volatile("lr.d.aq %0, (%2)\n\tsc.d.rl %1, %3, (%2)"
                     : "=&r"(loaded), "=&r"(fail3) : "r"(&mem64[0]), "r"(0xfedcba9876543210ull) : "memory");
    printf("lr.d.aq loaded %016" PRIx64 ", sc.d.rl result %" PRIu64 ", memory %016" PRIx64 "\n",
           loaded, fail3, mem64[0]);
    CHECK_EQ(loaded, 0x0123456789abcdefull);
    CHECK_EQ(fail3, 0);
    /* sc to an address other than the reserved one fails */
    mem64[1] = 7;
    __asm__ volatile("lr.d.aqrl %0, (%2)\n\tsc.d.aqrl %1, %4, (%3)"
                     : "=&r"(loaded), "=&r"(fail4) : "r"(&mem64[0]), "r"(&mem64[1]), "r"(99ull) : "memory");
    printf("sc.d to another address: %" PRIu64 ", memory %" PRIu64 "\n", fail4, mem64[1]);
    CHECK(fail4 != 0);
    CHECK_EQ(mem64[1], 7);
    /* lr/sc increment loop */
    mem64[0] = 0;
    for (int i = 0; i < 1000; i++) {
        uint64_t tmp, f;
        __asm__ volatile("1:\tlr.d %0, (%2)\n\t"
                         "addi %0, %0, 3\n\t"
                         "sc.d %1, %0, (%2)\n\t"
                         "bnez %1, 1b" : "=&r"(tmp), "=&r"(f) : "r"(&mem64[0]) : "memory");
    }
    printf("lr/sc loop: %" PRIu64 "\n", mem64[0]);
    CHECK_EQ(mem64[0], 3000);
}

static void test_builtins(void)
{
    static uint8_t b8[8];
    static uint16_t h16[4];
    static uint32_t w32;
    static uint64_t d64;
    /* sub-word operations: libgcc's __sync helpers (masked lr.w/sc.w loops) */
    uint8_t prev = __sync_val_compare_and_swap(&b8[3], 0, 0xab);
    CHECK_EQ(prev, 0);
    prev = __sync_val_compare_and_swap(&b8[3], 0, 0xcd);
    CHECK_EQ(prev, 0xab);
    uint8_t prev8 = __sync_fetch_and_add(&b8[5], 200);
    prev8 += __sync_fetch_and_add(&b8[5], 100); /* wraps at 8 bits */
    uint16_t prev16 = __sync_val_compare_and_swap(&h16[1], 0, 0xbeef);
    __sync_fetch_and_or(&h16[2], 0x8001);
    __atomic_fetch_xor(&w32, 0xffff0000u, __ATOMIC_SEQ_CST);
    uint64_t old = __sync_val_compare_and_swap(&d64, 0, 0x1111222233334444ull);
    __atomic_fetch_sub(&d64, 0x4444, __ATOMIC_RELEASE);
    uint32_t ew = 0xffff0000u;
    CHECK(__atomic_compare_exchange_n(&w32, &ew, 0x600df00du, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
    CHECK(!__atomic_compare_exchange_n(&w32, &ew, 0xbadu, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
    CHECK_EQ(ew, 0x600df00du);
    printf("builtins: b8 %02x%02x%02x%02x%02x%02x%02x%02x prev %u, h16 %04x %04x %04x prev %u, w32 %08x, d64 %016" PRIx64 " old %" PRIu64 "\n",
           b8[0], b8[1], b8[2], b8[3], b8[4], b8[5], b8[6], b8[7], prev8, h16[0], h16[1], h16[2], prev16, w32, d64, old);
    CHECK_EQ(b8[5], 44);
    CHECK_EQ(h16[2], 0x8001);
    CHECK_EQ(d64, 0x1111222233330000ull);
}

int main(void)
{
    test_lrsc();
    test_amos();
    test_builtins();
    return rvt_summary();
}
