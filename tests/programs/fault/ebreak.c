/* ebreak (c.ebreak when the C extension is on): SIGTRAP, exit status 133. */
#include <stdio.h>

int main(void)
{
    printf("executing ebreak\n");
    fflush(stdout);
    __asm__ volatile("ebreak");
    printf("not reached\n");
    return 0;
}
