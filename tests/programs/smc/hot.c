/* Self-modifying code after the generated function is hot: call it 100000 times (a JIT
 * will have compiled it and the loop calling it), patch one immediate, fence.i, call it
 * 100000 times more; then the same with the patched instruction in the middle of a loop
 * inside the generated code. */
#include "rvtest.h"
#include "rvenc.h"
#include <sys/mman.h>

typedef long (*fn1)(long);

static __attribute__((noinline)) long run(fn1 f, int n)
{
    long sum = 0;
    for (int i = 0; i < n; i++)
        sum += f(i);
    return sum;
}

int main(void)
{
    uint32_t *code = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(code != MAP_FAILED);
    /* f(x) = x + 5 */
    code[0] = addi(A0, A0, 5);
    code[1] = ret();
    __builtin___clear_cache((char *)code, (char *)(code + 2));
    long s1 = run((fn1)code, 100000);
    code[0] = addi(A0, A0, -5);
    __builtin___clear_cache((char *)code, (char *)(code + 1));
    long s2 = run((fn1)code, 100000);
    printf("100000 calls of x+5: %ld; after patching to x-5: %ld\n", s1, s2);
    CHECK(s1 == 4999950000L + 500000 && s2 == 4999950000L - 500000);

    /* Patch several times in a row, 20000 calls each */
    long total = 0;
    for (int k = 0; k < 10; k++) {
        code[0] = addi(A0, ZERO, k);
        __builtin___clear_cache((char *)code, (char *)(code + 1));
        total += run((fn1)code, 20000) * (k + 1);
    }
    printf("ten patches: %ld\n", total);
    CHECK(total == 20000L * (0 * 1 + 1 * 2 + 2 * 3 + 3 * 4 + 4 * 5 + 5 * 6 + 6 * 7 + 7 * 8 + 8 * 9 + 9 * 10));

    /* generated loop: g(n) = sum_{i<n} (i * 3), the "* 3" is an add repeated via a patched addi */
    uint32_t *g = code + 512;
    int k = 0;
    g[k++] = li(A1, 0);          /* acc */
    g[k++] = li(A2, 0);          /* i */
    g[k++] = 0x00a65863;         /* bge a2, a0, +16 (to ret-mv) */
    g[k++] = add(A1, A1, A2);    /* acc += i  <- patched to a shift-and-add below */
    g[k++] = addi(A2, A2, 1);    /* i++ */
    g[k++] = 0xff5ff06f;         /* j -12 (back to bge) */
    g[k++] = addi(A0, A1, 0);    /* mv a0, a1 */
    g[k++] = ret();
    __builtin___clear_cache((char *)g, (char *)(g + k));
    long l1 = 0;
    for (int i = 0; i < 2000; i++)
        l1 += ((fn1)g)(100);
    /* acc += i becomes acc -= i */
    g[3] = sub(A1, A1, A2);
    __builtin___clear_cache((char *)(g + 3), (char *)(g + 4));
    long l2 = 0;
    for (int i = 0; i < 2000; i++)
        l2 += ((fn1)g)(100);
    printf("generated loop: %ld, patched: %ld\n", l1, l2);
    CHECK(l1 == 2000L * 4950 && l2 == -2000L * 4950);
    return rvt_summary();
}
