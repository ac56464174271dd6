// Shared by the baselines: a whole file in memory, and elapsed seconds between two clocks.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

// The bytes of `path` (malloc'd; *n set to their count), or NULL when it cannot be opened.
// A failed read ends the program.
static char *read_file(const char *path, long *n) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return NULL; }
    fseek(f, 0, SEEK_END);
    *n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc(*n);
    if (fread(bytes, 1, *n, f) != (size_t)*n) { perror("read"); exit(1); }
    fclose(f);
    return bytes;
}

static double seconds_between(struct timespec t0, struct timespec t1) {
    return (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
}
