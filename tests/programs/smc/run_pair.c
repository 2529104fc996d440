/* Two stores of one block (same base register, so one AccessRun check covers them) write
 * a fresh function into an executable buffer that already holds translated code: the
 * run's check must see the code page and let the stores take the checked path, which
 * throws the old translation away. Hot enough to be compiled; a stale translation would
 * show as a wrong sum. */
#include "rvtest.h"
#include "rvenc.h"
#include <sys/mman.h>

/* Stores two instruction words at p[0] and p[1] in one basic block. */
static __attribute__((noinline)) void put_pair(uint32_t *p, uint32_t first, uint32_t second)
{
    __asm__ volatile("sw %1, 0(%0)\n\tsw %2, 4(%0)" : : "r"(p), "r"(first), "r"(second) : "memory");
}

int main(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(code != MAP_FAILED);
    long (*fn)(long) = (long (*)(long))(void *)code;
    long sum = 0;
    for (int round = 0; round < 20000; round++) {
        int k = round % 1000;
        put_pair(code, addi(A0, A0, k), ret());
        __asm__ volatile("fence.i" ::: "memory");
        long got = fn(1);
        if (got != 1 + k) {
            printf("round %d: the rewritten function returned %ld, expected %d\n", round, got, 1 + k);
            return 1;
        }
        sum += got;
    }
    printf("20000 rewrites by paired stores, sum %ld\n", sum);
    /* Plain data afterwards: the same function's run on a page without code. */
    static uint32_t data[2];
    for (int i = 0; i < 100000; i++)
        put_pair(data, (uint32_t)i, (uint32_t)~i);
    printf("data %u %u\n", data[0], data[1]);
    return 0;
}
