/*
 * Test-vector generator for rvtrace's F/D extension implementation.
 *
 * Build with riscv64-linux-gnu-gcc -O1 -static -march=rv64gc and run under qemu-riscv64 (see
 * regenerate.sh). For every operation and every static rounding mode it runs hand-picked special
 * operands plus deterministic pseudo-random ones through the real instruction, with the rounding
 * mode in the instruction's rm field, clearing fflags before and reading it after each one.
 *
 * Output, one vector per line, all numbers hex without prefix:
 *   <mnemonic> <rm> <operand>... <result> <fflags>
 * Operand/result widths follow the mnemonic: 16 digits for a double or 64-bit integer register,
 * 8 for a single or a 32-bit integer source. Operations without an rm field are run once with
 * rm 0. "<op>.s/raw" vectors load 64-bit register images (fmv.d.x) into single-precision
 * instructions and read back the whole register (fmv.x.d): NaN-boxing checks.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint64_t u64;
typedef uint32_t u32;

/* ---------------------------------------------------------------- instruction wrappers */

/* Every wrapper: u64 fn(int rm, u64 a, u64 b, u64 c, u64 *flags). Operands and results travel
 * through integer registers and are moved with fmv inside the asm, so the compiler never touches
 * the floating-point bits. */
typedef u64 (*op_fn)(int rm, u64 a, u64 b, u64 c, u64 *flags);

#define PROLOGUE "csrw fflags, zero\n\t"
#define EPILOGUE "\n\tcsrr %1, fflags\n\t"

/* Binary fp -> fp. MI/MO: move-in / move-out mnemonics. */
#define ASM_FF_F(MI, MO, INSN, RM)                                                          \
    __asm__ volatile(MI " ft0, %2\n\t" MI " ft1, %3\n\t" PROLOGUE INSN " ft2, ft0, ft1" RM   \
                     EPILOGUE MO " %0, ft2"                                                   \
                     : "=r"(r), "=&r"(fl) : "r"(a), "r"(b) : "ft0", "ft1", "ft2")
/* Ternary fp -> fp (fused multiply-add family). */
#define ASM_FFF_F(MI, MO, INSN, RM)                                                          \
    __asm__ volatile(MI " ft0, %2\n\t" MI " ft1, %3\n\t" MI " ft2, %4\n\t" PROLOGUE INSN      \
                     " ft3, ft0, ft1, ft2" RM EPILOGUE MO " %0, ft3"                          \
                     : "=r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3")
/* Unary fp -> fp. */
#define ASM_F_F(MI, MO, INSN, RM)                                                            \
    __asm__ volatile(MI " ft0, %2\n\t" PROLOGUE INSN " ft1, ft0" RM EPILOGUE MO " %0, ft1"    \
                     : "=r"(r), "=&r"(fl) : "r"(a) : "ft0", "ft1")
/* Binary fp -> integer register (compares). */
#define ASM_FF_X(MI, MO, INSN, RM)                                                           \
    __asm__ volatile(MI " ft0, %2\n\t" MI " ft1, %3\n\t" PROLOGUE INSN " %0, ft0, ft1" RM     \
                     EPILOGUE : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b) : "ft0", "ft1")
/* Unary fp -> integer register (fclass, fcvt to integer). */
#define ASM_F_X(MI, MO, INSN, RM)                                                            \
    __asm__ volatile(MI " ft0, %2\n\t" PROLOGUE INSN " %0, ft0" RM EPILOGUE                   \
                     : "=&r"(r), "=&r"(fl) : "r"(a) : "ft0")
/* Integer register -> fp (fcvt from integer). */
#define ASM_X_F(MI, MO, INSN, RM)                                                            \
    __asm__ volatile(PROLOGUE INSN " ft0, %2" RM EPILOGUE MO " %0, ft0"                       \
                     : "=r"(r), "=&r"(fl) : "r"(a) : "ft0")

#define RM_SWITCH(ASM, MI, MO, INSN)                                                         \
    switch (rm) {                                                                            \
    case 0: ASM(MI, MO, INSN, ", rne"); break;                                               \
    case 1: ASM(MI, MO, INSN, ", rtz"); break;                                               \
    case 2: ASM(MI, MO, INSN, ", rdn"); break;                                               \
    case 3: ASM(MI, MO, INSN, ", rup"); break;                                               \
    default: ASM(MI, MO, INSN, ", rmm"); break;                                              \
    }

#define DEF_RM(NAME, ASM, MI, MO, INSN)                                                      \
    static u64 NAME(int rm, u64 a, u64 b, u64 c, u64 *flags) {                               \
        u64 r, fl;                                                                           \
        (void)a; (void)b; (void)c;                                                           \
        RM_SWITCH(ASM, MI, MO, INSN)                                                         \
        *flags = fl;                                                                         \
        return r;                                                                            \
    }
#define DEF_NORM(NAME, ASM, MI, MO, INSN)                                                    \
    static u64 NAME(int rm, u64 a, u64 b, u64 c, u64 *flags) {                               \
        u64 r, fl;                                                                           \
        (void)rm; (void)a; (void)b; (void)c;                                                 \
        ASM(MI, MO, INSN, "");                                                               \
        *flags = fl;                                                                         \
        return r;                                                                            \
    }

#define MD "fmv.d.x"
#define XD "fmv.x.d"
#define MS "fmv.w.x"
#define XS "fmv.x.w"

DEF_RM(fadd_d, ASM_FF_F, MD, XD, "fadd.d")
DEF_RM(fsub_d, ASM_FF_F, MD, XD, "fsub.d")
DEF_RM(fmul_d, ASM_FF_F, MD, XD, "fmul.d")
DEF_RM(fdiv_d, ASM_FF_F, MD, XD, "fdiv.d")
DEF_RM(fsqrt_d, ASM_F_F, MD, XD, "fsqrt.d")
DEF_RM(fmadd_d, ASM_FFF_F, MD, XD, "fmadd.d")
DEF_RM(fmsub_d, ASM_FFF_F, MD, XD, "fmsub.d")
DEF_RM(fnmsub_d, ASM_FFF_F, MD, XD, "fnmsub.d")
DEF_RM(fnmadd_d, ASM_FFF_F, MD, XD, "fnmadd.d")
DEF_NORM(fmin_d, ASM_FF_F, MD, XD, "fmin.d")
DEF_NORM(fmax_d, ASM_FF_F, MD, XD, "fmax.d")
DEF_NORM(fsgnj_d, ASM_FF_F, MD, XD, "fsgnj.d")
DEF_NORM(fsgnjn_d, ASM_FF_F, MD, XD, "fsgnjn.d")
DEF_NORM(fsgnjx_d, ASM_FF_F, MD, XD, "fsgnjx.d")
DEF_NORM(feq_d, ASM_FF_X, MD, XD, "feq.d")
DEF_NORM(flt_d, ASM_FF_X, MD, XD, "flt.d")
DEF_NORM(fle_d, ASM_FF_X, MD, XD, "fle.d")
DEF_NORM(fclass_d, ASM_F_X, MD, XD, "fclass.d")
DEF_RM(fcvt_w_d, ASM_F_X, MD, XD, "fcvt.w.d")
DEF_RM(fcvt_wu_d, ASM_F_X, MD, XD, "fcvt.wu.d")
DEF_RM(fcvt_l_d, ASM_F_X, MD, XD, "fcvt.l.d")
DEF_RM(fcvt_lu_d, ASM_F_X, MD, XD, "fcvt.lu.d")
DEF_NORM(fcvt_d_w, ASM_X_F, MD, XD, "fcvt.d.w")
DEF_NORM(fcvt_d_wu, ASM_X_F, MD, XD, "fcvt.d.wu")
DEF_RM(fcvt_d_l, ASM_X_F, MD, XD, "fcvt.d.l")
DEF_RM(fcvt_d_lu, ASM_X_F, MD, XD, "fcvt.d.lu")
DEF_RM(fcvt_s_d, ASM_F_F, MD, XS, "fcvt.s.d")
DEF_NORM(fcvt_d_s, ASM_F_F, MS, XD, "fcvt.d.s")

DEF_RM(fadd_s, ASM_FF_F, MS, XS, "fadd.s")
DEF_RM(fsub_s, ASM_FF_F, MS, XS, "fsub.s")
DEF_RM(fmul_s, ASM_FF_F, MS, XS, "fmul.s")
DEF_RM(fdiv_s, ASM_FF_F, MS, XS, "fdiv.s")
DEF_RM(fsqrt_s, ASM_F_F, MS, XS, "fsqrt.s")
DEF_RM(fmadd_s, ASM_FFF_F, MS, XS, "fmadd.s")
DEF_RM(fmsub_s, ASM_FFF_F, MS, XS, "fmsub.s")
DEF_RM(fnmsub_s, ASM_FFF_F, MS, XS, "fnmsub.s")
DEF_RM(fnmadd_s, ASM_FFF_F, MS, XS, "fnmadd.s")
DEF_NORM(fmin_s, ASM_FF_F, MS, XS, "fmin.s")
DEF_NORM(fmax_s, ASM_FF_F, MS, XS, "fmax.s")
DEF_NORM(fsgnj_s, ASM_FF_F, MS, XS, "fsgnj.s")
DEF_NORM(fsgnjn_s, ASM_FF_F, MS, XS, "fsgnjn.s")
DEF_NORM(fsgnjx_s, ASM_FF_F, MS, XS, "fsgnjx.s")
DEF_NORM(feq_s, ASM_FF_X, MS, XS, "feq.s")
DEF_NORM(flt_s, ASM_FF_X, MS, XS, "flt.s")
DEF_NORM(fle_s, ASM_FF_X, MS, XS, "fle.s")
DEF_NORM(fclass_s, ASM_F_X, MS, XS, "fclass.s")
DEF_RM(fcvt_w_s, ASM_F_X, MS, XS, "fcvt.w.s")
DEF_RM(fcvt_wu_s, ASM_F_X, MS, XS, "fcvt.wu.s")
DEF_RM(fcvt_l_s, ASM_F_X, MS, XS, "fcvt.l.s")
DEF_RM(fcvt_lu_s, ASM_F_X, MS, XS, "fcvt.lu.s")
DEF_RM(fcvt_s_w, ASM_X_F, MS, XS, "fcvt.s.w")
DEF_RM(fcvt_s_wu, ASM_X_F, MS, XS, "fcvt.s.wu")
DEF_RM(fcvt_s_l, ASM_X_F, MS, XS, "fcvt.s.l")
DEF_RM(fcvt_s_lu, ASM_X_F, MS, XS, "fcvt.s.lu")

/* NaN-boxing probes: raw 64-bit register images in, whole register out. */
DEF_RM(fadd_s_raw, ASM_FF_F, MD, XD, "fadd.s")
DEF_NORM(fsgnj_s_raw, ASM_FF_F, MD, XD, "fsgnj.s")
DEF_NORM(fmax_s_raw, ASM_FF_F, MD, XD, "fmax.s")

/* ---------------------------------------------------------------- deterministic randomness */

static u64 rng_state;

static void rng_seed(const char *name, int rm) {
    u64 h = 1469598103934665603ULL; /* FNV-1a of the mnemonic, so ops do not share streams */
    for (const char *p = name; *p; p++) {
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    }
    rng_state = h ^ ((u64)(rm + 1) * 0x9E3779B97F4A7C15ULL);
    if (rng_state == 0) {
        rng_state = 1;
    }
}

static u64 rnd(void) { /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static u64 below(u64 n) { return rnd() % n; }

/* ---------------------------------------------------------------- formats */

typedef struct {
    int frac_bits, exp_bits;
} fmt;

static const fmt FD = {52, 11};
static const fmt FS = {23, 8};

static u64 exp_max(fmt f) { return (1ULL << f.exp_bits) - 1; }
static u64 bias(fmt f) { return (1ULL << (f.exp_bits - 1)) - 1; }
static u64 frac_mask(fmt f) { return (1ULL << f.frac_bits) - 1; }
static u64 pack(fmt f, u64 sign, u64 e, u64 frac) {
    return (sign << (f.frac_bits + f.exp_bits)) | (e << f.frac_bits) | (frac & frac_mask(f));
}

/* A random significand field with a bias towards rounding-relevant bit patterns. */
static u64 rand_frac(fmt f) {
    u64 m = frac_mask(f);
    switch (below(8)) {
    case 0: return 0;
    case 1: return m;
    case 2: return rnd() & rnd() & rnd() & m; /* sparse */
    case 3: return (rnd() | rnd() | rnd()) & m; /* dense */
    case 4: return rnd() & (m << below(f.frac_bits)); /* short significand */
    case 5: return (rnd() & m) ^ below(4); /* near a tie or exact in low bits */
    default: return rnd() & m;
    }
}

/* A random biased exponent: extremes and the middle of the range more often than uniform. */
static u64 rand_exp(fmt f) {
    u64 top = exp_max(f);
    switch (below(12)) {
    case 0: return 0;
    case 1: return 1 + below(3);
    case 2: return top - 1 - below(3);
    case 3: return bias(f) - 3 + below(7);
    case 4: return below(64) == 0 ? top : 1 + below(top - 1);
    default: return 1 + below(top - 1);
    }
}

static u64 rand_fp(fmt f) { return pack(f, below(2), rand_exp(f), rand_frac(f)); }

/* A value with given biased exponent offset from the middle (clamped into the finite range). */
static u64 rand_fp_exp(fmt f, long e) {
    if (e < 0) {
        e = 0;
    }
    if (e > (long)exp_max(f) - 1) {
        e = exp_max(f) - 1;
    }
    return pack(f, below(2), (u64)e, rand_frac(f));
}

static long exp_of(fmt f, u64 v) { return (long)((v >> f.frac_bits) & exp_max(f)); }

/* Nudges an encoding by a few units in the last place (stays within its sign's half). */
static u64 nudge(fmt f, u64 v) {
    u64 signbit = 1ULL << (f.frac_bits + f.exp_bits);
    u64 mag = v & (signbit - 1);
    long d = (long)below(5) - 2;
    if ((long)mag + d >= 0 && mag + d < (exp_max(f) << f.frac_bits)) {
        mag += d;
    }
    return (v & signbit) | mag;
}

/* ---------------------------------------------------------------- special operands */

static const u64 SPECIAL_D[] = {
    0x0000000000000000ULL, 0x8000000000000000ULL, /* +-0 */
    0x7ff0000000000000ULL, 0xfff0000000000000ULL, /* +-inf */
    0x7ff8000000000000ULL, 0xfff8000000000001ULL, /* qNaN (canonical, negative with payload) */
    0x7ff0000000000001ULL, 0x7ff4000000000000ULL, /* sNaN */
    0x0000000000000001ULL, 0x8000000000000001ULL, /* +-min subnormal */
    0x000fffffffffffffULL, 0x0010000000000000ULL, /* max subnormal, min normal */
    0x8010000000000000ULL, 0x001fffffffffffffULL,
    0x7fefffffffffffffULL, 0xffefffffffffffffULL, /* +-max normal */
    0x7fe0000000000000ULL,                        /* 2^1023 */
    0x3ff0000000000000ULL, 0xbff0000000000000ULL, /* +-1 */
    0x3ff0000000000001ULL, 0x3fefffffffffffffULL, /* 1 + ulp, 1 - ulp/2 */
    0x4000000000000000ULL, 0x3fe0000000000000ULL, /* 2, 0.5 */
    0x4008000000000000ULL, 0xbff8000000000000ULL, /* 3, -1.5 */
    0x3ca0000000000000ULL,                        /* 2^-53 */
};
/* The subset used for operand triples. */
static const u64 SPECIAL_D_FMA[] = {
    0x0000000000000000ULL, 0x8000000000000000ULL, 0x7ff0000000000000ULL, 0xfff0000000000000ULL,
    0x7ff8000000000000ULL, 0x7ff0000000000001ULL, 0x0000000000000001ULL, 0x0010000000000000ULL,
    0x7fefffffffffffffULL, 0x3ff0000000000000ULL, 0xbff0000000000001ULL, 0x3ca0000000000000ULL,
};

static const u64 SPECIAL_S[] = {
    0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001, 0x7fa00000,
    0x00000001, 0x80000001, 0x007fffff, 0x00800000, 0x80800000, 0x00ffffff, 0x7f7fffff, 0xff7fffff,
    0x7f000000, 0x3f800000, 0xbf800000, 0x3f800001, 0x3f7fffff, 0x40000000, 0x3f000000, 0x40400000,
    0xbfc00000, 0x33800000,
};
static const u64 SPECIAL_S_FMA[] = {
    0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001,
    0x00000001, 0x00800000, 0x7f7fffff, 0x3f800000, 0xbf800001, 0x33800000,
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Doubles around the integer conversion limits and the rounding ties. */
static const u64 SPECIAL_CVT_D[] = {
    0x41dfffffffc00000ULL, /* 2^31 - 1 */
    0x41dfffffffe00000ULL, /* 2^31 - 0.5 */
    0x41dffffffff00000ULL, /* 2^31 - 0.25 */
    0x41e0000000000000ULL, /* 2^31 */
    0xc1e0000000000000ULL, /* -2^31 */
    0xc1e0000000100000ULL, /* -2^31 - 0.5 */
    0xc1e0000000200000ULL, /* -2^31 - 1 */
    0xc1dfffffffe00000ULL, /* -2^31 + 0.5 */
    0x41efffffffe00000ULL, /* 2^32 - 1 */
    0x41effffffff00000ULL, /* 2^32 - 0.5 */
    0x41f0000000000000ULL, /* 2^32 */
    0x433fffffffffffffULL, /* 2^53 - 1 */
    0x4340000000000000ULL, /* 2^53 */
    0x43dfffffffffffffULL, /* largest double below 2^63 */
    0x43e0000000000000ULL, /* 2^63 */
    0xc3e0000000000000ULL, /* -2^63 */
    0xc3e0000000000001ULL, /* just below -2^63 */
    0x43efffffffffffffULL, /* largest double below 2^64 */
    0x43f0000000000000ULL, /* 2^64 */
    0x3fe0000000000000ULL, 0xbfe0000000000000ULL, /* +-0.5 */
    0x3ff8000000000000ULL, 0xbff8000000000000ULL, /* +-1.5 */
    0x4004000000000000ULL, 0xc004000000000000ULL, /* +-2.5 */
    0x3fefffffffffffffULL, 0xbfefffffffffffffULL, /* +-(1 - 2^-53) */
    0x3fdfffffffffffffULL, 0x3fe0000000000001ULL, /* just below/above 0.5 */
    0xbfd0000000000000ULL,                        /* -0.25 */
};
static const u64 SPECIAL_CVT_S[] = {
    0x4effffff, 0x4f000000, 0xcf000000, 0xcf000001, 0x4f7fffff, 0x4f800000, 0x4b7fffff, 0x4b800000,
    0x5effffff, 0x5f000000, 0xdf000000, 0xdf000001, 0x5f7fffff, 0x5f800000, 0x3f000000, 0xbf000000,
    0x3fc00000, 0xbfc00000, 0x40200000, 0xc0200000, 0x3f7fffff, 0xbf7fffff, 0x3effffff, 0x3f000001,
    0xbe800000,
};
static const u64 SPECIAL_INT[] = {
    0, 1, 0xffffffffffffffffULL, 0x7fffffff, 0x80000000, 0xffffffff, 0xffffffff80000000ULL,
    0x0000000001000001ULL, 0x0000000001000003ULL, 0x0000000002000002ULL, /* 2^24 ties */
    0x0020000000000001ULL, 0x0020000000000003ULL, 0x001fffffffffffffULL, /* 2^53 ties */
    0x7fffffffffffffffULL, 0x8000000000000000ULL, 0x8000000000000001ULL,
    0x7ffffffffffffc00ULL, 0x7ffffffffffffdffULL, 0x7ffffffffffffe00ULL, /* near 2^63 */
    0xfffffffffffffc00ULL, 0xfffffffffffff800ULL, 0xffffffffffffff80ULL, 0x00000000ff800000ULL,
    0x00000000ffffff80ULL, 0x000000007fffffc0ULL, 0x0000000080000080ULL,
};

/* ---------------------------------------------------------------- operand generators */

typedef enum { K_D, K_S, K_X, K_W } kind; /* double, single, 64-bit int, 32-bit int */
typedef enum { G_ARITH, G_SQRT, G_FMA, G_CMP, G_TO_INT, G_FROM_INT, G_NARROW, G_WIDEN, G_RAW } gen;

typedef struct {
    const char *name;
    op_fn fn;
    int arity;
    int has_rm;
    kind in, out;
    gen g;
    int randoms;
} op;

static fmt fmt_of(kind k) { return k == K_S ? FS : FD; }

static const u64 *specials(kind k, size_t *n) {
    if (k == K_S) {
        *n = COUNT(SPECIAL_S);
        return SPECIAL_S;
    }
    *n = COUNT(SPECIAL_D);
    return SPECIAL_D;
}

static int digits(kind k) { return k == K_S || k == K_W ? 8 : 16; }

static void emit(const op *o, int rm, const u64 *v) {
    u64 flags;
    u64 r = o->fn(rm, v[0], v[1], v[2], &flags);
    printf("%s %d", o->name, rm);
    for (int i = 0; i < o->arity; i++) {
        int d = digits(o->in);
        printf(" %0*llx", d, (unsigned long long)(d == 8 ? (v[i] & 0xffffffffULL) : v[i]));
    }
    int d = digits(o->out);
    printf(" %0*llx %llx\n", d, (unsigned long long)(d == 8 ? (r & 0xffffffffULL) : r),
           (unsigned long long)flags);
}

/* +-ulp(v)/2 or +-3ulp(v)/4 for a normal v (0 where that is not representable). */
static u64 half_ulp(fmt f, u64 v) {
    long e = exp_of(f, v) - f.frac_bits - 1;
    if (e < 1) {
        return 0;
    }
    return pack(f, below(2), (u64)e, below(2) ? 0 : 1ULL << (f.frac_bits - 1));
}

/* Operand pairs related so that results hit cancellation, ties, underflow and overflow. */
static void related_pair(const op *o, u64 *v) {
    fmt f = fmt_of(o->in);
    long mid = (long)bias(f);
    long emaxb = (long)exp_max(f) - 1;
    v[0] = rand_fp(f);
    switch (below(7)) {
    case 0: /* near-cancellation for add/sub; ratio near 1 for div */
        v[1] = nudge(f, v[0] ^ ((u64)below(2) << (f.frac_bits + f.exp_bits)));
        break;
    case 1: /* small exponent difference */
        v[1] = rand_fp_exp(f, exp_of(f, v[0]) + (long)below(2 * f.frac_bits + 6) - f.frac_bits - 3);
        break;
    case 2: /* product/quotient near the bottom of the range */
        v[0] = rand_fp_exp(f, mid - (long)below(mid));
        v[1] = rand_fp_exp(f, (o->name[1] == 'd' ? exp_of(f, v[0]) + mid : 1 + mid - exp_of(f, v[0]))
                                  + (long)below(2 * f.frac_bits + 4) - f.frac_bits - 3);
        break;
    case 3: /* product/quotient near the top of the range */
        v[0] = rand_fp_exp(f, mid + (long)below(mid));
        v[1] = rand_fp_exp(f, (o->name[1] == 'd' ? exp_of(f, v[0]) - mid : emaxb + mid - exp_of(f, v[0]))
                                  + (long)below(6) - 3);
        break;
    case 4: /* half an ulp of v[0] (or 3/4): sums land exactly on or beside midpoints */
        v[1] = half_ulp(f, v[0]);
        break;
    default:
        v[1] = rand_fp(f);
        break;
    }
}

static void run_arith(const op *o, int rm) {
    u64 v[3] = {0, 0, 0};
    size_t n;
    const u64 *sp = specials(o->in, &n);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            v[0] = sp[i];
            v[1] = sp[j];
            emit(o, rm, v);
        }
    }
    for (int k = 0; k < o->randoms; k++) {
        related_pair(o, v);
        emit(o, rm, v);
    }
}

static void run_cmp(const op *o, int rm) {
    run_arith(o, rm); /* same operand distribution; compares only care about order/specials */
}

static void run_unary(const op *o, int rm) {
    u64 v[3] = {0, 0, 0};
    size_t n;
    const u64 *sp = specials(o->in, &n);
    fmt f = fmt_of(o->in);
    for (size_t i = 0; i < n; i++) {
        v[0] = sp[i];
        emit(o, rm, v);
    }
    for (int k = 0; k < o->randoms; k++) {
        v[0] = rand_fp(f);
        if (o->g == G_SQRT && below(4) != 0) {
            v[0] &= ~(1ULL << (f.frac_bits + f.exp_bits)); /* mostly non-negative */
        }
        emit(o, rm, v);
    }
}

/* fma operands: c near -(a*b) (computed with fmul in RNE) for massive cancellation, or random. */
static void fma_triple(const op *o, u64 *v) {
    fmt f = fmt_of(o->in);
    u64 flags;
    related_pair(o, v);
    switch (below(5)) {
    case 0: {
        u64 p = (o->in == K_S ? fmul_s : fmul_d)(0, v[0], v[1], 0, &flags);
        int negate = strstr(o->name, "fmadd") || strstr(o->name, "fnmadd");
        v[2] = nudge(f, p ^ ((u64)negate << (f.frac_bits + f.exp_bits)));
        break;
    }
    case 1: { /* exact product (v[1] = +-1 or +-2) plus about half an ulp: midpoints */
        v[1] = pack(f, below(2), bias(f) + below(2), 0);
        v[2] = half_ulp(f, v[0]);
        break;
    }
    case 2: {
        long e = exp_of(f, v[0]) + exp_of(f, v[1]) - (long)bias(f);
        v[2] = rand_fp_exp(f, e + (long)below(2 * f.frac_bits + 8) - f.frac_bits - 4);
        break;
    }
    default:
        v[2] = rand_fp(f);
        break;
    }
}

static void run_fma(const op *o, int rm) {
    u64 v[3];
    int full = strstr(o->name, "fmadd") == o->name; /* all special triples for fmadd only */
    const u64 *sp = o->in == K_S ? SPECIAL_S_FMA : SPECIAL_D_FMA;
    size_t n = full ? COUNT(SPECIAL_D_FMA) : 6;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            for (size_t k = 0; k < n; k++) {
                v[0] = sp[i];
                v[1] = sp[j];
                v[2] = sp[k];
                emit(o, rm, v);
            }
        }
    }
    for (int k = 0; k < o->randoms; k++) {
        fma_triple(o, v);
        emit(o, rm, v);
    }
}

/* Floating-point values around integer limits and halfway points. */
static void run_to_int(const op *o, int rm) {
    u64 v[3] = {0, 0, 0};
    fmt f = fmt_of(o->in);
    size_t n;
    const u64 *sp = specials(o->in, &n);
    for (size_t i = 0; i < n; i++) {
        v[0] = sp[i];
        emit(o, rm, v);
    }
    const u64 *cv = o->in == K_S ? SPECIAL_CVT_S : SPECIAL_CVT_D;
    size_t cn = o->in == K_S ? COUNT(SPECIAL_CVT_S) : COUNT(SPECIAL_CVT_D);
    for (size_t i = 0; i < cn; i++) {
        v[0] = cv[i];
        emit(o, rm, v);
    }
    for (int k = 0; k < o->randoms; k++) {
        switch (below(4)) {
        case 0:
            v[0] = rand_fp(f);
            break;
        case 1: /* an integer or half-integer near a limit */
            v[0] = nudge(f, cv[below(cn)]);
            break;
        default: /* magnitude between 2^-2 and 2^66 */
            v[0] = rand_fp_exp(f, (long)bias(f) - 2 + (long)below(69));
            break;
        }
        emit(o, rm, v);
    }
}

/* Integers of every bit length, with tie patterns below the rounding position. */
static void run_from_int(const op *o, int rm) {
    u64 v[3] = {0, 0, 0};
    int p = o->out == K_S ? 24 : 53;
    int width = o->in == K_W ? 32 : 64;
    for (size_t i = 0; i < COUNT(SPECIAL_INT); i++) {
        v[0] = SPECIAL_INT[i];
        if (width == 32) {
            v[0] &= 0xffffffffULL;
        }
        emit(o, rm, v);
    }
    for (int k = 0; k < o->randoms; k++) {
        int len = 1 + (int)below(width);
        u64 x = len == 64 ? rnd() : rnd() & ((1ULL << len) - 1);
        if (len > p && below(2)) { /* control the bits below the rounding position */
            int low = len - p;
            u64 half = 1ULL << (low - 1);
            u64 pattern[] = {half, half - 1, half + 1, 0, (1ULL << low) - 1};
            x = (x & ~((1ULL << low) - 1)) | (pattern[below(5)] & ((1ULL << low) - 1));
        }
        if (below(3) == 0) {
            x = (u64)(-(int64_t)x); /* negative for the signed variants */
        }
        if (width == 32) {
            x &= 0xffffffffULL;
        }
        v[0] = x;
        emit(o, rm, v);
    }
}

/* fcvt.s.d: doubles around the binary32 range limits and binary32 ties. */
static void run_narrow(const op *o, int rm) {
    u64 v[3] = {0, 0, 0};
    for (size_t i = 0; i < COUNT(SPECIAL_D); i++) {
        v[0] = SPECIAL_D[i];
        emit(o, rm, v);
    }
    for (int k = 0; k < o->randoms; k++) {
        long e;
        switch (below(5)) {
        case 0: e = 1023 - 126 - (long)below(28); break; /* binary32 subnormal range */
        case 1: e = 1023 + 127 - 2 + (long)below(4); break; /* binary32 overflow edge */
        case 2: e = (long)rand_exp(FD); break;
        default: e = 1023 - 126 + (long)below(254); break;
        }
        u64 frac = rand_frac(FD);
        if (below(2)) { /* a tie or near-tie at the 24-bit rounding position */
            u64 patterns[] = {0x10000000, 0x0fffffff, 0x10000001, 0};
            frac = (frac & ~0x1fffffffULL) | patterns[below(4)];
        }
        v[0] = pack(FD, below(2), (u64)(e < 0 ? 0 : e), frac);
        emit(o, rm, v);
    }
}

/* Raw register images for the NaN-boxing probes. */
static void run_raw(const op *o, int rm) {
    static const u64 images[] = {
        0xffffffff3f800000ULL, /* properly boxed 1.0f */
        0xffffffff7f800001ULL, /* properly boxed sNaN */
        0x000000003f800000ULL, /* not boxed */
        0x7fffffff3f800000ULL, /* almost boxed */
        0xfffffffe40000000ULL, /* almost boxed */
        0x3ff0000000000000ULL, /* a double 1.0 */
        0xffffffffbf800000ULL, /* properly boxed -1.0f */
    };
    u64 v[3] = {0, 0, 0};
    for (size_t i = 0; i < COUNT(images); i++) {
        for (size_t j = 0; j < COUNT(images); j++) {
            v[0] = images[i];
            v[1] = images[j];
            emit(o, rm, v);
        }
    }
}

#define N_ARITH 1200
#define N_FMA 1500
#define N_OTHER 500

static const op OPS[] = {
    {"fadd.d", fadd_d, 2, 1, K_D, K_D, G_ARITH, N_ARITH},
    {"fsub.d", fsub_d, 2, 1, K_D, K_D, G_ARITH, N_ARITH},
    {"fmul.d", fmul_d, 2, 1, K_D, K_D, G_ARITH, N_ARITH},
    {"fdiv.d", fdiv_d, 2, 1, K_D, K_D, G_ARITH, N_ARITH},
    {"fsqrt.d", fsqrt_d, 1, 1, K_D, K_D, G_SQRT, N_ARITH},
    {"fmadd.d", fmadd_d, 3, 1, K_D, K_D, G_FMA, N_FMA},
    {"fmsub.d", fmsub_d, 3, 1, K_D, K_D, G_FMA, N_OTHER},
    {"fnmsub.d", fnmsub_d, 3, 1, K_D, K_D, G_FMA, N_OTHER},
    {"fnmadd.d", fnmadd_d, 3, 1, K_D, K_D, G_FMA, N_OTHER},
    {"fmin.d", fmin_d, 2, 0, K_D, K_D, G_CMP, N_OTHER},
    {"fmax.d", fmax_d, 2, 0, K_D, K_D, G_CMP, N_OTHER},
    {"fsgnj.d", fsgnj_d, 2, 0, K_D, K_D, G_CMP, 50},
    {"fsgnjn.d", fsgnjn_d, 2, 0, K_D, K_D, G_CMP, 50},
    {"fsgnjx.d", fsgnjx_d, 2, 0, K_D, K_D, G_CMP, 50},
    {"feq.d", feq_d, 2, 0, K_D, K_X, G_CMP, N_OTHER},
    {"flt.d", flt_d, 2, 0, K_D, K_X, G_CMP, N_OTHER},
    {"fle.d", fle_d, 2, 0, K_D, K_X, G_CMP, N_OTHER},
    {"fclass.d", fclass_d, 1, 0, K_D, K_X, G_WIDEN, N_OTHER},
    {"fcvt.w.d", fcvt_w_d, 1, 1, K_D, K_X, G_TO_INT, N_OTHER},
    {"fcvt.wu.d", fcvt_wu_d, 1, 1, K_D, K_X, G_TO_INT, N_OTHER},
    {"fcvt.l.d", fcvt_l_d, 1, 1, K_D, K_X, G_TO_INT, N_OTHER},
    {"fcvt.lu.d", fcvt_lu_d, 1, 1, K_D, K_X, G_TO_INT, N_OTHER},
    {"fcvt.d.w", fcvt_d_w, 1, 0, K_W, K_D, G_FROM_INT, 100},
    {"fcvt.d.wu", fcvt_d_wu, 1, 0, K_W, K_D, G_FROM_INT, 100},
    {"fcvt.d.l", fcvt_d_l, 1, 1, K_X, K_D, G_FROM_INT, N_OTHER},
    {"fcvt.d.lu", fcvt_d_lu, 1, 1, K_X, K_D, G_FROM_INT, N_OTHER},
    {"fcvt.s.d", fcvt_s_d, 1, 1, K_D, K_S, G_NARROW, N_ARITH},
    {"fcvt.d.s", fcvt_d_s, 1, 0, K_S, K_D, G_WIDEN, 100},

    {"fadd.s", fadd_s, 2, 1, K_S, K_S, G_ARITH, N_ARITH},
    {"fsub.s", fsub_s, 2, 1, K_S, K_S, G_ARITH, N_ARITH},
    {"fmul.s", fmul_s, 2, 1, K_S, K_S, G_ARITH, N_ARITH},
    {"fdiv.s", fdiv_s, 2, 1, K_S, K_S, G_ARITH, N_ARITH},
    {"fsqrt.s", fsqrt_s, 1, 1, K_S, K_S, G_SQRT, N_ARITH},
    {"fmadd.s", fmadd_s, 3, 1, K_S, K_S, G_FMA, N_FMA},
    {"fmsub.s", fmsub_s, 3, 1, K_S, K_S, G_FMA, N_OTHER},
    {"fnmsub.s", fnmsub_s, 3, 1, K_S, K_S, G_FMA, N_OTHER},
    {"fnmadd.s", fnmadd_s, 3, 1, K_S, K_S, G_FMA, N_OTHER},
    {"fmin.s", fmin_s, 2, 0, K_S, K_S, G_CMP, N_OTHER},
    {"fmax.s", fmax_s, 2, 0, K_S, K_S, G_CMP, N_OTHER},
    {"fsgnj.s", fsgnj_s, 2, 0, K_S, K_S, G_CMP, 50},
    {"fsgnjn.s", fsgnjn_s, 2, 0, K_S, K_S, G_CMP, 50},
    {"fsgnjx.s", fsgnjx_s, 2, 0, K_S, K_S, G_CMP, 50},
    {"feq.s", feq_s, 2, 0, K_S, K_X, G_CMP, N_OTHER},
    {"flt.s", flt_s, 2, 0, K_S, K_X, G_CMP, N_OTHER},
    {"fle.s", fle_s, 2, 0, K_S, K_X, G_CMP, N_OTHER},
    {"fclass.s", fclass_s, 1, 0, K_S, K_X, G_WIDEN, N_OTHER},
    {"fcvt.w.s", fcvt_w_s, 1, 1, K_S, K_X, G_TO_INT, N_OTHER},
    {"fcvt.wu.s", fcvt_wu_s, 1, 1, K_S, K_X, G_TO_INT, N_OTHER},
    {"fcvt.l.s", fcvt_l_s, 1, 1, K_S, K_X, G_TO_INT, N_OTHER},
    {"fcvt.lu.s", fcvt_lu_s, 1, 1, K_S, K_X, G_TO_INT, N_OTHER},
    {"fcvt.s.w", fcvt_s_w, 1, 1, K_W, K_S, G_FROM_INT, N_OTHER},
    {"fcvt.s.wu", fcvt_s_wu, 1, 1, K_W, K_S, G_FROM_INT, N_OTHER},
    {"fcvt.s.l", fcvt_s_l, 1, 1, K_X, K_S, G_FROM_INT, N_OTHER},
    {"fcvt.s.lu", fcvt_s_lu, 1, 1, K_X, K_S, G_FROM_INT, N_OTHER},

    {"fadd.s/raw", fadd_s_raw, 2, 1, K_X, K_X, G_RAW, 0},
    {"fsgnj.s/raw", fsgnj_s_raw, 2, 0, K_X, K_X, G_RAW, 0},
    {"fmax.s/raw", fmax_s_raw, 2, 0, K_X, K_X, G_RAW, 0},
};

int main(void) {
    for (size_t i = 0; i < COUNT(OPS); i++) {
        const op *o = &OPS[i];
        int rms = o->has_rm ? 5 : 1;
        for (int rm = 0; rm < rms; rm++) {
            rng_seed(o->name, rm);
            switch (o->g) {
            case G_ARITH: run_arith(o, rm); break;
            case G_CMP: run_cmp(o, rm); break;
            case G_SQRT: run_unary(o, rm); break;
            case G_WIDEN: run_unary(o, rm); break;
            case G_FMA: run_fma(o, rm); break;
            case G_TO_INT: run_to_int(o, rm); break;
            case G_FROM_INT: run_from_int(o, rm); break;
            case G_NARROW: run_narrow(o, rm); break;
            case G_RAW: run_raw(o, rm); break;
            }
        }
    }
    return 0;
}
