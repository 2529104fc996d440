/* Memory management: brk/sbrk growth and shrink, malloc of small and large blocks
 * (the large ones come from mmap), realloc growth keeping the contents, calloc zeroing,
 * anonymous mmap/munmap/mprotect/mremap, MAP_FIXED, and a private file-backed mapping
 * (copy-on-write: the file keeps its contents). Only relations and contents are printed. */
#include "rvtest.h"
#include <fcntl.h>
#include <sys/mman.h>

static uint64_t checksum(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

int main(void)
{
    const long pg = sysconf(_SC_PAGESIZE);
    printf("page size %ld\n", pg);

    /* brk */
    char *b0 = sbrk(0);
    char *b1 = sbrk(3 * pg + 123);
    char *b2 = sbrk(0);
    printf("sbrk grows: old break returned %d, new break = old + 3*pg + 123: %d\n", b1 == b0, b2 == b0 + 3 * pg + 123);
    memset(b1, 0xab, (size_t)(3 * pg + 123));
    printf("new heap is writable, checksum %016" PRIx64 "\n", checksum((unsigned char *)b1, (size_t)(3 * pg + 123)));
    CHECK(brk(b0 + pg) == 0);
    printf("brk shrink: break now old + pg: %d\n", sbrk(0) == b0 + pg);
    CHECK(brk(b0) == 0);

    /* malloc / calloc / realloc / free */
    enum { N = 200 };
    unsigned char *small[N];
    for (int i = 0; i < N; i++) {
        small[i] = malloc((size_t)(i * 7 + 1));
        memset(small[i], i, (size_t)(i * 7 + 1));
    }
    int intact = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < i * 7 + 1; j++)
            intact &= small[i][j] == (unsigned char)i;
    printf("200 small blocks intact: %d\n", intact);
    for (int i = 0; i < N; i += 2)
        free(small[i]);
    unsigned char *big = malloc(4 << 20); /* above the mmap threshold */
    for (size_t i = 0; i < (4u << 20); i++)
        big[i] = (unsigned char)(i * 31 + (i >> 12));
    uint64_t hb = checksum(big, 4u << 20);
    printf("4 MiB block checksum %016" PRIx64 "\n", hb);
    unsigned char *big2 = realloc(big, 8 << 20);
    printf("realloc to 8 MiB keeps the contents: %d\n", checksum(big2, 4u << 20) == hb);
    memset(big2 + (4 << 20), 0x5a, 4 << 20);
    unsigned char *big3 = realloc(big2, 1 << 20);
    printf("realloc down to 1 MiB keeps the prefix: %d\n", big3[12345] == (unsigned char)(12345 * 31 + 3));
    free(big3);
    char *s = malloc(10);
    strcpy(s, "grow me");
    for (int i = 0; i < 12; i++)
        s = realloc(s, (size_t)(10 << i));
    printf("realloc chain: \"%s\"\n", s);
    free(s);
    unsigned int *z = calloc(100000, sizeof *z);
    unsigned long zsum = 0;
    for (int i = 0; i < 100000; i++)
        zsum += z[i];
    printf("calloc memory is zero: %d\n", zsum == 0);
    free(z);
    for (int i = 1; i < N; i += 2)
        free(small[i]);

    /* anonymous mmap */
    unsigned char *m = mmap(NULL, (size_t)(4 * pg), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap anonymous: ok %d, page aligned %d, zero filled %d\n", m != MAP_FAILED, ((uintptr_t)m % (uintptr_t)pg) == 0,
           m[0] == 0 && m[4 * pg - 1] == 0);
    for (long i = 0; i < 4 * pg; i++)
        m[i] = (unsigned char)(i / pg + 1);
    CHECK(munmap(m + pg, (size_t)pg) == 0); /* hole in the middle */
    printf("after munmap of page 1: page 0 = %d, page 2 = %d, page 3 = %d\n", m[0], m[2 * pg], m[3 * pg]);
    CHECK(mprotect(m + 2 * pg, (size_t)pg, PROT_READ) == 0);
    printf("read of a PROT_READ page: %d\n", m[2 * pg + 10]);
    CHECK(mprotect(m + 2 * pg, (size_t)pg, PROT_READ | PROT_WRITE) == 0);
    m[2 * pg + 10] = 42;
    printf("write after mprotect back to RW: %d\n", m[2 * pg + 10]);
    /* MAP_FIXED over the hole */
    unsigned char *f = mmap(m + pg, (size_t)pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED into the hole: at the address %d, zero %d\n", f == m + pg, f[0] == 0 && f[pg - 1] == 0);
    /* MAP_FIXED over existing data replaces it */
    f = mmap(m + 3 * pg, (size_t)pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED over page 3: contents replaced by zeros %d\n", f == m + 3 * pg && m[3 * pg] == 0);
    /* mremap: grow (possibly moving), contents kept */
    m[0] = 0x77;
    unsigned char *g = mremap(m, (size_t)pg, (size_t)(64 * pg), MREMAP_MAYMOVE);
    printf("mremap grow: ok %d, first byte kept %d, new part zero %d\n", g != MAP_FAILED, g[0] == 0x77, g[63 * pg] == 0);
    unsigned char *h = mremap(g, (size_t)(64 * pg), (size_t)pg, 0);
    printf("mremap shrink in place: %d\n", h == g);
    munmap(h, (size_t)pg);
    munmap(m + pg, (size_t)(3 * pg)); /* pages 1..3 stay where they were */
    errno = 0;
    void *bad = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap of length 0: %s %s\n", bad == MAP_FAILED ? "MAP_FAILED" : "?", errname(errno));
    errno = 0;
    int r = munmap((char *)m + 1, (size_t)pg);
    printf("munmap of an unaligned address: %d %s\n", r, errname(errno));

    /* file-backed private mapping */
    char path[128];
    rvt_tmpname(path, sizeof path, "mmap");
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0);
    char content[6000];
    for (int i = 0; i < 6000; i++)
        content[i] = (char)('a' + i % 26);
    CHECK(write(fd, content, sizeof content) == (ssize_t)sizeof content);
    char *fm = mmap(NULL, 6000, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(fm != MAP_FAILED);
    printf("file mapping: starts \"%.10s\", byte 5999 = '%c', beyond EOF in the last page = %d\n", fm, fm[5999],
           fm[6000]);
    memcpy(fm, "PRIVATE", 7);
    char check[10] = {0};
    CHECK(pread(fd, check, 7, 0) == 7);
    printf("after writing the private mapping: mapping \"%.7s\", file \"%s\"\n", fm, check);
    char *fm2 = mmap(NULL, (size_t)pg, PROT_READ, MAP_PRIVATE, fd, pg); /* offset one page */
    printf("mapping at file offset %ld starts with '%c' (file byte %ld is '%c')\n", pg, fm2[0], pg, content[pg]);
    munmap(fm2, (size_t)pg);
    munmap(fm, 6000);
    /* a file written after mapping a read-only private page (no write) shows through */
    close(fd);
    CHECK(unlink(path) == 0);
    return rvt_summary();
}
