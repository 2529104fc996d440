/*
 * Code runs, then its page loses PROT_EXEC: calling it again must fault (SIGSEGV, 139)
 * even though the emulator has already translated (and maybe compiled) it.
 */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
    unsigned *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    page[0] = 0x02a00513; /* li a0, 42 */
    page[1] = 0x00008067; /* ret */
    __builtin___clear_cache((char *)page, (char *)(page + 2));
    int (*volatile f)(void) = (int (*)(void))page;
    long sum = 0;
    for (int i = 0; i < 100000; i++) {
        sum += f();
    }
    printf("executable: sum %ld\n", sum);
    mprotect(page, 4096, PROT_READ);
    printf("calling it after mprotect(PROT_READ)\n");
    fflush(stdout);
    f();
    printf("not reached\n");
    return 0;
}
