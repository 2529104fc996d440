/* pthread_create/pthread_join: 8 threads each compute a sum over their own range and hand it
 * back through the join value pointer, a third of them by returning it, a third by
 * pthread_exit from a nested call, a third as a malloc'd block; one thread runs on a small
 * explicit stack (pthread_attr_setstacksize), one creates and joins a thread of its own. A
 * global written before pthread_create is visible in the threads; every thread has its own
 * tid (all 8 are alive at once) and pthread_self, and the same pid. Only main prints and
 * checks, after the joins. */
#include "rvtest.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

/* exit_from_depth only leaves through pthread_exit: GCC calls that infinite recursion */
#pragma GCC diagnostic ignored "-Winfinite-recursion"

#define NTHREADS 8
#define RANGE 20000

struct job {
    int index;
    uint64_t lo, hi;
    pid_t tid, pid;
    pthread_t self;
    uint64_t nested; /* thread 5: result of the thread it created itself */
};

static uint64_t before_create; /* written by main before the first pthread_create */
static atomic_int gate;        /* set once every worker is created: all 8 are alive at once */

static __attribute__((noinline)) uint64_t work(uint64_t lo, uint64_t hi)
{
    uint64_t s = 0;
    for (uint64_t x = lo; x < hi; x++)
        s += (x * x) ^ (x >> 3);
    return s;
}

static __attribute__((noinline)) void exit_from_depth(uint64_t v, int depth)
{
    if (depth == 0)
        pthread_exit((void *)(uintptr_t)v);
    exit_from_depth(v + 1, depth - 1);
    __asm__ volatile("" ::: "memory"); /* not a tail call */
}

static void *grandchild(void *arg)
{
    return (void *)(uintptr_t)(work(0, 1000) + (uintptr_t)arg);
}

static void *worker(void *arg)
{
    struct job *j = arg;
    j->tid = (pid_t)syscall(SYS_gettid);
    j->pid = getpid();
    j->self = pthread_self();
    uint64_t s = work(j->lo, j->hi) + before_create;
    while (!atomic_load(&gate))
        sched_yield();
    if (j->index == 5) {
        pthread_t g;
        void *r;
        if (pthread_create(&g, NULL, grandchild, (void *)(uintptr_t)77) == 0 && pthread_join(g, &r) == 0)
            j->nested = (uintptr_t)r;
    }
    switch (j->index % 3) {
    case 0:
        return (void *)(uintptr_t)s;
    case 1:
        exit_from_depth(s - 4, 4); /* adds 1 per level: exits with s */
        return NULL;               /* not reached */
    default: {
        uint64_t *p = malloc(sizeof *p);
        *p = s;
        return p;
    }
    }
}

int main(void)
{
    static struct job jobs[NTHREADS];
    pthread_t th[NTHREADS];
    pid_t main_tid = (pid_t)syscall(SYS_gettid);

    before_create = 1000003;
    for (int i = 0; i < NTHREADS; i++) {
        jobs[i].index = i;
        jobs[i].lo = (uint64_t)i * RANGE;
        jobs[i].hi = (uint64_t)(i + 1) * RANGE;
        pthread_attr_t attr, *pa = NULL;
        if (i == 3) { /* a small stack of its own size */
            pthread_attr_init(&attr);
            CHECK_EQ(pthread_attr_setstacksize(&attr, 64 * 1024), 0);
            pa = &attr;
        }
        CHECK_EQ(pthread_create(&th[i], pa, worker, &jobs[i]), 0);
        if (pa)
            pthread_attr_destroy(pa);
    }

    atomic_store(&gate, 1);

    uint64_t total = 0;
    for (int i = 0; i < NTHREADS; i++) {
        void *ret = NULL;
        CHECK_EQ(pthread_join(th[i], &ret), 0);
        uint64_t v;
        if (i % 3 == 2) {
            v = *(uint64_t *)ret;
            free(ret);
        } else {
            v = (uintptr_t)ret;
        }
        CHECK_EQ(v, work(jobs[i].lo, jobs[i].hi) + 1000003);
        printf("thread %d returned %" PRIu64 "\n", i, v);
        total += v;
        CHECK(pthread_equal(jobs[i].self, th[i]));
        CHECK(jobs[i].tid != main_tid && jobs[i].tid > 0);
        CHECK(jobs[i].pid == getpid());
        for (int k = 0; k < i; k++)
            CHECK(jobs[k].tid != jobs[i].tid);
    }
    printf("total %" PRIu64 "\n", total);
    printf("nested thread returned %" PRIu64 "\n", jobs[5].nested);
    CHECK_EQ(jobs[5].nested, work(0, 1000) + 77);
    CHECK(pthread_equal(pthread_self(), pthread_self()));
    return rvt_summary();
}
