/* _exit skips stdio flushing: only the write(2)-ed line appears, status 3. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    printf("this printf is buffered and lost: stdout is not a terminal\n");
    const char msg[] = "written directly\n";
    write(1, msg, strlen(msg));
    _exit(3);
}
