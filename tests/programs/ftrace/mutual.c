/* ftrace: mutual recursion. is_even(n) and is_odd(n) call each other down to 0; no call is
 * a tail call (OPAQUE), so each level is a real call that returns. Starting at is_even(n)
 * enters is_even floor(n/2)+1 times and is_odd ceil(n/2) times; starting at is_odd(n) the
 * other way round. Over the inputs below: is_even 103, is_odd 102, main 1 (mutual.calls). */
#include "rvtest.h"

__attribute__((noipa, noinline)) int is_odd(long n);

__attribute__((noipa, noinline)) int is_even(long n)
{
    if (n == 0)
        return 1;
    return OPAQUE(is_odd(n - 1));
}

__attribute__((noipa, noinline)) int is_odd(long n)
{
    if (n == 0)
        return 0;
    return OPAQUE(is_even(n - 1));
}

int main(void)
{
    static const long evens[] = {0, 1, 7, 10, 25, 100};
    static const long odds[] = {0, 3, 50};
    for (unsigned i = 0; i < sizeof evens / sizeof evens[0]; i++) {
        int r = is_even(OPAQUE((long)evens[i]));
        printf("is_even(%ld) = %d\n", evens[i], r);
        CHECK(r == !(evens[i] & 1));
    }
    for (unsigned i = 0; i < sizeof odds / sizeof odds[0]; i++) {
        int r = is_odd(OPAQUE((long)odds[i]));
        printf("is_odd(%ld) = %d\n", odds[i], r);
        CHECK(r == (int)(odds[i] & 1));
    }
    return rvt_summary();
}
