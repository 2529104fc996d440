/* A load from address 0: SIGSEGV, exit status 139. The pointer is opaque so the
 * compiler cannot turn the access into a trap instruction. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int *volatile p = 0;
    printf("before the NULL load\n");
    fflush(stdout);
    int v = *p;
    printf("not reached %d\n", v);
    return 0;
}
