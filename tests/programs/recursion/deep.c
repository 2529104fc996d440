/* Deep recursion: depth 100000 (several MiB of stack at -O0) that returns correctly,
 * with locals and callee-saved registers live across each call. */
#include "rvtest.h"

static __attribute__((noinline)) long down(long n, long salt)
{
    volatile long local[2] = {n * 3, salt};
    if (n == 0)
        return salt;
    long below = down(n - 1, salt ^ n);
    return below + local[0] - 3 * n + (local[1] == salt);
}

static long max_depth;
static __attribute__((noinline)) long tree(int depth, long id)
{
    if (depth > max_depth)
        max_depth = depth;
    if (depth == 16)
        return id & 7;
    return tree(depth + 1, id * 2) + tree(depth + 1, id * 2 + 1);
}

int main(void)
{
    long r = down(100000, 12345);
    printf("down(100000) = %ld\n", r);
    long x = 12345;
    for (long n = 100000; n > 0; n--)
        x ^= n;
    CHECK(r == x + 100000);
    r = tree(0, 1);
    printf("binary tree of depth 16: sum %ld, max depth %ld\n", r, max_depth);
    CHECK(r == 65536 / 8 * 28);
    r = down(100000, 1);
    printf("second descent = %ld\n", r);
    return rvt_summary();
}
