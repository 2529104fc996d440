/* Thread-local storage: every thread starts with the initial values of the __thread
 * variables (.tdata 42 and a pattern, .tbss zeros), writes its own values into a __thread
 * int and a __thread array, yields and sleeps while the others do the same, and finds its
 * values intact. Each thread's TLS block is at its own address (and tp differs), and is
 * plain memory: main reads a thread's variable through a pointer the thread published.
 * errno is per thread: a failing close() in one thread sets its EBADF, a failing open() in
 * another its ENOENT, and neither sees the other's, nor does main's errno change. Only main
 * prints and checks, after the joins. */
#include "rvtest.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS 6
#define ARR 64

static __thread int tv = 42;                                 /* .tdata */
static __thread uint64_t tpat[4] = {1, 22, 333, 4444};       /* .tdata */
static __thread int tarr[ARR];                               /* .tbss */
static __thread uint64_t tzero;                              /* .tbss */

struct result {
    int init_ok;    /* saw the initial values */
    int kept;       /* values intact after yielding */
    int *tv_addr;   /* &tv in that thread */
    uintptr_t tp;   /* its thread pointer */
};

static struct result results[NTHREADS];
static atomic_int written; /* threads that have written their values */
static atomic_int may_finish;

static void nap(long ns)
{
    struct timespec ts = {0, ns};
    nanosleep(&ts, NULL);
}

static uintptr_t thread_pointer(void)
{
    uintptr_t tp;
    __asm__ volatile("mv %0, tp" : "=r"(tp));
    return tp;
}

static void *worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    struct result *r = &results[id];
    int ok = tv == 42 && tzero == 0 && tpat[0] == 1 && tpat[1] == 22 && tpat[2] == 333 && tpat[3] == 4444;
    for (int i = 0; i < ARR; i++)
        ok &= tarr[i] == 0;
    r->init_ok = ok;
    r->tv_addr = &tv;
    r->tp = thread_pointer();

    tv = 1000 + id;
    tzero = 0xabcdef00u + (unsigned)id;
    for (int i = 0; i < ARR; i++)
        tarr[i] = id * 100 + i;
    tpat[2] = (uint64_t)id << 40;
    atomic_fetch_add(&written, 1);
    /* everybody writes before anybody checks */
    while (atomic_load(&written) < NTHREADS)
        sched_yield();
    for (int round = 0; round < 5; round++) {
        sched_yield();
        nap(200000);
    }
    ok = tv == 1000 + id && tzero == 0xabcdef00u + (unsigned)id && tpat[2] == (uint64_t)id << 40 && tpat[3] == 4444;
    for (int i = 0; i < ARR; i++)
        ok &= tarr[i] == id * 100 + i;
    r->kept = ok;
    /* stay alive so that main can read tv through the published pointer */
    while (!atomic_load(&may_finish))
        sched_yield();
    return NULL;
}

/* errno per thread */
static atomic_int step;
static int errno_a_after_b, errno_b_after_a, errno_a_before, errno_b_before;

static void wait_step(int s)
{
    while (atomic_load(&step) < s)
        sched_yield();
}

static void *errno_a(void *arg)
{
    (void)arg;
    errno = 0;
    close(-1);                  /* EBADF */
    errno_a_before = errno;
    atomic_store(&step, 1);     /* let b fail */
    wait_step(2);
    errno_a_after_b = errno;    /* b's failure must not show here */
    atomic_store(&step, 3);
    return NULL;
}

static void *errno_b(void *arg)
{
    (void)arg;
    errno = 0;
    wait_step(1);
    errno_b_before = errno;     /* a's failure must not show here: still 0 */
    open("/nonexistent/rvtrace-tls", O_RDONLY); /* ENOENT */
    atomic_store(&step, 2);
    wait_step(3);
    errno_b_after_a = errno;
    return NULL;
}

int main(void)
{
    pthread_t th[NTHREADS];
    tv = 7; /* main's own copy */
    tarr[5] = -5;
    for (int i = 0; i < NTHREADS; i++)
        CHECK_EQ(pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i), 0);
    while (atomic_load(&written) < NTHREADS)
        sched_yield();
    /* all threads are alive and have written tv: read each through its address */
    int through_ptr = 0;
    for (int i = 0; i < NTHREADS; i++)
        through_ptr += *results[i].tv_addr == 1000 + i;
    atomic_store(&may_finish, 1);
    for (int i = 0; i < NTHREADS; i++)
        CHECK_EQ(pthread_join(th[i], NULL), 0);

    int init_ok = 0, kept = 0, distinct = 1;
    for (int i = 0; i < NTHREADS; i++) {
        init_ok += results[i].init_ok;
        kept += results[i].kept;
        if (results[i].tv_addr == &tv || results[i].tp == thread_pointer())
            distinct = 0;
        for (int k = 0; k < i; k++)
            if (results[k].tv_addr == results[i].tv_addr || results[k].tp == results[i].tp)
                distinct = 0;
    }
    printf("initial values seen by %d of %d threads\n", init_ok, NTHREADS);
    printf("own values kept by %d of %d threads\n", kept, NTHREADS);
    printf("read through another thread's pointer: %d of %d\n", through_ptr, NTHREADS);
    printf("distinct TLS addresses and tp: %s\n", distinct ? "yes" : "no");
    printf("main's tv %d, tarr[5] %d, tpat[2] %" PRIu64 "\n", tv, tarr[5], tpat[2]);
    CHECK_EQ(init_ok, NTHREADS);
    CHECK_EQ(kept, NTHREADS);
    CHECK_EQ(through_ptr, NTHREADS);
    CHECK(distinct);
    CHECK_EQ(tv, 7);
    CHECK_EQ(tarr[5], -5);
    CHECK_EQ(tpat[2], 333);

    errno = EEXIST;
    pthread_t a, b;
    CHECK_EQ(pthread_create(&a, NULL, errno_a, NULL), 0);
    CHECK_EQ(pthread_create(&b, NULL, errno_b, NULL), 0);
    CHECK_EQ(pthread_join(a, NULL), 0);
    CHECK_EQ(pthread_join(b, NULL), 0);
    int main_errno = errno;
    printf("errno: thread a %s, then %s after b failed; thread b %s after a failed, then %s; main %s\n",
           errname(errno_a_before), errname(errno_a_after_b), errname(errno_b_before), errname(errno_b_after_a),
           errname(main_errno));
    CHECK_EQ(errno_a_before, EBADF);
    CHECK_EQ(errno_a_after_b, EBADF);
    CHECK_EQ(errno_b_before, 0);
    CHECK_EQ(errno_b_after_a, ENOENT);
    CHECK_EQ(main_errno, EEXIST);
    return rvt_summary();
}
