/* mandelbrot: escape-time Mandelbrot set in double precision
 * (tight FP loop with data-dependent exits, bit packing).
 * Usage: mandelbrot [SIZE]  -- SIZE x SIZE image, checksum of the bitmap. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#ifndef DEFAULT_SIZE
#define DEFAULT_SIZE 2200
#endif
#define MAXITER 50

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : DEFAULT_SIZE;
    uint32_t crc = 0xffffffffu;   /* Adler-like running checksum of the bitmap */
    uint64_t inside = 0;
    for (int y = 0; y < n; y++) {
        double ci = 2.0 * y / n - 1.0;
        unsigned byte = 0;
        int bit = 0;
        for (int x = 0; x < n; x++) {
            double cr = 2.0 * x / n - 1.5;
            double zr = 0, zi = 0, tr = 0, ti = 0;
            int i = 0;
            for (; i < MAXITER && tr + ti <= 4.0; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            byte = (byte << 1) | (i == MAXITER);
            inside += (i == MAXITER);
            if (++bit == 8 || x == n - 1) {
                crc = (crc * 33u) ^ byte;
                byte = 0; bit = 0;
            }
        }
    }
    printf("mandelbrot %dx%d inside=%llu hash=%08x\n", n, n, (unsigned long long)inside, crc);
    return 0;
}
