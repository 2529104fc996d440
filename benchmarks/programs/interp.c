/* interp: a small stack-based bytecode interpreter with a switch dispatch
 * loop (indirect branches, memory-resident VM state, call/return).
 * The bytecode computes, for i in [0, ITER): t = f(i); acc = t%3 ? acc+t : acc^t
 * where f(x) = x + ((x*x*2654435761) >> 7) % 1000003 - 1.
 * Usage: interp [ITER] */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#ifndef DEFAULT_ITER
#define DEFAULT_ITER 11500000
#endif

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, XOR, SHR, LT, JZ, JMP,
       DUP, CALL, RET, HALT };

typedef struct { int op; int64_t arg; } Ins;

static const Ins code[] = {
    /*  0 */ {PUSH, 0},
    /*  1 */ {STORE, 0},          /* i = 0 */
    /*  2 */ {LOAD, 0},           /* loop: */
    /*  3 */ {LOAD, 2},
    /*  4 */ {LT, 0},
    /*  5 */ {JZ, 27},            /* if !(i < limit) goto end */
    /*  6 */ {LOAD, 0},
    /*  7 */ {CALL, 28},          /* t = f(i) */
    /*  8 */ {STORE, 3},
    /*  9 */ {LOAD, 3},
    /* 10 */ {PUSH, 3},
    /* 11 */ {MOD, 0},
    /* 12 */ {JZ, 18},            /* if t % 3 == 0 goto xor */
    /* 13 */ {LOAD, 1},
    /* 14 */ {LOAD, 3},
    /* 15 */ {ADD, 0},
    /* 16 */ {STORE, 1},          /* acc += t */
    /* 17 */ {JMP, 22},
    /* 18 */ {LOAD, 1},           /* xor: */
    /* 19 */ {LOAD, 3},
    /* 20 */ {XOR, 0},
    /* 21 */ {STORE, 1},          /* acc ^= t */
    /* 22 */ {LOAD, 0},           /* inc: */
    /* 23 */ {PUSH, 1},
    /* 24 */ {ADD, 0},
    /* 25 */ {STORE, 0},          /* i++ */
    /* 26 */ {JMP, 2},
    /* 27 */ {HALT, 0},           /* end: */
    /* 28 */ {DUP, 0},            /* f: [x] */
    /* 29 */ {DUP, 0},
    /* 30 */ {MUL, 0},            /* [x, x*x] */
    /* 31 */ {PUSH, 2654435761LL},
    /* 32 */ {MUL, 0},
    /* 33 */ {PUSH, 7},
    /* 34 */ {SHR, 0},
    /* 35 */ {PUSH, 1000003},
    /* 36 */ {MOD, 0},
    /* 37 */ {ADD, 0},            /* [x + h] */
    /* 38 */ {PUSH, 1},
    /* 39 */ {SUB, 0},
    /* 40 */ {RET, 0},
};

#define U(x) ((uint64_t)(x))

static int64_t run(int64_t *vars) {
    int64_t stack[256];
    int rstack[64];
    int sp = 0, rsp = 0, pc = 0;
    for (;;) {
        const Ins *in = &code[pc++];
        switch (in->op) {
        case PUSH:  stack[sp++] = in->arg; break;
        case LOAD:  stack[sp++] = vars[in->arg]; break;
        case STORE: vars[in->arg] = stack[--sp]; break;
        case ADD:   sp--; stack[sp - 1] = (int64_t)(U(stack[sp - 1]) + U(stack[sp])); break;
        case SUB:   sp--; stack[sp - 1] = (int64_t)(U(stack[sp - 1]) - U(stack[sp])); break;
        case MUL:   sp--; stack[sp - 1] = (int64_t)(U(stack[sp - 1]) * U(stack[sp])); break;
        case MOD:   sp--; stack[sp - 1] %= stack[sp]; break;
        case XOR:   sp--; stack[sp - 1] ^= stack[sp]; break;
        case SHR:   sp--; stack[sp - 1] = (int64_t)(U(stack[sp - 1]) >> stack[sp]); break;
        case LT:    sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case JZ:    if (stack[--sp] == 0) pc = (int)in->arg; break;
        case JMP:   pc = (int)in->arg; break;
        case DUP:   stack[sp] = stack[sp - 1]; sp++; break;
        case CALL:  rstack[rsp++] = pc; pc = (int)in->arg; break;
        case RET:   pc = rstack[--rsp]; break;
        case HALT:  return vars[1];
        default:    fprintf(stderr, "bad opcode %d\n", in->op); exit(1);
        }
    }
}

int main(int argc, char **argv) {
    long iter = argc > 1 ? atol(argv[1]) : DEFAULT_ITER;
    int64_t vars[4] = {0, 0, iter, 0};   /* i, acc, limit, t */
    int64_t r = run(vars);
    printf("interp iter=%ld result=%lld\n", iter, (long long)r);
    return 0;
}
