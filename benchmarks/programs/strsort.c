/* strsort: generate many short strings, sort them with qsort+strcmp,
 * then hash them (libc string routines, indirect calls through a
 * comparator, byte loads/stores, malloc of small blocks).
 * Usage: strsort [COUNT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#ifndef DEFAULT_COUNT
#define DEFAULT_COUNT 1400000
#endif

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : DEFAULT_COUNT;
    char **v = malloc(n * sizeof *v);
    if (!v) { perror("malloc"); return 1; }
    static const char *words[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
                                  "golf", "hotel", "india", "juliet", "kilo", "lima"};
    for (long i = 0; i < n; i++) {
        char tmp[64];
        uint64_t r = next();
        /* common prefixes make strcmp work harder */
        int len = snprintf(tmp, sizeof tmp, "%s-%s-%llu",
                           words[r % 12], words[(r >> 8) % 12],
                           (unsigned long long)((r >> 16) % 1000000));
        v[i] = malloc(len + 1);
        memcpy(v[i], tmp, len + 1);
    }
    qsort(v, n, sizeof *v, cmp);
    /* FNV-1a over the sorted sequence, plus a count of adjacent duplicates */
    uint64_t h = 14695981039346656037ULL;
    long dups = 0;
    for (long i = 0; i < n; i++) {
        for (const char *p = v[i]; *p; p++) { h ^= (unsigned char)*p; h *= 1099511628211ULL; }
        if (i > 0 && strcmp(v[i - 1], v[i]) == 0) dups++;
    }
    printf("strsort n=%ld first=%s last=%s dups=%ld hash=%016llx\n",
           n, v[0], v[n - 1], dups, (unsigned long long)h);
    for (long i = 0; i < n; i++) free(v[i]);
    free(v);
    return 0;
}
