/* A store into a string literal (.rodata, mapped read-only): SIGSEGV, exit 139. */
#include <stdio.h>

int main(void)
{
    static const char ro[] = "constant";
    volatile char *volatile s = (volatile char *)ro;
    printf("writing into .rodata\n");
    fflush(stdout);
    s[0] = 'C';
    printf("not reached %s\n", ro);
    return 0;
}
