/* Rounding modes: the five static modes (rne rtz rdn rup rmm) encoded in the instruction,
 * and the dynamic mode set through fesetround (and fsrm for rmm, which fenv lacks),
 * on additions, divisions, square roots, fmas and conversions whose results are inexact. */
#include "fptest.h"
#include <fenv.h>

#define OPS_RM(rm)                                                            \
    static uint64_t add_##rm(uint64_t a, uint64_t b) { uint64_t r; __asm__ volatile("fmv.d.x ft0,%1\n\tfmv.d.x ft1,%2\n\tfadd.d ft2,ft0,ft1," #rm "\n\tfmv.x.d %0,ft2" : "=r"(r) : "r"(a), "r"(b) : "ft0","ft1","ft2"); return r; } \
    static uint64_t div_##rm(uint64_t a, uint64_t b) { uint64_t r; __asm__ volatile("fmv.d.x ft0,%1\n\tfmv.d.x ft1,%2\n\tfdiv.d ft2,ft0,ft1," #rm "\n\tfmv.x.d %0,ft2" : "=r"(r) : "r"(a), "r"(b) : "ft0","ft1","ft2"); return r; } \
    static uint64_t divs_##rm(uint64_t a, uint64_t b) { uint64_t r; __asm__ volatile("fmv.w.x ft0,%1\n\tfmv.w.x ft1,%2\n\tfdiv.s ft2,ft0,ft1," #rm "\n\tfmv.x.w %0,ft2" : "=r"(r) : "r"(a), "r"(b) : "ft0","ft1","ft2"); return (uint32_t)r; } \
    static uint64_t sqrt_##rm(uint64_t a, uint64_t b) { uint64_t r; (void)b; __asm__ volatile("fmv.d.x ft0,%1\n\tfsqrt.d ft2,ft0," #rm "\n\tfmv.x.d %0,ft2" : "=r"(r) : "r"(a) : "ft0","ft2"); return r; } \
    static uint64_t fma_##rm(uint64_t a, uint64_t b) { uint64_t r; __asm__ volatile("fmv.d.x ft0,%1\n\tfmv.d.x ft1,%2\n\tfmadd.d ft2,ft0,ft1,ft1," #rm "\n\tfmv.x.d %0,ft2" : "=r"(r) : "r"(a), "r"(b) : "ft0","ft1","ft2"); return r; } \
    static uint64_t cvtsd_##rm(uint64_t a, uint64_t b) { uint64_t r; (void)b; __asm__ volatile("fmv.d.x ft0,%1\n\tfcvt.s.d ft2,ft0," #rm "\n\tfmv.x.w %0,ft2" : "=r"(r) : "r"(a) : "ft0","ft2"); return (uint32_t)r; } \
    static uint64_t cvtsl_##rm(uint64_t a, uint64_t b) { uint64_t r; (void)b; __asm__ volatile("fcvt.s.l ft2,%1," #rm "\n\tfmv.x.w %0,ft2" : "=r"(r) : "r"(a) : "ft2"); return (uint32_t)r; } \
    static uint64_t cvtwd_##rm(uint64_t a, uint64_t b) { uint64_t r; (void)b; __asm__ volatile("fmv.d.x ft0,%1\n\tfcvt.w.d %0,ft0," #rm : "=r"(r) : "r"(a) : "ft0"); return r; }
OPS_RM(rne) OPS_RM(rtz) OPS_RM(rdn) OPS_RM(rup) OPS_RM(rmm) OPS_RM(dyn)

typedef uint64_t (*op2)(uint64_t, uint64_t);
#define SIX(base) {base##_rne, base##_rtz, base##_rdn, base##_rup, base##_rmm, base##_dyn}
static const struct { const char *name; op2 f[6]; uint64_t cases[4][2]; } ops[] = {
    {"fadd.d", SIX(add), {{0x3ff0000000000000ull, 0x3ca8000000000000ull},   /* 1 + 1.5ulp/2... */
                          {0xbff0000000000000ull, 0xbca0000000000000ull},   /* -1 - ulp/2: tie */
                          {0x3ff0000000000001ull, 0x3ca0000000000000ull},   /* odd + half ulp: tie */
                          {0x7fefffffffffffffull, 0x7ca0000000000000ull}}}, /* overflow boundary */
    {"fdiv.d", SIX(div), {{0x3ff0000000000000ull, 0x4008000000000000ull},   /* 1/3 */
                          {0xbff0000000000000ull, 0x4008000000000000ull},   /* -1/3 */
                          {0x4000000000000000ull, 0x4008000000000000ull},   /* 2/3 */
                          {0x0000000000000001ull, 0x4000000000000000ull}}}, /* min subnormal / 2: tie to 0 */
    {"fdiv.s", SIX(divs), {{0x3f800000, 0x40400000}, {0xbf800000, 0x40400000},
                           {0x40000000, 0x40400000}, {0x00000003, 0x40000000}}},
    {"fsqrt.d", SIX(sqrt), {{0x4000000000000000ull, 0}, {0x4008000000000000ull, 0},
                            {0x3fe0000000000000ull, 0}, {0x4014000000000000ull, 0}}},
    {"fmadd.d", SIX(fma), {{0x3ff0000000000001ull, 0x3ff0000000000001ull}, {0xbfd5555555555555ull, 0x4008000000000000ull},
                           {0x3cb0000000000000ull, 0x3cb0000000000000ull}, {0xbff0000000000001ull, 0x3ff0000000000001ull}}},
    {"fcvt.s.d", SIX(cvtsd), {{0x3fb999999999999aull, 0}, {0xbfb999999999999aull, 0},
                              {0x3ff0000010000000ull, 0}, {0xbff0000030000000ull, 0}}},
    {"fcvt.s.l", SIX(cvtsl), {{0x0000000001000001ull, 0}, {0xfffffffffefffffdull, 0},
                              {0x0000000001000003ull, 0}, {0x7fffffffffffffffull, 0}}},
    {"fcvt.w.d", SIX(cvtwd), {{0x4004000000000000ull, 0}, {0xc004000000000000ull, 0},
                              {0x400c000000000000ull, 0}, {0xbfe8000000000000ull, 0}}},
};
static const char *const rmname[] = {"rne", "rtz", "rdn", "rup", "rmm", "dyn"};

static void run(const char *label, int static_modes)
{
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        for (int m = static_modes ? 0 : 5; m < (static_modes ? 5 : 6); m++) {
            printf("%s %-8s %s:", label, ops[k].name, rmname[m]);
            for (int c = 0; c < 4; c++)
                printf(" %016" PRIx64, ops[k].f[m](ops[k].cases[c][0], ops[k].cases[c][1]));
            printf("\n");
        }
    }
}

int main(void)
{
    run("static", 1);
    /* dynamic rounding: fesetround changes frm, and the dyn-encoded instructions follow it */
    static const struct { int mode; const char *name; int idx; } dyn[] = {
        {FE_TONEAREST, "FE_TONEAREST", 0}, {FE_TOWARDZERO, "FE_TOWARDZERO", 1},
        {FE_DOWNWARD, "FE_DOWNWARD", 2}, {FE_UPWARD, "FE_UPWARD", 3}};
    for (int d = 0; d < 4; d++) {
        CHECK(fesetround(dyn[d].mode) == 0);
        unsigned long frm;
        __asm__ volatile("frrm %0" : "=r"(frm));
        printf("fesetround(%s): frm=%lu fegetround matches: %d\n", dyn[d].name, frm, fegetround() == dyn[d].mode);
        CHECK(frm == (unsigned long)dyn[d].idx);
        run(dyn[d].name, 0);
        for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
            for (int c = 0; c < 4; c++)
                CHECK(ops[k].f[5](ops[k].cases[c][0], ops[k].cases[c][1]) ==
                      ops[k].f[dyn[d].idx](ops[k].cases[c][0], ops[k].cases[c][1]));
        /* C arithmetic follows the dynamic mode too */
        volatile double one = 1.0, three = 3.0;
        volatile double q = one / three;
        uint64_t bits;
        memcpy(&bits, (const void *)&q, 8);
        printf("  C 1.0/3.0 = %016" PRIx64 "\n", bits);
    }
    __asm__ volatile("fsrm %0" : : "r"(4ul)); /* rmm: not in <fenv.h> */
    run("frm=rmm", 0);
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
        for (int c = 0; c < 4; c++)
            CHECK(ops[k].f[5](ops[k].cases[c][0], ops[k].cases[c][1]) ==
                  ops[k].f[4](ops[k].cases[c][0], ops[k].cases[c][1]));
    fesetround(FE_TONEAREST);
    CHECK_EQ(div_rdn(0xbff0000000000000ull, 0x4008000000000000ull), 0xbfd5555555555556ull);
    CHECK_EQ(div_rup(0xbff0000000000000ull, 0x4008000000000000ull), 0xbfd5555555555555ull);
    CHECK_EQ(add_rne(0x7fefffffffffffffull, 0x7ca0000000000000ull), 0x7ff0000000000000ull);
    CHECK_EQ(add_rtz(0x7fefffffffffffffull, 0x7ca0000000000000ull), 0x7fefffffffffffffull);
    CHECK_EQ(cvtwd_rmm(0xc004000000000000ull, 0), (uint64_t)-3);
    CHECK_EQ(cvtwd_rne(0xc004000000000000ull, 0), (uint64_t)-2);
    return rvt_summary();
}
