/* Self-modifying code in an mmap(PROT_READ|PROT_WRITE|PROT_EXEC) buffer: generate a
 * function, run it, overwrite it with different code, fence.i (__builtin___clear_cache),
 * run it again. Also compressed code, two functions sharing a page (patching one must not
 * disturb the other), and the W^X flow with mprotect between writing and running. */
#include "rvtest.h"
#include "rvenc.h"
#include <sys/mman.h>

typedef long (*fn0)(void);
typedef long (*fn2)(long, long);

static void sync_icache(void *p, size_t n) { __builtin___clear_cache((char *)p, (char *)p + n); }

int main(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(code != MAP_FAILED);

    code[0] = li(A0, 11);
    code[1] = ret();
    sync_icache(code, 8);
    long r1 = ((fn0)code)();
    code[0] = li(A0, 22);
    sync_icache(code, 8);
    long r2 = ((fn0)code)();
    printf("li 11 -> %ld, patched to li 22 -> %ld\n", r1, r2);
    CHECK(r1 == 11 && r2 == 22);

    /* change the operation, keep the operands */
    code[0] = add(A0, A0, A1);
    sync_icache(code, 4);
    long a = ((fn2)code)(30, 12);
    code[0] = sub(A0, A0, A1);
    sync_icache(code, 4);
    long s = ((fn2)code)(30, 12);
    code[0] = mul(A0, A0, A1);
    sync_icache(code, 4);
    long m = ((fn2)code)(30, 12);
    printf("add %ld, sub %ld, mul %ld\n", a, s, m);
    CHECK(a == 42 && s == 18 && m == 360);

    /* compressed instructions: c.li a0, 5; c.addi a0, -3; c.jr ra */
    uint16_t *c16 = (uint16_t *)(code + 16);
    c16[0] = c_li(A0, 5);
    c16[1] = c_addi(A0, -3);
    c16[2] = c_jr_ra();
    sync_icache(c16, 6);
    long c1 = ((fn0)c16)();
    c16[1] = c_addi(A0, 31);
    sync_icache(c16, 6);
    long c2 = ((fn0)c16)();
    printf("compressed: %ld, patched %ld\n", c1, c2);
    CHECK(c1 == 2 && c2 == 36);

    /* two functions in the same page */
    uint32_t *f = code + 64, *g = code + 80;
    f[0] = li(A0, 100);
    f[1] = ret();
    g[0] = li(A0, 200);
    g[1] = ret();
    sync_icache(code, 4096);
    long sum1 = 0;
    for (int i = 0; i < 1000; i++)
        sum1 += ((fn0)f)() + ((fn0)g)();
    g[0] = li(A0, 300);
    sync_icache(g, 4);
    long sum2 = 0;
    for (int i = 0; i < 1000; i++)
        sum2 += ((fn0)f)() + ((fn0)g)();
    printf("same page: before %ld, after patching only g %ld\n", sum1, sum2);
    CHECK(sum1 == 300000 && sum2 == 400000);

    /* a longer function patched in the middle: a0 = ((a0 + 1) + 2) + 3 */
    uint32_t *h = code + 128;
    h[0] = addi(A0, A0, 1);
    h[1] = addi(A0, A0, 2);
    h[2] = addi(A0, A0, 3);
    h[3] = ret();
    sync_icache(h, 16);
    long h1 = ((fn2)h)(1000, 0);
    h[1] = addi(A0, A0, -2000);
    sync_icache(h, 16);
    long h2 = ((fn2)h)(1000, 0);
    h[3] = addi(A0, A0, 7); /* extend: the ret moves one slot down */
    h[4] = ret();
    sync_icache(h, 20);
    long h3 = ((fn2)h)(1000, 0);
    printf("middle patch: %ld %ld %ld\n", h1, h2, h3);
    CHECK(h1 == 1006 && h2 == -996 && h3 == -989);
    munmap(code, 4096);

    /* W^X: write while RW, run while RX */
    uint32_t *wx = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    wx[0] = li(A0, 7);
    wx[1] = ret();
    CHECK(mprotect(wx, 4096, PROT_READ | PROT_EXEC) == 0);
    sync_icache(wx, 8);
    long w1 = ((fn0)wx)();
    CHECK(mprotect(wx, 4096, PROT_READ | PROT_WRITE) == 0);
    wx[0] = li(A0, -7);
    CHECK(mprotect(wx, 4096, PROT_READ | PROT_EXEC) == 0);
    sync_icache(wx, 8);
    long w2 = ((fn0)wx)();
    printf("W^X: %ld then %ld\n", w1, w2);
    CHECK(w1 == 7 && w2 == -7);
    /* unmap and map again at the same place: new code, not a stale translation */
    munmap(wx, 4096);
    uint32_t *again = mmap(wx, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    again[0] = li(A0, 99);
    again[1] = ret();
    sync_icache(again, 8);
    long w3 = ((fn0)again)();
    printf("remapped at the same address: %ld\n", w3);
    CHECK(w3 == 99);
    return rvt_summary();
}
