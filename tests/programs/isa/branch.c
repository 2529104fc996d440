/* RV64I conditional branches (beq bne blt bge bltu bgeu) with signed/unsigned edge cases,
 * both taken forward and backward. */
#include "rvtest.h"

#define BR(name)                                                              \
    static int br_##name(uint64_t a, uint64_t b)                              \
    {                                                                         \
        int r;                                                                \
        __asm__ volatile(#name " %1, %2, 1f\n\t"                              \
                         "li %0, 0\n\t"                                       \
                         "j 2f\n"                                             \
                         "1:\tli %0, 1\n"                                     \
                         "2:" : "=r"(r) : "r"(a), "r"(b));                    \
        return r;                                                             \
    }                                                                         \
    /* the same, with the taken target behind the branch */                   \
    static int brb_##name(uint64_t a, uint64_t b)                             \
    {                                                                         \
        int r;                                                                \
        __asm__ volatile("j 2f\n"                                             \
                         "1:\tli %0, 1\n\t"                                   \
                         "j 3f\n"                                             \
                         "2:\t" #name " %1, %2, 1b\n\t"                       \
                         "li %0, 0\n"                                         \
                         "3:" : "=&r"(r) : "r"(a), "r"(b));                   \
        return r;                                                             \
    }
BR(beq) BR(bne) BR(blt) BR(bge) BR(bltu) BR(bgeu)

static const struct { const char *name; int (*f)(uint64_t, uint64_t), (*fb)(uint64_t, uint64_t); } ops[] = {
    {"beq", br_beq, brb_beq}, {"bne", br_bne, brb_bne}, {"blt", br_blt, brb_blt},
    {"bge", br_bge, brb_bge}, {"bltu", br_bltu, brb_bltu}, {"bgeu", br_bgeu, brb_bgeu},
};

static const uint64_t vals[] = {
    0, 1, 0xffffffffffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull,
    0x00000000ffffffffull, 0x0000000080000000ull, 0xffffffff80000000ull,
};
#define NV (sizeof vals / sizeof vals[0])

static int same_reg(void)
{
    /* branch with rs1 == rs2 */
    int r = 0;
    __asm__ volatile("li t0, -5\n\t"
                     "beq t0, t0, 1f\n\t"
                     "ori %0, %0, 1\n"
                     "1:\tbge t0, t0, 2f\n\t"
                     "ori %0, %0, 2\n"
                     "2:\tblt t0, t0, 3f\n\t"
                     "ori %0, %0, 4\n"
                     "3:\tbltu t0, t0, 4f\n\t"
                     "ori %0, %0, 8\n"
                     "4:\tbne x0, x0, 5f\n\t"
                     "ori %0, %0, 16\n"
                     "5:" : "+r"(r) : : "t0");
    return r;
}

int main(void)
{
    for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        printf("%-4s", ops[o].name);
        for (size_t i = 0; i < NV; i++) {
            printf(" ");
            for (size_t j = 0; j < NV; j++) {
                int f = ops[o].f(vals[i], vals[j]), b = ops[o].fb(vals[i], vals[j]);
                CHECK(f == b);
                printf("%d", f);
            }
        }
        printf("\n");
    }
    /* Known answers */
    CHECK(br_blt(0x8000000000000000ull, 0x7fffffffffffffffull) == 1);
    CHECK(br_bltu(0x8000000000000000ull, 0x7fffffffffffffffull) == 0);
    CHECK(br_bge(0xffffffffffffffffull, 0) == 0);
    CHECK(br_bgeu(0xffffffffffffffffull, 0) == 1);
    CHECK(br_bltu(0, 0xffffffffffffffffull) == 1);
    CHECK(br_beq(0x00000000ffffffffull, 0xffffffffffffffffull) == 0); /* all 64 bits compared */
    CHECK(br_bge(5, 5) == 1 && br_bgeu(5, 5) == 1 && br_blt(5, 5) == 0);
    printf("same register: %d\n", same_reg());
    CHECK(same_reg() == 4 + 8 + 16);

    /* a counted loop with a backward bnez, and one with a backward bltu */
    uint64_t n = OPAQUE(1000), sum = 0;
    __asm__ volatile("1:\tadd %0, %0, %1\n\t"
                     "addi %1, %1, -1\n\t"
                     "bnez %1, 1b" : "+r"(sum), "+r"(n));
    printf("loop sum %" PRIu64 "\n", sum);
    CHECK(sum == 500500);
    return rvt_summary();
}
