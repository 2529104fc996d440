/* Returns that skip a frame: skip_up pops the frame of its caller (through) and returns
 * straight to through's caller, as unwinders and coroutine switches do. rvtrace's function
 * roots return as Java methods and record their link only when they are not inlined into
 * a compiled caller; a return that passes over a frame must come out right either way, cold
 * and hot (compiled with everything inlined), also from the bottom of a recursion. */
#include "rvtest.h"

long through(long x);

__asm__(
    "    .text\n"
    /* long through(long x): what follows its call never runs, skip_up returns for it */
    "through:\n"
    "    addi sp, sp, -16\n"
    "    sd ra, 8(sp)\n"
    "    call skip_up\n"
    "    li a0, -1\n"
    "    ld ra, 8(sp)\n"
    "    addi sp, sp, 16\n"
    "    ret\n"
    /* a0 = 2 * a0 + 1, returned to through's caller, with through's frame popped */
    "skip_up:\n"
    "    slli a0, a0, 1\n"
    "    addi a0, a0, 1\n"
    "    ld ra, 8(sp)\n"
    "    addi sp, sp, 16\n"
    "    ret\n");

/* through's return lands here: 2x + 4 */
__attribute__((noinline)) static long outer(long x)
{
    return through(x) + 3;
}

/* n levels of recursion, the skip at the bottom: 2x + 1 + n */
__attribute__((noinline)) static long deep(long x, int n)
{
    if (n == 0)
        return through(x);
    return deep(x, n - 1) + 1;
}

int main(void)
{
    long sum = 0;
    for (long i = 0; i < 300000; i++)
        sum += outer(OPAQUE(i) & 1023);
    printf("outer: %ld\n", sum);
    long deep_sum = 0;
    for (long i = 0; i < 20000; i++)
        deep_sum += deep(i & 255, (int)(i % 40));
    printf("deep: %ld\n", deep_sum);
    return 0;
}
