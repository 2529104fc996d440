/* writev/readv, pipe2, dup/dup3, pread64/pwrite64, lseek on a pipe (ESPIPE),
 * and a read into a buffer split across several iovecs. */
#include "rvtest.h"
#include <fcntl.h>
#include <sys/uio.h>

int main(void)
{
    /* writev to stdout with three pieces, one of them empty */
    struct iovec out[4] = {
        {"writev: ", 8}, {"", 0}, {"three pieces", 12}, {" and a newline\n", 15},
    };
    ssize_t n = writev(1, out, 4);
    printf("writev returned %zd\n", n);
    fflush(stdout);

    int p[2];
    CHECK(pipe2(p, O_CLOEXEC) == 0);
    const char msg[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    CHECK(write(p[1], msg, 36) == 36);
    char a[5], b[10], c[30];
    struct iovec in[3] = {{a, 5}, {b, 10}, {c, 30}};
    n = readv(p[0], in, 3);
    printf("readv returned %zd: [%.5s] [%.10s] [%.*s]\n", n, a, b, (int)(n - 15), c);
    CHECK(n == 36);

    /* dup and dup3 share the pipe */
    int d = dup(p[1]);
    int d3 = dup3(p[1], 100, O_CLOEXEC);
    printf("dup > 2: %d, dup3 -> %d\n", d > 2, d3);
    CHECK(write(d, "via dup ", 8) == 8);
    CHECK(write(d3, "via dup3", 8) == 8);
    char buf[32] = {0};
    n = read(p[0], buf, sizeof buf);
    printf("read %zd: %s\n", n, buf);
    errno = 0;
    off_t off = lseek(p[0], 0, SEEK_SET);
    printf("lseek on a pipe: %ld %s\n", (long)off, errname(errno));
    close(d);
    close(d3);
    close(p[1]);
    n = read(p[0], buf, sizeof buf);
    printf("read after the writers closed: %zd\n", n);
    close(p[0]);
    errno = 0;
    n = write(p[1], "x", 1);
    printf("write to a closed fd: %zd %s\n", n, errname(errno));

    /* pread/pwrite on a file do not move the offset */
    char path[128];
    rvt_tmpname(path, sizeof path, "iovec");
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0);
    CHECK(write(fd, "abcdefghij", 10) == 10);
    CHECK(pwrite(fd, "XY", 2, 3) == 2);
    char pb[8] = {0};
    CHECK(pread(fd, pb, 6, 2) == 6);
    printf("pread: %s, offset still %ld\n", pb, (long)lseek(fd, 0, SEEK_CUR));
    struct iovec pv[2] = {{"12", 2}, {"34", 2}};
    CHECK(pwritev(fd, pv, 2, 8) == 4);
    lseek(fd, 0, SEEK_SET);
    memset(buf, 0, sizeof buf);
    n = read(fd, buf, sizeof buf);
    printf("file now %zd bytes: %s\n", n, buf);
    char r1[3] = {0}, r2[4] = {0};
    struct iovec rv[2] = {{r1, 2}, {r2, 3}};
    n = preadv(fd, rv, 2, 5);
    printf("preadv %zd: %s %s\n", n, r1, r2);
    close(fd);
    CHECK(unlink(path) == 0);
    return rvt_summary();
}
