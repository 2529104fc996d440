/* ftrace: indirect calls. A table of four binary operations is called through function
 * pointers 100 times following a fixed schedule (op_add 10, op_sub 20, op_mul 30, op_xor 40
 * times); apply() receives a function pointer and calls it twice (apply 6, op_inc 12); and
 * qsort() sorts 200 numbers with the callback cmp_long, which counts its own calls in
 * cmp_calls: the program prints that count ("qsort comparisons: N"), since how often qsort
 * compares depends on the libc; the tracer's hit count for cmp_long must equal it. The
 * callback is entered from libc code, which has no patch sites of its own.
 * Expected counts: fnptr.calls. */
#include "rvtest.h"

typedef long (*binop)(long, long);

__attribute__((noipa, noinline)) long op_add(long a, long b) { return a + b; }
__attribute__((noipa, noinline)) long op_sub(long a, long b) { return a - b; }
__attribute__((noipa, noinline)) long op_mul(long a, long b) { return a * (b | 1); }
__attribute__((noipa, noinline)) long op_xor(long a, long b) { return a ^ (b << 7); }
__attribute__((noipa, noinline)) long op_inc(long a) { return a + 1; }

/* not const, not static: the compiler cannot see which function an entry holds */
binop ops[4] = {op_add, op_sub, op_mul, op_xor};

__attribute__((noipa, noinline)) long apply(long (*f)(long), long x)
{
    long y = OPAQUE(f(x));
    return OPAQUE(f(y));
}

long cmp_calls;

__attribute__((noipa, noinline)) int cmp_long(const void *pa, const void *pb)
{
    long a = *(const long *)pa, b = *(const long *)pb;
    cmp_calls++;
    return (a > b) - (a < b);
}

int main(void)
{
    /* ops[0] once, ops[1] twice, ops[2] three times, ops[3] four times in every 10 calls */
    static const int schedule[10] = {0, 1, 1, 2, 2, 2, 3, 3, 3, 3};
    long acc = 1;
    for (long i = 0; i < 100; i++) {
        binop f = ops[OPAQUE((int)schedule[i % 10])];
        acc = OPAQUE(f(acc, i)) & 0xffffffffffffL;
    }
    printf("table calls: acc = %ld\n", acc);

    long x = 0;
    for (int i = 0; i < 6; i++)
        x = OPAQUE(apply(op_inc, x));
    printf("apply: x = %ld\n", x);
    CHECK(x == 12);

    static long v[200];
    uint32_t seed = 12345;
    for (int i = 0; i < 200; i++) {
        seed = seed * 1103515245u + 12345u;
        v[i] = (long)(seed >> 8) % 1000 - 500;
    }
    qsort(v, 200, sizeof v[0], cmp_long);
    int sorted = 1;
    for (int i = 1; i < 200; i++)
        sorted &= v[i - 1] <= v[i];
    printf("qsort: sorted %d, min %ld, max %ld, median %ld\n", sorted, v[0], v[199], v[100]);
    printf("qsort comparisons: %ld\n", cmp_calls);
    CHECK(sorted);
    return rvt_summary();
}
