/* F and D arithmetic: fadd fsub fmul fdiv fmin fmax fsqrt and the four fused
 * multiply-adds, on special operands (signed zeros, subnormals, infinities, qNaN, sNaN),
 * printing result bits and the fflags each operation raised (NV DZ OF UF NX = 10 08 04 02 01). */
#include "fptest.h"

FOP2_D(add_d, "fadd.d") FOP2_D(sub_d, "fsub.d") FOP2_D(mul_d, "fmul.d") FOP2_D(div_d, "fdiv.d")
FOP2_D(min_d, "fmin.d") FOP2_D(max_d, "fmax.d")
FOP2_S(add_s, "fadd.s") FOP2_S(sub_s, "fsub.s") FOP2_S(mul_s, "fmul.s") FOP2_S(div_s, "fdiv.s")
FOP2_S(min_s, "fmin.s") FOP2_S(max_s, "fmax.s")
FOP1_D(sqrt_d, "fsqrt.d") FOP1_S(sqrt_s, "fsqrt.s")
FOP3_D(madd_d, "fmadd.d") FOP3_D(msub_d, "fmsub.d") FOP3_D(nmadd_d, "fnmadd.d") FOP3_D(nmsub_d, "fnmsub.d")
FOP3_S(madd_s, "fmadd.s") FOP3_S(msub_s, "fmsub.s") FOP3_S(nmadd_s, "fnmadd.s") FOP3_S(nmsub_s, "fnmsub.s")

typedef uint64_t (*fop2)(uint64_t, uint64_t, unsigned *);
typedef uint64_t (*fop3)(uint64_t, uint64_t, uint64_t, unsigned *);

static void table(const char *name, fop2 f, const uint64_t *v, size_t n, int wide)
{
    for (size_t i = 0; i < n; i++) {
        printf(wide ? "%s %016" PRIx64 ":" : "%s %08" PRIx64 ":", name, v[i]);
        for (size_t j = 0; j < n; j++) {
            unsigned fl;
            uint64_t r = f(v[i], v[j], &fl);
            if (j && j % 6 == 0)
                printf("\n   ");
            printf(wide ? " %016" PRIx64 "/%02x" : " %08" PRIx64 "/%02x", r, fl);
        }
        printf("\n");
    }
}

static void unary(const char *name, fop2 f, const uint64_t *v, size_t n, int wide)
{
    printf("%s:", name);
    for (size_t i = 0; i < n; i++) {
        unsigned fl;
        uint64_t r = f(v[i], 0, &fl);
        if (i && i % 6 == 0)
            printf("\n   ");
        printf(wide ? " %016" PRIx64 "/%02x" : " %08" PRIx64 "/%02x", r, fl);
    }
    printf("\n");
}

int main(void)
{
    table("fadd.d", add_d, dvals, NDV, 1);
    table("fsub.d", sub_d, dvals, NDV, 1);
    table("fmul.d", mul_d, dvals, NDV, 1);
    table("fdiv.d", div_d, dvals, NDV, 1);
    table("fmin.d", min_d, dvals, NDV, 1);
    table("fmax.d", max_d, dvals, NDV, 1);
    table("fadd.s", add_s, svals, NSV, 0);
    table("fsub.s", sub_s, svals, NSV, 0);
    table("fmul.s", mul_s, svals, NSV, 0);
    table("fdiv.s", div_s, svals, NSV, 0);
    table("fmin.s", min_s, svals, NSV, 0);
    table("fmax.s", max_s, svals, NSV, 0);
    unary("fsqrt.d", sqrt_d, dvals, NDV, 1);
    unary("fsqrt.s", sqrt_s, svals, NSV, 0);

    /* fused multiply-add on chosen triples (a*b+c) */
    static const uint64_t dtri[][3] = {
        {0x3ff0000000000000ull, 0x4008000000000000ull, 0x3ff0000000000000ull},  /* 1*3+1 */
        {0x3fb999999999999aull, 0x4024000000000000ull, 0xbff0000000000000ull},  /* 0.1*10-1: exact residue */
        {0x7ff0000000000000ull, 0x0000000000000000ull, 0x7ff8000000000000ull},  /* inf*0+qNaN: NV */
        {0x7ff0000000000000ull, 0x3ff0000000000000ull, 0xfff0000000000000ull},  /* inf-inf: NV */
        {0x7fefffffffffffffull, 0x4000000000000000ull, 0xffefffffffffffffull},  /* no intermediate overflow */
        {0x0010000000000000ull, 0x3fe0000000000000ull, 0x0000000000000000ull},  /* subnormal result */
        {0x3ff0000000000001ull, 0x3ff0000000000001ull, 0xbff0000000000002ull},  /* tiny exact result */
        {0x0000000000000000ull, 0xbff0000000000000ull, 0x0000000000000000ull},  /* -0 + +0 */
        {0x7ff0000000000001ull, 0x3ff0000000000000ull, 0x3ff0000000000000ull},  /* sNaN */
    };
    static const uint64_t stri[][3] = {
        {0x3f800000, 0x40400000, 0x3f800000},
        {0x3dcccccd, 0x41200000, 0xbf800000},
        {0x7f800000, 0x00000000, 0x7fc00000},
        {0x7f800000, 0x3f800000, 0xff800000},
        {0x7f7fffff, 0x40000000, 0xff7fffff},
        {0x00800000, 0x3f000000, 0x00000000},
        {0x3f800001, 0x3f800001, 0xbf800002},
        {0x00000000, 0xbf800000, 0x00000000},
        {0x7f800001, 0x3f800000, 0x3f800000},
    };
    static const struct { const char *name; fop3 d, s; } fmas[] = {
        {"fmadd", madd_d, madd_s}, {"fmsub", msub_d, msub_s},
        {"fnmadd", nmadd_d, nmadd_s}, {"fnmsub", nmsub_d, nmsub_s},
    };
    for (size_t k = 0; k < 4; k++) {
        printf("%s.d:", fmas[k].name);
        for (size_t i = 0; i < sizeof dtri / sizeof dtri[0]; i++) {
            unsigned fl;
            uint64_t r = fmas[k].d(dtri[i][0], dtri[i][1], dtri[i][2], &fl);
            if (i && i % 5 == 0)
                printf("\n   ");
            printf(" %016" PRIx64 "/%02x", r, fl);
        }
        printf("\n%s.s:", fmas[k].name);
        for (size_t i = 0; i < sizeof stri / sizeof stri[0]; i++) {
            unsigned fl;
            uint64_t r = fmas[k].s(stri[i][0], stri[i][1], stri[i][2], &fl);
            printf(" %08" PRIx64 "/%02x", r, fl);
        }
        printf("\n");
    }

    /* known answers */
    unsigned fl;
    CHECK_EQ(div_d(0x3ff0000000000000ull, 0, &fl), 0x7ff0000000000000ull);
    CHECK_EQ(fl, 0x08);
    CHECK_EQ(div_d(0, 0, &fl), 0x7ff8000000000000ull);
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(add_d(0x7ff0000000000001ull, 0x3ff0000000000000ull, &fl), 0x7ff8000000000000ull); /* canonical NaN out */
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(mul_d(0x7fefffffffffffffull, 0x4008000000000000ull, &fl), 0x7ff0000000000000ull);
    CHECK_EQ(fl, 0x05);
    CHECK_EQ(min_d(0x8000000000000000ull, 0, &fl), 0x8000000000000000ull);
    CHECK_EQ(max_d(0x8000000000000000ull, 0, &fl), 0);
    CHECK_EQ(min_d(0x7ff8000000000000ull, 0x3ff0000000000000ull, &fl), 0x3ff0000000000000ull);
    CHECK_EQ(fl, 0);
    CHECK_EQ(min_d(0x7ff0000000000001ull, 0x3ff0000000000000ull, &fl), 0x3ff0000000000000ull);
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(max_s(0x7fc00000, 0x7f800001, &fl), 0x7fc00000);
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(sqrt_d(0xbff0000000000000ull, 0, &fl), 0x7ff8000000000000ull);
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(sqrt_d(0x8000000000000000ull, 0, &fl), 0x8000000000000000ull);
    CHECK_EQ(fl, 0);
    CHECK_EQ(madd_d(0x7ff0000000000000ull, 0, 0x7ff8000000000000ull, &fl), 0x7ff8000000000000ull);
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(madd_d(0x3fb999999999999aull, 0x4024000000000000ull, 0xbff0000000000000ull, &fl), 0x3c90000000000000ull); /* 2^-54 */
    CHECK_EQ(mul_s(0x00800000, 0x3f000000, &fl), 0x00400000); /* exact subnormal: no UF */
    CHECK_EQ(fl, 0);
    CHECK_EQ(mul_s(0x00800001, 0x3f000000, &fl), 0x00400000); /* inexact subnormal: UF|NX, ties to even */
    CHECK_EQ(fl, 0x03);
    return rvt_summary();
}
