/* Small helpers shared by the rvtrace guest test programs. */
#ifndef RVTEST_H
#define RVTEST_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int rvt_checks, rvt_failures;

/* Self-check: counts, and prints a FAIL line (the expected output never has one). */
#define CHECK(cond)                                                          \
    do {                                                                     \
        rvt_checks++;                                                        \
        if (!(cond)) {                                                       \
            rvt_failures++;                                                  \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);           \
        }                                                                    \
    } while (0)

#define CHECK_EQ(got, want)                                                  \
    do {                                                                     \
        uint64_t _g = (uint64_t)(got), _w = (uint64_t)(want);                \
        rvt_checks++;                                                        \
        if (_g != _w) {                                                      \
            rvt_failures++;                                                  \
            printf("FAIL %s:%d: %s = 0x%016" PRIx64 ", want 0x%016" PRIx64 "\n", \
                   __FILE__, __LINE__, #got, _g, _w);                        \
        }                                                                    \
    } while (0)

/* Prints the summary line and gives the exit status (0 when every check passed). */
static int rvt_summary(void)
{
    printf("%d checks, %d failed\n", rvt_checks, rvt_failures);
    fflush(stdout);
    return rvt_failures ? 1 : 0;
}

/* Keeps the compiler from knowing a value (no constant folding). */
#define OPAQUE(x) ({ __typeof__(x) _o = (x); __asm__ volatile("" : "+r"(_o)); _o; })

#endif

#include <errno.h>
#include <time.h>
#include <unistd.h>

/* Symbolic name of the errno values the tests expect. */
static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case ENOTTY: return "ENOTTY";
    case ESPIPE: return "ESPIPE";
    case ENOSYS: return "ENOSYS";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ELOOP: return "ELOOP";
    case ERANGE: return "ERANGE";
    default: return "E?";
    }
}

/* A path in /tmp that no other run uses at the same time (pid and clock, never printed). */
static void rvt_tmpname(char *buf, size_t n, const char *tag)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(buf, n, "/tmp/rvtrace-%s-%d-%ld%09ld", tag, (int)getpid(), (long)ts.tv_sec, ts.tv_nsec);
}
