/* Two independent hot paths, alpha and beta, each compiled before the program (given the
 * argument "enable") switches tracing on for alpha alone through set_ftrace_filter. Only the
 * compiled code that contains alpha's patch site may be thrown away; beta's must survive.
 * Run plainly (qemu, untraced) it never touches tracefs. */
#include "tracefs.h"

__attribute__((noipa, noinline)) long alpha(long x) { return x * 3 + 1; }
__attribute__((noipa, noinline)) long beta(long x) { return x ^ (x >> 3); }

__attribute__((noipa, noinline)) long alpha_loop(long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += alpha(i);
    return s;
}

__attribute__((noipa, noinline)) long beta_loop(long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += beta(i);
    return s;
}

int main(int argc, char **argv)
{
    int enable = argc > 1 && strcmp(argv[1], "enable") == 0;
    long s = 0;
    for (int r = 0; r < 40; r++) {
        s += alpha_loop(5000);
        s += beta_loop(5000);
    }
    if (enable && tracefs_write("set_ftrace_filter", "alpha") != 0) {
        printf("cannot set the filter\n");
        return 1;
    }
    for (int r = 0; r < 40; r++) {
        s += alpha_loop(5000);
        s += beta_loop(5000);
    }
    printf("%ld\n", s);
    return 0;
}
