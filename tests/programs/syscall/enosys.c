/* Unknown system calls fail with ENOSYS and the program goes on. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    static const long numbers[] = {999, 500, 4095, 100000};
    for (int i = 0; i < 4; i++) {
        errno = 0;
        long r = syscall(numbers[i], 1, 2, 3);
        printf("syscall(%ld) = %ld, errno %s\n", numbers[i], r, errno == ENOSYS ? "ENOSYS" : strerror(errno));
    }
    /* a raw ecall returns -ENOSYS in a0 */
    register long a7 __asm__("a7") = 999;
    register long a0 __asm__("a0") = 0;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
    printf("raw ecall 999 returned %ld (-ENOSYS = %d)\n", a0, -ENOSYS);
    printf("still running\n");
    return 0;
}
