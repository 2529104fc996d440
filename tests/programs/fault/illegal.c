/* An all-zero instruction word (defined illegal in every encoding): SIGILL, exit 132. */
#include <stdio.h>

int main(void)
{
    printf("executing .word 0\n");
    fflush(stdout);
    __asm__ volatile(".word 0");
    printf("not reached\n");
    return 0;
}
