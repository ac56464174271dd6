// Baseline: ICU's Swedish sentence break iterator alone over UTF-8 text (UText, no copies),
// the floor of what fynd's segmentation can cost. Usage: icu_sentences FILE  (prints the
// number of breaks and MB/s).
#include "read_file.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s FILE\n", argv[0]); return 2; }
    long n;
    char *text = read_file(argv[1], &n);
    if (!text) return 1;
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
    double s = seconds_between(t0, t1);
    printf("%ld breaks, %.1f MB/s\n", breaks, n / 1e6 / s);
    return 0;
}
