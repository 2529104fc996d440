/* A patch site toggled again and again while its function is hot: given "flip N", the
 * program switches set_ftrace_filter between "hot" and "cold" N times, calling both 2000
 * times after each switch. The hot function must not be deoptimized and recompiled on
 * every switch: after a few flips its site is read each time it runs. With the function
 * profiler, hot is hit 2000 times per switch that selected it: N/2 * 2000. Run plainly
 * it never touches tracefs. */
#include <stdlib.h>
#include "tracefs.h"

__attribute__((noipa, noinline)) long hot(long x) { return x + 7; }
__attribute__((noipa, noinline)) long cold(long x) { return x - 5; }

int main(int argc, char **argv)
{
    int flips = argc > 2 && strcmp(argv[1], "flip") == 0 ? atoi(argv[2]) : 0;
    long s = 0;
    for (int i = 0; i < 200000; i++)
        s += hot(i) + cold(i);
    for (int f = 0; f < (flips ? flips : 1000); f++) {
        if (flips && tracefs_write("set_ftrace_filter", f % 2 == 0 ? "hot" : "cold") != 0) {
            printf("cannot set the filter\n");
            return 1;
        }
        for (int i = 0; i < 2000; i++)
            s += hot(i) + cold(i);
    }
    printf("%ld\n", s);
    return 0;
}
