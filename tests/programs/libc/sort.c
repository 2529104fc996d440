/* qsort with several comparators (ints, strings, structs by two keys), bsearch,
 * and a hand-written merge sort over a linked list, on data from a fixed LCG. */
#include "rvtest.h"

static uint32_t seed = 12345;
static uint32_t lcg(void) { return seed = seed * 1103515245u + 12345u; }

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

struct rec {
    int key;
    char name[12];
};
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key - y->key;
    return strcmp(x->name, y->name);
}

struct node {
    int v;
    struct node *next;
};
static struct node *merge(struct node *a, struct node *b)
{
    struct node head, *t = &head;
    while (a && b) {
        if (a->v <= b->v) {
            t->next = a;
            a = a->next;
        } else {
            t->next = b;
            b = b->next;
        }
        t = t->next;
    }
    t->next = a ? a : b;
    return head.next;
}
static struct node *msort(struct node *l)
{
    if (!l || !l->next)
        return l;
    struct node *slow = l, *fast = l->next;
    while (fast && fast->next) {
        slow = slow->next;
        fast = fast->next->next;
    }
    struct node *r = slow->next;
    slow->next = NULL;
    return merge(msort(l), msort(r));
}

int main(void)
{
    enum { N = 20000 };
    static int v[N];
    for (int i = 0; i < N; i++)
        v[i] = (int)(lcg() >> 8) % 100000 - 50000;
    qsort(v, N, sizeof v[0], cmp_int);
    int sorted = 1;
    long sum = 0;
    for (int i = 0; i < N; i++) {
        sorted &= i == 0 || v[i - 1] <= v[i];
        sum += (long)v[i] * (i % 7);
    }
    printf("ints sorted %d, min %d, max %d, median %d, weighted sum %ld\n", sorted, v[0], v[N - 1], v[N / 2], sum);
    int key = v[1234];
    int *found = bsearch(&key, v, N, sizeof v[0], cmp_int);
    printf("bsearch found value %d: %d\n", key, found && *found == key);
    int missing = 50001;
    printf("bsearch missing: %s\n", bsearch(&missing, v, N, sizeof v[0], cmp_int) ? "found" : "NULL");
    qsort(v, N, sizeof v[0], cmp_int_desc);
    printf("descending: first %d last %d\n", v[0], v[N - 1]);

    static const char *const animals[] = {"zebra", "aardvark", "mongoose", "Yak", "emu", "bat", "ant", "cat", "ant-eater", "dog", ""};
    const char *names[11];
    memcpy(names, animals, sizeof names);
    qsort(names, 11, sizeof names[0], cmp_str);
    printf("strings:");
    for (int i = 0; i < 11; i++)
        printf(" \"%s\"", names[i]);
    printf("\n");

    struct rec recs[12];
    for (int i = 0; i < 12; i++) {
        recs[i].key = (int)(lcg() >> 16) % 4;
        snprintf(recs[i].name, sizeof recs[i].name, "item%02u", (lcg() >> 16) % 50);
    }
    qsort(recs, 12, sizeof recs[0], cmp_rec);
    printf("records:");
    for (int i = 0; i < 12; i++)
        printf(" %d/%s", recs[i].key, recs[i].name);
    printf("\n");

    struct node *nodes = malloc(5000 * sizeof *nodes), *list = NULL;
    for (int i = 0; i < 5000; i++) {
        nodes[i].v = (int)(lcg() % 1000);
        nodes[i].next = list;
        list = &nodes[i];
    }
    list = msort(list);
    int prev = -1, ok = 1, count = 0;
    unsigned h = 0;
    for (struct node *p = list; p; p = p->next, count++) {
        ok &= p->v >= prev;
        prev = p->v;
        h = h * 31 + (unsigned)p->v;
    }
    printf("merge sort of a list: %d nodes, sorted %d, hash %08x\n", count, ok, h);
    free(nodes);
    return 0;
}
