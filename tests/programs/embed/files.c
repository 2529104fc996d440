/* Opens the file named by its argument: an embedder's context without IO access denies it,
 * and the program sees an error (not a crash). Without an argument it does nothing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        printf("no file\n");
        return 0;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0)
        printf("open: %s\n", errno == EACCES || errno == EPERM ? "denied" : "failed");
    else {
        printf("open: ok\n");
        close(fd);
    }
    return 0;
}
