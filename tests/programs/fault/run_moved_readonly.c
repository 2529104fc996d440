/* A load and a store of one block through a base register that addi moves between them
 * (one AccessRun check over both) run hot on a writable buffer, then once where the store
 * lands on a page made read-only: the page's region is given up by mprotect, the run's check
 * fails and the store checks itself, so the program dies with SIGSEGV at the store (exit
 * 139) instead of writing through the protection. */
#include "rvtest.h"
#include <sys/mman.h>

/* p[1] = p[0] + 1, with p moved by 8 between the load and the store. */
static __attribute__((noinline)) void copy_next(long *p)
{
    long t;
    __asm__ volatile("ld %1, 0(%0)\n\t"
                     "addi %0, %0, 8\n\t"
                     "addi %1, %1, 1\n\t"
                     "sd %1, 0(%0)"
                     : "+r"(p), "=&r"(t)
                     :
                     : "memory");
}

int main(void)
{
    char *pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(pages != MAP_FAILED);
    long *words = (long *)pages;
    for (long round = 0; round < 300; round++)
        for (int i = 0; i < 1023; i++)
            copy_next(words + i);
    printf("hot copies done: %ld %ld\n", words[1], words[1023]);
    CHECK(mprotect(pages + 4096, 4096, PROT_READ) == 0);
    printf("second page read-only; copying across the boundary\n");
    fflush(stdout);
    copy_next(words + 511);
    printf("not reached: %ld\n", words[512]);
    return 0;
}
