/* ftrace: a recursive function with a known exact call count. fib(20) enters fib
 * 2*F(21) - 1 = 21891 times (C(n) = 1 + C(n-1) + C(n-2), C(0) = C(1) = 1); main once.
 * Neither recursive call is in tail position (OPAQUE), so GCC can neither turn one into a
 * jump nor apply its accumulator tail-recursion transformation: every call enters fib.
 * Expected counts: fib.calls (make -C tests calls). */
#include "rvtest.h"

__attribute__((noipa, noinline)) long fib(long n)
{
    if (n < 2)
        return n;
    long a = OPAQUE(fib(n - 1));
    long b = OPAQUE(fib(n - 2));
    return a + b;
}

int main(void)
{
    long r = fib(OPAQUE(20L));
    printf("fib(20) = %ld\n", r);
    CHECK(r == 6765);
    return rvt_summary();
}
