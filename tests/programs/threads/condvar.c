/* Condition variables: a bounded queue of 4 slots between 2 producers (2000 items each) and
 * 3 consumers, pthread_cond_wait/pthread_cond_signal on "not full"/"not empty", shutdown by a
 * pthread_cond_broadcast: every item is consumed exactly once (count, sum and xor exact).
 * Then 6 threads wait on one condition until main broadcasts: all 6 wake. Then
 * pthread_cond_timedwait with nobody signalling times out (ETIMEDOUT, not early) on the
 * default clock and on CLOCK_MONOTONIC. Only main prints and checks. */
#include "rvtest.h"
#include <errno.h>
#include <pthread.h>
#include <time.h>

#define QSIZE 4
#define NPROD 2
#define NCONS 3
#define PER_PRODUCER 2000
#define NWAITERS 6

static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static uint64_t queue[QSIZE];
static int qhead, qcount, producers_done;

struct consumed {
    uint64_t count, sum, xor;
};

static uint64_t item(int producer, int i)
{
    return (uint64_t)producer * 1000000 + (uint64_t)i * 7 + 1;
}

static void *producer(void *arg)
{
    int p = (int)(intptr_t)arg;
    for (int i = 0; i < PER_PRODUCER; i++) {
        pthread_mutex_lock(&qlock);
        while (qcount == QSIZE)
            pthread_cond_wait(&not_full, &qlock);
        queue[(qhead + qcount) % QSIZE] = item(p, i);
        qcount++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&qlock);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    struct consumed *c = arg;
    for (;;) {
        pthread_mutex_lock(&qlock);
        while (qcount == 0 && !producers_done)
            pthread_cond_wait(&not_empty, &qlock);
        if (qcount == 0) { /* producers done and queue drained */
            pthread_mutex_unlock(&qlock);
            return NULL;
        }
        uint64_t v = queue[qhead];
        qhead = (qhead + 1) % QSIZE;
        qcount--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&qlock);
        c->count++;
        c->sum += v;
        c->xor ^= v * 0x9e3779b97f4a7c15ull;
    }
}

static pthread_mutex_t glock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go_cond = PTHREAD_COND_INITIALIZER;
static pthread_cond_t arrived_cond = PTHREAD_COND_INITIALIZER;
static int go, arrived, woken;

static void *waiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&glock);
    arrived++;
    pthread_cond_signal(&arrived_cond);
    while (!go)
        pthread_cond_wait(&go_cond, &glock);
    woken++;
    pthread_mutex_unlock(&glock);
    return NULL;
}

static int64_t ns_between(const struct timespec *a, const struct timespec *b)
{
    return (int64_t)(b->tv_sec - a->tv_sec) * 1000000000 + (b->tv_nsec - a->tv_nsec);
}

/* Waits 20 ms on a condition nobody signals; returns the result, *early set if it came back too soon. */
static int timed(clockid_t clock, int *early)
{
    pthread_condattr_t ca;
    pthread_cond_t c;
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, clock);
    pthread_cond_init(&c, &ca);
    struct timespec start, deadline, end;
    clock_gettime(clock, &start);
    deadline = start;
    deadline.tv_nsec += 20 * 1000000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_nsec -= 1000000000;
        deadline.tv_sec++;
    }
    pthread_mutex_lock(&m);
    int r;
    do /* a spurious wakeup would return 0: wait again */
        r = pthread_cond_timedwait(&c, &m, &deadline);
    while (r == 0);
    pthread_mutex_unlock(&m);
    clock_gettime(clock, &end);
    *early = ns_between(&deadline, &end) < 0;
    pthread_cond_destroy(&c);
    pthread_condattr_destroy(&ca);
    return r;
}

int main(void)
{
    pthread_t prod[NPROD], cons[NCONS];
    static struct consumed got[NCONS];
    for (int i = 0; i < NCONS; i++)
        CHECK_EQ(pthread_create(&cons[i], NULL, consumer, &got[i]), 0);
    for (int i = 0; i < NPROD; i++)
        CHECK_EQ(pthread_create(&prod[i], NULL, producer, (void *)(intptr_t)i), 0);
    for (int i = 0; i < NPROD; i++)
        CHECK_EQ(pthread_join(prod[i], NULL), 0);
    pthread_mutex_lock(&qlock);
    producers_done = 1;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&qlock);
    struct consumed total = {0, 0, 0};
    for (int i = 0; i < NCONS; i++) {
        CHECK_EQ(pthread_join(cons[i], NULL), 0);
        total.count += got[i].count;
        total.sum += got[i].sum;
        total.xor ^= got[i].xor;
    }
    struct consumed want = {0, 0, 0};
    for (int p = 0; p < NPROD; p++)
        for (int i = 0; i < PER_PRODUCER; i++) {
            uint64_t v = item(p, i);
            want.count++;
            want.sum += v;
            want.xor ^= v * 0x9e3779b97f4a7c15ull;
        }
    printf("consumed %" PRIu64 " items, sum %" PRIu64 ", xor %016" PRIx64 "\n", total.count, total.sum, total.xor);
    CHECK_EQ(total.count, want.count);
    CHECK_EQ(total.sum, want.sum);
    CHECK_EQ(total.xor, want.xor);
    CHECK_EQ(qcount, 0);

    pthread_t w[NWAITERS];
    for (int i = 0; i < NWAITERS; i++)
        CHECK_EQ(pthread_create(&w[i], NULL, waiter, NULL), 0);
    pthread_mutex_lock(&glock);
    while (arrived < NWAITERS)
        pthread_cond_wait(&arrived_cond, &glock);
    int before = woken;
    go = 1;
    pthread_cond_broadcast(&go_cond);
    pthread_mutex_unlock(&glock);
    for (int i = 0; i < NWAITERS; i++)
        CHECK_EQ(pthread_join(w[i], NULL), 0);
    printf("broadcast: %d waiting, %d woken before, %d after\n", arrived, before, woken);
    CHECK_EQ(woken, NWAITERS);

    int early;
    int r = timed(CLOCK_REALTIME, &early);
    printf("timedwait (realtime): %s%s\n", r == ETIMEDOUT ? "ETIMEDOUT" : errname(r), early ? " EARLY" : "");
    CHECK_EQ(r, ETIMEDOUT);
    r = timed(CLOCK_MONOTONIC, &early);
    printf("timedwait (monotonic): %s%s\n", r == ETIMEDOUT ? "ETIMEDOUT" : errname(r), early ? " EARLY" : "");
    CHECK_EQ(r, ETIMEDOUT);
    return rvt_summary();
}
