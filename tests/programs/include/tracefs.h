/* The tracing file system, as a traced program uses it on Linux: writing a control file
 * under /sys/kernel/tracing changes tracing (current_tracer, tracing_on, set_ftrace_filter).
 * Programs call these only when asked to by an argument, so a plain run (qemu, untraced)
 * never touches a host's tracefs. */
#ifndef RVTRACE_TRACEFS_H
#define RVTRACE_TRACEFS_H

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Writes value to the control file; 0 on success, -1 on failure. */
__attribute__((noipa, noinline)) static int tracefs_write(const char *file, const char *value)
{
    char path[128];
    snprintf(path, sizeof path, "/sys/kernel/tracing/%s", file);
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        return -1;
    int ok = write(fd, value, strlen(value)) == (ssize_t)strlen(value);
    close(fd);
    return ok ? 0 : -1;
}

/* Reads the control file into buf (NUL-terminated); 0 on success, -1 on failure. */
__attribute__((noipa, noinline)) static int tracefs_read(const char *file, char *buf, size_t len)
{
    char path[128];
    snprintf(path, sizeof path, "/sys/kernel/tracing/%s", file);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, len - 1);
    close(fd);
    if (n < 0)
        return -1;
    buf[n] = 0;
    return 0;
}

#endif
