// Baseline: libxml2's HTML parser alone (parse and free, recover mode, no network) over HTML
// files, the floor of what fynd's HTML normalisation can cost. Usage: libxml2_parse FILE...
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    double seconds = 0;
    long bytes = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); continue; }
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *html = malloc(n);
        if (fread(html, 1, n, f) != (size_t)n) { perror("read"); return 1; }
        fclose(f);
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        htmlDocPtr doc = htmlReadMemory(html, n, NULL, "UTF-8",
            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        xmlFreeDoc(doc);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        seconds += (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
        bytes += n;
        free(html);
    }
    printf("%d pages, %.1f MB/s\n", argc - 1, bytes / 1e6 / seconds);
    return 0;
}
