/* Jumps that link through t0, the alternate link register: ftrace's patch sites
 * (auipc t0 + jalr t0 to the trampoline, which returns with jr t0) and GCC's
 * -msave-restore millicode (jal t0, __riscv_save_N) use them. rvtrace runs such a
 * routine inside the graph of the function that jumps to it, so this checks that the
 * link value, the return through t0, a return somewhere else, and a real call made
 * from inside the routine all behave, hot (compiled) as well as cold. */
#include "rvtest.h"

long c_helper(long x);

__asm__(
    "    .text\n"
    "    .option push\n"
    "    .option norvc\n"
    /* a0 += a1; back through t0 */
    "add_via_t0:\n"
    "    add a0, a0, a1\n"
    "    jr t0\n"
    /* a0 = the link itself */
    "link_of_t0:\n"
    "    mv a0, t0\n"
    "    jr t0\n"
    /* returns one instruction past the link: the caller's next instruction is skipped */
    "skip_via_t0:\n"
    "    addi t0, t0, 4\n"
    "    jr t0\n"
    /* a trampoline's shape: save ra and t0, call a C function, restore, jr t0 */
    "call_from_t0:\n"
    "    addi sp, sp, -16\n"
    "    sd ra, 8(sp)\n"
    "    sd t0, 0(sp)\n"
    "    call c_helper\n"
    "    ld t0, 0(sp)\n"
    "    ld ra, 8(sp)\n"
    "    addi sp, sp, 16\n"
    "    jr t0\n"
    "    .option pop\n");

__attribute__((noinline)) long c_helper(long x)
{
    return 3 * x + 1;
}

__attribute__((noinline)) static long add_jal(long a, long b)
{
    register long a0 __asm__("a0") = a;
    register long a1 __asm__("a1") = b;
    __asm__ volatile("jal t0, add_via_t0" : "+r"(a0) : "r"(a1) : "t0", "memory");
    return a0;
}

__attribute__((noinline)) static long add_jalr(long a, long b)
{
    register long a0 __asm__("a0") = a;
    register long a1 __asm__("a1") = b;
    __asm__ volatile("lla t1, add_via_t0\n\tjalr t0, 0(t1)" : "+r"(a0) : "r"(a1) : "t0", "t1", "memory");
    return a0;
}

/* The value t0 gets, and the address after the jump (they must be equal). */
__attribute__((noinline)) static long link_matches(void)
{
    register long a0 __asm__("a0");
    long after;
    __asm__ volatile(".option push\n\t.option norvc\n\t"
                     "jal t0, link_of_t0\n"
                     "1:\tlla %1, 1b\n\t"
                     ".option pop"
                     : "=r"(a0), "=r"(after) : : "t0", "memory");
    return a0 == after;
}

__attribute__((noinline)) static long skipped(long a)
{
    register long a0 __asm__("a0") = a;
    __asm__ volatile(".option push\n\t.option norvc\n\t"
                     "jal t0, skip_via_t0\n\t"
                     "addi a0, a0, 100\n\t"
                     "addi a0, a0, 1\n\t"
                     ".option pop"
                     : "+r"(a0) : : "t0", "memory");
    return a0;
}

__attribute__((noinline)) static long nested(long a)
{
    register long a0 __asm__("a0") = a;
    __asm__ volatile("jal t0, call_from_t0"
                     : "+r"(a0)
                     :
                     : "t0", "ra", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "t1", "t2", "t3", "t4", "t5", "t6", "memory");
    return a0;
}

int main(void)
{
    CHECK_EQ(add_jal(40, 2), 42);
    CHECK_EQ(add_jalr(-5, 7), 2);
    CHECK_EQ(link_matches(), 1);
    CHECK_EQ(skipped(10), 11);
    CHECK_EQ(nested(5), 16);

    /* The same, hot enough to be compiled. */
    long sum = 0, links = 0;
    for (long i = 0; i < 300000; i++) {
        sum += add_jal(i, 1) + add_jalr(i, 2) + skipped(i) + nested(i);
        links += link_matches();
    }
    /* sum over i of (i+1) + (i+2) + (i+1) + (3i+1) = 6i + 5 */
    CHECK_EQ(sum, 6 * (300000L * 299999L / 2) + 5 * 300000L);
    CHECK_EQ(links, 300000);
    printf("sum %ld links %ld\n", sum, links);
    return rvt_summary();
}
