/* Unbounded recursion runs off the stack: SIGSEGV, exit 139. */
#include <stdio.h>

#pragma GCC diagnostic ignored "-Winfinite-recursion"

static __attribute__((noinline)) long down(long n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    return down(n + 1) + pad[0];
}

int main(void)
{
    printf("recursing without end\n");
    fflush(stdout);
    return (int)down(0);
}
