/* Zicsr: the user counters (rdcycle/rdtime/rdinstret: only that they advance is printed),
 * and fcsr/frm/fflags through csrrw/csrrs/csrrc, their immediate forms and the pseudos. */
#include "rvtest.h"

#define CSRR(name) ({ uint64_t _v; __asm__ volatile("csrr %0, " #name : "=r"(_v)); _v; })

static void counters(void)
{
    uint64_t c0 = CSRR(cycle), t0 = CSRR(time), i0 = CSRR(instret);
    uint64_t c0b, t0b, i0b;
    __asm__ volatile("rdcycle %0\n\trdtime %1\n\trdinstret %2" : "=r"(c0b), "=r"(t0b), "=r"(i0b));
    volatile uint64_t sink = 0;
    for (int i = 0; i < 200000; i++)
        sink += (uint64_t)i * i;
    uint64_t c1 = CSRR(cycle), t1 = CSRR(time), i1 = CSRR(instret);
    printf("cycle advances: %s\n", c1 > c0 && c0b >= c0 ? "yes" : "no");
    printf("time does not go back: %s\n", t1 >= t0 && t0b >= t0 ? "yes" : "no");
    printf("instret advances: %s\n", i1 > i0 && i0b >= i0 ? "yes" : "no");
}

static void fp_csrs(void)
{
    uint64_t old, v;
    __asm__ volatile("csrw fcsr, zero");
    /* csrrw: old value out, new value in; only the low 8 bits of fcsr exist */
    __asm__ volatile("csrrw %0, fcsr, %1" : "=r"(old) : "r"(0x1ffull));
    v = CSRR(fcsr);
    printf("csrrw fcsr: old %02" PRIx64 " now %02" PRIx64 "\n", old, v);
    CHECK_EQ(old, 0);
    CHECK_EQ(v, 0xff);
    printf("frm %" PRIx64 " fflags %02" PRIx64 "\n", CSRR(frm), CSRR(fflags));
    CHECK_EQ(CSRR(frm), 7);
    CHECK_EQ(CSRR(fflags), 0x1f);
    /* csrrc clears bits */
    __asm__ volatile("csrrc %0, fflags, %1" : "=r"(old) : "r"(0x5ull));
    printf("csrrc fflags 0x5: old %02" PRIx64 " now %02" PRIx64 " fcsr %02" PRIx64 "\n", old, CSRR(fflags), CSRR(fcsr));
    CHECK_EQ(CSRR(fcsr), 0xfa);
    /* csrrs sets bits */
    __asm__ volatile("csrw fcsr, zero\n\tcsrrs %0, fflags, %1" : "=r"(old) : "r"(0x14ull));
    printf("csrrs fflags 0x14: old %02" PRIx64 " now %02" PRIx64 "\n", old, CSRR(fflags));
    CHECK_EQ(CSRR(fflags), 0x14);
    /* immediate forms */
    __asm__ volatile("csrrwi %0, frm, 3" : "=r"(old));
    printf("csrrwi frm 3: old %" PRIx64 " now %" PRIx64 " fcsr %02" PRIx64 "\n", old, CSRR(frm), CSRR(fcsr));
    CHECK_EQ(CSRR(fcsr), 0x74);
    __asm__ volatile("csrrsi %0, fflags, 1" : "=r"(old));
    printf("csrrsi fflags 1: old %02" PRIx64 " now %02" PRIx64 "\n", old, CSRR(fflags));
    __asm__ volatile("csrrci %0, fcsr, 0x1f" : "=r"(old));
    printf("csrrci fcsr 0x1f: old %02" PRIx64 " now %02" PRIx64 "\n", old, CSRR(fcsr));
    CHECK_EQ(old, 0x75);
    CHECK_EQ(CSRR(fcsr), 0x60);
    /* csrrs/csrrc with x0 / zero immediate only read */
    __asm__ volatile("csrrs %0, fcsr, x0" : "=r"(old));
    __asm__ volatile("csrrci %0, frm, 0" : "=r"(v));
    printf("read-only forms: fcsr %02" PRIx64 " frm %" PRIx64 "\n", old, v);
    /* the pseudo-instructions */
    uint64_t a, b, c, d;
    __asm__ volatile("fsrm %0, %2\n\tfsflags %1, %3" : "=&r"(a), "=&r"(b) : "r"(1ull), "r"(0x3ull));
    __asm__ volatile("frrm %0\n\tfrflags %1\n\tfrcsr %2" : "=r"(c), "=r"(d), "=r"(v));
    printf("fsrm old %" PRIx64 ", fsflags old %02" PRIx64 ", frrm %" PRIx64 ", frflags %02" PRIx64 ", frcsr %02" PRIx64 "\n",
           a, b, c, d, v);
    CHECK_EQ(v, 0x23);
    __asm__ volatile("fscsr %0, %1" : "=r"(old) : "r"(0ull));
    CHECK_EQ(old, 0x23);
    /* an FP operation accumulates flags into fflags */
    double x = OPAQUE(1.0), y = OPAQUE(3.0), q;
    __asm__ volatile("fdiv.d %0, %1, %2" : "=f"(q) : "f"(x), "f"(y));
    printf("flags after 1.0/3.0: %02" PRIx64 "\n", CSRR(fflags));
    CHECK_EQ(CSRR(fflags), 0x01); /* NX */
    __asm__ volatile("csrw fcsr, zero");
}

int main(void)
{
    counters();
    fp_csrs();
    return rvt_summary();
}
