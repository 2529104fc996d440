/* An AMO on a misaligned address: atomics are never emulated for misaligned accesses,
 * the process dies by a signal (see misaligned_amo.exit). */
#include <stdint.h>
#include <stdio.h>

static uint64_t words[4];

int main(void)
{
    char *volatile base = (char *)words;
    uint64_t old;
    printf("aligned amoadd.d works\n");
    __asm__ volatile("amoadd.d %0, %2, (%1)" : "=r"(old) : "r"(base + 8), "r"(1ull) : "memory");
    printf("amoadd.d on address+4\n");
    fflush(stdout);
    __asm__ volatile("amoadd.d %0, %2, (%1)" : "=r"(old) : "r"(base + 4), "r"(1ull) : "memory");
    printf("not reached\n");
    return 0;
}
