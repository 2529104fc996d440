/* Allocates and touches MiB after MiB (argv[1] of them, default 8): EmbeddingTest runs it
 * under a memory limit it exceeds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 8;
    long total = 0;
    for (long i = 0; i < n; i++) {
        char *p = malloc(1 << 20);
        if (!p) {
            printf("malloc failed after %ld MiB\n", total);
            return 1;
        }
        memset(p, 1, 1 << 20);
        total++;
    }
    printf("%ld MiB\n", total);
    return 0;
}
