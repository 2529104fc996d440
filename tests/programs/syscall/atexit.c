/* exit(7) from deep inside the program: atexit handlers run in reverse order of
 * registration, stdio buffers are flushed, and the status is 7. _exit-style calls skip that. */
#include <stdio.h>
#include <stdlib.h>

#pragma GCC diagnostic ignored "-Winfinite-recursion"

static void first(void) { printf("atexit handler registered first runs last\n"); }
static void second(void) { printf("atexit handler registered second runs first\n"); }

static void nested(int depth)
{
    if (depth == 0) {
        printf("calling exit(7) at depth 0\n");
        exit(7);
    }
    nested(depth - 1);
    printf("not reached\n");
}

int main(void)
{
    atexit(first);
    atexit(second);
    printf("main starts\n");
    nested(5);
    return 0;
}
