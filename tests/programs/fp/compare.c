/* feq/flt/fle (quiet vs signaling NaN behaviour), fclass, sign injection and fmv,
 * NaN boxing of single-precision values in the 64-bit registers, FP loads/stores. */
#include "fptest.h"

#define CMP(fname, insn, mv)                                                  \
    static uint64_t fname(uint64_t a, uint64_t b, unsigned *flags)            \
    {                                                                         \
        uint64_t r;                                                           \
        clear_flags();                                                        \
        __asm__ volatile(mv " ft0, %1\n\t" mv " ft1, %2\n\t" insn " %0, ft0, ft1" \
                         : "=r"(r) : "r"(a), "r"(b) : "ft0", "ft1");          \
        *flags = read_flags();                                                \
        return r;                                                             \
    }
CMP(feq_d, "feq.d", "fmv.d.x") CMP(flt_d, "flt.d", "fmv.d.x") CMP(fle_d, "fle.d", "fmv.d.x")
CMP(feq_s, "feq.s", "fmv.w.x") CMP(flt_s, "flt.s", "fmv.w.x") CMP(fle_s, "fle.s", "fmv.w.x")

#define CLASS(fname, mv, insn)                                                \
    static uint64_t fname(uint64_t a)                                         \
    {                                                                         \
        uint64_t r;                                                           \
        __asm__ volatile(mv " ft0, %1\n\t" insn " %0, ft0" : "=r"(r) : "r"(a) : "ft0"); \
        return r;                                                             \
    }
CLASS(fclass_d, "fmv.d.x", "fclass.d") CLASS(fclass_s, "fmv.w.x", "fclass.s")

FOP2_D(sgnj_d, "fsgnj.d") FOP2_D(sgnjn_d, "fsgnjn.d") FOP2_D(sgnjx_d, "fsgnjx.d")
FOP2_S(sgnj_s, "fsgnj.s") FOP2_S(sgnjn_s, "fsgnjn.s") FOP2_S(sgnjx_s, "fsgnjx.s")

typedef uint64_t (*fop2)(uint64_t, uint64_t, unsigned *);

static void cmp_table(const char *name, fop2 f, const uint64_t *v, size_t n)
{
    printf("%s:\n", name);
    for (size_t i = 0; i < n; i++) {
        printf(" ");
        for (size_t j = 0; j < n; j++) {
            unsigned fl;
            uint64_t r = f(v[i], v[j], &fl);
            printf(" %" PRIu64 "%s", r, fl == 0x10 ? "!" : fl ? "?" : "");
        }
        printf("\n");
    }
}

int main(void)
{
    /* comparisons: "!" marks an invalid-operation flag */
    cmp_table("feq.d", feq_d, dvals, NDV);
    cmp_table("flt.d", flt_d, dvals, NDV);
    cmp_table("fle.d", fle_d, dvals, NDV);
    cmp_table("feq.s", feq_s, svals, NSV);
    cmp_table("flt.s", flt_s, svals, NSV);
    cmp_table("fle.s", fle_s, svals, NSV);
    unsigned fl;
    CHECK(feq_d(0x7ff8000000000000ull, 0x7ff8000000000000ull, &fl) == 0 && fl == 0);  /* quiet */
    CHECK(feq_d(0x7ff0000000000001ull, 0, &fl) == 0 && fl == 0x10);                  /* sNaN signals */
    CHECK(flt_d(0x7ff8000000000000ull, 0, &fl) == 0 && fl == 0x10);                  /* signaling compare */
    CHECK(fle_s(0x80000000, 0, &fl) == 1 && fl == 0);                                /* -0 <= +0 */
    CHECK(flt_s(0x80000000, 0, &fl) == 0);

    /* fclass: one bit per class */
    static const uint64_t cd[] = {0xfff0000000000000ull, 0xbff0000000000000ull, 0x800fffffffffffffull,
                                  0x8000000000000000ull, 0, 0x0000000000000001ull, 0x3ff0000000000000ull,
                                  0x7ff0000000000000ull, 0x7ff0000000000001ull, 0x7ff8000000000000ull,
                                  0xfff8000000000001ull, 0xfff4000000000000ull};
    static const uint64_t cs[] = {0xff800000, 0xbf800000, 0x807fffff, 0x80000000, 0, 1, 0x3f800000,
                                  0x7f800000, 0x7f800001, 0x7fc00000, 0xffc00001, 0xffa00000};
    printf("fclass.d:");
    for (size_t i = 0; i < sizeof cd / sizeof cd[0]; i++)
        printf(" %03" PRIx64, fclass_d(cd[i]));
    printf("\nfclass.s:");
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++)
        printf(" %03" PRIx64, fclass_s(cs[i]));
    printf("\n");
    for (int i = 0; i < 10; i++) {
        CHECK_EQ(fclass_d(cd[i]), 1u << i);
        CHECK_EQ(fclass_s(cs[i]), 1u << i);
    }
    /* an unboxed single (upper 32 bits not all ones) is classified as the canonical NaN */
    uint64_t unboxed;
    __asm__ volatile("fmv.d.x ft0, %1\n\tfclass.s %0, ft0" : "=r"(unboxed) : "r"(0x000000003f800000ull) : "ft0");
    printf("fclass.s of an unboxed value: %03" PRIx64 "\n", unboxed);
    CHECK_EQ(unboxed, 0x200);

    /* sign injection (no canonicalisation of NaN payloads, no flags) */
    static const uint64_t sd[] = {0x3ff0000000000000ull, 0xbff0000000000000ull, 0x7ff0000000000001ull,
                                  0xfff8000000000123ull, 0x8000000000000000ull};
    static const uint64_t ss[] = {0x3f800000, 0xbf800000, 0x7f800001, 0xffc00123, 0x80000000};
    static const struct { const char *name; fop2 d, s; } sg[] = {
        {"fsgnj", sgnj_d, sgnj_s}, {"fsgnjn", sgnjn_d, sgnjn_s}, {"fsgnjx", sgnjx_d, sgnjx_s}};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < 5; i++) {
            printf("%s %016" PRIx64 ":", sg[k].name, sd[i]);
            for (int j = 0; j < 5; j++) {
                printf(" %016" PRIx64, sg[k].d(sd[i], sd[j], &fl));
                CHECK(fl == 0);
            }
            printf("\n%s %08" PRIx64 ":", sg[k].name, ss[i]);
            for (int j = 0; j < 5; j++) {
                printf(" %08" PRIx64, sg[k].s(ss[i], ss[j], &fl));
                CHECK(fl == 0);
            }
            printf("\n");
        }
    }

    /* NaN boxing: single-precision results are stored with the upper 32 bits set */
    uint64_t boxed, low, x;
    __asm__ volatile("fmv.w.x ft0, %2\n\tfadd.s ft1, ft0, ft0\n\tfmv.x.d %0, ft1\n\tfmv.x.w %1, ft1"
                     : "=r"(boxed), "=r"(low) : "r"(0xbf800000ull) : "ft0", "ft1");
    printf("fadd.s -1+-1 as 64 bits: %016" PRIx64 ", fmv.x.w: %016" PRIx64 "\n", boxed, low);
    CHECK_EQ(boxed, 0xffffffffc0000000ull);
    CHECK_EQ(low, 0xffffffffc0000000ull); /* fmv.x.w sign-extends */
    __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.x.d %0, ft0" : "=r"(x) : "r"(0x123456789abcdefull) : "ft0");
    printf("fmv.w.x of 0x0123456789abcdef as 64 bits: %016" PRIx64 "\n", x);
    CHECK_EQ(x, 0xffffffff89abcdefull);
    /* an improperly boxed operand reads as the canonical NaN */
    __asm__ volatile("fmv.d.x ft0, %1\n\tfadd.s ft1, ft0, ft0\n\tfmv.x.d %0, ft1" : "=r"(x) : "r"(0x000000003f800000ull) : "ft0", "ft1");
    printf("fadd.s of an unboxed operand: %016" PRIx64 "\n", x);
    CHECK_EQ(x, 0xffffffff7fc00000ull);
    /* fsgnj.s (fmv.s) of an unboxed operand: canonical NaN too */
    __asm__ volatile("fmv.d.x ft0, %1\n\tfsgnj.s ft1, ft0, ft0\n\tfmv.x.d %0, ft1" : "=r"(x) : "r"(0x00000000bf800000ull) : "ft0", "ft1");
    printf("fmv.s of an unboxed operand: %016" PRIx64 "\n", x);
    /* fmv.x.w of an unboxed register just takes the low 32 bits, sign-extended */
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.x.w %0, ft0" : "=r"(x) : "r"(0x4000000080000001ull) : "ft0");
    printf("fmv.x.w of 0x4000000080000001: %016" PRIx64 "\n", x);
    CHECK_EQ(x, 0xffffffff80000001ull);

    /* loads and stores: flw boxes, fsw stores the low word, fld/fsd move 64 bits, misaligned ok */
    static unsigned char mem[32] __attribute__((aligned(8)));
    memset(mem, 0, sizeof mem);
    uint32_t w = 0x40490fdb;
    memcpy(mem + 4, &w, 4);
    __asm__ volatile("flw ft0, 4(%1)\n\tfmv.x.d %0, ft0\n\tfsw ft0, 9(%1)" : "=&r"(x) : "r"(mem) : "ft0", "memory");
    printf("flw as 64 bits: %016" PRIx64 "\n", x);
    CHECK_EQ(x, 0xffffffff40490fdbull);
    uint64_t dbits = 0x400921fb54442d18ull;
    uint64_t back;
    __asm__ volatile("fmv.d.x ft0, %2\n\tfsd ft0, 17(%1)\n\tfld ft1, 17(%1)\n\tfmv.x.d %0, ft1"
                     : "=&r"(back) : "r"(mem), "r"(dbits) : "ft0", "ft1", "memory");
    printf("fld back from an odd address: %016" PRIx64 "\n", back);
    CHECK_EQ(back, dbits);
    printf("memory:");
    for (int i = 0; i < 32; i++)
        printf(" %02x", mem[i]);
    printf("\n");
    CHECK(memcmp(mem + 9, &w, 4) == 0);
    CHECK(memcmp(mem + 17, &dbits, 8) == 0);
    return rvt_summary();
}
