/* main returns 42: the process exit status is 42 and buffered stdout is flushed. */
#include <stdio.h>

int main(void)
{
    printf("returning 42 from main (this line is buffered until exit)\n");
    return 42;
}
