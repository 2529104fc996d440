/* argv, envp and the auxiliary vector: argc and the arguments from args.args (argv[0]
 * only by its last path component), envp well-formed, RVTRACE_TEST from the runner,
 * getauxval(AT_PAGESZ/AT_HWCAP/AT_RANDOM/AT_ENTRY/AT_PHDR/...) and the raw stack layout. */
#include "rvtest.h"
#include <elf.h>
#include <sys/auxv.h>

extern char **environ;
extern char _start[];

int main(int argc, char **argv, char **envp)
{
    printf("argc = %d\n", argc);
    const char *base = strrchr(argv[0], '/');
    printf("argv[0] ends with: %s\n", base ? base + 1 : argv[0]);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] = [%s] (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] == NULL: %d\n", argv[argc] == NULL);
    printf("envp follows argv: %d, environ == envp: %d\n", envp == argv + argc + 1, environ == envp);
    int n = 0, wellformed = 1;
    for (char **e = envp; *e; e++, n++)
        wellformed &= strchr(*e, '=') != NULL;
    printf("envp entries all contain '=': %d\n", wellformed);
    const char *t = getenv("RVTRACE_TEST");
    printf("RVTRACE_TEST = %s\n", t ? t : "(unset)");

    /* auxv sits right after envp's NULL */
    char **p = envp;
    while (*p)
        p++;
    Elf64_auxv_t *av = (Elf64_auxv_t *)(p + 1);
    int have_pagesz = 0, have_random = 0, have_entry = 0, have_phdr = 0;
    for (; av->a_type != AT_NULL; av++) {
        have_pagesz |= av->a_type == AT_PAGESZ;
        have_random |= av->a_type == AT_RANDOM;
        have_entry |= av->a_type == AT_ENTRY;
        have_phdr |= av->a_type == AT_PHDR;
    }
    printf("raw auxv has AT_PAGESZ %d AT_RANDOM %d AT_ENTRY %d AT_PHDR %d\n", have_pagesz, have_random, have_entry, have_phdr);
    printf("AT_PAGESZ = %lu\n", getauxval(AT_PAGESZ));
    printf("AT_HWCAP non-zero: %d\n", getauxval(AT_HWCAP) != 0);
    unsigned long hw = getauxval(AT_HWCAP);
#define HW(c) (1ul << ((c) - 'A'))
    unsigned long imafd = HW('I') | HW('M') | HW('A') | HW('F') | HW('D');
    printf("AT_HWCAP has I M A F D: %d\n", (hw & imafd) == imafd);
    const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
    printf("AT_RANDOM non-null: %d\n", rnd != NULL);
    if (rnd) {
        unsigned x = 0;
        for (int i = 0; i < 16; i++)
            x |= rnd[i];
        printf("AT_RANDOM bytes readable: yes\n");
        (void)x;
    }
    printf("AT_ENTRY == _start: %d\n", getauxval(AT_ENTRY) == (unsigned long)_start);
    const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
    unsigned long phnum = getauxval(AT_PHNUM);
    printf("AT_PHENT = %lu, AT_PHNUM > 0: %d\n", getauxval(AT_PHENT), phnum > 0);
    int loads = 0;
    for (unsigned long i = 0; ph && i < phnum; i++)
        loads += ph[i].p_type == PT_LOAD;
    printf("program headers readable, PT_LOAD segments: %d\n", loads);
    printf("AT_UID == getuid(): %d, AT_EUID == geteuid(): %d\n", getauxval(AT_UID) == getuid(), getauxval(AT_EUID) == geteuid());
    printf("AT_SECURE = %lu\n", getauxval(AT_SECURE));
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    printf("AT_EXECFN ends like argv[0]: %d\n", execfn && base && strlen(execfn) >= strlen(base) &&
                                                  strcmp(execfn + strlen(execfn) - strlen(base), base) == 0);
    /* stack alignment at main */
    char probe __attribute__((aligned(16)));
    printf("sp 16-byte aligned object: %d\n", ((uintptr_t)&probe & 15) == 0);
    return 0;
}
