/* Loads through one base register (one AccessRun check), hot on mapped memory, then once
 * with the last load on an unmapped page: SIGSEGV (exit 139), not a read of host memory. */
#include "rvtest.h"
#include <sys/mman.h>

static __attribute__((noinline)) long get3(const long *p)
{
    long a, b, c;
    __asm__ volatile("ld %0, -8(%3)\n\tld %1, 0(%3)\n\tld %2, 8(%3)" : "=&r"(a), "=&r"(b), "=&r"(c) : "r"(p) : "memory");
    return a + b + c;
}

int main(void)
{
    char *pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(pages != MAP_FAILED);
    long *mid = (long *)(pages + 2048);
    mid[-1] = 1;
    mid[0] = 2;
    mid[1] = 3;
    long sum = 0;
    for (long i = 0; i < 300000; i++)
        sum += get3(mid);
    printf("hot loads done: %ld\n", sum);
    CHECK(munmap(pages + 4096, 4096) == 0);
    printf("second page unmapped; loading across the boundary\n");
    fflush(stdout);
    sum = get3((long *)(pages + 4096 - 8));
    printf("not reached: %ld\n", sum);
    return 0;
}
