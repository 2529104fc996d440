/* A block with three stores through one base register (one AccessRun check) runs hot on
 * a writable buffer, then once where its middle store lands on a read-only page: the run's
 * check fails and every store checks itself, so the program dies with SIGSEGV at that
 * store (exit 139) instead of writing through the protection. */
#include "rvtest.h"
#include <sys/mman.h>

static __attribute__((noinline)) void put3(long *p, long v)
{
    __asm__ volatile("sd %1, -8(%0)\n\tsd %1, 0(%0)\n\tsd %1, 8(%0)" : : "r"(p), "r"(v) : "memory");
}

int main(void)
{
    char *pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(pages != MAP_FAILED);
    for (long i = 0; i < 300000; i++)
        put3((long *)(pages + 2048), i);
    printf("hot stores done: %ld %ld %ld\n", ((long *)(pages + 2048))[-1], ((long *)(pages + 2048))[0],
           ((long *)(pages + 2048))[1]);
    CHECK(mprotect(pages + 4096, 4096, PROT_READ) == 0);
    printf("second page read-only; storing across the boundary\n");
    fflush(stdout);
    put3((long *)(pages + 4096), 7);
    printf("not reached: %ld\n", ((long *)(pages + 4096))[0]);
    return 0;
}
