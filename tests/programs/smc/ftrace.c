/* The Linux ftrace CALL_OPS scheme, done by the program on itself. Built with
 * -fpatchable-function-entry=8,4 -falign-functions=8 (flavour O2-pfe only): every function
 * has 4 c.nop (8 bytes, 8-aligned) before its entry and 4 c.nop after it. Tracing a
 * function writes a pointer to its ftrace_ops into the 8 bytes before the entry and
 * replaces the entry nops with "auipc t0, hi; jalr t0, lo(t0)" to a trampoline, which
 * loads the ops from t0 - 16, calls ops->func(ip, parent_ip, ops), and returns to t0.
 * The traced functions are hot before tracing starts; tracing is switched off again. */
#include "rvtest.h"
#include "rvenc.h"
#include <sys/mman.h>

struct ftrace_ops {
    void (*func)(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op);
    long calls;
    unsigned long last_ip;
};

void ftrace_caller(void);
__asm__(".text\n"
        ".balign 8\n"
        ".globl ftrace_caller\n"
        "ftrace_caller:\n\t"
        "addi sp, sp, -96\n\t"
        "sd ra, 0(sp)\n\tsd a0, 8(sp)\n\tsd a1, 16(sp)\n\tsd a2, 24(sp)\n\tsd a3, 32(sp)\n\t"
        "sd a4, 40(sp)\n\tsd a5, 48(sp)\n\tsd a6, 56(sp)\n\tsd a7, 64(sp)\n\tsd t0, 72(sp)\n\t"
        "ld a2, -16(t0)\n\t"     /* ops: the literal 8 bytes before the entry */
        "addi a0, t0, -8\n\t"    /* ip: the function entry */
        "mv a1, ra\n\t"          /* parent ip */
        "ld t1, 0(a2)\n\t"
        "jalr t1\n\t"
        "ld ra, 0(sp)\n\tld a0, 8(sp)\n\tld a1, 16(sp)\n\tld a2, 24(sp)\n\tld a3, 32(sp)\n\t"
        "ld a4, 40(sp)\n\tld a5, 48(sp)\n\tld a6, 56(sp)\n\tld a7, 64(sp)\n\tld t0, 72(sp)\n\t"
        "addi sp, sp, 96\n\t"
        "jr t0\n");

static void count_call(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op)
{
    (void)parent_ip;
    op->calls++;
    op->last_ip = ip;
}

__attribute__((noipa)) long square(long x) { return x * x; }
__attribute__((noipa)) long fib(long n)
{
    if (n < 2)
        return n;
    volatile long a = fib(n - 1), b = fib(n - 2); /* no call in tail position: every call enters fib */
    return a + b;
}

extern uint64_t __start___patchable_function_entries[], __stop___patchable_function_entries[];

/* the address of a function as a plain pointer the compiler knows nothing about */
static char *code_at(void (*f)(void))
{
    uintptr_t a = (uintptr_t)f;
    __asm__("" : "+r"(a));
    return (char *)a;
}
#define CODE(f) code_at((void (*)(void))(f))

static void text_rwx(char *p)
{
    uintptr_t start = ((uintptr_t)p - 8) & ~(uintptr_t)4095;
    CHECK(mprotect((void *)start, 8192, PROT_READ | PROT_WRITE | PROT_EXEC) == 0);
}

static int entry_is_nops(char *fn)
{
    const uint16_t *e = (const uint16_t *)fn;
    for (int i = -4; i < 4; i++)
        if (e[i] != c_nop())
            return 0;
    return 1;
}

static void trace_on(char *fn, struct ftrace_ops *ops)
{
    char *entry = fn;
    *(struct ftrace_ops **)(entry - 8) = ops;
    long off = CODE(ftrace_caller) - entry;
    int32_t hi = (int32_t)((off + 0x800) >> 12), lo = (int32_t)(off - ((long)hi << 12));
    uint32_t insn[2] = {auipc(T0, hi & 0xfffff), jalr(T0, T0, lo)};
    uint64_t both;
    memcpy(&both, insn, 8);
    *(volatile uint64_t *)entry = both; /* one aligned 8-byte store */
    __builtin___clear_cache(entry - 8, entry + 8);
}

static void trace_off(char *fn)
{
    *(volatile uint64_t *)fn = 0x0001000100010001ull; /* four c.nop */
    *(volatile uint64_t *)(fn - 8) = 0x0001000100010001ull;
    __builtin___clear_cache(fn - 8, fn + 8);
}

int main(void)
{
    long n = __stop___patchable_function_entries - __start___patchable_function_entries;
    int listed = 0;
    for (long i = 0; i < n; i++)
        listed += __start___patchable_function_entries[i] == (uint64_t)(uintptr_t)(CODE(square) - 8);
    printf("patchable entries: %ld, square listed: %d\n", n, listed);
    printf("entries are nops: square %d fib %d, 8-aligned %d\n", entry_is_nops(CODE(square)), entry_is_nops(CODE(fib)),
           ((uintptr_t)square & 7) == 0 && ((uintptr_t)fib & 7) == 0);

    long s0 = 0;
    for (long i = 0; i < 100000; i++)
        s0 += square(i & 1023);
    long f0 = fib(20);

    static struct ftrace_ops sq_ops = {count_call, 0, 0}, fib_ops = {count_call, 0, 0};
    text_rwx(CODE(square));
    text_rwx(CODE(fib));
    trace_on(CODE(square), &sq_ops);
    trace_on(CODE(fib), &fib_ops);
    long s1 = 0;
    for (long i = 0; i < 100000; i++)
        s1 += square(i & 1023);
    long f1 = fib(20);
    printf("traced: square calls %ld (ip ok %d), fib(20) = %ld with %ld calls (ip ok %d)\n", sq_ops.calls,
           sq_ops.last_ip == (unsigned long)CODE(square), f1, fib_ops.calls, fib_ops.last_ip == (unsigned long)CODE(fib));
    CHECK(s1 == s0 && f1 == f0 && f0 == 6765);
    CHECK(sq_ops.calls == 100000 && fib_ops.calls == 21891);

    trace_off(CODE(square));
    long s2 = 0;
    for (long i = 0; i < 100000; i++)
        s2 += square(i & 1023);
    long f2 = fib(15);
    printf("square untraced: calls still %ld; fib(15) = %ld, fib calls now %ld\n", sq_ops.calls, f2, fib_ops.calls);
    CHECK(s2 == s0 && sq_ops.calls == 100000 && fib_ops.calls == 21891 + 1973);
    trace_off(CODE(fib));
    printf("entries are nops again: %d %d\n", entry_is_nops(CODE(square)), entry_is_nops(CODE(fib)));
    printf("sum %ld\n", s2);
    return rvt_summary();
}
