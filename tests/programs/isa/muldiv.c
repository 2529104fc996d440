/* RV64M: mul, mulh, mulhsu, mulhu, div, divu, rem, remu and the W forms,
 * including division by zero and the signed overflow case INT_MIN / -1. */
#include "rvtest.h"

#define RR(name)                                                              \
    static uint64_t op_##name(uint64_t a, uint64_t b)                         \
    {                                                                         \
        uint64_t r;                                                           \
        __asm__ volatile(#name " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));     \
        return r;                                                             \
    }
RR(mul) RR(mulh) RR(mulhsu) RR(mulhu) RR(div) RR(divu) RR(rem) RR(remu)
RR(mulw) RR(divw) RR(divuw) RR(remw) RR(remuw)

static const struct { const char *name; uint64_t (*f)(uint64_t, uint64_t); } ops[] = {
    {"mul", op_mul}, {"mulh", op_mulh}, {"mulhsu", op_mulhsu}, {"mulhu", op_mulhu},
    {"div", op_div}, {"divu", op_divu}, {"rem", op_rem}, {"remu", op_remu},
    {"mulw", op_mulw}, {"divw", op_divw}, {"divuw", op_divuw}, {"remw", op_remw}, {"remuw", op_remuw},
};

static const uint64_t vals[] = {
    0, 1, 2, 7, 0xffffffffffffffffull, 0xfffffffffffffff9ull, 0x7fffffffffffffffull,
    0x8000000000000000ull, 0x000000007fffffffull, 0x0000000080000000ull,
    0xffffffff80000000ull, 0x00000000ffffffffull, 0x123456789abcdef0ull, 0xfedcba9876543210ull,
};
#define NV (sizeof vals / sizeof vals[0])

int main(void)
{
    for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        for (size_t i = 0; i < NV; i++) {
            printf("%-6s %016" PRIx64 ":", ops[o].name, vals[i]);
            for (size_t j = 0; j < NV; j++) {
                if (j % 7 == 0 && j)
                    printf("\n%24s", "");
                printf(" %016" PRIx64, ops[o].f(vals[i], vals[j]));
            }
            printf("\n");
        }
    }
    const uint64_t MIN64 = 0x8000000000000000ull, M1 = 0xffffffffffffffffull;
    /* division by zero: quotient all ones, remainder = dividend */
    CHECK_EQ(op_div(1234, 0), M1);
    CHECK_EQ(op_divu(1234, 0), M1);
    CHECK_EQ(op_rem(-1234, 0), (uint64_t)-1234);
    CHECK_EQ(op_remu(1234, 0), 1234);
    CHECK_EQ(op_divw(1234, 0), M1);
    CHECK_EQ(op_divuw(1234, 0), M1);
    CHECK_EQ(op_remw(0x1ffffff00ull, 0), 0xffffffffffffff00ull);  /* sign-extended low word */
    CHECK_EQ(op_remuw(0x180000000ull, 0), 0xffffffff80000000ull);
    /* overflow */
    CHECK_EQ(op_div(MIN64, M1), MIN64);
    CHECK_EQ(op_rem(MIN64, M1), 0);
    CHECK_EQ(op_divw(0x80000000ull, M1), 0xffffffff80000000ull);
    CHECK_EQ(op_remw(0x80000000ull, M1), 0);
    /* rounding toward zero, sign of remainder follows dividend */
    CHECK_EQ(op_div(-7, 2), (uint64_t)-3);
    CHECK_EQ(op_rem(-7, 2), (uint64_t)-1);
    CHECK_EQ(op_rem(7, -2), 1);
    /* high halves */
    CHECK_EQ(op_mulh(M1, M1), 0);
    CHECK_EQ(op_mulhu(M1, M1), 0xfffffffffffffffeull);
    CHECK_EQ(op_mulhsu(M1, M1), M1);            /* -1 * (2^64-1) */
    CHECK_EQ(op_mulhsu(2, M1), 1);
    CHECK_EQ(op_mulh(MIN64, MIN64), 0x4000000000000000ull);
    CHECK_EQ(op_mulw(0x10000, 0x8000), 0xffffffff80000000ull);
    CHECK_EQ(op_mulw(0x100000001ull, 3), 3);    /* only the low words count */
    CHECK_EQ(op_divuw(0xffffffff00000010ull, 4), 4);
    return rvt_summary();
}
