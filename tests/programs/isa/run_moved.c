/* Loads and stores through a base register that addi moves inside one block share one
 * range check (AccessRun): after "addi a5,a5,8", "sd x,-8(a5)" is the element "ld x,0(a5)"
 * loaded. step() runs such a block hot over an array spanning several pages, so compiled
 * code computes most of the results; they are summed, not checked one by one (a failure
 * branch never taken before compilation would deoptimize and let the interpreter redo it). */
#include "rvtest.h"

#define N 3000

static long a[N];

/* p[0] += k; p[2] = p[1]; returns p + 3 (p moves by 8, then by 16, inside the block). */
static __attribute__((noinline)) long *step(long *p, long k)
{
    long first, second;
    __asm__ volatile("ld %1, 0(%0)\n\t"
                     "addi %0, %0, 8\n\t"
                     "ld %2, 0(%0)\n\t"
                     "add %1, %1, %3\n\t"
                     "sd %1, -8(%0)\n\t"
                     "addi %0, %0, 16\n\t"
                     "sd %2, -8(%0)\n\t"
                     : "+r"(p), "=&r"(first), "=&r"(second)
                     : "r"(k)
                     : "memory");
    return p;
}

int main(void)
{
    for (int i = 0; i < N; i++)
        a[i] = i * 7;
    uint64_t sum = 0;
    for (long round = 1; round <= 300; round++) {
        long *p = a;
        while (p + 3 <= a + N)
            p = step(p, round);
        for (int i = 0; i < N; i++)
            sum = sum * 31 + (uint64_t)a[i];
    }
    printf("a[0]=%ld a[1]=%ld a[2]=%ld a[2997]=%ld a[2999]=%ld\n", a[0], a[1], a[2], a[2997], a[2999]);
    printf("checksum %016" PRIx64 "\n", sum);
    return 0;
}
