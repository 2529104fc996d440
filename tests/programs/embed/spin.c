/* Spins for a very long time (but ends, so a plain run under qemu is bounded by the
 * argument-less default): EmbeddingTest cancels it with Context.close(true). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000;
    volatile long s = 0;
    for (long i = 0; i < n; i++)
        s += i;
    printf("%ld\n", (long)s);
    return 0;
}
