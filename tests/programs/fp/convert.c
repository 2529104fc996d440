/* Conversions: fcvt between integers (w, wu, l, lu) and s/d in both directions, s<->d,
 * with out-of-range inputs, NaN and infinities (saturation + NV), negative to unsigned,
 * inexact results (NX), in every static rounding mode for the float->int direction. */
#include "fptest.h"

#define F2I(fname, mv, insn)                                                  \
    static uint64_t fname(uint64_t a, unsigned *flags)                        \
    {                                                                         \
        uint64_t r;                                                           \
        clear_flags();                                                        \
        __asm__ volatile(mv " ft0, %1\n\t" insn : "=r"(r) : "r"(a) : "ft0");  \
        *flags = read_flags();                                                \
        return r;                                                             \
    }
#define F2I_RM(base, mv, op)                                                  \
    F2I(base##_rne, mv, op " %0, ft0, rne") F2I(base##_rtz, mv, op " %0, ft0, rtz") \
    F2I(base##_rdn, mv, op " %0, ft0, rdn") F2I(base##_rup, mv, op " %0, ft0, rup") \
    F2I(base##_rmm, mv, op " %0, ft0, rmm")
F2I_RM(w_d, "fmv.d.x", "fcvt.w.d") F2I_RM(wu_d, "fmv.d.x", "fcvt.wu.d")
F2I_RM(l_d, "fmv.d.x", "fcvt.l.d") F2I_RM(lu_d, "fmv.d.x", "fcvt.lu.d")
F2I_RM(w_s, "fmv.w.x", "fcvt.w.s") F2I_RM(wu_s, "fmv.w.x", "fcvt.wu.s")
F2I_RM(l_s, "fmv.w.x", "fcvt.l.s") F2I_RM(lu_s, "fmv.w.x", "fcvt.lu.s")

#define I2F(fname, insn, mvout)                                               \
    static uint64_t fname(uint64_t a, unsigned *flags)                        \
    {                                                                         \
        uint64_t r;                                                           \
        clear_flags();                                                        \
        __asm__ volatile(insn " ft0, %1\n\t" mvout " %0, ft0" : "=r"(r) : "r"(a) : "ft0"); \
        *flags = read_flags();                                                \
        return r;                                                             \
    }
I2F(d_w, "fcvt.d.w", "fmv.x.d") I2F(d_wu, "fcvt.d.wu", "fmv.x.d") I2F(d_l, "fcvt.d.l", "fmv.x.d")
I2F(d_lu, "fcvt.d.lu", "fmv.x.d") I2F(s_w, "fcvt.s.w", "fmv.x.d") I2F(s_wu, "fcvt.s.wu", "fmv.x.d")
I2F(s_l, "fcvt.s.l", "fmv.x.d") I2F(s_lu, "fcvt.s.lu", "fmv.x.d")

static uint64_t s_d(uint64_t a, unsigned *flags)
{
    uint64_t r;
    clear_flags();
    __asm__ volatile("fmv.d.x ft0, %1\n\tfcvt.s.d ft1, ft0\n\tfmv.x.d %0, ft1" : "=r"(r) : "r"(a) : "ft0", "ft1");
    *flags = read_flags();
    return r;
}
static uint64_t d_s(uint64_t a, unsigned *flags)
{
    uint64_t r;
    clear_flags();
    __asm__ volatile("fmv.w.x ft0, %1\n\tfcvt.d.s ft1, ft0\n\tfmv.x.d %0, ft1" : "=r"(r) : "r"(a) : "ft0", "ft1");
    *flags = read_flags();
    return r;
}

typedef uint64_t (*conv)(uint64_t, unsigned *);
#define RM5(base) {base##_rne, base##_rtz, base##_rdn, base##_rup, base##_rmm}

static const uint64_t cdv[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3fe0000000000000ull /* 0.5 */,
    0xbfe0000000000000ull /* -0.5 */, 0x3ff8000000000000ull /* 1.5 */, 0xc004000000000000ull /* -2.5 */,
    0x400c000000000000ull /* 3.5 */, 0xc00a666666666666ull /* -3.3 */, 0x41dfffffffc00000ull /* 2^31-1 */,
    0x41e0000000000000ull /* 2^31 */, 0xc1e0000000000000ull /* -2^31 */, 0xc1e0000000200000ull /* -2^31-1 */,
    0x41efffffffe00000ull /* 2^32-1 */, 0x41f0000000000000ull /* 2^32 */, 0x43e0000000000000ull /* 2^63 */,
    0xc3e0000000000000ull /* -2^63 */, 0x43f0000000000000ull /* 2^64 */, 0x7ff0000000000000ull,
    0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8000000000000ull /* -NaN */, 0x41edcd6500000000ull /* 4e9 */,
};
static const uint64_t csv[] = {
    0x00000000, 0x80000000, 0x3f000000, 0xbf000000, 0x3fc00000, 0xc0200000, 0x40600000, 0xc0533333,
    0x4effffff /* 2147483520 */, 0x4f000000 /* 2^31 */, 0xcf000000 /* -2^31 */, 0xcf000001,
    0x4f7fffff, 0x4f800000 /* 2^32 */, 0x5f000000 /* 2^63 */, 0xdf000000, 0x5f800000 /* 2^64 */,
    0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x4f6e6b28 /* 4e9 */,
};

int main(void)
{
    static const char *const rm[] = {"rne", "rtz", "rdn", "rup", "rmm"};
    static const struct { const char *name; conv d[5], s[5]; } f2i[] = {
        {"fcvt.w", RM5(w_d), RM5(w_s)}, {"fcvt.wu", RM5(wu_d), RM5(wu_s)},
        {"fcvt.l", RM5(l_d), RM5(l_s)}, {"fcvt.lu", RM5(lu_d), RM5(lu_s)},
    };
    for (int k = 0; k < 4; k++) {
        for (int m = 0; m < 5; m++) {
            printf("%s.d %s:", f2i[k].name, rm[m]);
            for (size_t i = 0; i < sizeof cdv / sizeof cdv[0]; i++) {
                unsigned fl;
                uint64_t r = f2i[k].d[m](cdv[i], &fl);
                if (i && i % 6 == 0)
                    printf("\n   ");
                printf(" %" PRIx64 "/%02x", r, fl);
            }
            printf("\n%s.s %s:", f2i[k].name, rm[m]);
            for (size_t i = 0; i < sizeof csv / sizeof csv[0]; i++) {
                unsigned fl;
                uint64_t r = f2i[k].s[m](csv[i], &fl);
                if (i && i % 6 == 0)
                    printf("\n   ");
                printf(" %" PRIx64 "/%02x", r, fl);
            }
            printf("\n");
        }
    }
    unsigned fl;
    CHECK_EQ(w_d_rne(0x7ff8000000000000ull, &fl), 0x7fffffff);        /* NaN -> max */
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(w_d_rne(0xfff0000000000000ull, &fl), 0xffffffff80000000ull);
    CHECK_EQ(wu_d_rtz(0x41edcd6500000000ull, &fl), 0xffffffffee6b2800ull); /* 4e9: sign-extended 32-bit result */
    CHECK_EQ(fl, 0);
    CHECK_EQ(wu_d_rtz(0xbfe0000000000000ull, &fl), 0);                /* -0.5 -> 0, only inexact */
    CHECK_EQ(fl, 0x01);
    CHECK_EQ(wu_d_rne(0xc004000000000000ull, &fl), 0);                /* -2.5 -> 0, invalid */
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(lu_d_rne(0x7ff8000000000000ull, &fl), 0xffffffffffffffffull);
    CHECK_EQ(l_d_rne(0x43e0000000000000ull, &fl), 0x7fffffffffffffffull);
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(l_d_rne(0xc3e0000000000000ull, &fl), 0x8000000000000000ull);
    CHECK_EQ(fl, 0);
    CHECK_EQ(w_d_rne(0xc004000000000000ull, &fl), (uint64_t)-2);       /* ties to even */
    CHECK_EQ(w_d_rmm(0xc004000000000000ull, &fl), (uint64_t)-3);       /* ties away */
    CHECK_EQ(w_d_rdn(0xc00a666666666666ull, &fl), (uint64_t)-4);
    CHECK_EQ(w_d_rup(0xc00a666666666666ull, &fl), (uint64_t)-3);

    /* int -> float (dynamic rounding = rne) */
    static const uint64_t iv[] = {0, 1, 0xffffffffffffffffull, 0x7fffffff, 0x80000000ull, 0xffffffffull,
                                  0x7fffffffffffffffull, 0x8000000000000000ull, 0x0000000001000001ull,
                                  0x0020000000000001ull, 0xffffffff00000003ull, 0x123456789abcdef0ull};
    static const struct { const char *name; conv f; } i2f[] = {
        {"fcvt.d.w", d_w}, {"fcvt.d.wu", d_wu}, {"fcvt.d.l", d_l}, {"fcvt.d.lu", d_lu},
        {"fcvt.s.w", s_w}, {"fcvt.s.wu", s_wu}, {"fcvt.s.l", s_l}, {"fcvt.s.lu", s_lu},
    };
    for (size_t k = 0; k < sizeof i2f / sizeof i2f[0]; k++) {
        printf("%s:", i2f[k].name);
        for (size_t i = 0; i < sizeof iv / sizeof iv[0]; i++) {
            unsigned f;
            uint64_t r = i2f[k].f(iv[i], &f);
            if (i && i % 6 == 0)
                printf("\n   ");
            printf(" %016" PRIx64 "/%02x", r, f);
        }
        printf("\n");
    }
    CHECK_EQ(d_w(0xffffffff, &fl), 0xbff0000000000000ull);     /* only the low word, signed */
    CHECK_EQ(d_wu(0xffffffffffffffffull, &fl), 0x41efffffffe00000ull);
    CHECK_EQ(s_w(0x01000001, &fl), 0xffffffff4b800000ull);      /* rounded, boxed */
    CHECK_EQ(fl, 0x01);

    /* double <-> single */
    printf("fcvt.s.d:");
    for (size_t i = 0; i < NDV; i++) {
        unsigned f;
        uint64_t r = s_d(dvals[i], &f);
        if (i && i % 6 == 0)
            printf("\n   ");
        printf(" %016" PRIx64 "/%02x", r, f);
    }
    printf("\nfcvt.d.s:");
    for (size_t i = 0; i < NSV; i++) {
        unsigned f;
        uint64_t r = d_s(svals[i], &f);
        if (i && i % 6 == 0)
            printf("\n   ");
        printf(" %016" PRIx64 "/%02x", r, f);
    }
    printf("\n");
    CHECK_EQ(s_d(0x7ff0000000000001ull, &fl), 0xffffffff7fc00000ull); /* sNaN -> canonical, NV */
    CHECK_EQ(fl, 0x10);
    CHECK_EQ(s_d(0x7fefffffffffffffull, &fl), 0xffffffff7f800000ull); /* overflow */
    CHECK_EQ(fl, 0x05);
    CHECK_EQ(d_s(0x00000001, &fl), 0x36a0000000000000ull);             /* subnormal single is exact in double */
    CHECK_EQ(fl, 0);
    return rvt_summary();
}
