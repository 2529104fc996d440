/* A store alone in its block, hot on the first page of a two-page RWX buffer, speculates
 * on a region of plain writable pages that also covers the second page. Then it writes a
 * function into the second page, which runs (and so is translated): from then on its
 * stores there must be seen as code writes. Rewriting the function with the same store,
 * again and again, must change what it returns every time. */
#include "rvtest.h"
#include "rvenc.h"
#include <sys/mman.h>

static __attribute__((noinline)) void put(uint32_t *p, uint32_t v)
{
    __asm__ volatile("sw %1, 0(%0)" : : "r"(p), "r"(v) : "memory");
}

int main(void)
{
    uint32_t *buf = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(buf != MAP_FAILED);
    for (int round = 0; round < 300; round++)
        for (int i = 0; i < 1024; i++)
            put(buf + i, (uint32_t)(round + i));
    printf("hot stores on the data page: %u\n", buf[1023]);
    uint32_t *code = buf + 1024;
    long (*fn)(long) = (long (*)(long))(void *)code;
    long sum = 0;
    for (int k = 0; k < 2000; k++) {
        put(code, addi(A0, A0, k % 500));
        put(code + 1, ret());
        __asm__ volatile("fence.i" ::: "memory");
        long got = fn(10);
        if (got != 10 + k % 500) {
            printf("rewrite %d: the function returned %ld, expected %d\n", k, got, 10 + k % 500);
            return 1;
        }
        sum += got;
    }
    printf("2000 rewrites through a hot store, sum %ld\n", sum);
    return 0;
}
