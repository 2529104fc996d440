/* Patching the program's own .text: a function in the text segment is called 100000
 * times, its page is made writable with mprotect (RWX), one instruction is replaced,
 * fence.i, and 100000 more calls see the new instruction. Then it is patched back. */
#include "rvtest.h"
#include "rvenc.h"
#include <sys/mman.h>

/* patched_fn(x) = x + 1, with the addi at a known address */
__asm__(".text\n"
        ".balign 4\n"
        ".globl patched_fn\n"
        ".type patched_fn, @function\n"
        "patched_fn:\n"
        ".option push\n"
        ".option norvc\n"
        ".globl patch_site\n"
        "patch_site:\n\t"
        "addi a0, a0, 1\n\t"
        "ret\n"
        ".option pop\n"
        ".size patched_fn, .-patched_fn\n");
long patched_fn(long);
extern uint32_t patch_site[];

static __attribute__((noinline)) long run(int n)
{
    long s = 0;
    for (int i = 0; i < n; i++)
        s += patched_fn(i);
    return s;
}

static int make_writable(void *p)
{
    long pg = 4096;
    uintptr_t start = (uintptr_t)p & ~(uintptr_t)(pg - 1);
    uintptr_t end = ((uintptr_t)p + 8 + pg - 1) & ~(uintptr_t)(pg - 1);
    return mprotect((void *)start, end - start, PROT_READ | PROT_WRITE | PROT_EXEC);
}

int main(void)
{
    printf("patch site holds addi a0,a0,1: %d\n", patch_site[0] == addi(A0, A0, 1));
    long s1 = run(100000);
    CHECK(make_writable(patch_site) == 0);
    patch_site[0] = addi(A0, A0, 2);
    __builtin___clear_cache((char *)patch_site, (char *)(patch_site + 1));
    long s2 = run(100000);
    patch_site[0] = addi(A0, A0, 1);
    __builtin___clear_cache((char *)patch_site, (char *)(patch_site + 1));
    long s3 = run(100000);
    printf("x+1: %ld, patched to x+2: %ld, restored: %ld\n", s1, s2, s3);
    CHECK(s1 == 4999950000L + 100000 && s2 == 4999950000L + 200000 && s3 == s1);
    /* patch a C function's code too: main's helper run() keeps working after its page is RWX */
    CHECK(make_writable((void *)run) == 0);
    printf("run() after its page became RWX: %ld\n", run(10));
    return rvt_summary();
}
