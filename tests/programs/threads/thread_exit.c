/* Thread exit and join:
 *  - 24 detached threads (attribute, pthread_detach(pthread_self()), pthread_detach by main)
 *    each add their share under a mutex; the last one signals a condition main waits on;
 *  - 8 threads of which 7 exit at once and 1 lingers: main blocks joining the lingering one,
 *    then joins the 7 that exited long ago (reverse order); a thread joins another thread
 *    (not main) that exits while it is being joined;
 *  - 200 sequential create/join pairs of short-lived threads (returning or pthread_exit):
 *    pthread_join returns when the kernel clears the child tid (CLONE_CHILD_CLEARTID) and
 *    wakes the futex, and the thread stacks are reused (glibc reuses a cached stack only
 *    once its tid is cleared).
 * Only main prints and checks. */
#include "rvtest.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

static void nap_ms(int ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

/* ---- detached threads, main waits on a condition */
#define NDETACHED 24
static pthread_mutex_t dlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t dcond = PTHREAD_COND_INITIALIZER;
static int remaining = NDETACHED;
static uint64_t dsum;
static atomic_int self_detach_result = -1;

static void *detached(void *arg)
{
    int i = (int)(intptr_t)arg;
    if (i % 3 == 1)
        atomic_store(&self_detach_result, pthread_detach(pthread_self()));
    pthread_mutex_lock(&dlock);
    dsum += (uint64_t)i * i + 1;
    if (--remaining == 0)
        pthread_cond_signal(&dcond);
    pthread_mutex_unlock(&dlock);
    if (i % 2)
        pthread_exit(NULL);
    return NULL;
}

/* ---- exits while others are being joined */
#define NGROUP 8
static atomic_int exited_early;

static void *early(void *arg)
{
    atomic_fetch_add(&exited_early, 1);
    return (void *)((intptr_t)arg * 10);
}

static void *lingering(void *arg)
{
    (void)arg;
    while (atomic_load(&exited_early) < NGROUP - 1)
        sched_yield();
    nap_ms(5); /* main is (very likely) blocked in pthread_join on this thread by now */
    pthread_exit((void *)(intptr_t)777);
}

static void *sleeper(void *arg)
{
    (void)arg;
    nap_ms(10);
    return (void *)(intptr_t)4242;
}

static void *joiner(void *arg)
{
    pthread_t *target = arg;
    void *r = NULL;
    if (pthread_join(*target, &r) != 0)
        return (void *)(intptr_t)-1;
    return r;
}

/* ---- many short-lived threads */
#define NSEQ 200
static void *short_lived(void *arg)
{
    intptr_t i = (intptr_t)arg;
    if (i % 2)
        pthread_exit((void *)(i * i));
    return (void *)(i * i);
}

int main(void)
{
    /* detached */
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (int i = 0; i < NDETACHED; i++) {
        pthread_t t;
        if (i % 3 == 0) {
            CHECK_EQ(pthread_create(&t, &attr, detached, (void *)(intptr_t)i), 0);
        } else if (i % 3 == 1) { /* detaches itself */
            CHECK_EQ(pthread_create(&t, NULL, detached, (void *)(intptr_t)i), 0);
        } else {
            CHECK_EQ(pthread_create(&t, NULL, detached, (void *)(intptr_t)i), 0);
            CHECK_EQ(pthread_detach(t), 0);
        }
    }
    pthread_attr_destroy(&attr);
    pthread_mutex_lock(&dlock);
    while (remaining > 0)
        pthread_cond_wait(&dcond, &dlock);
    uint64_t got = dsum;
    pthread_mutex_unlock(&dlock);
    uint64_t want = 0;
    for (int i = 0; i < NDETACHED; i++)
        want += (uint64_t)i * i + 1;
    printf("detached: %d threads done, sum %" PRIu64 ", self-detach %d\n", NDETACHED, got,
           atomic_load(&self_detach_result));
    CHECK_EQ(got, want);
    CHECK_EQ(atomic_load(&self_detach_result), 0);

    /* exits while others are being joined */
    pthread_t g[NGROUP];
    for (int i = 0; i < NGROUP - 1; i++)
        CHECK_EQ(pthread_create(&g[i], NULL, early, (void *)(intptr_t)i), 0);
    CHECK_EQ(pthread_create(&g[NGROUP - 1], NULL, lingering, NULL), 0);
    void *r;
    CHECK_EQ(pthread_join(g[NGROUP - 1], &r), 0);
    intptr_t joined = (intptr_t)r;
    for (int i = NGROUP - 2; i >= 0; i--) {
        CHECK_EQ(pthread_join(g[i], &r), 0);
        CHECK_EQ((intptr_t)r, i * 10);
        joined += (intptr_t)r;
    }
    printf("group: lingering thread joined first, then %d exited ones, sum %ld\n", NGROUP - 1, (long)joined);
    CHECK_EQ(joined, 777 + 10 * (NGROUP - 1) * (NGROUP - 2) / 2);

    pthread_t s, j;
    CHECK_EQ(pthread_create(&s, NULL, sleeper, NULL), 0);
    CHECK_EQ(pthread_create(&j, NULL, joiner, &s), 0);
    CHECK_EQ(pthread_join(j, &r), 0);
    printf("thread joined by a thread returned %ld\n", (long)(intptr_t)r);
    CHECK_EQ((intptr_t)r, 4242);

    /* sequential create/join */
    uint64_t seq = 0;
    int ok = 0;
    for (int i = 0; i < NSEQ; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, short_lived, (void *)(intptr_t)i) != 0)
            break;
        if (pthread_join(t, &r) != 0)
            break;
        seq += (uint64_t)(intptr_t)r;
        ok++;
    }
    printf("sequential: %d create/join pairs, sum %" PRIu64 "\n", ok, seq);
    CHECK_EQ(ok, NSEQ);
    CHECK_EQ(seq, (uint64_t)(NSEQ - 1) * NSEQ * (2 * NSEQ - 1) / 6);
    return rvt_summary();
}
