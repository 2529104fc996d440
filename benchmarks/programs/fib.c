/* fib: call-heavy recursion -- naive doubly-recursive Fibonacci, the
 * Takeuchi function and Ackermann's function (calls, returns, stack
 * traffic, deep recursion).
 * Usage: fib [REPS]  -- each rep computes fib(30), tak(24,16,8), ack(3,8). */
#include <stdio.h>
#include <stdlib.h>

#ifndef DEFAULT_REPS
#define DEFAULT_REPS 85
#endif

__attribute__((noinline)) static long fib(long n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

__attribute__((noinline)) static long tak(long x, long y, long z) {
    if (y >= x) return z;
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
}

__attribute__((noinline)) static long ack(long m, long n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

int main(int argc, char **argv) {
    long reps = argc > 1 ? atol(argv[1]) : DEFAULT_REPS;
    /* volatile arguments keep the compiler from hoisting the pure calls */
    volatile long fn = 30, tx = 24, ty = 16, tz = 8, am = 3, an = 8;
    long f = 0, t = 0, a = 0;
    for (long r = 0; r < reps; r++) {
        f += fib(fn);
        t += tak(tx, ty, tz);
        a += ack(am, an);
    }
    printf("fib reps=%ld fib-sum=%ld tak-sum=%ld ack-sum=%ld\n", reps, f, t, a);
    return 0;
}
