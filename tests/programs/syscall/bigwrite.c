/* 1 MiB to stdout: 512 KiB through stdio in lines, then 512 KiB in a single write(2)
 * (which may be partial: the loop handles short writes). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    /* 8192 lines of 64 bytes = 512 KiB */
    for (int i = 0; i < 8192; i++)
        printf("line %06d: abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN\n", i);
    fflush(stdout);
    static char block[512 * 1024];
    for (size_t i = 0; i < sizeof block; i++)
        block[i] = (i % 64 == 63) ? '\n' : (char)('!' + (i * 7 + i / 64) % 90);
    size_t done = 0;
    while (done < sizeof block) {
        ssize_t n = write(1, block + done, sizeof block - done);
        if (n <= 0)
            return 1;
        done += (size_t)n;
    }
    return 0;
}
