/* A guest program used as a library from Java (riscv.Library, EmbeddingTest): the start-up
 * runs, main does not; Java calls these functions and reads and writes the globals through
 * the memory buffer. Run as a program it only says so. */
#include <stdio.h>
#include <string.h>

long counter = 41;
long numbers[8] = {1, 2, 3, 4, 5, 6, 7, 8};
char text[64] = "riscv";

__attribute__((noipa, noinline)) long add(long a, long b) { return a + b; }

__attribute__((noipa, noinline)) long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

__attribute__((noipa, noinline)) long bump(void) { return ++counter; }

__attribute__((noipa, noinline)) long sum(const long *p, long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += p[i];
    return s;
}

__attribute__((noipa, noinline)) long length(const char *s) { return (long)strlen(s); }

__attribute__((noipa, noinline)) long apply(long (*f)(long, long), long a, long b) { return f(a, b); }

__attribute__((noipa, noinline)) long greet(const char *who)
{
    int n = printf("hello, %s\n", who);
    fflush(stdout);
    return n;
}

__attribute__((noipa, noinline)) long crash(long *p) { return *p; }

int main(void)
{
    printf("mathlib: a library for EmbeddingTest (counter %ld)\n", counter);
    return 0;
}
