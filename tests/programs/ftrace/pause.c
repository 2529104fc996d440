/* tracing_on switched off and back on while the traced function is hot, from inside the
 * program (argument "toggle"). The profiler's callback is compiled into hot's code, where
 * it takes tracing_on as a constant guarded by an assumption; the switch must reach that
 * code: with `--ftrace=profile --ftrace-clock=counter --ftrace-filter=hot toggle`, hot is
 * hit 300000 times (the 200000 calls before the pause and the 100000 after), not 600000.
 * Run plainly it never touches a host's tracefs. */
#include "tracefs.h"

__attribute__((noipa, noinline)) long hot(long x)
{
    return x + 3;
}

int main(int argc, char **argv)
{
    int toggle = argc > 1 && strcmp(argv[1], "toggle") == 0;
    long s = 0;
    for (int i = 0; i < 200000; i++)
        s += hot(i);
    if (toggle && tracefs_write("tracing_on", "0") != 0)
        printf("cannot switch tracing off\n");
    for (int i = 0; i < 300000; i++)
        s += hot(i);
    if (toggle && tracefs_write("tracing_on", "1") != 0)
        printf("cannot switch tracing on\n");
    for (int i = 0; i < 100000; i++)
        s += hot(i);
    printf("%ld\n", s);
    return 0;
}
