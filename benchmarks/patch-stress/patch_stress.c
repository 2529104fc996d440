/* The guest side of `rv bench patch-stress` (see ftrace-runtime's PatchStressSample): N
 * threads ("harts", argv[1]) call the traced functions stress_fn0..7 in a loop and check
 * every result, until the sample, done toggling tracing on them, sets stress_stop. With
 * "churn" as argv[2], main meanwhile keeps creating and joining short-lived threads that
 * call them too: threads start and exit while their sites are being patched. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

volatile int stress_ready;
volatile int stress_stop;
volatile long stress_calls;
volatile long stress_errors;
volatile long stress_harts;

static atomic_long total_calls, total_errors;

#define FN(k) __attribute__((noipa, noinline)) long stress_fn##k(long x) { return x * 3 + k; }
FN(0) FN(1) FN(2) FN(3) FN(4) FN(5) FN(6) FN(7)

static atomic_int started;
static long churned;

static void *short_lived(void *arg)
{
    long id = (long)arg, errors = 0;
    for (long i = 0; i < 100; i++) {
        errors += stress_fn0(id + i) != (id + i) * 3 + 0;
        errors += stress_fn7(id + i) != (id + i) * 3 + 7;
    }
    atomic_fetch_add(&total_calls, 200);
    atomic_fetch_add(&total_errors, errors);
    return 0;
}

static void *hart(void *arg)
{
    long id = (long)arg, calls = 0, errors = 0;
    atomic_fetch_add(&started, 1);
    while (!stress_stop) {
        long x = id + calls;
        errors += stress_fn0(x) != x * 3 + 0;
        errors += stress_fn1(x) != x * 3 + 1;
        errors += stress_fn2(x) != x * 3 + 2;
        errors += stress_fn3(x) != x * 3 + 3;
        errors += stress_fn4(x) != x * 3 + 4;
        errors += stress_fn5(x) != x * 3 + 5;
        errors += stress_fn6(x) != x * 3 + 6;
        errors += stress_fn7(x) != x * 3 + 7;
        calls += 8;
    }
    atomic_fetch_add(&total_calls, calls);
    atomic_fetch_add(&total_errors, errors);
    return 0;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 2;
    if (n < 1 || n > 64) {
        fprintf(stderr, "usage: patch_stress HARTS (1..64)\n");
        return 2;
    }
    pthread_t t[64];
    for (long i = 0; i < n; i++)
        if (pthread_create(&t[i], 0, hart, (void *)i) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    while (atomic_load(&started) < n)
        ;
    stress_ready = 1;
    if (argc > 2 && argv[2][0] == 'c') {
        while (!stress_stop) {
            pthread_t s;
            if (pthread_create(&s, 0, short_lived, (void *)churned) != 0 || pthread_join(s, 0) != 0) {
                atomic_fetch_add(&total_errors, 1);
                break;
            }
            churned++;
        }
    }
    for (int i = 0; i < n; i++)
        pthread_join(t[i], 0);
    stress_calls = total_calls;
    stress_errors = total_errors;
    stress_harts = n;
    printf("patch-stress guest: harts=%d calls=%ld errors=%ld short-lived threads=%ld\n", n, (long)total_calls, (long)total_errors, churned);
    return total_errors != 0;
}
