// Baseline: ICU's Swedish sentence break iterator alone over UTF-8 text (UText, no copies),
// the floor of what fynd's segmentation can cost. Usage: icu_sentences FILE  (prints the
// number of breaks and MB/s).
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s FILE\n", argv[0]); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc(n);
    if (fread(text, 1, n, f) != (size_t)n) { perror("read"); return 1; }
    fclose(f);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_SENTENCE, "sv", NULL, 0, &err);
    UText *ut = utext_openUTF8(NULL, text, n, &err);
    ubrk_setUText(it, ut, &err);
    if (U_FAILURE(err)) { fprintf(stderr, "ICU: %s\n", u_errorName(err)); return 1; }
    long breaks = 0;
    for (int32_t p = ubrk_first(it); p != UBRK_DONE; p = ubrk_next(it)) breaks++;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%ld breaks, %.1f MB/s\n", breaks, n / 1e6 / s);
    return 0;
}
