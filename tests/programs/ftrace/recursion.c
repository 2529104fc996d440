/* A tracer callback written in guest code that itself calls traced code. The test registers
 * guest_tracer as the callback of an ftrace_ops with the RECURSION flag: ftrace must call it
 * through the list function's recursion guard, so the nested traced calls do not call it
 * again. Run plainly, nothing calls guest_tracer: "5050 0". Traced: main, work and 100 calls
 * of helper reach it once each: "5050 102". */
#include <stdio.h>

volatile long callbacks;

__attribute__((noipa, noinline)) long helper(long x) { return x + 1; }

__attribute__((noipa, noinline, used)) void guest_tracer(unsigned long ip, unsigned long parent_ip, void *ops, void *fregs)
{
    (void)ip, (void)parent_ip, (void)ops, (void)fregs;
    callbacks++;
    helper(1);
}

__attribute__((noipa, noinline)) long work(long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += helper(i);
    return s;
}

int main(void)
{
    long s = work(100);
    printf("%ld %ld\n", s, callbacks);
    return 0;
}
