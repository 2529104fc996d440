/* Recursive fib(25), plus a memoised and an iterative version to compare. */
#include "rvtest.h"

static __attribute__((noinline)) long fib(int n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static long memo[100];
static long fib_memo(int n)
{
    if (n < 2)
        return n;
    if (memo[n])
        return memo[n];
    return memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
}

int main(void)
{
    long r = fib(25);
    printf("fib(25) = %ld\n", r);
    long a = 0, b = 1;
    for (int i = 0; i < 25; i++) {
        long t = a + b;
        a = b;
        b = t;
    }
    printf("iterative fib(25) = %ld, memoised fib(90) = %ld\n", a, fib_memo(90));
    CHECK(r == 75025 && a == r);
    CHECK(fib_memo(90) == 2880067194370816120L);
    return rvt_summary();
}
