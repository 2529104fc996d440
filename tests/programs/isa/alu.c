/* RV64I register-register and register-immediate ALU instructions, including the
 * 32-bit W forms and shift amounts at and beyond the edges (only the low 6 / 5 bits count). */
#include "rvtest.h"

typedef uint64_t (*binop)(uint64_t, uint64_t);

#define RR(name)                                                              \
    static uint64_t op_##name(uint64_t a, uint64_t b)                         \
    {                                                                         \
        uint64_t r;                                                           \
        __asm__ volatile(#name " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));     \
        return r;                                                             \
    }
RR(add) RR(sub) RR(sll) RR(slt) RR(sltu) RR(xor) RR(srl) RR(sra) RR(or) RR(and)
RR(addw) RR(subw) RR(sllw) RR(srlw) RR(sraw)

static const struct { const char *name; binop f; } rr_ops[] = {
    {"add", op_add}, {"sub", op_sub}, {"sll", op_sll}, {"slt", op_slt},
    {"sltu", op_sltu}, {"xor", op_xor}, {"srl", op_srl}, {"sra", op_sra},
    {"or", op_or}, {"and", op_and}, {"addw", op_addw}, {"subw", op_subw},
    {"sllw", op_sllw}, {"srlw", op_srlw}, {"sraw", op_sraw},
};

static const uint64_t vals[] = {
    0, 1, 0xffffffffffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull,
    0x000000007fffffffull, 0x0000000080000000ull, 0x00000000ffffffffull,
    0x123456789abcdef0ull, 31, 32, 63, 64, 0xfedcba9876543210ull,
};
#define NVALS (sizeof vals / sizeof vals[0])

/* Register-immediate forms: one function per (instruction, immediate). */
#define RI(name, tag, imm)                                                    \
    static uint64_t ri_##name##_##tag(uint64_t a)                             \
    {                                                                         \
        uint64_t r;                                                           \
        __asm__ volatile(#name " %0, %1, " #imm : "=r"(r) : "r"(a));          \
        return r;                                                             \
    }
#define RI_IMMS(name) RI(name, m2048, -2048) RI(name, m1, -1) RI(name, z, 0) RI(name, p1, 1) RI(name, p2047, 2047) RI(name, p1365, 1365)
RI_IMMS(addi) RI_IMMS(slti) RI_IMMS(sltiu) RI_IMMS(xori) RI_IMMS(ori) RI_IMMS(andi) RI_IMMS(addiw)
#define SH_IMMS(name) RI(name, s0, 0) RI(name, s1, 1) RI(name, s13, 13) RI(name, s31, 31) RI(name, s32, 32) RI(name, s63, 63)
SH_IMMS(slli) SH_IMMS(srli) SH_IMMS(srai)
#define SHW_IMMS(name) RI(name, s0, 0) RI(name, s1, 1) RI(name, s13, 13) RI(name, s31, 31)
SHW_IMMS(slliw) SHW_IMMS(srliw) SHW_IMMS(sraiw)

typedef uint64_t (*unop)(uint64_t);
#define E(name, tag, imm) {#name, #imm, ri_##name##_##tag}
#define E_IMMS(name) E(name, m2048, -2048), E(name, m1, -1), E(name, z, 0), E(name, p1, 1), E(name, p2047, 2047), E(name, p1365, 1365)
#define E_SH(name) E(name, s0, 0), E(name, s1, 1), E(name, s13, 13), E(name, s31, 31), E(name, s32, 32), E(name, s63, 63)
#define E_SHW(name) E(name, s0, 0), E(name, s1, 1), E(name, s13, 13), E(name, s31, 31)
static const struct { const char *name, *imm; unop f; } ri_ops[] = {
    E_IMMS(addi), E_IMMS(slti), E_IMMS(sltiu), E_IMMS(xori), E_IMMS(ori), E_IMMS(andi), E_IMMS(addiw),
    E_SH(slli), E_SH(srli), E_SH(srai), E_SHW(slliw), E_SHW(srliw), E_SHW(sraiw),
};

static uint64_t lui_80000(void) { uint64_t r; __asm__ volatile("lui %0, 0x80000" : "=r"(r)); return r; }
static uint64_t lui_fffff(void) { uint64_t r; __asm__ volatile("lui %0, 0xfffff" : "=r"(r)); return r; }
static uint64_t lui_7ffff(void) { uint64_t r; __asm__ volatile("lui %0, 0x7ffff" : "=r"(r)); return r; }
static uint64_t lui_12345(void) { uint64_t r; __asm__ volatile("lui %0, 0x12345" : "=r"(r)); return r; }
static uint64_t lui_0(void) { uint64_t r; __asm__ volatile("lui %0, 0" : "=r"(r)); return r; }

/* auipc: the result minus the address of the auipc itself is the sign-extended immediate << 12 */
#define AUIPC(tag, imm)                                                       \
    static int64_t auipc_##tag(void)                                          \
    {                                                                         \
        uint64_t r, here;                                                     \
        __asm__ volatile("1: auipc %0, " #imm "\n\tlla %1, 1b" : "=r"(r), "=r"(here)); \
        return (int64_t)(r - here);                                           \
    }
AUIPC(0, 0) AUIPC(1, 1) AUIPC(7ffff, 0x7ffff) AUIPC(80000, 0x80000) AUIPC(fffff, 0xfffff)

static uint64_t x0_writes(void)
{
    /* Writes to x0 are discarded (these are HINT encodings, executed as no-ops). */
    uint64_t r;
    __asm__ volatile("li t0, 5\n\t"
                     "add x0, t0, t0\n\t"
                     "addi x0, x0, 7\n\t"
                     ".insn u 0x37, x0, 0x12345\n\t" /* lui x0, 0x12345 */
                     "slli x0, t0, 3\n\t"
                     "mv %0, x0" : "=r"(r) : : "t0");
    return r;
}

int main(void)
{
    for (size_t o = 0; o < sizeof rr_ops / sizeof rr_ops[0]; o++) {
        uint64_t h = 0;
        for (size_t i = 0; i < NVALS; i++) {
            printf("%-5s %016" PRIx64 ":", rr_ops[o].name, vals[i]);
            for (size_t j = 0; j < NVALS; j++) {
                uint64_t r = rr_ops[o].f(vals[i], vals[j]);
                h = h * 31 + r;
                if (j % 7 == 0 && j)
                    printf("\n%28s", "");
                printf(" %016" PRIx64, r);
            }
            printf("\n");
        }
        printf("%s hash %016" PRIx64 "\n", rr_ops[o].name, h);
    }
    for (size_t o = 0; o < sizeof ri_ops / sizeof ri_ops[0]; o++) {
        printf("%s imm=%s:", ri_ops[o].name, ri_ops[o].imm);
        for (size_t i = 0; i < NVALS; i++) {
            if (i % 7 == 0 && i)
                printf("\n   ");
            printf(" %016" PRIx64, ri_ops[o].f(vals[i]));
        }
        printf("\n");
    }
    printf("lui 0x80000 = %016" PRIx64 "\n", lui_80000());
    printf("lui 0xfffff = %016" PRIx64 "\n", lui_fffff());
    printf("lui 0x7ffff = %016" PRIx64 "\n", lui_7ffff());
    printf("lui 0x12345 = %016" PRIx64 "\n", lui_12345());
    printf("lui 0 = %016" PRIx64 "\n", lui_0());
    printf("auipc offsets: %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 "\n",
           auipc_0(), auipc_1(), auipc_7ffff(), auipc_80000(), auipc_fffff());
    printf("x0 after writes = %" PRIu64 "\n", x0_writes());

    /* Self-checks of the edge cases whose answers are known. */
    CHECK_EQ(op_sll(1, 64), 1);                          /* only shamt[5:0] */
    CHECK_EQ(op_sll(1, 63), 0x8000000000000000ull);
    CHECK_EQ(op_sra(0x8000000000000000ull, 63), 0xffffffffffffffffull);
    CHECK_EQ(op_srl(0x8000000000000000ull, 0xffffffffffffffffull), 1);
    CHECK_EQ(op_sllw(1, 31), 0xffffffff80000000ull);     /* W results are sign-extended */
    CHECK_EQ(op_sllw(1, 32), 1);                         /* only shamt[4:0] */
    CHECK_EQ(op_srlw(0xffffffff80000000ull, 0), 0xffffffff80000000ull);
    CHECK_EQ(op_srlw(0x80000000ull, 1), 0x40000000ull);
    CHECK_EQ(op_sraw(0x80000000ull, 31), 0xffffffffffffffffull);
    CHECK_EQ(op_addw(0x7fffffff, 1), 0xffffffff80000000ull);
    CHECK_EQ(op_subw(0, 0x80000000ull), 0xffffffff80000000ull);
    CHECK_EQ(op_slt(0x8000000000000000ull, 0), 1);
    CHECK_EQ(op_sltu(0x8000000000000000ull, 0), 0);
    CHECK_EQ(ri_sltiu_m1(5), 1);                         /* immediate sign-extended, then unsigned */
    CHECK_EQ(ri_slti_m1(0), 0);
    CHECK_EQ(ri_addiw_z(0x00000000ffffffffull), 0xffffffffffffffffull); /* sext.w */
    CHECK_EQ(ri_srai_s63(0x8000000000000000ull), 0xffffffffffffffffull);
    CHECK_EQ(ri_sraiw_s31(0x0000000080000000ull), 0xffffffffffffffffull);
    CHECK_EQ(ri_srliw_s0(0x0000000080000000ull), 0xffffffff80000000ull);
    CHECK_EQ(ri_andi_m2048(0xffff), 0xf800);
    CHECK_EQ(lui_80000(), 0xffffffff80000000ull);
    CHECK_EQ(auipc_80000(), (int64_t)0xffffffff80000000ull);
    CHECK_EQ(x0_writes(), 0);
    return rvt_summary();
}
