/* exit(3) in a secondary thread ends the whole process with status 3 at once, while main is
 * blocked in pthread_join, another thread sleeps in nanosleep for 100 s and another spins in
 * a loop without system calls: none of them may keep the process alive (if one did, the run
 * would hit the runner's timeout instead of passing slowly). exit() runs
 * the atexit handler (in the exiting thread) and flushes stdio, so main's line printed
 * before the threads were created, still in the buffer, appears too. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static atomic_int ready;
static volatile unsigned long spins;

static void at_exit(void)
{
    printf("atexit handler runs\n");
}

static void *sleeper(void *arg)
{
    (void)arg;
    atomic_fetch_add(&ready, 1);
    struct timespec ts = {100, 0};
    nanosleep(&ts, NULL);
    printf("sleeper woke up (not reached)\n");
    return NULL;
}

static void *spinner(void *arg)
{
    (void)arg;
    atomic_fetch_add(&ready, 1);
    for (;;)
        spins = spins + 1;
    return NULL;
}

static void *exiter(void *arg)
{
    (void)arg;
    while (atomic_load(&ready) < 2) {
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
    struct timespec ts = {0, 5000000}; /* let the sleeper get into nanosleep */
    nanosleep(&ts, NULL);
    printf("exiter: calling exit(3)\n");
    exit(3);
}

int main(void)
{
    pthread_t s, p, e;
    atexit(at_exit);
    printf("main: buffered, not flushed before the threads start\n");
    if (pthread_create(&s, NULL, sleeper, NULL) != 0 || pthread_create(&p, NULL, spinner, NULL) != 0 ||
        pthread_create(&e, NULL, exiter, NULL) != 0) {
        printf("pthread_create failed\n");
        return 1;
    }
    pthread_join(e, NULL);
    printf("main: joined the exiting thread (not reached)\n");
    return 0;
}
