/* A store alone in its block speculates on the region of writable pages it has been
 * writing. mprotect(PROT_READ) on one of them must end the speculation first: the next
 * store there is SIGSEGV (exit 139), not a write through the protection. */
#include "rvtest.h"
#include <sys/mman.h>

static __attribute__((noinline)) void put(long *p, long v)
{
    __asm__ volatile("sd %1, 0(%0)" : : "r"(p), "r"(v) : "memory");
}

int main(void)
{
    char *pages = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(pages != MAP_FAILED);
    for (long round = 0; round < 200; round++)
        for (int i = 0; i < 3 * 512; i++)
            put((long *)pages + i, round + i);
    printf("hot stores over three pages: %ld %ld\n", ((long *)pages)[0], ((long *)pages)[3 * 512 - 1]);
    CHECK(mprotect(pages + 4096, 4096, PROT_READ) == 0);
    printf("middle page read-only; storing to it\n");
    fflush(stdout);
    put((long *)(pages + 4096), 1);
    printf("not reached: %ld\n", ((long *)(pages + 4096))[0]);
    return 0;
}
