/* abort() in a secondary thread kills the whole process with SIGABRT (exit status 134) at
 * once, while main is blocked in pthread_join, a third thread sleeps in nanosleep for 100 s
 * and a fourth spins without system calls (a process kept alive by one of them would hit the
 * runner's timeout). Only lines flushed before the abort appear, in an order fixed by the
 * program: main flushes before creating the threads, the aborting thread waits until the
 * sleeper has announced itself and the spinner has started. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static pthread_mutex_t out = PTHREAD_MUTEX_INITIALIZER;
static atomic_int ready;
static volatile unsigned long spins;

static void say(const char *s)
{
    pthread_mutex_lock(&out);
    printf("%s\n", s);
    fflush(stdout);
    pthread_mutex_unlock(&out);
}

static void *sleeper(void *arg)
{
    (void)arg;
    say("sleeper: going to sleep for 100 s");
    atomic_fetch_add(&ready, 1);
    struct timespec ts = {100, 0};
    nanosleep(&ts, NULL);
    say("sleeper: woke up (not reached)");
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

static void *aborter(void *arg)
{
    (void)arg;
    while (atomic_load(&ready) < 2) {
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
    say("aborter: calling abort()");
    abort();
}

int main(void)
{
    pthread_t s, p, a;
    say("main: starting threads");
    if (pthread_create(&s, NULL, sleeper, NULL) != 0 || pthread_create(&p, NULL, spinner, NULL) != 0 ||
        pthread_create(&a, NULL, aborter, NULL) != 0) {
        say("pthread_create failed");
        return 1;
    }
    pthread_join(a, NULL);
    say("main: joined the aborting thread (not reached)");
    return 0;
}
