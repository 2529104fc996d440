/* A call to an address with nothing mapped: SIGSEGV on the instruction fetch, exit 139. */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
    void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(page, 4096);
    void (*volatile f)(void) = (void (*)(void))page;
    printf("calling an unmapped address\n");
    fflush(stdout);
    f();
    printf("not reached\n");
    return 0;
}
