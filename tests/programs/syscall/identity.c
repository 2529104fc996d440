/* Process identity: uname (sysname and machine only), getpid/gettid/getppid,
 * getuid/geteuid/getgid/getegid (relations only), getrandom (counts only),
 * prctl-free sched_yield, getrlimit of the stack. */
#include "rvtest.h"
#include <sched.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

int main(void)
{
    struct utsname u;
    CHECK(uname(&u) == 0);
    printf("sysname: %s\nmachine: %s\n", u.sysname, u.machine);
    printf("release non-empty: %d, nodename non-empty: %d\n", u.release[0] != 0, u.nodename[0] != 0);

    pid_t pid = getpid(), tid = gettid();
    printf("getpid() > 0: %d\n", pid > 0);
    printf("getpid() == gettid(): %d\n", pid == tid);
    printf("raw SYS_gettid == gettid(): %d\n", (pid_t)syscall(SYS_gettid) == tid);
    printf("getppid() != getpid(): %d\n", getppid() != pid);
    printf("getpid() stable: %d\n", getpid() == pid);
    printf("getuid() == geteuid(): %d\n", getuid() == geteuid());
    printf("getgid() == getegid(): %d\n", getgid() == getegid());
    uid_t r, e, s;
    CHECK(getresuid(&r, &e, &s) == 0);
    printf("getresuid agrees: %d\n", r == getuid() && e == geteuid());
    printf("sched_yield: %d\n", sched_yield());

    unsigned char buf[64];
    memset(buf, 0, sizeof buf);
    ssize_t n = getrandom(buf, 16, 0);
    printf("getrandom(16): %zd\n", n);
    n = getrandom(buf + 16, 48, GRND_NONBLOCK);
    printf("getrandom(48, GRND_NONBLOCK): %zd\n", n);
    int nonzero = 0;
    for (int i = 0; i < 64; i++)
        nonzero |= buf[i];
    printf("random bytes not all zero: %d\n", nonzero != 0);
    n = getrandom(buf, 0, 0);
    printf("getrandom(0): %zd\n", n);

    struct rlimit rl;
    CHECK(getrlimit(RLIMIT_STACK, &rl) == 0);
    printf("stack rlimit at least 1 MiB or unlimited: %d\n", rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= (1u << 20));
    return rvt_summary();
}
