/* ftrace_ops: the guest half of Linux's samples/ftrace/ftrace-ops benchmark.
 *
 * The kernel module calls tracee_relevant() nr_function_calls times while
 * nr_ops_relevant ftrace_ops trace it and nr_ops_irrelevant ftrace_ops trace
 * tracee_irrelevant(), and prints how long the calls took.  Here the ops are
 * registered by rvtrace's built-in sample (riscv.FtraceSample=ftrace-ops:...,
 * see ftrace-runtime/.../samples/FtraceOpsSample.java; `rv bench ftrace-ops`
 * sets it up), and this program makes the calls and does the timing.
 *
 * Usage: ftrace_ops [CALLS [WARMUP_MS [ROUNDS]]]
 *   CALLS      calls of tracee_relevant per round (default 100000, as the kernel)
 *   WARMUP_MS  warm-up time before measuring (default 2000): rounds run until at
 *              least this long has passed and at least MIN_WARMUP_ROUNDS rounds ran,
 *              then on until two successive windows of WINDOW rounds agree within
 *              5% (the JIT has settled), but no longer than 4 x WARMUP_MS in total;
 *              0 runs exactly MIN_WARMUP_ROUNDS (5) rounds (tests count the calls)
 *   ROUNDS     measured rounds after warm-up (default 21)
 *
 * A round is what the kernel module does once: read the clock, CALLS calls,
 * read the clock.  The reported period is the MEDIAN of the measured rounds:
 * an emulator's steady state has more noise than a kernel (a late compilation,
 * a GC, the other core busy), the median ignores a few bad rounds either way,
 * and unlike the minimum it does not reward one lucky round.  The min and max
 * are printed too.
 *
 * Output: exactly the kernel's line (integer ns per call, truncated as the
 * kernel does), then one line with more precision:
 *   Attempted 100000 calls to tracee_relevant in 190213 ns (1 ns / call)
 *   ns/call: 1.902 median, 1.871 min, 2.544 max (21 rounds; warm-up 153 rounds, 2004 ms)
 *
 * Build: -fpatchable-function-entry=8,4 -falign-functions=8 (benchmarks/Makefile),
 * so every function here has an ftrace patch site.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define DEFAULT_CALLS 100000UL
#define DEFAULT_WARMUP_MS 2000UL
#define DEFAULT_ROUNDS 21UL
#define MIN_WARMUP_ROUNDS 5
#define WINDOW 5
#define MAX_ROUNDS 1000

#define barrier() __asm__ __volatile__("" ::: "memory")

/* As in the kernel sample: out of line (noinline), and noipa so that GCC
 * neither drops the calls (the barrier has an effect it cannot see through)
 * nor lets callers rely on which registers the callee leaves alone: every call
 * is a real call that goes through the patch site. */
__attribute__((noinline, noipa)) void tracee_relevant(void)
{
    barrier();
}

/* Traced by the irrelevant ops and never called, as in the kernel sample: its
 * ops only exist, which is what costs when every site shares one trampoline.
 * `used` keeps it (and its patch site) although nothing calls it. */
__attribute__((noinline, noipa, used)) void tracee_irrelevant(void)
{
    barrier();
}

static unsigned long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ULL + (unsigned long long)ts.tv_nsec;
}

/* One round of the kernel module: the time taken by n calls. */
__attribute__((noinline, noipa)) static unsigned long long round_ns(unsigned long n)
{
    unsigned long long start = now_ns();
    for (unsigned long i = 0; i < n; i++)
        tracee_relevant();
    unsigned long long end = now_ns();
    return end - start;
}

static int cmp_ull(const void *a, const void *b)
{
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}

static unsigned long long median(unsigned long long *v, int n)
{
    qsort(v, n, sizeof *v, cmp_ull);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Whether the last two windows of WINDOW rounds (ring holds the last 2 x WINDOW
 * round times, the newest at index n - 1 modulo its size) have medians within 5%. */
static int settled(const unsigned long long *ring, int n)
{
    unsigned long long a[WINDOW], b[WINDOW];
    if (n < 2 * WINDOW)
        return 0;
    for (int i = 0; i < WINDOW; i++) {
        a[i] = ring[(n - 2 * WINDOW + i) % (2 * WINDOW)];
        b[i] = ring[(n - WINDOW + i) % (2 * WINDOW)];
    }
    unsigned long long ma = median(a, WINDOW), mb = median(b, WINDOW);
    unsigned long long hi = ma > mb ? ma : mb, lo = ma > mb ? mb : ma;
    return (hi - lo) * 20 <= hi;
}

static unsigned long parse(const char *s, const char *what)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (*s == '\0' || *end != '\0' || *s == '-') {
        fprintf(stderr, "ftrace_ops: %s must be a non-negative integer, not '%s'\n", what, s);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    unsigned long calls = argc > 1 ? parse(argv[1], "CALLS") : DEFAULT_CALLS;
    unsigned long warmup_ms = argc > 2 ? parse(argv[2], "WARMUP_MS") : DEFAULT_WARMUP_MS;
    unsigned long rounds = argc > 3 ? parse(argv[3], "ROUNDS") : DEFAULT_ROUNDS;
    if (argc > 4 || calls == 0 || rounds == 0 || rounds > MAX_ROUNDS) {
        fprintf(stderr, "usage: ftrace_ops [CALLS>0 [WARMUP_MS [ROUNDS 1..%d]]]\n", MAX_ROUNDS);
        return 2;
    }

    unsigned long long ring[2 * WINDOW];
    unsigned long long warm_start = now_ns();
    unsigned long long limit = warmup_ms * 1000000ULL, cap = 4 * limit;
    int warm_rounds = 0;
    for (;;) {
        ring[warm_rounds % (2 * WINDOW)] = round_ns(calls);
        warm_rounds++;
        unsigned long long spent = now_ns() - warm_start;
        if (warm_rounds < MIN_WARMUP_ROUNDS || spent < limit)
            continue;
        if (spent >= cap || settled(ring, warm_rounds))
            break;
    }
    unsigned long long warm_ms = (now_ns() - warm_start) / 1000000ULL;

    static unsigned long long t[MAX_ROUNDS];
    for (unsigned long r = 0; r < rounds; r++)
        t[r] = round_ns(calls);
    unsigned long long period = median(t, (int)rounds); /* sorts t */

    printf("Attempted %lu calls to tracee_relevant in %llu ns (%llu ns / call)\n",
           calls, period, period / calls);
    printf("ns/call: %.3f median, %.3f min, %.3f max (%lu rounds; warm-up %d rounds, %llu ms)\n",
           (double)period / calls, (double)t[0] / calls, (double)t[rounds - 1] / calls,
           rounds, warm_rounds, warm_ms);
    return 0;
}
