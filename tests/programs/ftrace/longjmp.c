/* ftrace: longjmp out of a deep traced call chain. Three times, main setjmps and calls
 * dive(50), which recurses to dive(0) (51 frames) and calls bottom(), which longjmps
 * straight back to main: none of those 52 frames returns. Then catcher() (twice, depth 20
 * and 5) setjmps in its own frame, dives, and is longjmp'd to from the bottom: the frames
 * between are abandoned but catcher itself returns normally to main. Afterwards ordinary
 * calls that return: climb(30) (31 nested frames) and leaf() 10 times.
 * Entries: dive 3*51 + 21 + 6 = 180, bottom 5, catcher 2, climb 31, leaf 10, main 1
 * (longjmp.calls). Returns: only catcher 2, climb 31, leaf 10 and main 1. */
#include "rvtest.h"
#include <setjmp.h>

static jmp_buf main_env;
static long bottoms;

/* not declared noreturn: to the compiler every call of it returns, like any other */
__attribute__((noipa, noinline)) void bottom(jmp_buf *target, int value)
{
    bottoms++;
    longjmp(*target, value);
}

__attribute__((noipa, noinline)) long dive(long n, jmp_buf *target, int value)
{
    if (n == 0) {
        bottom(target, value);
        return 0; /* not reached */
    }
    long r = OPAQUE(dive(n - 1, target, value)); /* not a tail call: every level is a frame */
    return r + 1;
}

__attribute__((noipa, noinline)) long catcher(long depth)
{
    jmp_buf env;
    volatile long got = 0;
    int v = setjmp(env);
    if (v == 0) {
        dive(depth, &env, 100 + (int)depth);
        return -1; /* not reached */
    }
    got = v;
    return got + depth;
}

__attribute__((noipa, noinline)) long climb(long n)
{
    if (n == 0)
        return 0;
    return OPAQUE(climb(n - 1)) + n;
}

__attribute__((noipa, noinline)) long leaf(long x) { return x * x + 1; }

int main(void)
{
    volatile int rounds = 0;
    volatile long total = 0;
    int v = setjmp(main_env);
    if (v != 0) {
        printf("round %d: back in main with %d\n", (int)rounds, v);
        total += v;
    }
    if (rounds < 3) {
        rounds++;
        dive(OPAQUE(50L), &main_env, 10 * rounds);
        printf("not reached\n");
    }
    printf("after %d rounds: total %ld, bottoms %ld\n", (int)rounds, (long)total, bottoms);
    CHECK(total == 60);

    long c1 = catcher(OPAQUE(20L));
    long c2 = catcher(OPAQUE(5L));
    printf("catcher(20) = %ld, catcher(5) = %ld, bottoms %ld\n", c1, c2, bottoms);
    CHECK(c1 == 140 && c2 == 110 && bottoms == 5);

    long s = climb(OPAQUE(30L));
    long l = 0;
    for (long i = 0; i < 10; i++)
        l += OPAQUE(leaf(i));
    printf("climb(30) = %ld, leaves %ld\n", s, l);
    CHECK(s == 465 && l == 295);
    return rvt_summary();
}
