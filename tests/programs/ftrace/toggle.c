/* Switches tracing on and off from inside the program, through the tracing file system as
 * on Linux: current_tracer patches or unpatches every site, tracing_on only stops recording.
 * It touches /sys/kernel/tracing only when asked to (argument "toggle"): run plainly, under
 * qemu or untraced, it must never reach a host kernel's tracefs. Expected with
 * `--ftrace=nop --ftrace-clock=counter toggle`: `during` traced 6 times, `before` and
 * `after` never (they are hot and compiled when the sites change). */
#include "tracefs.h"

__attribute__((noipa, noinline)) long before(long x) { return x + 1; }
__attribute__((noipa, noinline)) long during(long x) { return x * 2; }
__attribute__((noipa, noinline)) long after(long x) { return x - 1; }

int main(int argc, char **argv)
{
    int toggle = argc > 1 && strcmp(argv[1], "toggle") == 0;
    char buf[64];
    long s = 0;
    for (int i = 0; i < 20000; i++)
        s += before(i);
    if (toggle) {
        if (tracefs_write("current_tracer", "function") != 0 || tracefs_read("current_tracer", buf, sizeof buf) != 0) {
            printf("cannot switch the tracer on\n");
            return 1;
        }
        printf("current_tracer: %s", buf);
        if (tracefs_write("current_tracer", "no-such-tracer") == 0)
            printf("an unknown tracer was accepted\n");
    }
    for (int i = 0; i < 5; i++)
        s += during(i);
    if (toggle)
        tracefs_write("tracing_on", "0");
    for (int i = 0; i < 7; i++)
        s += during(i);
    if (toggle)
        tracefs_write("tracing_on", "1");
    s += during(100);
    if (toggle) {
        tracefs_write("current_tracer", "nop");
        tracefs_read("current_tracer", buf, sizeof buf);
        printf("current_tracer: %s", buf);
    }
    for (int i = 0; i < 20000; i++)
        s += after(i);
    printf("%ld\n", s);
    return 0;
}
