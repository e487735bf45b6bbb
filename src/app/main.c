#include <stdio.h>
int main(void) { puts("tapian"); return 0; }
