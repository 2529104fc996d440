/* Mutual recursion: is_even/is_odd, a recursive-descent expression parser and evaluator
 * (expr -> term -> factor -> expr), and the Ackermann function A(2, n) and A(3, 5). */
#include "rvtest.h"

static __attribute__((noinline)) int is_odd(unsigned n);
static __attribute__((noinline)) int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static __attribute__((noinline)) int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static const char *p;
static long expr(void);
static long factor(void)
{
    while (*p == ' ')
        p++;
    if (*p == '(') {
        p++;
        long v = expr();
        while (*p == ' ')
            p++;
        if (*p == ')')
            p++;
        return v;
    }
    if (*p == '-') {
        p++;
        return -factor();
    }
    long v = 0;
    while (*p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
    return v;
}
static long term(void)
{
    long v = factor();
    for (;;) {
        while (*p == ' ')
            p++;
        if (*p == '*') {
            p++;
            v *= factor();
        } else if (*p == '/') {
            p++;
            long d = factor();
            v = d ? v / d : 0;
        } else if (*p == '%') {
            p++;
            long d = factor();
            v = d ? v % d : 0;
        } else
            return v;
    }
}
static long expr(void)
{
    long v = term();
    for (;;) {
        while (*p == ' ')
            p++;
        if (*p == '+') {
            p++;
            v += term();
        } else if (*p == '-') {
            p++;
            v -= term();
        } else
            return v;
    }
}
static long eval(const char *s)
{
    p = s;
    return expr();
}

static long ackermann(long m, long n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

int main(void)
{
    printf("is_even(10000) = %d, is_odd(7777) = %d, is_even(1) = %d\n", is_even(10000), is_odd(7777), is_even(1));
    static const char *const exprs[] = {
        "1 + 2 * 3", "(1 + 2) * 3", "-(4 - 10) * -(2)", "100 / 7 % 5", "((((((((((42))))))))))",
        "2 * (3 + (4 * (5 + (6 * (7 + 8)))))", "1 - 2 - 3 - 4", "12345679 * 9 * 8",
    };
    for (size_t i = 0; i < sizeof exprs / sizeof exprs[0]; i++)
        printf("%s = %ld\n", exprs[i], eval(exprs[i]));
    /* a deeply nested expression built at run time */
    static char deep[4200];
    int k = 0;
    for (int i = 0; i < 1000; i++)
        deep[k++] = '(';
    deep[k++] = '1';
    for (int i = 0; i < 1000; i++) {
        deep[k++] = '+';
        deep[k++] = '1';
        deep[k++] = ')';
    }
    deep[k] = 0;
    printf("1000-level nesting = %ld\n", eval(deep));
    printf("ackermann(2, 300) = %ld, ackermann(3, 5) = %ld\n", ackermann(2, 300), ackermann(3, 5));
    CHECK(eval("2 * (3 + (4 * (5 + (6 * (7 + 8)))))") == 766);
    CHECK(ackermann(3, 5) == 253);
    return rvt_summary();
}
