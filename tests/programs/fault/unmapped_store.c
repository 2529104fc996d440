/* A store to a page that was mapped and then unmapped: SIGSEGV, exit status 139. */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
    char *volatile p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[100] = 1;
    munmap(p, 4096);
    printf("mapped, written, unmapped; now storing again\n");
    fflush(stdout);
    p[100] = 2;
    printf("not reached\n");
    return 0;
}
