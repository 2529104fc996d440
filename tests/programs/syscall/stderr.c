/* Alternating stdout and stderr writes through both write(2) and stdio: stdout must
 * contain exactly its own lines (stderr is not compared). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    for (int i = 0; i < 5; i++) {
        char line[64];
        int n = snprintf(line, sizeof line, "stdout via write %d\n", i);
        write(1, line, (size_t)n);
        n = snprintf(line, sizeof line, "stderr via write %d\n", i);
        write(2, line, (size_t)n);
        fprintf(stderr, "stderr via fprintf %d\n", i);
        printf("stdout via printf %d\n", i);
        fflush(stdout);
    }
    fputs("unbuffered stderr at the end\n", stderr);
    puts("last stdout line");
    return 0;
}
