/* setjmp/longjmp: a longjmp out of deep recursion (callee-saved registers and the stack
 * pointer restored), longjmp with value 0 (becomes 1), nested jump buffers, and
 * sigsetjmp/siglongjmp without signals. */
#include <setjmp.h>
#include "rvtest.h"

#pragma GCC diagnostic ignored "-Winfinite-recursion"

static jmp_buf env;
static int deepest;

static __attribute__((noinline)) int dive(int depth, int limit)
{
    volatile int local[4] = {depth, depth * 2, depth * 3, depth * 4};
    if (depth > deepest)
        deepest = depth;
    if (depth == limit)
        longjmp(env, depth);
    return dive(depth + 1, limit) + local[0] + local[3];
}

static jmp_buf outer, inner;
static int order[8], no;

static __attribute__((noinline)) void level2(void)
{
    order[no++] = 2;
    longjmp(inner, 0); /* value 0 turns into 1 */
}

int main(void)
{
    register long keep1 = OPAQUE(1111);
    volatile long keep2 = 2222;
    int r = setjmp(env);
    if (r == 0) {
        keep2 = 3333; /* volatile: the new value survives the longjmp */
        dive(0, 5000);
        printf("not reached\n");
    }
    printf("longjmp from depth %d returned %d, keep1 %ld keep2 %ld\n", deepest, r, keep1, keep2);

    for (int round = 0; round < 3; round++) {
        deepest = 0;
        int v = setjmp(env);
        if (v == 0)
            dive(0, 100 * (round + 1));
        printf("round %d: setjmp returned %d\n", round, v);
    }

    if (setjmp(outer) == 0) {
        order[no++] = 0;
        int v = setjmp(inner);
        if (v == 0) {
            order[no++] = 1;
            level2();
        }
        order[no++] = 10 + v;
        longjmp(outer, 7);
    }
    order[no++] = 99;
    printf("nested jumps order:");
    for (int i = 0; i < no; i++)
        printf(" %d", order[i]);
    printf("\n");

    sigjmp_buf sj;
    volatile int count = 0;
    if (sigsetjmp(sj, 1) < 3) {
        count++;
        siglongjmp(sj, count);
    }
    printf("siglongjmp loop ran %d times\n", count);
    return 0;
}
