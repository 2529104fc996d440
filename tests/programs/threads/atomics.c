/* Atomics from 4 threads at once, 20000 rounds each, every total exact:
 * C11 atomic_fetch_add/fetch_sub on 64- and 32-bit counters (amoadd), fetch_or/fetch_and/
 * fetch_xor on bit masks, a compare_exchange_weak loop adding to a sum, a
 * compare_exchange_strong loop keeping a maximum, atomic_exchange returning every value
 * exactly once, an atomic_flag spinlock around a plain counter; and hand-written RISC-V:
 * lr.w/sc.w and lr.d/sc.d increment loops (plain and .aq/.rl), amomax.w/amominu.d.
 * Only main prints and checks, after the joins. */
#include "rvtest.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#define NTHREADS 4
#define ITERS 20000

static atomic_uint_least64_t add64;
static atomic_uint add32;
static atomic_long sub64;
static atomic_uint_least64_t or_mask, xor_mask;
static atomic_uint_least64_t and_mask = ~(uint64_t)0;
static atomic_uint_least64_t cas_sum, cas_max;
static atomic_uint_least64_t xchg_cell;
static uint64_t xchg_seen_sum[NTHREADS], xchg_seen_xor[NTHREADS];
static atomic_flag spin = ATOMIC_FLAG_INIT;
static volatile uint64_t spin_counter;

static uint32_t lr32, lr32_aqrl;
static uint64_t lr64, lr64_aqrl;
static int32_t amo_max = -1000000000;
static uint64_t amo_minu = ~(uint64_t)0;
static atomic_int ready;

static inline void lr_sc_inc_w(uint32_t *p)
{
    uint32_t old, fail;
    __asm__ volatile("1: lr.w %0, (%2)\n"
                     "   addiw %0, %0, 1\n"
                     "   sc.w %1, %0, (%2)\n"
                     "   bnez %1, 1b"
                     : "=&r"(old), "=&r"(fail)
                     : "r"(p)
                     : "memory");
}

static inline void lr_sc_inc_w_aqrl(uint32_t *p)
{
    uint32_t old, fail;
    __asm__ volatile("1: lr.w.aq %0, (%2)\n"
                     "   addiw %0, %0, 1\n"
                     "   sc.w.rl %1, %0, (%2)\n"
                     "   bnez %1, 1b"
                     : "=&r"(old), "=&r"(fail)
                     : "r"(p)
                     : "memory");
}

static inline void lr_sc_add_d(uint64_t *p, uint64_t v)
{
    uint64_t old, fail;
    __asm__ volatile("1: lr.d %0, (%2)\n"
                     "   add %0, %0, %3\n"
                     "   sc.d %1, %0, (%2)\n"
                     "   bnez %1, 1b"
                     : "=&r"(old), "=&r"(fail)
                     : "r"(p), "r"(v)
                     : "memory");
}

static inline void lr_sc_add_d_aqrl(uint64_t *p, uint64_t v)
{
    uint64_t old, fail;
    __asm__ volatile("1: lr.d.aqrl %0, (%2)\n"
                     "   add %0, %0, %3\n"
                     "   sc.d.aqrl %1, %0, (%2)\n"
                     "   bnez %1, 1b"
                     : "=&r"(old), "=&r"(fail)
                     : "r"(p), "r"(v)
                     : "memory");
}

static void *worker(void *arg)
{
    int t = (int)(intptr_t)arg;
    uint64_t seen_sum = 0, seen_xor = 0;
    atomic_fetch_add(&ready, 1);
    while (atomic_load(&ready) < NTHREADS) /* start together: more contention */
        sched_yield();
    for (int i = 0; i < ITERS; i++) {
        uint64_t v = (uint64_t)t * ITERS + (uint64_t)i; /* distinct over all threads */
        atomic_fetch_add(&add64, 1);
        atomic_fetch_add_explicit(&add32, 3, memory_order_relaxed);
        atomic_fetch_sub(&sub64, (long)(i & 7));
        atomic_fetch_or(&or_mask, (uint64_t)1 << ((i % 16) * 4 + t));
        atomic_fetch_and(&and_mask, ~((uint64_t)1 << ((i % 16) * 4 + t)));
        atomic_fetch_xor(&xor_mask, v * 0x9e3779b97f4a7c15ull);

        uint64_t cur = atomic_load_explicit(&cas_sum, memory_order_relaxed);
        while (!atomic_compare_exchange_weak(&cas_sum, &cur, cur + v))
            ;
        cur = atomic_load(&cas_max);
        while (cur < v && !atomic_compare_exchange_strong(&cas_max, &cur, v))
            ;
        uint64_t got = atomic_exchange(&xchg_cell, v + 1);
        seen_sum += got;
        seen_xor ^= got * 0x9e3779b97f4a7c15ull;

        while (atomic_flag_test_and_set_explicit(&spin, memory_order_acquire))
            ;
        spin_counter = spin_counter + 1;
        atomic_flag_clear_explicit(&spin, memory_order_release);

        lr_sc_inc_w(&lr32);
        lr_sc_inc_w_aqrl(&lr32_aqrl);
        lr_sc_add_d(&lr64, 0x100000001ull);
        lr_sc_add_d_aqrl(&lr64_aqrl, v);
        int32_t mx = (int32_t)(v * 2654435761u) >> 1;
        uint64_t mn = (v + 1) * 0x9e3779b97f4a7c15ull;
        __asm__ volatile("amomax.w zero, %1, (%0)" ::"r"(&amo_max), "r"(mx) : "memory");
        __asm__ volatile("amominu.d zero, %1, (%0)" ::"r"(&amo_minu), "r"(mn) : "memory");
    }
    xchg_seen_sum[t] = seen_sum;
    xchg_seen_xor[t] = seen_xor;
    return NULL;
}

int main(void)
{
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        CHECK_EQ(pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i), 0);
    for (int i = 0; i < NTHREADS; i++)
        CHECK_EQ(pthread_join(th[i], NULL), 0);

    const uint64_t n = (uint64_t)NTHREADS * ITERS;
    uint64_t sum_v = n * (n - 1) / 2, xor_v = 0, sub = 0;
    int32_t want_max = INT32_MIN;
    uint64_t want_minu = ~(uint64_t)0;
    for (uint64_t v = 0; v < n; v++) {
        xor_v ^= v * 0x9e3779b97f4a7c15ull;
        sub += v % ITERS & 7;
        int32_t mx = (int32_t)(v * 2654435761u) >> 1;
        if (mx > want_max)
            want_max = mx;
        if ((v + 1) * 0x9e3779b97f4a7c15ull < want_minu)
            want_minu = (v + 1) * 0x9e3779b97f4a7c15ull;
    }
    /* every value stored by atomic_exchange (v + 1) is taken exactly once, by a later exchange
     * or by main at the end; the first exchange takes the initial 0 */
    uint64_t last = atomic_load(&xchg_cell), seen_sum = last, seen_xor = last * 0x9e3779b97f4a7c15ull;
    for (int t = 0; t < NTHREADS; t++) {
        seen_sum += xchg_seen_sum[t];
        seen_xor ^= xchg_seen_xor[t];
    }
    uint64_t want_xchg_xor = 0;
    for (uint64_t v = 0; v <= n; v++)
        want_xchg_xor ^= v * 0x9e3779b97f4a7c15ull;

    printf("fetch_add 64: %" PRIu64 "\n", (uint64_t)atomic_load(&add64));
    printf("fetch_add 32: %u\n", atomic_load(&add32));
    printf("fetch_sub: %ld\n", atomic_load(&sub64));
    printf("fetch_or %016" PRIx64 ", fetch_and %016" PRIx64 ", fetch_xor %016" PRIx64 "\n",
           (uint64_t)atomic_load(&or_mask), (uint64_t)atomic_load(&and_mask), (uint64_t)atomic_load(&xor_mask));
    printf("cas sum %" PRIu64 ", cas max %" PRIu64 "\n", (uint64_t)atomic_load(&cas_sum), (uint64_t)atomic_load(&cas_max));
    printf("exchange: every value taken once: %s\n",
           seen_sum == n * (n + 1) / 2 && seen_xor == want_xchg_xor ? "yes" : "no");
    printf("spinlock counter %" PRIu64 "\n", spin_counter);
    printf("lr.w/sc.w %u, aq/rl %u\n", lr32, lr32_aqrl);
    printf("lr.d/sc.d %016" PRIx64 ", aqrl %" PRIu64 "\n", lr64, lr64_aqrl);
    printf("amomax.w %d, amominu.d %016" PRIx64 "\n", amo_max, amo_minu);

    CHECK_EQ(atomic_load(&add64), n);
    CHECK_EQ(atomic_load(&add32), (uint32_t)(3 * n));
    CHECK_EQ(atomic_load(&sub64), -(int64_t)sub);
    CHECK_EQ(atomic_load(&or_mask), ~(uint64_t)0);
    CHECK_EQ(atomic_load(&and_mask), 0);
    CHECK_EQ(atomic_load(&xor_mask), xor_v);
    CHECK_EQ(atomic_load(&cas_sum), sum_v);
    CHECK_EQ(atomic_load(&cas_max), n - 1);
    CHECK_EQ(seen_sum, n * (n + 1) / 2);
    CHECK_EQ(seen_xor, want_xchg_xor);
    CHECK_EQ(spin_counter, n);
    CHECK_EQ(lr32, n);
    CHECK_EQ(lr32_aqrl, n);
    CHECK_EQ(lr64, n * 0x100000001ull);
    CHECK_EQ(lr64_aqrl, sum_v);
    CHECK_EQ((uint32_t)amo_max, (uint32_t)want_max);
    CHECK_EQ(amo_minu, want_minu);
    return rvt_summary();
}
