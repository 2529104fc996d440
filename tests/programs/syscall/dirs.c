/* Directories: mkdirat, getdents64 (raw, with a small buffer so it takes several calls)
 * and opendir/readdir, symlinkat/readlinkat, unlinkat (files and AT_REMOVEDIR),
 * ENOTEMPTY/EEXIST/ENOTDIR errors, chdir/getcwd. Listings are sorted before printing. */
#include "rvtest.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static const char *type_name(unsigned char t)
{
    return t == DT_REG ? "file" : t == DT_DIR ? "dir" : t == DT_LNK ? "link" : t == DT_UNKNOWN ? "unknown" : "other";
}

int main(void)
{
    umask(022);
    char dir[128];
    rvt_tmpname(dir, sizeof dir, "dirs");
    printf("mkdirat: %d\n", mkdirat(AT_FDCWD, dir, 0755));
    errno = 0;
    int r = mkdirat(AT_FDCWD, dir, 0755);
    printf("mkdirat again: %d %s\n", r, errname(errno));
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    CHECK(dfd >= 0);

    /* populate: files, a subdirectory, a symlink */
    static const char *const files[] = {"zeta.txt", "alpha", "Beta", "gamma-with-a-rather-long-name-0123456789", "d"};
    for (int i = 0; i < 5; i++) {
        int fd = openat(dfd, files[i], O_WRONLY | O_CREAT, 0644);
        CHECK(fd >= 0);
        write(fd, files[i], strlen(files[i]));
        close(fd);
    }
    printf("mkdirat(dfd, \"sub\"): %d\n", mkdirat(dfd, "sub", 0700));
    printf("symlinkat: %d\n", symlinkat("alpha", dfd, "link-to-alpha"));
    printf("symlinkat (dangling): %d\n", symlinkat("../nowhere/at/all", dfd, "dangling"));
    char target[64] = {0};
    ssize_t n = readlinkat(dfd, "link-to-alpha", target, sizeof target);
    printf("readlinkat: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), target);
    memset(target, 0, sizeof target);
    n = readlinkat(dfd, "dangling", target, 5); /* truncated, no NUL added */
    printf("readlinkat truncated: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), target);
    errno = 0;
    n = readlinkat(dfd, "alpha", target, sizeof target);
    printf("readlinkat of a regular file: %zd %s\n", n, errname(errno));
    struct stat st;
    CHECK(fstatat(dfd, "link-to-alpha", &st, 0) == 0);
    printf("stat through the link: regular %d size %ld\n", S_ISREG(st.st_mode), (long)st.st_size);
    CHECK(fstatat(dfd, "link-to-alpha", &st, AT_SYMLINK_NOFOLLOW) == 0);
    printf("lstat of the link: symlink %d size %ld\n", S_ISLNK(st.st_mode), (long)st.st_size);
    errno = 0;
    r = openat(dfd, "dangling", O_RDONLY);
    printf("open of a dangling link: %d %s\n", r, errname(errno));

    /* raw getdents64 with a small buffer */
    char *names[32];
    int count = 0, calls = 0;
    char buf[128] __attribute__((aligned(8)));
    for (;;) {
        long got = syscall(SYS_getdents64, dfd, buf, sizeof buf);
        CHECK(got >= 0);
        if (got <= 0)
            break;
        calls++;
        for (long off = 0; off < got;) {
            struct linux_dirent64 *de = (struct linux_dirent64 *)(buf + off);
            char *s = malloc(strlen(de->d_name) + 16);
            unsigned char t = de->d_type;
            if (t == DT_UNKNOWN) { /* some file systems do not fill d_type: ask stat, as programs do */
                struct stat ts;
                if (fstatat(dfd, de->d_name, &ts, AT_SYMLINK_NOFOLLOW) == 0)
                    t = S_ISDIR(ts.st_mode) ? DT_DIR : S_ISLNK(ts.st_mode) ? DT_LNK : S_ISREG(ts.st_mode) ? DT_REG : 0;
            }
            sprintf(s, "%s (%s)", de->d_name, type_name(t));
            names[count++] = s;
            off += de->d_reclen;
        }
    }
    qsort(names, (size_t)count, sizeof names[0], cmp);
    printf("getdents64: %d entries, more than one call: %d\n", count, calls > 1);
    for (int i = 0; i < count; i++) {
        printf("  %s\n", names[i]);
        free(names[i]);
    }

    /* the same through readdir */
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        names[count++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)count, sizeof names[0], cmp);
    printf("readdir:");
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");

    /* chdir/getcwd */
    char cwd[256], old[512];
    CHECK(getcwd(old, sizeof old) != NULL);
    CHECK(chdir(dir) == 0);
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    printf("getcwd after chdir ends with the dir name: %d\n", strcmp(cwd + strlen(cwd) - strlen(strrchr(dir, '/')), strrchr(dir, '/')) == 0);
    printf("relative open after chdir: %d\n", access("zeta.txt", F_OK));
    CHECK(chdir(old) == 0);

    /* removal */
    errno = 0;
    r = unlinkat(AT_FDCWD, dir, AT_REMOVEDIR);
    printf("rmdir of a non-empty dir: %d %s\n", r, errname(errno));
    errno = 0;
    r = unlinkat(dfd, "sub", 0);
    printf("unlinkat of a dir without AT_REMOVEDIR: %d %s\n", r, errname(errno));
    errno = 0;
    r = unlinkat(dfd, "alpha", AT_REMOVEDIR);
    printf("unlinkat AT_REMOVEDIR of a file: %d %s\n", r, errname(errno));
    errno = 0;
    r = mkdirat(dfd, "alpha/x", 0755);
    printf("mkdirat below a file: %d %s\n", r, errname(errno));
    int ok = 0;
    for (int i = 0; i < 5; i++)
        ok += unlinkat(dfd, files[i], 0) == 0;
    ok += unlinkat(dfd, "link-to-alpha", 0) == 0;
    ok += unlinkat(dfd, "dangling", 0) == 0;
    ok += unlinkat(dfd, "sub", AT_REMOVEDIR) == 0;
    printf("removed %d entries\n", ok);
    close(dfd);
    printf("rmdir: %d\n", unlinkat(AT_FDCWD, dir, AT_REMOVEDIR));
    printf("dir still exists: %d\n", access(dir, F_OK) == 0);
    return rvt_summary();
}
