/* Memory-model litmus tests between main (T0) and one thread (T1), the accesses and fences in
 * RISC-V inline asm, x and y in separate cache lines:
 *   MP  T1: x=1; fence w,w; y=1          T0: r0=y; fence r,r; r1=x      forbidden r0=1, r1=0
 *   SB  T0: x=1; fence rw,rw; r0=y       T1: y=1; fence rw,rw; r1=x     forbidden r0=0, r1=0
 *   LB  T0: r0=x; fence r,w; y=1         T1: r1=y; fence r,w; x=1       forbidden r0=1, r1=1
 *   MP+amo  T1: x=1; amoswap.w.rl y=1    T0: r0=amoor.w.aq y; r1=x      forbidden r0=1, r1=0
 * Each shape runs up to 20000 iterations, or as many as fit in 120 ms of wall time (the
 * time bound wins on a slow emulator). Per iteration T0 resets x and y and releases T1 by
 * storing the iteration number into an atomic counter T1 spins on (no pthread barrier: too
 * slow), both wait a pseudo-random delay to vary their overlap, and T1 hands its result
 * back through a second counter. stdout has only the forbidden counts (0) and "done"; the
 * iteration counts, and how often an unfenced SB shows its relaxed outcome (allowed, it
 * shows the harness makes the threads overlap), go to stderr. */
#include <inttypes.h>
#include <pthread.h>
#include <sched.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define MAX_ITERS 20000
#define BUDGET_NS 120000000LL

enum shape { MP, SB, LB, MP_AMO, SB_UNFENCED, NSHAPES, STOP = -1 };
static const char *const names[NSHAPES] = {
    "MP (fence w,w / fence r,r)", "SB (fence rw,rw)", "LB (fence r,w)", "MP (amoswap.w.rl / amoor.w.aq)",
    "SB (no fence)",
};

static struct {
    alignas(64) volatile int x;
    alignas(64) volatile int y;
    alignas(64) atomic_int start; /* iteration T1 may run */
    int shape;                    /* written by T0 before start, read by T1 after it */
    alignas(64) atomic_int done;  /* iteration T1 has finished */
    int r1;                       /* T1's result, written before done */
} s;

static inline uint32_t mix(uint32_t v)
{
    v ^= v >> 16;
    v *= 0x7feb352du;
    v ^= v >> 15;
    v *= 0x846ca68bu;
    return v ^ (v >> 16);
}

static inline void delay(uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        __asm__ volatile("nop");
}

/* T1 sees the start signal a cache-line transfer after T0 stored it, so T0 waits longer:
 * a pseudo-random number of loop turns at scales from 16 to 1024, so that on any machine
 * (or emulator) some iterations have both sides run their accesses at the same moment */
static inline uint32_t t0_delay(uint32_t i)
{
    uint32_t h = mix(i);
    return h & ((16u << (h >> 29) % 7) - 1);
}

static inline void wait_for(atomic_int *a, int want)
{
    unsigned spins = 0;
    while (atomic_load_explicit(a, memory_order_acquire) != want)
        if (++spins % 1024 == 0) /* the other side may not be running right now */
            sched_yield();
}

/* T0's side of a shape; returns r0 (MP: flag * 2 + data) */
static inline int t0(int shape)
{
    int r = 0, d = 0, one = 1, zero = 0;
    volatile int *x = &s.x, *y = &s.y;
    switch (shape) {
    case MP: /* returns flag in bit 1, data in bit 0 */
        __asm__ volatile("lw %0, 0(%2)\n fence r,r\n lw %1, 0(%3)" : "=&r"(r), "=&r"(d) : "r"(y), "r"(x) : "memory");
        return r * 2 + d;
    case SB:
        __asm__ volatile("sw %2, 0(%1)\n fence rw,rw\n lw %0, 0(%3)" : "=&r"(r) : "r"(x), "r"(one), "r"(y) : "memory");
        return r;
    case LB:
        __asm__ volatile("lw %0, 0(%1)\n fence r,w\n sw %2, 0(%3)" : "=&r"(r) : "r"(x), "r"(one), "r"(y) : "memory");
        return r;
    case MP_AMO:
        __asm__ volatile("amoor.w.aq %0, %4, (%2)\n lw %1, 0(%3)" : "=&r"(r), "=&r"(d) : "r"(y), "r"(x), "r"(zero)
                         : "memory");
        return r * 2 + d;
    case SB_UNFENCED:
        __asm__ volatile("sw %2, 0(%1)\n lw %0, 0(%3)" : "=&r"(r) : "r"(x), "r"(one), "r"(y) : "memory");
        return r;
    }
    return -1;
}

/* T1's side; returns r1 (0 for the writer of MP) */
static inline int t1(int shape)
{
    int r = 0, one = 1;
    volatile int *x = &s.x, *y = &s.y;
    switch (shape) {
    case MP:
        __asm__ volatile("sw %1, 0(%0)\n fence w,w\n sw %1, 0(%2)" : : "r"(x), "r"(one), "r"(y) : "memory");
        return 0;
    case SB:
        __asm__ volatile("sw %2, 0(%1)\n fence rw,rw\n lw %0, 0(%3)" : "=&r"(r) : "r"(y), "r"(one), "r"(x) : "memory");
        return r;
    case LB:
        __asm__ volatile("lw %0, 0(%1)\n fence r,w\n sw %2, 0(%3)" : "=&r"(r) : "r"(y), "r"(one), "r"(x) : "memory");
        return r;
    case MP_AMO:
        __asm__ volatile("sw %1, 0(%0)\n amoswap.w.rl zero, %1, (%2)" : : "r"(x), "r"(one), "r"(y) : "memory");
        return 0;
    case SB_UNFENCED:
        __asm__ volatile("sw %2, 0(%1)\n lw %0, 0(%3)" : "=&r"(r) : "r"(y), "r"(one), "r"(x) : "memory");
        return r;
    }
    return -1;
}

static void *thread1(void *arg)
{
    (void)arg;
    for (int i = 1;; i++) {
        wait_for(&s.start, i);
        int shape = s.shape;
        if (shape == STOP)
            return NULL;
        delay(mix((uint32_t)i) >> 8 & 15);
        s.r1 = t1(shape);
        atomic_store_explicit(&s.done, i, memory_order_release);
    }
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int main(void)
{
    pthread_t th;
    if (pthread_create(&th, NULL, thread1, NULL) != 0) {
        printf("pthread_create failed\n");
        return 1;
    }
    int i = 0, bad_total = 0;
    for (int shape = 0; shape < NSHAPES; shape++) {
        int forbidden = 0, relaxed = 0, n;
        int64_t t_start = now_ns();
        for (n = 0; n < MAX_ITERS; n++) {
            if (n % 64 == 63 && now_ns() - t_start > BUDGET_NS)
                break;
            s.x = 0;
            s.y = 0;
            s.shape = shape;
            i++;
            atomic_store_explicit(&s.start, i, memory_order_release);
            delay(t0_delay((uint32_t)i));
            int r0 = t0(shape);
            wait_for(&s.done, i);
            int r1 = s.r1;
            switch (shape) {
            case MP:
            case MP_AMO: /* r0 = flag (bit 1), r1 = data (bit 0) */
                forbidden += r0 == 2;
                break;
            case SB:
                forbidden += r0 == 0 && r1 == 0;
                break;
            case LB:
                forbidden += r0 == 1 && r1 == 1;
                break;
            case SB_UNFENCED:
                relaxed += r0 == 0 && r1 == 0;
                break;
            }
        }
        if (shape == SB_UNFENCED) {
            fprintf(stderr, "litmus: %s: relaxed outcome (allowed) %d times in %d iterations\n", names[shape], relaxed, n);
        } else {
            fprintf(stderr, "litmus: %s: %d iterations\n", names[shape], n);
            printf("%s: forbidden outcome %d times\n", names[shape], forbidden);
            bad_total += forbidden;
        }
    }
    s.shape = STOP;
    atomic_store_explicit(&s.start, i + 1, memory_order_release);
    pthread_join(th, NULL);
    printf("done\n");
    return bad_total ? 1 : 0;
}
