/* main calls pthread_exit while a worker still runs: the process lives on until the last
 * thread ends, then exits with status 0 (glibc calls exit(0) in the last thread, which runs
 * the atexit handler and flushes stdio). The worker finishes its work after main is gone
 * and prints the result; main's own line, still buffered, comes out first. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void at_exit(void)
{
    printf("atexit handler runs\n");
}

static uint64_t from_main[64]; /* main's data outlives main's thread: it is a global */

static void *worker(void *arg)
{
    (void)arg;
    struct timespec ts = {0, 20000000}; /* main has (very likely) exited by now */
    nanosleep(&ts, NULL);
    uint64_t sum = 0;
    for (int i = 0; i < 64; i++)
        sum += from_main[i];
    printf("worker: sum %llu after main's pthread_exit\n", (unsigned long long)sum);
    return NULL;
}

int main(void)
{
    pthread_t t;
    atexit(at_exit);
    for (int i = 0; i < 64; i++)
        from_main[i] = (uint64_t)i * i;
    printf("main: starting the worker, then pthread_exit\n");
    if (pthread_create(&t, NULL, worker, NULL) != 0) {
        printf("pthread_create failed\n");
        return 1;
    }
    pthread_exit(NULL);
}
