/* File system calls on a file the program creates in /tmp: openat/close/read/write/lseek,
 * fstat/newfstatat/statx, faccessat, fcntl (F_GETFL, F_SETFL, F_GETFD/F_SETFD, F_DUPFD),
 * ioctl(TCGETS) on a non-tty (ENOTTY), ftruncate, renameat, O_APPEND, O_EXCL, unlink. */
#include "rvtest.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <termios.h>

int main(void)
{
    char path[128], path2[160];
    umask(022);
    rvt_tmpname(path, sizeof path, "files");
    snprintf(path2, sizeof path2, "%s.renamed", path);

    int fd = openat(AT_FDCWD, path, O_RDWR | O_CREAT | O_EXCL | O_TRUNC, 0640);
    printf("openat: fd >= 3: %d\n", fd >= 3);
    CHECK(fd >= 3);
    errno = 0;
    int again = openat(AT_FDCWD, path, O_RDWR | O_CREAT | O_EXCL, 0640);
    printf("openat O_EXCL on an existing file: %d %s\n", again, errname(errno));

    static const char text[] = "The quick brown fox jumps over the lazy dog.\n";
    ssize_t n = write(fd, text, sizeof text - 1);
    printf("write: %zd\n", n);
    printf("lseek(0, SEEK_CUR) = %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    printf("lseek(-5, SEEK_END) = %ld\n", (long)lseek(fd, -5, SEEK_END));
    char buf[64] = {0};
    n = read(fd, buf, sizeof buf);
    printf("read %zd: \"%.*s\"\n", n, (int)n - 1, buf);
    printf("lseek(4, SEEK_SET) = %ld\n", (long)lseek(fd, 4, SEEK_SET));
    memset(buf, 0, sizeof buf);
    n = read(fd, buf, 5);
    printf("read %zd: \"%s\"\n", n, buf);
    printf("lseek(100, SEEK_SET) = %ld\n", (long)lseek(fd, 100, SEEK_SET));
    n = read(fd, buf, 5);
    printf("read past the end: %zd\n", n);
    errno = 0;
    printf("lseek(-1, SEEK_SET) = %ld %s\n", (long)lseek(fd, -1, SEEK_SET), errname(errno));

    /* fstat / newfstatat / statx agree */
    struct stat st, st2;
    CHECK(fstat(fd, &st) == 0);
    printf("fstat: size %ld, regular %d, mode %04o, nlink %lu\n", (long)st.st_size, S_ISREG(st.st_mode),
           st.st_mode & 07777, (unsigned long)st.st_nlink);
    CHECK(syscall(SYS_newfstatat, AT_FDCWD, path, &st2, 0) == 0);
    printf("newfstatat: same inode %d, same size %d, blksize > 0: %d\n", st.st_ino == st2.st_ino,
           st.st_size == st2.st_size, st2.st_blksize > 0);
    CHECK(fstatat(AT_FDCWD, path, &st2, 0) == 0 && st2.st_ino == st.st_ino);
    struct statx sx;
    memset(&sx, 0, sizeof sx);
    int r = statx(AT_FDCWD, path, AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, &sx);
    printf("statx: %d, size %llu, mode %04o, same inode %d, has basic stats %d\n", r,
           (unsigned long long)sx.stx_size, sx.stx_mode & 07777, sx.stx_ino == st.st_ino,
           (sx.stx_mask & (STATX_SIZE | STATX_MODE | STATX_INO)) == (STATX_SIZE | STATX_MODE | STATX_INO));
    memset(&sx, 0, sizeof sx);
    r = statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &sx);
    printf("statx(fd, \"\", AT_EMPTY_PATH): %d, size %llu\n", r, (unsigned long long)sx.stx_size);
    errno = 0;
    r = fstatat(AT_FDCWD, "/tmp/rvtrace-this-file-does-not-exist", &st2, 0);
    printf("fstatat of a missing file: %d %s\n", r, errname(errno));
    CHECK(fstat(1, &st2) == 0);
    printf("fstat(1) works: yes\n");
    CHECK(stat("/tmp", &st2) == 0);
    printf("/tmp is a directory: %d\n", S_ISDIR(st2.st_mode));

    /* faccessat: existence, readability, and X_OK on a file without x bits (denied even for root) */
    printf("faccessat F_OK: %d\n", faccessat(AT_FDCWD, path, F_OK, 0));
    printf("faccessat R_OK: %d\n", faccessat(AT_FDCWD, path, R_OK, 0));
    errno = 0;
    r = faccessat(AT_FDCWD, path, X_OK, 0);
    printf("faccessat X_OK: %d %s\n", r, errname(errno));
    errno = 0;
    r = access("/tmp/rvtrace-this-file-does-not-exist", F_OK);
    printf("access of a missing file: %d %s\n", r, errname(errno));

    /* fcntl */
    int fl = fcntl(fd, F_GETFL);
    printf("F_GETFL: accmode %s, append %d, nonblock %d\n",
           (fl & O_ACCMODE) == O_RDWR ? "O_RDWR" : "?", !!(fl & O_APPEND), !!(fl & O_NONBLOCK));
    CHECK(fcntl(fd, F_SETFL, fl | O_APPEND | O_NONBLOCK) == 0);
    fl = fcntl(fd, F_GETFL);
    printf("after F_SETFL: append %d, nonblock %d\n", !!(fl & O_APPEND), !!(fl & O_NONBLOCK));
    printf("F_GETFD: %d\n", fcntl(fd, F_GETFD));
    CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
    printf("F_GETFD after F_SETFD(FD_CLOEXEC): %d\n", fcntl(fd, F_GETFD));
    int fd2 = fcntl(fd, F_DUPFD, 20);
    printf("F_DUPFD(20) -> %d, F_GETFD of the copy: %d\n", fd2, fcntl(fd2, F_GETFD));
    int fd3 = fcntl(fd, F_DUPFD_CLOEXEC, 20);
    printf("F_DUPFD_CLOEXEC(20) -> %d, F_GETFD: %d\n", fd3, fcntl(fd3, F_GETFD));
    close(fd3);
    /* O_APPEND: writes go to the end whatever the offset */
    lseek(fd, 0, SEEK_SET);
    CHECK(write(fd2, "APPENDED\n", 9) == 9);
    printf("size after an O_APPEND write: %ld, offset %ld\n", (long)lseek(fd, 0, SEEK_END), (long)lseek(fd2, 0, SEEK_CUR));
    close(fd2);

    /* ioctl TCGETS on a regular file */
    struct termios tio;
    errno = 0;
    r = ioctl(fd, TCGETS, &tio);
    printf("ioctl(TCGETS) on a file: %d %s\n", r, errname(errno));
    printf("isatty(file): %d %s\n", isatty(fd), errname(errno));

    /* ftruncate shrink and grow */
    CHECK(ftruncate(fd, 9) == 0);
    fstat(fd, &st);
    printf("after ftruncate(9): size %ld\n", (long)st.st_size);
    CHECK(ftruncate(fd, 20) == 0);
    memset(buf, 'x', sizeof buf);
    n = pread(fd, buf, sizeof buf, 0);
    printf("after ftruncate(20): read %zd, byte 15 = %d\n", n, buf[15]);
    close(fd);
    errno = 0;
    r = close(fd);
    printf("close twice: %d %s\n", r, errname(errno));

    /* renameat then unlink */
    r = renameat(AT_FDCWD, path, AT_FDCWD, path2);
    printf("renameat: %d, old exists %d, new exists %d\n", r, access(path, F_OK) == 0, access(path2, F_OK) == 0);
    printf("unlink: %d\n", unlink(path2));
    errno = 0;
    r = unlink(path2);
    printf("unlink again: %d %s\n", r, errname(errno));
    errno = 0;
    r = open(path2, O_RDONLY);
    printf("open of the removed file: %d %s\n", r, errname(errno));
    return rvt_summary();
}
