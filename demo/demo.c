/* rvtrace demo: an ASCII Mandelbrot set, the primes below 2000000 by a sieve (count, the
 * last few, twin primes), a Collatz record search, and a CRC-32 checksum of everything
 * printed.  Built by build.sh; takes a second or two under an emulator. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t crc_table[256];
static uint32_t crc = 0xffffffffu;

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

/* print a line and fold it into the checksum */
static void out(const char *s)
{
    for (const char *p = s; *p; p++)
        crc = crc_table[(crc ^ (uint8_t)*p) & 0xff] ^ (crc >> 8);
    crc = crc_table[(crc ^ '\n') & 0xff] ^ (crc >> 8);
    puts(s);
}

static void mandelbrot(void)
{
    static const char shades[] = " .,:;-=+*#%"; /* by log2 of the escape time */
    enum { MAXIT = 2000 };
    char line[81];
    for (int row = 0; row < 32; row++) {
        double ci = -1.2 + row * (2.4 / 31);
        for (int col = 0; col < 78; col++) {
            double cr = -2.1 + col * (3.0 / 77);
            double zr = 0, zi = 0;
            int it = 0;
            while (it < MAXIT) {
                double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0)
                    break;
                zi = 2 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                it++;
            }
            int l = 0;
            for (int v = it; v > 1; v >>= 1)
                l++;
            line[col] = it == MAXIT ? '@' : shades[l];
        }
        line[78] = 0;
        out(line);
    }
}

static void primes(void)
{
    enum { N = 2000000 };
    static unsigned char composite[N];
    int count = 0, twins = 0, last = 0, tail[8], nt = 0;
    for (int i = 2; i < N; i++) {
        if (composite[i])
            continue;
        count++;
        if (last && i - last == 2)
            twins++;
        last = i;
        tail[nt++ % 8] = i;
        for (long j = (long)i * i; j < N; j += i)
            composite[j] = 1;
    }
    char buf[160];
    snprintf(buf, sizeof buf, "primes below %d: %d (twin pairs: %d)", N, count, twins);
    out(buf);
    int n = snprintf(buf, sizeof buf, "the largest:");
    for (int k = 0; k < 8; k++)
        n += snprintf(buf + n, sizeof buf - (size_t)n, " %d", tail[(nt + k) % 8]);
    out(buf);
}

static void collatz(void)
{
    long best = 0, best_n = 0;
    for (long n = 1; n < 1000000; n++) {
        long x = n, steps = 0;
        while (x != 1) {
            x = (x & 1) ? 3 * x + 1 : x / 2;
            steps++;
        }
        if (steps > best) {
            best = steps;
            best_n = n;
        }
    }
    char buf[100];
    snprintf(buf, sizeof buf, "longest Collatz chain below 1000000: %ld (%ld steps)", best_n, best);
    out(buf);
}

int main(void)
{
    crc_init();
    out("rvtrace demo: RISC-V RV64GC on a Truffle interpreter");
    out("");
    mandelbrot();
    out("");
    primes();
    collatz();
    printf("checksum of the output above: %08x\n", crc ^ 0xffffffffu);
    return 0;
}
