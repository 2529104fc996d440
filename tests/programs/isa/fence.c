/* FENCE variants (including fence.tso and the pause hint), fence.i, and memory
 * ordering visible to a single hart around them. */
#include "rvtest.h"

static volatile uint64_t slot[4];

int main(void)
{
    slot[0] = 1;
    __asm__ volatile("fence" ::: "memory");
    slot[1] = 2;
    __asm__ volatile("fence rw, rw" ::: "memory");
    slot[2] = slot[0] + slot[1];
    __asm__ volatile("fence r, r" ::: "memory");
    __asm__ volatile("fence w, w" ::: "memory");
    __asm__ volatile("fence iorw, iorw" ::: "memory");
    __asm__ volatile("fence rw, w" ::: "memory");
    __asm__ volatile("fence.tso" ::: "memory");
    __asm__ volatile(".word 0x0100000f" ::: "memory"); /* pause (Zihintpause): fence w, 0 */
    __asm__ volatile("fence.i" ::: "memory");
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    __builtin___clear_cache((char *)slot, (char *)(slot + 4));
    slot[3] = slot[2] * 10;
    printf("slots %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 "\n", slot[0], slot[1], slot[2], slot[3]);
    CHECK(slot[3] == 30);
    printf("fences executed\n");
    return rvt_summary();
}
