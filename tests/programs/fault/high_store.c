/* A store to a high address (kernel half of the address space): SIGSEGV, exit 139. */
#include <stdint.h>
#include <stdio.h>

int main(void)
{
    volatile uint64_t *volatile p = (volatile uint64_t *)0xffffffc000001000ull;
    printf("storing to 0xffffffc000001000\n");
    fflush(stdout);
    *p = 42;
    printf("not reached\n");
    return 0;
}
