/* RV64I jal and jalr: link values, jalr offsets, bit 0 of the target cleared,
 * rd == rs1, rd == x0, far jumps, calls through function pointers. */
#include "rvtest.h"

static int64_t jal_link(void)
{
    /* jal t0 stores the address of the next instruction */
    uint64_t link, after;
    __asm__ volatile("jal t0, 1f\n"
                     "2:\tnop\n"
                     "1:\tmv %0, t0\n\t"
                     "lla %1, 2b" : "=r"(link), "=r"(after) : : "t0");
    return (int64_t)(link - after);
}

static int jalr_odd(void)
{
    /* target with bit 0 set: jalr clears it */
    int r;
    __asm__ volatile(".option push\n\t.option norvc\n\t"
                     "lla t0, 1f\n\t"
                     "addi t0, t0, 1\n\t"
                     "jalr t1, 0(t0)\n\t"
                     "li %0, 0\n\t"
                     "j 2f\n"
                     "1:\tli %0, 1\n"
                     "2:\n\t.option pop" : "=r"(r) : : "t0", "t1");
    return r;
}

static int jalr_offset(void)
{
    /* negative and odd offsets: target = (rs1 + imm) & ~1 */
    int r;
    __asm__ volatile(".option push\n\t.option norvc\n\t"
                     "lla t0, 1f\n\t"
                     "addi t0, t0, 16\n\t"
                     "jalr x0, -15(t0)\n\t" /* (1f + 16 - 15) & ~1 = 1f */
                     "li %0, 0\n\t"
                     "j 2f\n"
                     "1:\tli %0, 1\n"
                     "2:\n\t.option pop" : "=r"(r) : : "t0");
    return r;
}

static int64_t jalr_same_reg(void)
{
    /* jalr t0, 0(t0): the target is read before t0 receives the link */
    uint64_t link, after;
    __asm__ volatile(".option push\n\t.option norvc\n\t"
                     "lla t0, 1f\n\t"
                     "jalr t0, 0(t0)\n"
                     "2:\tnop\n"
                     "1:\tmv %0, t0\n\t"
                     "lla %1, 2b\n\t"
                     ".option pop" : "=r"(link), "=r"(after) : : "t0");
    return (int64_t)(link - after);
}

/* A far jump: auipc+jalr pair to a label more than 1 MiB away (beyond jal's reach). */
__asm__(".text\n"
        ".balign 4\n"
        "far_caller:\n\t"
        "addi sp, sp, -16\n\t"
        "sd ra, 8(sp)\n\t"
        "call far_callee\n\t"
        "ld ra, 8(sp)\n\t"
        "addi sp, sp, 16\n\t"
        "ret\n"
        ".skip 1100000\n"
        "far_callee:\n\t"
        "li a0, 4242\n\t"
        "ret\n");
int far_caller(void);

static __attribute__((noinline)) int add3(int a, int b, int c) { return a + b + c; }
static __attribute__((noinline)) int mul3(int a, int b, int c) { return a * b * c; }
static int (*volatile fptr)(int, int, int);

static int64_t tail_ret_link(void)
{
    /* jal with rd = ra then ret */
    uint64_t r;
    __asm__ volatile("jal ra, 1f\n\t"
                     "j 2f\n"
                     "1:\tli %0, 77\n\t"
                     "ret\n"
                     "2:" : "=r"(r) : : "ra");
    return (int64_t)r;
}

int main(void)
{
    printf("jal link - next = %" PRId64 "\n", jal_link());
    printf("jalr odd target taken = %d\n", jalr_odd());
    printf("jalr offset -15 taken = %d\n", jalr_offset());
    printf("jalr rd==rs1 link - next = %" PRId64 "\n", jalr_same_reg());
    printf("far call = %d\n", far_caller());
    printf("jal ra/ret = %" PRId64 "\n", tail_ret_link());
    int acc = 0;
    for (int i = 0; i < 10; i++) {
        fptr = (i & 1) ? mul3 : add3;
        acc += fptr(i, i + 1, i + 2);
    }
    printf("function pointer calls = %d\n", acc);
    CHECK(jal_link() == 0);
    CHECK(jalr_odd() == 1);
    CHECK(jalr_offset() == 1);
    CHECK(jalr_same_reg() == 0);
    CHECK(far_caller() == 4242);
    CHECK(tail_ret_link() == 77);
    CHECK(acc == (3 + 9 + 15 + 21 + 27) + (1*2*3 + 3*4*5 + 5*6*7 + 7*8*9 + 9*10*11));
    return rvt_summary();
}
