/* read(0) in small chunks until EOF, echo each line with its number via write(1),
 * then report the byte and line counts. stdin comes from stdin_echo.stdin. */
#include "rvtest.h"

int main(void)
{
    char chunk[7], line[256];
    size_t len = 0, total = 0;
    int lines = 0;
    ssize_t n;
    while ((n = read(0, chunk, sizeof chunk)) > 0) {
        total += (size_t)n;
        for (ssize_t i = 0; i < n; i++) {
            if (chunk[i] == '\n' || len == sizeof line - 1) {
                char out[300];
                int m = snprintf(out, sizeof out, "%3d|%.*s|\n", ++lines, (int)len, line);
                write(1, out, (size_t)m);
                len = 0;
            } else {
                line[len++] = chunk[i];
            }
        }
    }
    if (len) {
        char out[300];
        int m = snprintf(out, sizeof out, "%3d|%.*s| (no newline)\n", ++lines, (int)len, line);
        write(1, out, (size_t)m);
    }
    char out[100];
    int m = snprintf(out, sizeof out, "read returned %zd at the end; %zu bytes, %d lines\n", n, total, lines);
    write(1, out, (size_t)m);
    /* reading again at EOF keeps returning 0 */
    n = read(0, chunk, sizeof chunk);
    m = snprintf(out, sizeof out, "read after EOF: %zd\n", n);
    write(1, out, (size_t)m);
    return 0;
}
