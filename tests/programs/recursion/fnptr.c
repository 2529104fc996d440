/* Function pointers: a table of operations driven by a bytecode interpreter, callbacks
 * through qsort, a function returning function pointers, and indirect tail calls. */
#include "rvtest.h"

typedef long (*binop)(long, long);
static long op_add(long a, long b) { return a + b; }
static long op_sub(long a, long b) { return a - b; }
static long op_mul(long a, long b) { return a * b; }
static long op_max(long a, long b) { return a > b ? a : b; }
static long op_xor(long a, long b) { return a ^ b; }
static binop const table[] = {op_add, op_sub, op_mul, op_max, op_xor};

static binop pick(int i) { return table[i % 5]; }

static int by_abs(const void *a, const void *b)
{
    long x = labs(*(const long *)a), y = labs(*(const long *)b);
    return (x > y) - (x < y);
}

/* state machine by indirect tail calls */
typedef long (*state)(long n, long acc);
static long st_a(long n, long acc);
static long st_b(long n, long acc);
static long st_a(long n, long acc) { return n == 0 ? acc : ((state)(n % 3 ? st_b : st_a))(n - 1, acc + 1); }
static long st_b(long n, long acc) { return n == 0 ? acc : ((state)(n % 2 ? st_a : st_b))(n - 1, acc * 3 % 1000003); }

int main(void)
{
    /* bytecode: op index, operand */
    static const int code[][2] = {{0, 5}, {2, 7}, {1, 3}, {3, 100}, {4, 0x55}, {2, -2}, {0, 1000}, {3, -5}};
    long acc = 1;
    for (int round = 0; round < 1000; round++)
        for (size_t i = 0; i < sizeof code / sizeof code[0]; i++)
            acc = pick(code[i][0])(acc, code[i][1]) % 1000000007;
    printf("interpreter result %ld\n", acc);

    long v[16];
    for (int i = 0; i < 16; i++)
        v[i] = (i * 7919 % 41) - 20;
    qsort(v, 16, sizeof v[0], by_abs);
    printf("sorted by |x|:");
    for (int i = 0; i < 16; i++)
        printf(" %ld", v[i]);
    printf("\n");

    long total = 0;
    for (int i = 0; i < 5; i++)
        total += pick(i)(100, 7);
    printf("each op on (100, 7) summed: %ld\n", total);
    CHECK(total == 107 + 93 + 700 + 100 + (100 ^ 7));
    printf("state machine: %ld\n", st_a(100000, 0));
    return rvt_summary();
}
