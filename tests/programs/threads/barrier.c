/* pthread_barrier_wait over 200 phases with 4 threads: in each phase every thread writes its
 * slot of the phase's row (plain stores, two rows used alternately), waits at the barrier,
 * then checks that every other thread's slot holds this phase's value: the barrier orders
 * the writes before the reads, and nobody may run a phase ahead. Exactly one thread per
 * phase gets PTHREAD_BARRIER_SERIAL_THREAD and adds the row to a running sum. A barrier of
 * count 1 never blocks. Only main prints and checks, after the joins. */
#include "rvtest.h"
#include <pthread.h>
#include <stdatomic.h>

#define NTHREADS 4
#define PHASES 200

static pthread_barrier_t barrier;
static volatile uint64_t rows[2][NTHREADS];
static atomic_int serials, errors;
static uint64_t serial_sum; /* only the serial thread of a phase writes it */

static uint64_t value(int phase, int t)
{
    return (uint64_t)phase * 1000 + (uint64_t)t * 7 + 1;
}

static void *worker(void *arg)
{
    int t = (int)(intptr_t)arg;
    for (int p = 0; p < PHASES; p++) {
        volatile uint64_t *row = rows[p & 1];
        row[t] = value(p, t);
        int r = pthread_barrier_wait(&barrier);
        if (r == PTHREAD_BARRIER_SERIAL_THREAD)
            atomic_fetch_add(&serials, 1);
        else if (r != 0)
            atomic_fetch_add(&errors, 1);
        uint64_t sum = 0;
        for (int k = 0; k < NTHREADS; k++) {
            if (row[k] != value(p, k))
                atomic_fetch_add(&errors, 1);
            sum += row[k];
        }
        /* Only the serial thread of phase p writes serial_sum; the barrier of phase p+1 orders
         * it before the next phase's serial thread. */
        if (r == PTHREAD_BARRIER_SERIAL_THREAD)
            serial_sum += sum;
    }
    return NULL;
}

int main(void)
{
    pthread_t th[NTHREADS];
    CHECK_EQ(pthread_barrier_init(&barrier, NULL, NTHREADS), 0);
    for (int i = 0; i < NTHREADS; i++)
        CHECK_EQ(pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i), 0);
    for (int i = 0; i < NTHREADS; i++)
        CHECK_EQ(pthread_join(th[i], NULL), 0);
    CHECK_EQ(pthread_barrier_destroy(&barrier), 0);

    uint64_t want = 0;
    for (int p = 0; p < PHASES; p++)
        for (int t = 0; t < NTHREADS; t++)
            want += value(p, t);
    int e = atomic_load(&errors);
    if (e == 0)
        printf("phases ok\n");
    else
        printf("phase errors: %d\n", e);
    printf("%d phases, %d serial threads, sum %" PRIu64 "\n", PHASES, atomic_load(&serials), serial_sum);
    CHECK_EQ(e, 0);
    CHECK_EQ(atomic_load(&serials), PHASES);
    CHECK_EQ(serial_sum, want);

    pthread_barrier_t one;
    CHECK_EQ(pthread_barrier_init(&one, NULL, 1), 0);
    int r1 = pthread_barrier_wait(&one), r2 = pthread_barrier_wait(&one);
    printf("barrier of 1: %s %s\n", r1 == PTHREAD_BARRIER_SERIAL_THREAD ? "serial" : "?",
           r2 == PTHREAD_BARRIER_SERIAL_THREAD ? "serial" : "?");
    CHECK_EQ(pthread_barrier_destroy(&one), 0);
    return rvt_summary();
}
