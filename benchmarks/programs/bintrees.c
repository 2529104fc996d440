/* bintrees: allocate, walk and free many binary trees through malloc/free
 * (pointer chasing, allocator traffic; after the Benchmarks Game program).
 * Usage: bintrees [MAXDEPTH] */
#include <stdio.h>
#include <stdlib.h>

#ifndef DEFAULT_DEPTH
#define DEFAULT_DEPTH 17
#endif

typedef struct Node { struct Node *left, *right; } Node;

static Node *make(int depth) {
    Node *n = malloc(sizeof *n);
    if (!n) { perror("malloc"); exit(1); }
    if (depth > 0) { n->left = make(depth - 1); n->right = make(depth - 1); }
    else n->left = n->right = NULL;
    return n;
}

static long check(const Node *n) {
    return n->left ? 1 + check(n->left) + check(n->right) : 1;
}

static void release(Node *n) {
    if (n->left) { release(n->left); release(n->right); }
    free(n);
}

int main(int argc, char **argv) {
    int maxd = argc > 1 ? atoi(argv[1]) : DEFAULT_DEPTH;
    int mind = 4;
    if (maxd < mind + 2) maxd = mind + 2;
    unsigned long total = 0;

    Node *stretch = make(maxd + 1);
    printf("stretch tree of depth %d\t check: %ld\n", maxd + 1, check(stretch));
    release(stretch);

    Node *longlived = make(maxd);
    for (int d = mind; d <= maxd; d += 2) {
        long iters = 1L << (maxd - d + mind);
        long chk = 0;
        for (long i = 0; i < iters; i++) {
            Node *t = make(d);
            chk += check(t);
            release(t);
        }
        printf("%ld\t trees of depth %d\t check: %ld\n", iters, d, chk);
        total += (unsigned long)chk;
    }
    printf("long lived tree of depth %d\t check: %ld\n", maxd, check(longlived));
    release(longlived);
    printf("bintrees total=%lu\n", total);
    return 0;
}
