/* A load alone in its block speculates that its address stays in the region of mapped
 * pages it has been reading (compiled code then checks only two bounds). Unmapping a page
 * of that region must end the speculation first: the next load from that page is SIGSEGV
 * (exit 139), not a read of whatever the host has there. */
#include "rvtest.h"
#include <sys/mman.h>

static __attribute__((noinline)) long get(const long *p)
{
    long v;
    __asm__ volatile("ld %0, 0(%1)" : "=r"(v) : "r"(p) : "memory");
    return v;
}

int main(void)
{
    char *pages = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(pages != MAP_FAILED);
    for (int i = 0; i < 3 * 512; i++)
        ((long *)pages)[i] = i;
    long sum = 0;
    for (long round = 0; round < 200; round++)
        for (int i = 0; i < 3 * 512; i++)
            sum += get((long *)pages + i);
    printf("hot loads over three pages: %ld\n", sum);
    CHECK(munmap(pages + 4096, 4096) == 0);
    printf("middle page unmapped; loading from it\n");
    fflush(stdout);
    sum = get((long *)(pages + 4096));
    printf("not reached: %ld\n", sum);
    return 0;
}
