/* Code that rewrites an instruction a few bytes ahead of itself, then fence.i, then
 * executes it: the store hits the block being executed. */
#include "rvtest.h"
#include "rvenc.h"
#include <sys/mman.h>

typedef long (*fn)(long, long);

int main(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(code != MAP_FAILED);
    /* f(_, word): stores word over the instruction at +16, fence.i, runs it */
    code[0] = auipc(T0, 0);         /* t0 = &code[0] */
    code[1] = sw(A1, T0, 16);       /* code[4] = a1 */
    code[2] = fence_i();
    code[3] = nop();
    code[4] = li(A0, 1);            /* overwritten */
    code[5] = ret();
    __builtin___clear_cache((char *)code, (char *)(code + 6));
    long r[4];
    r[0] = ((fn)code)(0, li(A0, 2));
    r[1] = ((fn)code)(0, li(A0, 3));
    r[2] = ((fn)code)(0, addi(A0, A0, 100)); /* a0 still holds its argument */
    long sum = 0;
    for (int i = 0; i < 20000; i++)
        sum += ((fn)code)(i, (i & 1) ? li(A0, 1) : addi(A0, A0, 0));
    r[3] = sum;
    printf("self-patching: %ld %ld %ld, loop %ld\n", r[0], r[1], r[2], r[3]);
    CHECK(r[0] == 2 && r[1] == 3 && r[2] == 100);
    /* even i: returns i; odd i: returns 1 -> sum of even i below 20000 + 10000 */
    CHECK(sum == 99990000L + 10000);
    return rvt_summary();
}
