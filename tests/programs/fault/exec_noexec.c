/* A call into a page mapped without PROT_EXEC: SIGSEGV, exit 139. */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

int main(void)
{
    unsigned *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    page[0] = 0x00008067; /* ret */
    void (*volatile f)(void) = (void (*)(void))page;
    printf("calling into a non-executable page\n");
    fflush(stdout);
    f();
    printf("not reached\n");
    return 0;
}
