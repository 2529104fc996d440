/* Dense switch statements (compiled to jump tables at -O2), a sparse one (a decision
 * tree), and a switch-based bytecode VM. */
#include "rvtest.h"

static __attribute__((noinline)) int dense(int x)
{
    switch (x) {
    case 0: return 17;
    case 1: return 4;
    case 2: return -9;
    case 3: return 123;
    case 4: return 5;
    case 5: return 66;
    case 6: return 0;
    case 7: return 71;
    case 8: return -300;
    case 9: return 9;
    case 10: return 1000;
    case 11: return 11;
    case 12: return 12345;
    case 13: return -13;
    default: return -1;
    }
}

static __attribute__((noinline)) const char *names(unsigned c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return "vowel";
    case 'y': return "sometimes";
    case 'b': case 'c': case 'd': case 'f': case 'g': case 'h': case 'j': case 'k': case 'l':
    case 'm': case 'n': case 'p': case 'q': case 'r': case 's': case 't': case 'v': case 'w':
    case 'x': case 'z': return "consonant";
    case '0' ... '9': return "digit";
    default: return "other";
    }
}

static __attribute__((noinline)) int sparse(long x)
{
    switch (x) {
    case -100000: return 1;
    case 7: return 2;
    case 1000: return 3;
    case 65536: return 4;
    case 1L << 40: return 5;
    default: return 0;
    }
}

enum { PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DEC, HALT, POP, OVER };

static long vm(const long *prog)
{
    long stack[64];
    int sp = 0, pc = 0;
    for (;;) {
        switch (prog[pc++]) {
        case PUSH: stack[sp++] = prog[pc++]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case SWAP: { long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } break;
        case OVER: stack[sp] = stack[sp - 2]; sp++; break;
        case POP: sp--; break;
        case DEC: stack[sp - 1]--; break;
        case JNZ: { long t = prog[pc++]; if (stack[sp - 1]) pc = (int)t; } break;
        case HALT: return stack[sp - 1];
        }
    }
}

int main(void)
{
    long s = 0;
    for (int i = -3; i < 20; i++) {
        printf("%d:%d ", i, dense(i));
        s += dense(i);
    }
    printf("\ndense sum %ld\n", s);
    const char *txt = "Hello, RISC-V y2k!";
    for (const char *c = txt; *c; c++)
        printf("%c=%s ", *c, names((unsigned char)*c));
    printf("\n");
    static const long sv[] = {-100000, 7, 8, 1000, 65536, 1L << 40, (1L << 40) + 1};
    for (int i = 0; i < 7; i++)
        printf("sparse(%ld) = %d\n", sv[i], sparse(sv[i]));
    /* acc = 0; n = 50000; do { acc = acc + n*2; n-- } while (n) : acc n */
    static const long prog[] = {PUSH, 0, PUSH, 50000,
                                /* 4: */ SWAP, OVER, DUP, ADD, ADD, SWAP, DEC, JNZ, 4, POP, HALT};
    long r = vm(prog);
    printf("vm result %ld\n", r);
    CHECK(r == 50000L * 50001);
    return rvt_summary();
}
