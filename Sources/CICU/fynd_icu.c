#include "fynd_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/ucasemap.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct fynd_breaker {
    UBreakIterator *iterator;
    UText *text;
    int started;  /* whether ubrk_first has been called for the current text */
};

fynd_breaker *fynd_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIteratorType type = kind == FYND_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE;
    UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &err);
    if (U_FAILURE(err)) { *status = err; return NULL; }
    fynd_breaker *b = calloc(1, sizeof *b);
    if (!b) { ubrk_close(it); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->iterator = it;
    *status = 0;
    return b;
}

void fynd_breaker_close(fynd_breaker *b) {
    if (!b) return;
    if (b->text) utext_close(b->text);
    ubrk_close(b->iterator);
    free(b);
}

int32_t fynd_breaker_set_text(fynd_breaker *b, const uint8_t *utf8, int64_t len, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    b->text = utext_openUTF8(b->text, (const char *)utf8, len, &err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    ubrk_setUText(b->iterator, b->text, &err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    b->started = 0;
    *status = 0;
    return 0;
}

int32_t fynd_breaker_next(fynd_breaker *b, int64_t *offsets, int32_t *statuses, int32_t capacity) {
    int32_t n = 0;
    while (n < capacity) {
        int32_t pos = b->started ? ubrk_next(b->iterator) : ubrk_first(b->iterator);
        b->started = 1;
        if (pos == UBRK_DONE) break;
        offsets[n] = pos;
        if (statuses) statuses[n] = ubrk_getRuleStatus(b->iterator);
        n++;
    }
    return n;
}

static UCaseMap *swedish_case_map(UErrorCode *err) {
    static _Thread_local UCaseMap *map = NULL;
    if (!map) map = ucasemap_open("sv", 0, err);
    return map;
}

int32_t fynd_lower_sv(const uint8_t *src, int32_t len, uint8_t *dst, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UCaseMap *map = swedish_case_map(&err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    int32_t n = ucasemap_utf8ToLower(map, (char *)dst, capacity, (const char *)src, len, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    if (U_FAILURE(err)) { *status = err; return -1; }
    *status = 0;
    return n;
}

static int32_t to_utf16(const uint8_t *src, int32_t len, UChar **out, UErrorCode *err) {
    int32_t n16 = 0;
    u_strFromUTF8WithSub(NULL, 0, &n16, (const char *)src, len, 0xFFFD, NULL, err);
    if (*err == U_BUFFER_OVERFLOW_ERROR) *err = U_ZERO_ERROR;
    if (U_FAILURE(*err)) return -1;
    *out = malloc(sizeof(UChar) * (size_t)(n16 + 1));
    if (!*out) { *err = U_MEMORY_ALLOCATION_ERROR; return -1; }
    u_strFromUTF8WithSub(*out, n16 + 1, NULL, (const char *)src, len, 0xFFFD, NULL, err);
    return n16;
}

int32_t fynd_is_nfc(const uint8_t *src, int32_t len) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return 0;
    UChar *s16 = NULL;
    int32_t n16 = to_utf16(src, len, &s16, &err);
    if (n16 < 0) return 0;
    UBool ok = unorm2_isNormalized(nfc, s16, n16, &err);
    free(s16);
    return U_SUCCESS(err) && ok;
}

int32_t fynd_nfc(const uint8_t *src, int32_t len, uint8_t *dst, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    UChar *s16 = NULL;
    int32_t n16 = to_utf16(src, len, &s16, &err);
    if (n16 < 0) { *status = err; return -1; }
    int32_t cap16 = n16 * 3 + 16;
    UChar *d16 = malloc(sizeof(UChar) * (size_t)cap16);
    if (!d16) { free(s16); *status = U_MEMORY_ALLOCATION_ERROR; return -1; }
    int32_t m16 = unorm2_normalize(nfc, s16, n16, d16, cap16, &err);
    free(s16);
    if (U_FAILURE(err)) { free(d16); *status = err; return -1; }
    int32_t n8 = 0;
    u_strToUTF8((char *)dst, capacity, &n8, d16, m16, &err);
    free(d16);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    if (U_FAILURE(err)) { *status = err; return -1; }
    *status = 0;
    return n8;
}

const char *fynd_icu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, buffer);
    return buffer;
}

/* ASCII as the word view shows it: letters lower-cased, digits and '_' kept, the rest a space. */
static const uint8_t ascii_fold[128] = {
#define S ' '
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', S, S, S, S, S, S,
    S, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', S, S, S, S, '_',
    S, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', S, S, S, S, S,
#undef S
};

int32_t fynd_word_fold(const uint8_t *src, int32_t len, uint8_t *dst) {
    int32_t i = 0;
    while (i < len) {
        uint8_t b = src[i];
        if (b < 0x80) {
            dst[i++] = ascii_fold[b];
            continue;
        }
        int32_t start = i;
        UChar32 c;
        U8_NEXT(src, i, len, c);
        if (c < 0) {
            memset(dst + start, ' ', (size_t)(i - start));
        } else if (u_isalnum(c)) {
            UChar32 lower = u_tolower(c);
            if (U8_LENGTH(lower) != i - start) return -1;
            int32_t j = start;
            UBool error = 0;
            U8_APPEND(dst, j, len, lower, error);
            if (error) return -1;
        } else {
            int8_t type = u_charType(c);
            if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK || type == U_FORMAT_CHAR) {
                memcpy(dst + start, src + start, (size_t)(i - start));
            } else {
                memset(dst + start, ' ', (size_t)(i - start));
            }
        }
    }
    return 0;
}
