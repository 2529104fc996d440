#!/usr/bin/env python3
"""Generates patch_latency.c: a guest program with N small traced functions that measures
how long switching ftrace on and off for all of them takes, and how long the program then
needs to be back at full speed.

    python3 benchmarks/patch-latency/gen.py [--functions N] [--chunk K] [-o FILE]

The generated program (built by `make -C benchmarks target/patch_latency` with
-fpatchable-function-entry=8,4: every function below has a patch site, the driver's are
notrace):

  - f0 ... f{N-1}: leaf functions, noinline/noipa (GCC neither inlines nor merges them), a
    one- or two-instruction computation each, eight kinds with varying constants;
  - chunk0 ... : each calls K of them in turn (a guest function of 5000 calls would be one
    enormous compilation unit; chunks of K keep each unit of a size a JIT is built for);
  - call_all(): calls every chunk once, so one round calls every f exactly once;
  - main(): the driver (patch_latency.c's text below: see its comment).

Standard library only (Python >= 3.8).
"""

import argparse
import sys

# Leaf bodies: x is the argument; {a}, {b} and {s} are small per-function constants.
BODIES = [
    "return x * {a} + {b};",
    "return (x ^ {b}) + {a};",
    "return (x << {s}) - x + {b};",
    "return (x >> {s}) + x + {a};",
    "return x - {b} * {a};",
    "return (x | {a}) ^ {b};",
    "return x + (long)((unsigned long)x >> {s}) + {b};",
    "return (x & 0x7fffffffffffL) * {a} - {b};",
]

DRIVER = r"""
/* ------------------------------------------------------------------ the driver
 *
 * Usage: patch_latency [toggle] [--warmup=MS] [--traced=MS] [--after=MS] [--window=MS] [--series]
 *
 * Three phases, each a sequence of rounds; a round is one call_all() (every f once),
 * timed with clock_gettime(CLOCK_MONOTONIC):
 *   1. untraced, --warmup MS (default 120000): the JIT compiles the program; the steady
 *      state of this phase is the untraced baseline;
 *   2. "profile" is written to /sys/kernel/tracing/current_tracer: under rvtrace every
 *      site is patched within that write(), whose duration is the enable latency; rounds
 *      go on for --traced MS (default 240000);
 *   3. "nop" is written (the disable latency: every site unpatched); rounds go on for
 *      --after MS (default 120000).
 * Only with the argument "toggle" does the program touch /sys/kernel/tracing (run plainly,
 * under qemu or on a host, it never writes a host kernel's tracefs); without it the phases
 * run all the same, untraced.
 *
 * Steady state of a phase: the median round of its last quarter (by time); "settled" when
 * that agrees within 5% with the median of the quarter before.
 * Back to speed: time is cut into windows of --window MS (default 1000) from the end of the
 * write(); a window stands for the median of the rounds that ended in it (one slow round,
 * a GC or a compilation being installed, does not count; a window in which no round ended
 * counts as slow). The program is back to speed at the start of the first RUN (5)
 * consecutive windows within 10% of the reference: after enabling, the traced steady state;
 * after disabling, the untraced baseline. 10%, not 2x: a program whose functions run as
 * first-tier code (compiled one by one, nothing inlined), or partly still in the
 * interpreter, is between 2x and 100x slower than fully compiled code, so "within 2x" would
 * call a program at half speed recovered; 10% is above the noise of a window's median on a
 * quiet machine. The same with 2x is printed as within2x_*. "never": no such run of windows
 * before the phase ended.
 *
 * Only f*, chunk* and call_all have patch sites: the driver's functions are NOTRACE
 * (patchable_function_entry(0, 0), as the kernel's notrace), so tracing "every function"
 * is exactly those, each called once per round, and their profile hit counts all equal the
 * number of traced rounds printed at the end (traced_rounds).
 *
 * Output: a line per phase, then one summary line:
 *   patch-latency: functions=5000 sites=5101 toggle=yes enable_ms=.. disable_ms=.. ...
 * With --series, every window as "series PHASE START_S ROUNDS MEDIAN_US".
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NOTRACE __attribute__((patchable_function_entry(0, 0)))
#define RUN 5
#define BACK_TOLERANCE 1.10
#define SETTLED_TOLERANCE 1.05

/* The patch sites GCC recorded (-fpatchable-function-entry): one 8-byte entry per function
 * with a site (glibc's functions have none). Weak: a build without the option links. */
extern const uint64_t __start___patchable_function_entries[] __attribute__((weak));
extern const uint64_t __stop___patchable_function_entries[] __attribute__((weak));

static inline __attribute__((always_inline)) uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* One phase: round i ended end_us[i] microseconds after the phase began (the end of the
 * write that started it) and took ns[i] nanoseconds. */
struct phase {
    const char *name;
    unsigned long duration_ms;
    uint32_t *ns;
    uint32_t *end_us;
    size_t n, cap;
};

static volatile long sink;  /* the rounds' result: the calls cannot be dropped */

NOTRACE static void grow(struct phase *p)
{
    size_t cap = p->cap ? 2 * p->cap : 65536;
    uint32_t *ns = realloc(p->ns, cap * sizeof *ns), *end_us = ns ? realloc(p->end_us, cap * sizeof *end_us) : 0;
    if (!ns || !end_us) {
        fprintf(stderr, "patch_latency: out of memory after %zu rounds\n", p->n);
        exit(1);
    }
    p->ns = ns;
    p->end_us = end_us;
    p->cap = cap;
}

NOTRACE static void run_phase(struct phase *p, uint64_t t0)
{
    uint64_t end = t0 + p->duration_ms * 1000000ULL;
    uint64_t t = now_ns();
    long x = sink;
    while (t < end) {
        if (p->n == p->cap)
            grow(p);  /* between two rounds: the time it takes is in no round */
        uint64_t s = t;
        x = call_all(x);
        t = now_ns();
        uint64_t d = t - s;
        p->ns[p->n] = d > UINT32_MAX ? UINT32_MAX : (uint32_t)d;
        p->end_us[p->n] = (uint32_t)((t - t0) / 1000);
        p->n++;
    }
    sink = x;
}

NOTRACE static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The median of v[from, to) (sorts a copy); -1 when empty. */
NOTRACE static double median(const uint32_t *v, size_t from, size_t to)
{
    size_t n = to - from;
    if (n == 0)
        return -1;
    uint32_t *c = malloc(n * sizeof *c);
    if (!c)
        exit(1);
    memcpy(c, v + from, n * sizeof *c);
    qsort(c, n, sizeof *c, cmp_u32);
    double m = n % 2 ? c[n / 2] : (c[n / 2 - 1] + (double)c[n / 2]) / 2;
    free(c);
    return m;
}

/* The first round that ended at least `us` into the phase (p->n if none). */
NOTRACE static size_t round_at(const struct phase *p, uint64_t us)
{
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->end_us[mid] < us)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

struct steady {
    double ns;         /* the median round of the phase's last quarter */
    double before_ns;  /* the same of the quarter before */
    int settled;       /* the two agree within 5% */
};

NOTRACE static struct steady steady_state(const struct phase *p)
{
    struct steady s = {0, 0, 0};
    uint64_t span = p->duration_ms * 1000;
    size_t q3 = round_at(p, span * 3 / 4), q2 = round_at(p, span / 2);
    s.ns = median(p->ns, q3, p->n);
    s.before_ns = median(p->ns, q2, q3);
    double hi = s.ns > s.before_ns ? s.ns : s.before_ns, lo = s.ns > s.before_ns ? s.before_ns : s.ns;
    s.settled = lo > 0 && hi <= lo * SETTLED_TOLERANCE;
    return s;
}

/* The median round of window w (-1 when no round ended in it). */
NOTRACE static double window(const struct phase *p, unsigned long window_ms, size_t w)
{
    uint64_t from = (uint64_t)w * window_ms * 1000;
    return median(p->ns, round_at(p, from), round_at(p, from + window_ms * 1000));
}

/* The start (ms after the phase began) of the first RUN consecutive windows whose medians
 * are within limit_ns; *rounds gets the number of rounds before it. -1 if there is none. */
NOTRACE static double back_to(const struct phase *p, unsigned long window_ms, double limit_ns, size_t *rounds)
{
    size_t windows = p->duration_ms / window_ms, good = 0;
    for (size_t w = 0; w < windows; w++) {
        double m = window(p, window_ms, w);
        good = m >= 0 && m <= limit_ns ? good + 1 : 0;
        if (good == RUN) {
            size_t first = w + 1 - RUN;
            *rounds = round_at(p, (uint64_t)first * window_ms * 1000);
            return (double)first * window_ms;
        }
    }
    *rounds = p->n;
    return -1;
}

NOTRACE static void series(const struct phase *p, unsigned long window_ms)
{
    size_t windows = (p->duration_ms + window_ms - 1) / window_ms;
    for (size_t w = 0; w < windows; w++) {
        uint64_t from = (uint64_t)w * window_ms * 1000;
        size_t a = round_at(p, from), b = round_at(p, from + window_ms * 1000);
        double m = median(p->ns, a, b);
        printf("series %s %.3f %zu %.3f\n", p->name, w * window_ms / 1000.0, b - a, m < 0 ? -1 : m / 1000);
    }
}

NOTRACE static int tracefs_open(const char *file, int flags)
{
    char path[128];
    snprintf(path, sizeof path, "/sys/kernel/tracing/%s", file);
    return open(path, flags);
}

/* Writes value to the open control file; returns how long the write() took, in ns. */
NOTRACE static uint64_t timed_write(int fd, const char *value)
{
    size_t len = strlen(value);
    uint64_t t0 = now_ns();
    ssize_t n = write(fd, value, len);
    uint64_t t1 = now_ns();
    if (n != (ssize_t)len) {
        fprintf(stderr, "patch_latency: writing '%s' to current_tracer failed\n", value);
        exit(1);
    }
    return t1 - t0;
}

/* Checks that current_tracer reads name. */
NOTRACE static void expect_tracer(const char *name)
{
    char buf[64];
    int fd = tracefs_open("current_tracer", O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0)
        close(fd);
    buf[n < 0 ? 0 : n] = 0;
    size_t len = strlen(name);
    if (strncmp(buf, name, len) != 0 || (buf[len] != '\n' && buf[len] != 0)) {
        fprintf(stderr, "patch_latency: current_tracer reads '%s', expected '%s'\n", buf, name);
        exit(1);
    }
}

NOTRACE static unsigned long option(const char *arg, const char *name)
{
    size_t len = strlen(name);
    if (strncmp(arg, name, len) != 0 || arg[len] != '=')
        return (unsigned long)-1;
    char *end;
    unsigned long v = strtoul(arg + len + 1, &end, 10);
    if (arg[len + 1] == 0 || *end != 0 || arg[len + 1] == '-' || v == 0) {
        fprintf(stderr, "patch_latency: %s needs a positive integer, not '%s'\n", name, arg + len + 1);
        exit(2);
    }
    return v;
}

NOTRACE static const char *ms(char *buf, size_t len, double v)
{
    if (v < 0)
        snprintf(buf, len, "never");
    else
        snprintf(buf, len, "%.0f", v);
    return buf;
}

NOTRACE static void describe(const struct phase *p, const struct steady *s)
{
    uint32_t max = 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->ns[i] > max)
            max = p->ns[i];
    printf("%-8s  %8zu rounds in %6lu ms: first %10.3f us, slowest %10.3f us, steady %9.3f us/round "
           "(quarter before: %.3f)%s\n", p->name, p->n, p->duration_ms, p->n ? p->ns[0] / 1000.0 : 0.0,
           max / 1000.0, s->ns / 1000, s->before_ns / 1000, s->settled ? "" : " NOT SETTLED");
}

NOTRACE int main(int argc, char **argv)
{
    int toggle = 0, want_series = 0;
    unsigned long warmup_ms = 120000, traced_ms = 240000, after_ms = 120000, window_ms = 1000, v;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "toggle") == 0)
            toggle = 1;
        else if (strcmp(argv[i], "--series") == 0)
            want_series = 1;
        else if ((v = option(argv[i], "--warmup")) != (unsigned long)-1)
            warmup_ms = v;
        else if ((v = option(argv[i], "--traced")) != (unsigned long)-1)
            traced_ms = v;
        else if ((v = option(argv[i], "--after")) != (unsigned long)-1)
            after_ms = v;
        else if ((v = option(argv[i], "--window")) != (unsigned long)-1)
            window_ms = v;
        else {
            fprintf(stderr, "usage: patch_latency [toggle] [--warmup=MS] [--traced=MS] [--after=MS] "
                            "[--window=MS] [--series]\n");
            return 2;
        }
    }
    long sites = __start___patchable_function_entries
        ? (long)(__stop___patchable_function_entries - __start___patchable_function_entries) : 0;
    struct phase warm = {"untraced", warmup_ms, 0, 0, 0, 0}, on = {"traced", traced_ms, 0, 0, 0, 0},
                 off = {"after", after_ms, 0, 0, 0, 0};
    grow(&warm);
    grow(&on);
    grow(&off);
    int fd = -1;
    if (toggle) {
        fd = tracefs_open("current_tracer", O_WRONLY);
        if (fd < 0) {
            fprintf(stderr, "patch_latency: cannot open /sys/kernel/tracing/current_tracer "
                            "(run under rvtrace with --ftrace=nop)\n");
            return 1;
        }
        expect_tracer("nop");
    }

    run_phase(&warm, now_ns());
    uint64_t enable_ns = toggle ? timed_write(fd, "profile") : 0;
    run_phase(&on, now_ns());
    uint64_t disable_ns = toggle ? timed_write(fd, "nop") : 0;
    run_phase(&off, now_ns());
    if (toggle) {
        close(fd);
        expect_tracer("nop");
    }

    struct steady base = steady_state(&warm), traced = steady_state(&on), after = steady_state(&off);
    size_t r_on = 0, r_off = 0, dummy;
    double back_on = back_to(&on, window_ms, BACK_TOLERANCE * traced.ns, &r_on);
    double back_off = back_to(&off, window_ms, BACK_TOLERANCE * base.ns, &r_off);
    double twice_on = back_to(&on, window_ms, 2 * traced.ns, &dummy);
    double twice_off = back_to(&off, window_ms, 2 * base.ns, &dummy);
    if (want_series) {
        series(&warm, window_ms);
        series(&on, window_ms);
        series(&off, window_ms);
    }
    describe(&warm, &base);
    describe(&on, &traced);
    describe(&off, &after);
    char b1[32], b2[32], w1[32], w2[32];
    printf("patch-latency: functions=%d sites=%ld toggle=%s enable_ms=%.3f disable_ms=%.3f "
           "back_to_speed_after_enable_ms=%s back_to_speed_after_disable_ms=%s "
           "rounds_to_speed_after_enable=%zu rounds_to_speed_after_disable=%zu "
           "within2x_after_enable_ms=%s within2x_after_disable_ms=%s "
           "round_us untraced=%.3f traced=%.3f after=%.3f traced_rounds=%zu settled=%s\n",
           NFUNCS, sites, toggle ? "yes" : "no", enable_ns / 1e6, disable_ns / 1e6,
           ms(b1, sizeof b1, back_on), ms(b2, sizeof b2, back_off), r_on, r_off,
           ms(w1, sizeof w1, twice_on), ms(w2, sizeof w2, twice_off),
           base.ns / 1000, traced.ns / 1000, after.ns / 1000, on.n,
           base.settled && traced.settled && after.settled ? "yes" : "no");
    return 0;
}
"""


def generate(n, chunk):
    out = []
    w = out.append
    w("/* patch_latency.c: GENERATED by benchmarks/patch-latency/gen.py --functions %d --chunk %d;"
      " do not edit. */\n" % (n, chunk))
    w("#define NFUNCS %d\n" % n)
    w("\n")
    for i in range(n):
        a = 3 + 2 * (i % 97)
        b = 1 + (i * 7919) % 4093
        s = 1 + i % 13
        w("__attribute__((noinline, noipa)) long f%d(long x) { %s }\n"
          % (i, BODIES[i % len(BODIES)].format(a=a, b=b, s=s)))
    chunks = (n + chunk - 1) // chunk
    w("\n")
    for c in range(chunks):
        w("__attribute__((noinline, noipa)) long chunk%d(long x)\n{\n" % c)
        for i in range(c * chunk, min(n, (c + 1) * chunk)):
            w("    x = f%d(x);\n" % i)
        w("    return x;\n}\n")
    w("\n/* One round: every f once, in order. */\n")
    w("__attribute__((noinline, noipa)) long call_all(long x)\n{\n")
    for c in range(chunks):
        w("    x = chunk%d(x);\n" % c)
    w("    return x;\n}\n")
    w(DRIVER)
    return "".join(out)


def main(argv):
    ap = argparse.ArgumentParser(description="Generate the patch-latency guest program (C source).")
    ap.add_argument("--functions", "-n", type=int, default=5000, metavar="N",
                    help="number of leaf functions (default 5000)")
    ap.add_argument("--chunk", type=int, default=50, metavar="K",
                    help="calls per generated chunk function (default 50)")
    ap.add_argument("-o", "--output", metavar="FILE", help="output file (default stdout)")
    args = ap.parse_args(argv)
    if args.functions < 1 or args.chunk < 1:
        ap.error("--functions and --chunk must be >= 1")
    text = generate(args.functions, args.chunk)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
