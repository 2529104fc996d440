/* String and memory functions of glibc (many have hand-written or vectorised RISC-V
 * variants selected at startup): strlen/strcmp/strncmp/strchr/strrchr/strstr/strspn/strtok_r,
 * memcpy/memmove (overlapping)/memset/memcmp/memchr at every alignment, strtol/strtoul. */
#include "rvtest.h"

#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <ctype.h>

static uint64_t h64(const unsigned char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    while (n--)
        h = (h ^ *p++) * 0x100000001b3ull;
    return h;
}

int main(void)
{
    static const char *const words[] = {"", "a", "hello", "hello world", "a rather longer string of 37 bytes...",
                                        "exactly sixteen!", "seventeen chars!!"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        printf("strlen(\"%s\") = %zu\n", words[i], strlen(words[i]));
    printf("strcmp: %d %d %d %d\n", strcmp("abc", "abc") == 0, strcmp("abc", "abd") < 0, strcmp("b", "abc") > 0,
           strcmp("\xff", "a") > 0);
    printf("strncmp: %d %d\n", strncmp("abcdef", "abcxyz", 3) == 0, strncmp("abcdef", "abcxyz", 4) < 0);
    printf("strcasecmp: %d\n", strcasecmp("HeLLo", "hello") == 0);
    const char *s = "the cat sat on the mat";
    printf("strchr 'a' at %td, strrchr 'a' at %td, strchr '\\0' at %td, strchr 'z' %s\n", strchr(s, 'a') - s,
           strrchr(s, 'a') - s, strchr(s, 0) - s, strchr(s, 'z') ? "found" : "NULL");
    printf("strstr \"the m\" at %td, \"dog\" %s\n", strstr(s, "the m") - s, strstr(s, "dog") ? "found" : "NULL");
    printf("strspn %zu strcspn %zu strpbrk %td\n", strspn(s, "the "), strcspn(s, "os"), strpbrk(s, "mn") - s);
    char tok[] = "  split,these;;words , please ";
    char *save = NULL, *t;
    printf("strtok_r:");
    for (t = strtok_r(tok, " ,;", &save); t; t = strtok_r(NULL, " ,;", &save))
        printf(" [%s]", t);
    printf("\n");
    char dup[32];
    strcpy(dup, "abc");
    strcat(dup, "def");
    strncat(dup, "ghijkl", 3);
    printf("strcpy/strcat/strncat: %s\n", dup);
    char *d2 = strndup("truncate me", 8);
    printf("strndup: %s\n", d2);
    free(d2);
    for (char *p = dup; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    printf("toupper: %s\n", dup);

    /* mem* at all alignments and lengths */
    static unsigned char src[300], dst[300];
    for (int i = 0; i < 300; i++)
        src[i] = (unsigned char)(i * 13 + 7);
    uint64_t acc = 0;
    int ok = 1;
    for (int so = 0; so < 8; so++)
        for (int dof = 0; dof < 8; dof++)
            for (int len = 0; len < 70; len += 3) {
                memset(dst, 0xee, sizeof dst);
                memcpy(dst + dof, src + so, (size_t)len);
                ok &= memcmp(dst + dof, src + so, (size_t)len) == 0;
                ok &= dst[dof + len] == 0xee && (dof == 0 || dst[dof - 1] == 0xee);
                acc = acc * 3 + h64(dst, 80);
            }
    printf("memcpy all alignments ok %d, hash %016" PRIx64 "\n", ok, acc);
    /* overlapping memmove in both directions */
    unsigned char buf[64];
    for (int i = 0; i < 64; i++)
        buf[i] = (unsigned char)i;
    memmove(buf + 3, buf, 40);
    printf("memmove forward overlap:");
    for (int i = 0; i < 16; i++)
        printf(" %d", buf[i]);
    memmove(buf, buf + 5, 40);
    printf("\nmemmove backward overlap:");
    for (int i = 0; i < 16; i++)
        printf(" %d", buf[i]);
    printf("\n");
    memset(buf + 1, 'x', 37);
    printf("memset: %d %d %d memchr: %td memrchr: %td\n", buf[0], buf[1], buf[38], (unsigned char *)memchr(buf, 'x', 64) - buf,
           (unsigned char *)memrchr(buf, 'x', 64) - buf);
    unsigned char m1[20] = "abcdefghijklmnopqrs", m2[20] = "abcdefghijklmnopqrS";
    printf("memcmp: %d %d %d\n", memcmp(m1, m2, 18) == 0, memcmp(m1, m2, 19) > 0, memcmp("\x80", "\x01", 1) > 0);

    /* number parsing */
    static const char *const nums[] = {"42", "-17", "0x1F", "0777", "  +9223372036854775807", "9223372036854775808",
                                       "-9223372036854775809", "12abc", "zz", "0b101"};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        char *end;
        errno = 0;
        long v = strtol(nums[i], &end, 0);
        printf("strtol(\"%s\", 0) = %ld %s rest \"%s\"\n", nums[i], v, errname(errno), end);
    }
    errno = 0;
    unsigned long uv = strtoul("18446744073709551615", NULL, 10);
    printf("strtoul max = %lu %s, base 36 \"zz\" = %ld, atoi(\" 12x\") = %d\n", uv, errname(errno), strtol("zz", NULL, 36),
           atoi(" 12x"));
    return 0;
}
