/* Clocks: clock_gettime (REALTIME, MONOTONIC, PROCESS_CPUTIME_ID, BOOTTIME), clock_getres,
 * gettimeofday, time, nanosleep and clock_nanosleep. Only relations are printed, never values. */
#include "rvtest.h"
#include <sys/time.h>

static int64_t ns(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

int main(void)
{
    struct timespec rt, m0, m1, m2, cpu0, cpu1, res, boot;
    CHECK(clock_gettime(CLOCK_REALTIME, &rt) == 0);
    printf("realtime after 2024-01-01: %d, tv_nsec in range: %d\n", rt.tv_sec > 1704067200, rt.tv_nsec >= 0 && rt.tv_nsec < 1000000000);
    struct timeval tv;
    CHECK(gettimeofday(&tv, NULL) == 0);
    printf("gettimeofday within 5 s of clock_gettime: %d, tv_usec in range: %d\n",
           tv.tv_sec - rt.tv_sec >= 0 && tv.tv_sec - rt.tv_sec <= 5, tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    time_t t = time(NULL);
    printf("time() within 5 s: %d\n", t - rt.tv_sec >= 0 && t - rt.tv_sec <= 5);

    CHECK(clock_gettime(CLOCK_MONOTONIC, &m0) == 0);
    CHECK(clock_gettime(CLOCK_MONOTONIC, &m1) == 0);
    printf("monotonic does not go back: %d\n", ns(m1) >= ns(m0));
    CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0);
    printf("monotonic resolution positive and at most 1 ms: %d\n", ns(res) > 0 && ns(res) <= 1000000);
    CHECK(clock_gettime(CLOCK_BOOTTIME, &boot) == 0);
    printf("boottime readable: yes\n");

    struct timespec req = {0, 20 * 1000 * 1000}, rem = {99, 99};
    int r = nanosleep(&req, &rem);
    CHECK(clock_gettime(CLOCK_MONOTONIC, &m2) == 0);
    int64_t slept = ns(m2) - ns(m1);
    printf("nanosleep(20 ms): %d, slept at least 20 ms: %d, less than 10 s: %d\n", r, slept >= 20000000, slept < 10000000000LL);
    req.tv_nsec = 5 * 1000 * 1000;
    r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
    struct timespec m3;
    clock_gettime(CLOCK_MONOTONIC, &m3);
    printf("clock_nanosleep(5 ms): %d, slept at least 5 ms: %d\n", r, ns(m3) - ns(m2) >= 5000000);
    /* absolute sleep until 10 ms from now */
    struct timespec until = m3;
    until.tv_nsec += 10 * 1000 * 1000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_nsec -= 1000000000;
        until.tv_sec++;
    }
    r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
    struct timespec m4;
    clock_gettime(CLOCK_MONOTONIC, &m4);
    printf("clock_nanosleep(TIMER_ABSTIME): %d, woke after the deadline: %d\n", r, ns(m4) >= ns(until));
    errno = 0;
    req.tv_sec = 0;
    req.tv_nsec = 1000000000; /* invalid */
    r = nanosleep(&req, NULL);
    printf("nanosleep with tv_nsec = 1e9: %d %s\n", r, errname(errno));

    CHECK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu0) == 0);
    volatile double x = 0;
    for (int i = 0; i < 300000; i++)
        x += i * 0.5;
    CHECK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu1) == 0);
    printf("process cpu time does not go back: %d\n", ns(cpu1) >= ns(cpu0));
    errno = 0;
    r = clock_gettime((clockid_t)12345, &rt);
    printf("clock_gettime of a bad clock id: %d %s\n", r, errname(errno));
    return rvt_summary();
}
