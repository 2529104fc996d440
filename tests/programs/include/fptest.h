/* Helpers for the floating-point tests: operate on raw bit patterns through inline
 * assembly so that the compiler never folds or reorders the operation under test. */
#ifndef FPTEST_H
#define FPTEST_H
#include "rvtest.h"

static inline void clear_flags(void) { __asm__ volatile("fsflags zero"); }
static inline unsigned read_flags(void)
{
    unsigned long f;
    __asm__ volatile("frflags %0" : "=r"(f));
    return (unsigned)f;
}

/* d = op(a, b) in double; returns the result bits, *flags = fflags raised by it */
#define FOP2_D(fname, insn)                                                    \
    static uint64_t fname(uint64_t a, uint64_t b, unsigned *flags)            \
    {                                                                         \
        uint64_t r;                                                           \
        clear_flags();                                                        \
        __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.d.x ft1, %2\n\t"             \
                         insn " ft2, ft0, ft1\n\tfmv.x.d %0, ft2"             \
                         : "=r"(r) : "r"(a), "r"(b) : "ft0", "ft1", "ft2");   \
        *flags = read_flags();                                                \
        return r;                                                             \
    }
/* single precision: operands and the result as 32-bit patterns (properly NaN-boxed) */
#define FOP2_S(fname, insn)                                                    \
    static uint64_t fname(uint64_t a, uint64_t b, unsigned *flags)            \
    {                                                                         \
        uint64_t r;                                                           \
        clear_flags();                                                        \
        __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.w.x ft1, %2\n\t"             \
                         insn " ft2, ft0, ft1\n\tfmv.x.w %0, ft2"             \
                         : "=r"(r) : "r"(a), "r"(b) : "ft0", "ft1", "ft2");   \
        *flags = read_flags();                                                \
        return (uint32_t)r;                                                   \
    }
#define FOP1_D(fname, insn)                                                    \
    static uint64_t fname(uint64_t a, uint64_t b, unsigned *flags)            \
    {                                                                         \
        uint64_t r;                                                           \
        (void)b;                                                              \
        clear_flags();                                                        \
        __asm__ volatile("fmv.d.x ft0, %1\n\t" insn " ft2, ft0\n\tfmv.x.d %0, ft2" \
                         : "=r"(r) : "r"(a) : "ft0", "ft2");                  \
        *flags = read_flags();                                                \
        return r;                                                             \
    }
#define FOP1_S(fname, insn)                                                    \
    static uint64_t fname(uint64_t a, uint64_t b, unsigned *flags)            \
    {                                                                         \
        uint64_t r;                                                           \
        (void)b;                                                              \
        clear_flags();                                                        \
        __asm__ volatile("fmv.w.x ft0, %1\n\t" insn " ft2, ft0\n\tfmv.x.w %0, ft2" \
                         : "=r"(r) : "r"(a) : "ft0", "ft2");                  \
        *flags = read_flags();                                                \
        return (uint32_t)r;                                                   \
    }
#define FOP3_D(fname, insn)                                                    \
    static uint64_t fname(uint64_t a, uint64_t b, uint64_t c, unsigned *flags) \
    {                                                                         \
        uint64_t r;                                                           \
        clear_flags();                                                        \
        __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.d.x ft1, %2\n\tfmv.d.x ft2, %3\n\t" \
                         insn " ft3, ft0, ft1, ft2\n\tfmv.x.d %0, ft3"        \
                         : "=r"(r) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); \
        *flags = read_flags();                                                \
        return r;                                                             \
    }
#define FOP3_S(fname, insn)                                                    \
    static uint64_t fname(uint64_t a, uint64_t b, uint64_t c, unsigned *flags) \
    {                                                                         \
        uint64_t r;                                                           \
        clear_flags();                                                        \
        __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.w.x ft1, %2\n\tfmv.w.x ft2, %3\n\t" \
                         insn " ft3, ft0, ft1, ft2\n\tfmv.x.w %0, ft3"        \
                         : "=r"(r) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); \
        *flags = read_flags();                                                \
        return (uint32_t)r;                                                   \
    }

/* interesting operands */
static const uint64_t dvals[] = {
    0x0000000000000000ull, /* +0 */
    0x8000000000000000ull, /* -0 */
    0x3ff0000000000000ull, /* 1 */
    0xbff8000000000000ull, /* -1.5 */
    0x4008000000000000ull, /* 3 */
    0x3fb999999999999aull, /* 0.1 */
    0x7fefffffffffffffull, /* DBL_MAX */
    0x0010000000000000ull, /* DBL_MIN (smallest normal) */
    0x0000000000000001ull, /* smallest subnormal */
    0x7ff0000000000000ull, /* +inf */
    0xfff0000000000000ull, /* -inf */
    0x7ff8000000000000ull, /* canonical qNaN */
    0x7ff0000000000001ull, /* sNaN */
};
#define NDV (sizeof dvals / sizeof dvals[0])
static const uint64_t svals[] = {
    0x00000000, /* +0 */
    0x80000000, /* -0 */
    0x3f800000, /* 1 */
    0xbfc00000, /* -1.5 */
    0x40400000, /* 3 */
    0x3dcccccd, /* 0.1 */
    0x7f7fffff, /* FLT_MAX */
    0x00800000, /* FLT_MIN */
    0x00000001, /* smallest subnormal */
    0x7f800000, /* +inf */
    0xff800000, /* -inf */
    0x7fc00000, /* canonical qNaN */
    0x7f800001, /* sNaN */
};
#define NSV (sizeof svals / sizeof svals[0])

#endif
