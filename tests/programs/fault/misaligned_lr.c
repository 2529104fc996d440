/* lr.w on a misaligned address: the process dies by a signal (see misaligned_lr.exit). */
#include <stdint.h>
#include <stdio.h>

static uint32_t words[4];

int main(void)
{
    char *volatile base = (char *)words;
    uint64_t v;
    printf("lr.w on address+2\n");
    fflush(stdout);
    __asm__ volatile("lr.w %0, (%1)" : "=r"(v) : "r"(base + 2) : "memory");
    printf("not reached %lu\n", (unsigned long)v);
    return 0;
}
