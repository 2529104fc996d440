/*
 * The floor under the ftrace-ops figure: the same traced call as native x86-64 code.
 *
 * rvtrace's guest (ftrace_ops.c) calls tracee_relevant, whose patch site jumps to the
 * merged RISC-V ftrace_caller: load the ops literal, check ops->direct_call, save 13 words
 * into an ftrace_regs frame, call ops->func (a counting callback), reload 10 words, return.
 * This program does that work on the host CPU, instruction for instruction where x86 has
 * the same instruction (the return address lives on the stack here, in ra there), so
 * that the overhead rvtrace's compiled code reaches can be read against what the machine
 * itself needs for the trampoline's memory traffic. It is not part of rvtrace and does not
 * emulate anything.
 *
 *     gcc -O2 -no-pie -o native_x86 native_x86.c && ./native_x86 [CALLS [ROUNDS]]
 *
 * Prints the untraced call, the traced call and the traced call with the callback's work in
 * the trampoline (no call), in ns per call, and each overhead over the untraced call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#if !defined(__x86_64__)
#error "native_x86.c is x86-64 code"
#endif

struct ftrace_ops {
    void (*func)(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op, void *fregs);
    void *direct_call;
};

/* Not static: ftrace_caller_inlined increments relevant_calls by name. */
unsigned long relevant_calls, stray_calls;
struct ftrace_ops relevant_ops;

/* The relevant ops' callback, like the sample's ops_func_count: one more call for op. */
__attribute__((noinline)) void ops_func_count(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op, void *fregs)
{
    (void)ip, (void)parent_ip, (void)fregs;
    if (op == &relevant_ops)
        relevant_calls++;
    else
        stray_calls++;
}

void tracee_traced(void);
void tracee_untraced(void);

/*
 * Each tracee: the ops literal 16 bytes before its entry, then the patch site (a 5-byte call
 * of a trampoline, or a 5-byte nop when untraced), then its body (ret). The trampolines
 * mirror the merged RISC-V ftrace_caller of ftrace-runtime's Trampolines (frame offsets
 * epc 0, ra 8, sp 16, s0 24, t1 32, a0..a7 48..104, 112 bytes): ftrace_caller calls
 * ops->func; ftrace_caller_inlined has the callback's work (one increment) in its place,
 * which is what rvtrace's compiled code does with a host callback.
 */
#define TRACEE(name, site)                                                                                             \
    ".p2align 4\n"                                                                                                    \
    "    .quad relevant_ops\n"                                                                                        \
    "    .quad 0\n"                                                                                                   \
    ".globl " name "\n" name ":\n" site "    ret\n"

#define TRAMPOLINE(name, callback)                                                                                     \
    ".p2align 4\n" name ":\n"                                                                                          \
    "    mov (%rsp), %r11\n"      /* t0: where the tracee goes on */                                                  \
    "    mov -21(%r11), %r10\n"   /* ld t1, literal */                                                                \
    "    mov 8(%r10), %rax\n"     /* ld t1, ops->direct_call */                                                       \
    "    test %rax, %rax\n"                                                                                            \
    "    jnz 1f\n"                                                                                                     \
    "    sub $112, %rsp\n"        /* addi sp, sp, -112 */                                                             \
    "    mov %r11, 0(%rsp)\n"     /* sd t0, epc */                                                                    \
    "    mov 120(%rsp), %rax\n"                                                                                        \
    "    mov %rax, 8(%rsp)\n"     /* sd ra */                                                                         \
    "    lea 120(%rsp), %rax\n"                                                                                        \
    "    mov %rax, 16(%rsp)\n"    /* sd sp */                                                                         \
    "    mov %rbp, 24(%rsp)\n"    /* sd s0 */                                                                         \
    "    mov %rdi, 48(%rsp)\n"    /* sd a0..a7 */                                                                     \
    "    mov %rsi, 56(%rsp)\n"                                                                                         \
    "    mov %rdx, 64(%rsp)\n"                                                                                         \
    "    mov %rcx, 72(%rsp)\n"                                                                                         \
    "    mov %r8, 80(%rsp)\n"                                                                                          \
    "    mov %r9, 88(%rsp)\n"                                                                                          \
    "    mov %rbx, 96(%rsp)\n"                                                                                         \
    "    mov %r12, 104(%rsp)\n"                                                                                        \
    "    mov -21(%r11), %r10\n"   /* ld t1, literal */                                                                \
    "    mov %r10, 32(%rsp)\n"    /* sd t1 */                                                                         \
    "    lea -5(%r11), %rdi\n"    /* a0 = ip */                                                                       \
    "    mov 120(%rsp), %rsi\n"   /* a1 = parent ip */                                                                \
    "    mov %r10, %rdx\n"        /* a2 = op */                                                                       \
    "    mov %rsp, %rcx\n"        /* a3 = fregs */                                                                    \
    callback                                                                                                           \
    "    mov 48(%rsp), %rdi\n"    /* ld a0..a7 */                                                                     \
    "    mov 56(%rsp), %rsi\n"                                                                                         \
    "    mov 64(%rsp), %rdx\n"                                                                                         \
    "    mov 72(%rsp), %rcx\n"                                                                                         \
    "    mov 80(%rsp), %r8\n"                                                                                          \
    "    mov 88(%rsp), %r9\n"                                                                                          \
    "    mov 96(%rsp), %rbx\n"                                                                                         \
    "    mov 104(%rsp), %r12\n"                                                                                        \
    "    mov 8(%rsp), %rax\n"     /* ld ra (a tracer may have changed it) */                                          \
    "    mov %rax, 120(%rsp)\n"                                                                                        \
    "    mov 0(%rsp), %r11\n"     /* ld t0 */                                                                         \
    "    add $112, %rsp\n"                                                                                             \
    "    ret\n"                                                                                                        \
    "1:  jmp *%rax\n"

void tracee_untraced(void);
void tracee_traced(void);
void tracee_traced_inlined(void);

__asm__(".text\n"
        TRACEE("tracee_untraced", "    .byte 0x0f, 0x1f, 0x44, 0x00, 0x00\n") /* nopl 0(%rax,%rax,1) */
        TRACEE("tracee_traced", "    call ftrace_caller\n")
        TRACEE("tracee_traced_inlined", "    call ftrace_caller_inlined\n")
        TRAMPOLINE("ftrace_caller", "    call *0(%r10)\n")                   /* jalr ops->func */
        TRAMPOLINE("ftrace_caller_inlined", "    incq relevant_calls(%rip)\n")); /* ops_func_count's work */

static unsigned long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ULL + (unsigned long long)ts.tv_nsec;
}

/* The callee-saved registers the trampoline saves and restores are declared clobbered around each call. */
#define CALL(f) __asm__ __volatile__("call " #f : : : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc")

#define ROUND(name, tracee)                                                                                            \
    __attribute__((noinline)) static unsigned long long name(unsigned long n)                                            \
    {                                                                                                                  \
        unsigned long long start = now_ns();                                                                           \
        for (unsigned long i = 0; i < n; i++)                                                                          \
            CALL(tracee);                                                                                              \
        return now_ns() - start;                                                                                       \
    }

ROUND(round_untraced, tracee_untraced)
ROUND(round_traced, tracee_traced)
ROUND(round_traced_inlined, tracee_traced_inlined)

static int cmp_ull(const void *a, const void *b)
{
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}

static double median_ns_per_call(unsigned long long (*round)(unsigned long), unsigned long calls, int rounds)
{
    unsigned long long t[rounds];
    for (int i = 0; i < 5; i++)
        round(calls);
    for (int i = 0; i < rounds; i++)
        t[i] = round(calls);
    qsort(t, rounds, sizeof t[0], cmp_ull);
    return (double)t[rounds / 2] / calls;
}

int main(int argc, char **argv)
{
    unsigned long calls = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000UL;
    int rounds = argc > 2 ? atoi(argv[2]) : 21;
    if (calls == 0 || rounds < 1 || rounds > 1000) {
        fprintf(stderr, "usage: native_x86 [CALLS>0 [ROUNDS 1..1000]]\n");
        return 2;
    }
    relevant_ops.func = ops_func_count;
    double untraced = median_ns_per_call(round_untraced, calls, rounds);
    double traced = median_ns_per_call(round_traced, calls, rounds);
    double inlined = median_ns_per_call(round_traced_inlined, calls, rounds);
    unsigned long expected = 2 * (unsigned long)(rounds + 5) * calls;
    if (relevant_calls != expected || stray_calls != 0) {
        fprintf(stderr, "native_x86: the callbacks counted %lu calls (%lu stray), expected %lu\n", relevant_calls, stray_calls,
                expected);
        return 1;
    }
    printf("native x86-64: untraced %.3f ns/call; traced %.3f ns/call, overhead %.3f ns; "
           "callback inlined %.3f ns/call, overhead %.3f ns (median of %d rounds of %lu calls)\n",
           untraced, traced, traced - untraced, inlined, inlined - untraced, rounds, calls);
    return 0;
}
