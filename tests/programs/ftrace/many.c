/* More traced functions than take a trampoline into their own compiled code (CodeCache
 * allows 64 sites per trampoline; the others call one shared copy): 100 functions f0..f99,
 * fK called 2000 + 7*K times through a table, so every call count is different and the
 * profile must match the oracle exactly, for the sites that joined and the ones that share. */
#include <stdio.h>

#define F(k) __attribute__((noinline)) long f##k(long x) { return x * 3 + k; }
#define F10(t) F(t##0) F(t##1) F(t##2) F(t##3) F(t##4) F(t##5) F(t##6) F(t##7) F(t##8) F(t##9)
F(0) F(1) F(2) F(3) F(4) F(5) F(6) F(7) F(8) F(9)
F10(1) F10(2) F10(3) F10(4) F10(5) F10(6) F10(7) F10(8) F10(9)

#define P(k) f##k,
#define P10(t) P(t##0) P(t##1) P(t##2) P(t##3) P(t##4) P(t##5) P(t##6) P(t##7) P(t##8) P(t##9)
static long (*const table[100])(long) = {P(0) P(1) P(2) P(3) P(4) P(5) P(6) P(7) P(8) P(9)
    P10(1) P10(2) P10(3) P10(4) P10(5) P10(6) P10(7) P10(8) P10(9)};

int main(void)
{
    long sum = 0;
    for (int k = 0; k < 100; k++)
        for (int i = 0; i < 2000 + 7 * k; i++)
            sum += table[k](i);
    printf("100 functions, sum %ld\n", sum);
    return 0;
}
