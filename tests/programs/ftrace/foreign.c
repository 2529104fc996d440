/* ftrace: __patchable_function_entries entries the tracer must refuse, in a program that
 * must still run unchanged. Hand-written code, listed in the section next to GCC's own
 * entries:
 *   foreign_code      its 16-byte area is real code: the 8 bytes before the symbol are the
 *                     function foreign_before (li a0, 42; ret), the 8 at it are
 *                     addi a0, a0, 1; addi a0, a0, 2                        -> foreign bytes
 *   foreign_entry     the 8 bytes before are the compiler's NOPs, but the entry is real
 *                     code (slli a0, a0, 1; addi a0, a0, 5), as from =N,N    -> foreign bytes
 *   foreign_data_entry  16 bytes of NOPs in .data: right bytes, not executable -> not in text
 *   normal            an ordinary C function, listed a second time          -> duplicate
 * (normal's own entry from GCC stays usable: a tracer sees each call of it once.)
 * main and listed() also have ordinary sites. Calls: foreign_before 1, foreign_code 1,
 * foreign_entry 1, listed 4, normal 5, main 1. All the hand-written code is uncompressed,
 * so the layout is the same in both flavours; only the NOPs follow the flavour (4 c.nop
 * with C, 2 nop without). */
#include "rvtest.h"

#ifdef __riscv_compressed
#define AREA_NOPS ".2byte 0x0001, 0x0001, 0x0001, 0x0001\n\t" /* 4 c.nop */
#else
#define AREA_NOPS ".4byte 0x00000013, 0x00000013\n\t" /* 2 nop */
#endif

__asm__(".pushsection .text.rvt_foreign,\"ax\",@progbits\n\t"
        ".option push\n\t"
        ".option norvc\n\t"
        ".balign 8\n\t"
        ".globl foreign_before\n\t"
        ".type foreign_before, @function\n"
        "foreign_before:\n\t"
        "li a0, 42\n\t"
        "ret\n\t"
        ".size foreign_before, . - foreign_before\n\t"
        ".globl foreign_code\n\t"
        ".type foreign_code, @function\n"
        "foreign_code:\n\t"
        "addi a0, a0, 1\n\t"
        "addi a0, a0, 2\n\t"
        "ret\n\t"
        ".size foreign_code, . - foreign_code\n\t"
        ".balign 8\n\t"
        AREA_NOPS
        ".globl foreign_entry\n\t"
        ".type foreign_entry, @function\n"
        "foreign_entry:\n\t"
        "slli a0, a0, 1\n\t"
        "addi a0, a0, 5\n\t"
        "ret\n\t"
        ".size foreign_entry, . - foreign_entry\n\t"
        ".option pop\n\t"
        ".popsection\n\t"
        ".pushsection .data.rvt_foreign,\"aw\",@progbits\n\t"
        ".balign 8\n\t"
        ".globl foreign_data_slot\n\t"
        ".type foreign_data_slot, @object\n"
        "foreign_data_slot:\n\t"
        AREA_NOPS
        ".size foreign_data_slot, 8\n\t"
        ".globl foreign_data_entry\n\t"
        ".type foreign_data_entry, @object\n"
        "foreign_data_entry:\n\t"
        AREA_NOPS
        ".size foreign_data_entry, 8\n\t"
        ".popsection\n\t"
        ".pushsection __patchable_function_entries,\"awo\",@progbits,foreign_code\n\t"
        ".balign 8\n\t"
        ".8byte foreign_code - 8\n\t"
        ".8byte foreign_entry - 8\n\t"
        ".8byte foreign_data_entry - 8\n\t"
        ".8byte normal - 8\n\t"
        ".popsection");

long foreign_before(void);
long foreign_code(long x);
long foreign_entry(long x);
extern const uint16_t foreign_data_slot[], foreign_data_entry[];

__attribute__((noipa, noinline)) long normal(long x) { return x * 3 + 1; }

extern const uint64_t __start___patchable_function_entries[], __stop___patchable_function_entries[];

__attribute__((noipa, noinline)) int listed(const void *fn)
{
    uintptr_t a = (uintptr_t)fn;
    __asm__ volatile("" : "+r"(a));
    int n = 0;
    for (const uint64_t *e = __start___patchable_function_entries; e < __stop___patchable_function_entries; e++)
        n += *e == a - 8;
    return n;
}

int main(void)
{
    printf("listed: foreign_code %d, foreign_entry %d, foreign_data_entry %d, normal %d\n", listed(foreign_code),
           listed(foreign_entry), listed(foreign_data_entry), listed(normal));
    long b = foreign_before();
    long c = foreign_code(OPAQUE(10L));
    long e = foreign_entry(OPAQUE(10L));
    printf("foreign_before() = %ld, foreign_code(10) = %ld, foreign_entry(10) = %ld\n", b, c, e);
    CHECK(b == 42 && c == 13 && e == 25);
    long s = 0;
    for (long i = 0; i < 5; i++)
        s += OPAQUE(normal(i));
    printf("normal: sum %ld\n", s);
    CHECK(s == 35);
    return rvt_summary();
}
