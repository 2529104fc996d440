/* snprintf/sscanf formatting: integers of every size and base, padding and precision,
 * %s/%c/%p(NULL)/%%/%n, truncation by snprintf (return value = full length), and a
 * round trip through sscanf. */
#include "rvtest.h"
#include <limits.h>
#include <stddef.h>

#pragma GCC diagnostic ignored "-Wformat-truncation"

int main(void)
{
    char buf[256];
    int n;
    n = snprintf(buf, sizeof buf, "[%d] [%i] [%u] [%x] [%X] [%o] [%#x] [%#o]", -42, 42, 42u, 0xbeefu, 0xbeefu, 8u, 255u, 8u);
    printf("%s (%d)\n", buf, n);
    n = snprintf(buf, sizeof buf, "[%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%8.3d] [%-+8.3d]", 42, 42, 42, 42, 42, 7, 7, 7);
    printf("%s (%d)\n", buf, n);
    n = snprintf(buf, sizeof buf, "[%ld] [%lu] [%lld] [%llx] [%hd] [%hhu] [%zu] [%td] [%jd]", LONG_MIN, ULONG_MAX,
                 LLONG_MAX, 0x123456789abcdefull, (short)-5, (unsigned char)300, sizeof(long double), (ptrdiff_t)-3,
                 (intmax_t)INT64_MIN);
    printf("%s (%d)\n", buf, n);
    n = snprintf(buf, sizeof buf, "[%" PRId64 "] [%" PRIu32 "] [%08" PRIx32 "] [%" PRIo64 "]", INT64_MAX, UINT32_MAX, 0xabcu,
                 (uint64_t)01234567);
    printf("%s (%d)\n", buf, n);
    n = snprintf(buf, sizeof buf, "[%s] [%10s] [%-10s] [%.3s] [%c] [%5c] [%%] [%p]", "str", "right", "left", "truncated", 'x',
                 'y', (void *)0);
    printf("%s (%d)\n", buf, n);
    int pos = 0;
    n = snprintf(buf, sizeof buf, "abc%ndef", &pos);
    printf("%%n: %d, total %d\n", pos, n);
    n = snprintf(buf, sizeof buf, "%*d|%-*d|%.*f", 6, 1, 4, 2, 2, 3.14159);
    printf("star widths: %s (%d)\n", buf, n);
    char small[8];
    n = snprintf(small, sizeof small, "%s", "this does not fit");
    printf("truncated: \"%s\" returned %d\n", small, n);
    n = snprintf(NULL, 0, "%d-%d", 12345, 678);
    printf("snprintf(NULL, 0) = %d\n", n);
    long double ld = 1.0L / 3.0L;
    n = snprintf(buf, sizeof buf, "%.30Lf %Lg %La", ld, ld, ld);
    printf("long double: %s (%d)\n", buf, n);

    int a, c;
    unsigned b;
    char word[16];
    double d;
    n = sscanf("  -17 0x1f words 2.5e3 99", "%d %x %15s %lf %i", &a, &b, word, &d, &c);
    printf("sscanf: %d items: %d %u %s %g %d\n", n, a, b, word, d, c);
    n = sscanf("12:34:56", "%d:%d:%d", &a, &c, (int *)&b);
    printf("sscanf times: %d items: %d %d %u\n", n, a, c, b);
    n = sscanf("abc", "%d", &a);
    printf("sscanf mismatch: %d\n", n);
    return 0;
}
