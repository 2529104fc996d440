/* The call-count oracle for the ftrace test programs (make -C tests calls): linked into a
 * -finstrument-functions build of a program of tests/programs/ftrace, it counts the entries
 * of every instrumented function (only the program's own functions are: libc is not built
 * so, and the Makefile excludes the headers under include/) and, at exit, writes one line
 * "<address> <count>" per function, addresses in hex, to the file named by RVTRACE_CALLS
 * (else stderr). The Makefile turns the addresses into names with nm.
 * Not a test program itself: it lives in a subdirectory so nothing builds it alone. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NOINSTR __attribute__((no_instrument_function))
#define SLOTS 1024 /* power of two, far more than the functions of one test program */

static struct {
    uintptr_t fn;
    unsigned long count;
} table[SLOTS];
static int overflow;

NOINSTR void __cyg_profile_func_enter(void *this_fn, void *call_site)
{
    (void)call_site;
    uintptr_t a = (uintptr_t)this_fn;
    unsigned i = (unsigned)(a >> 1) & (SLOTS - 1);
    for (unsigned n = 0; n < SLOTS; n++, i = (i + 1) & (SLOTS - 1)) {
        if (table[i].fn == a) {
            table[i].count++;
            return;
        }
        if (table[i].fn == 0) {
            table[i].fn = a;
            table[i].count = 1;
            return;
        }
    }
    overflow = 1;
}

NOINSTR void __cyg_profile_func_exit(void *this_fn, void *call_site)
{
    (void)this_fn;
    (void)call_site;
}

/* write(2) only: stdio may already be shut down when the destructors run */
NOINSTR static void put(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

NOINSTR __attribute__((destructor)) static void dump_calls(void)
{
    const char *path = getenv("RVTRACE_CALLS");
    int fd = 2;
    if (path != NULL && *path != '\0') {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0)
            fd = 2;
    }
    char line[64];
    for (unsigned i = 0; i < SLOTS; i++) {
        if (table[i].fn != 0) {
            snprintf(line, sizeof line, "%016lx %lu\n", (unsigned long)table[i].fn, table[i].count);
            put(fd, line);
        }
    }
    if (overflow)
        put(fd, "overflow 1\n");
    if (fd != 2)
        close(fd);
}
