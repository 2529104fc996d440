/* pthread mutexes: 4 threads add 1 to a shared (plain, non-atomic) counter 20000 times each
 * under a default mutex, contended, so the waiters sleep in futex: the total is exact.
 * pthread_mutex_trylock is EBUSY in another thread while main holds the mutex, 0 once it is
 * released; an error-checking mutex reports EDEADLK on relock and EPERM on an unlock by a
 * thread that does not own it; a recursive mutex locked 3 times needs 3 unlocks before
 * another thread can take it. Only main prints and checks. */
#include "rvtest.h"
#include <errno.h>
#include <pthread.h>

#define NTHREADS 4
#define ITERS 20000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static volatile uint64_t counter;      /* only touched under lock */
static volatile uint32_t counter_hi;   /* a second word in the same critical section */

static void *incrementer(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&lock);
        uint64_t c = counter;
        counter_hi = counter_hi + 3;
        counter = c + 1;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static pthread_mutex_t *target;

static void *try_once(void *arg)
{
    (void)arg;
    int r = pthread_mutex_trylock(target);
    if (r == 0)
        pthread_mutex_unlock(target);
    return (void *)(intptr_t)r;
}

static void *unlock_foreign(void *arg)
{
    (void)arg;
    return (void *)(intptr_t)pthread_mutex_unlock(target);
}

static int in_thread(void *(*fn)(void *), pthread_mutex_t *m)
{
    pthread_t t;
    void *r;
    target = m;
    if (pthread_create(&t, NULL, fn, NULL) != 0 || pthread_join(t, &r) != 0)
        return -1;
    return (int)(intptr_t)r;
}

int main(void)
{
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        CHECK_EQ(pthread_create(&th[i], NULL, incrementer, NULL), 0);
    for (int i = 0; i < NTHREADS; i++)
        CHECK_EQ(pthread_join(th[i], NULL), 0);
    printf("counter %" PRIu64 " (expected %d)\n", counter, NTHREADS * ITERS);
    printf("second word %u\n", counter_hi);
    CHECK_EQ(counter, NTHREADS * ITERS);
    CHECK_EQ(counter_hi, 3 * NTHREADS * ITERS);

    /* trylock against a holder in another thread */
    CHECK_EQ(pthread_mutex_lock(&lock), 0);
    int r = in_thread(try_once, &lock);
    printf("trylock while main holds it: %s\n", r == EBUSY ? "EBUSY" : errname(r));
    CHECK_EQ(r, EBUSY);
    CHECK_EQ(pthread_mutex_unlock(&lock), 0);
    r = in_thread(try_once, &lock);
    printf("trylock after unlock: %s\n", errname(r));
    CHECK_EQ(r, 0);

    /* error-checking mutex */
    pthread_mutexattr_t attr;
    pthread_mutex_t ec, rec;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    CHECK_EQ(pthread_mutex_init(&ec, &attr), 0);
    CHECK_EQ(pthread_mutex_lock(&ec), 0);
    r = pthread_mutex_lock(&ec);
    printf("errorcheck relock: %s\n", r == EDEADLK ? "EDEADLK" : errname(r));
    CHECK_EQ(r, EDEADLK);
    r = in_thread(unlock_foreign, &ec);
    printf("errorcheck unlock by another thread: %s\n", errname(r));
    CHECK_EQ(r, EPERM);
    CHECK_EQ(pthread_mutex_unlock(&ec), 0);
    r = pthread_mutex_unlock(&ec);
    printf("errorcheck unlock when unlocked: %s\n", errname(r));
    CHECK_EQ(r, EPERM);
    pthread_mutex_destroy(&ec);

    /* recursive mutex */
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    CHECK_EQ(pthread_mutex_init(&rec, &attr), 0);
    for (int i = 0; i < 3; i++)
        CHECK_EQ(pthread_mutex_lock(&rec), 0);
    CHECK_EQ(pthread_mutex_trylock(&rec), 0); /* the owner may relock with trylock too */
    int busy = 0;
    for (int i = 0; i < 4; i++) {
        if (in_thread(try_once, &rec) == EBUSY)
            busy++;
        CHECK_EQ(pthread_mutex_unlock(&rec), 0);
    }
    r = in_thread(try_once, &rec);
    printf("recursive: busy for another thread %d times while held, then %s\n", busy, errname(r));
    CHECK_EQ(busy, 4);
    CHECK_EQ(r, 0);
    pthread_mutex_destroy(&rec);
    pthread_mutexattr_destroy(&attr);
    return rvt_summary();
}
