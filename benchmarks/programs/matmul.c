/* matmul: int64 dense matrix multiply (integer arrays, nested loops).
 * Usage: matmul [REPS]   -- multiplies two N x N int64 matrices REPS times. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define N 200
#ifndef DEFAULT_REPS
#define DEFAULT_REPS 380
#endif

static int64_t a[N][N], b[N][N], c[N][N];

int main(int argc, char **argv) {
    long reps = argc > 1 ? atol(argv[1]) : DEFAULT_REPS;
    uint64_t seed = 12345;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            a[i][j] = (int64_t)(seed >> 40) - (1 << 23);
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            b[i][j] = (int64_t)(seed >> 40) - (1 << 23);
        }
    uint64_t sum = 0;
    for (long r = 0; r < reps; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                c[i][j] = 0;
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++) {
                int64_t aik = a[i][k];
                for (int j = 0; j < N; j++)
                    c[i][j] += aik * b[k][j];
            }
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                sum = sum * 31 + (uint64_t)c[i][j];
        /* perturb the input so every round does fresh work */
        a[r % N][(r * 7) % N] += 1;
    }
    printf("matmul n=%d reps=%ld checksum=%016llx\n", N, reps, (unsigned long long)sum);
    return 0;
}
