/* Reading a machine-mode CSR (mstatus) from user mode: SIGILL, exit 132. */
#include <stdio.h>

int main(void)
{
    unsigned long v;
    printf("reading mstatus\n");
    fflush(stdout);
    __asm__ volatile("csrr %0, mstatus" : "=r"(v));
    printf("not reached %lu\n", v);
    return 0;
}
