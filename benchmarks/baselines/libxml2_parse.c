// Baseline: libxml2's HTML parser alone (parse and free, recover mode, no network) over HTML
// files, the floor of what fynd's HTML normalisation can cost. Usage: libxml2_parse FILE...
#include "read_file.h"
#include <libxml/HTMLparser.h>

int main(int argc, char **argv) {
    double seconds = 0;
    long bytes = 0;
    for (int i = 1; i < argc; i++) {
        long n;
        char *html = read_file(argv[i], &n);
        if (!html) continue;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        htmlDocPtr doc = htmlReadMemory(html, n, NULL, "UTF-8",
            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        xmlFreeDoc(doc);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        seconds += seconds_between(t0, t1);
        bytes += n;
        free(html);
    }
    printf("%d pages, %.1f MB/s\n", argc - 1, bytes / 1e6 / seconds);
    return 0;
}
