#include "fynd_icu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/ucasemap.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

struct fynd_breaker {
    UBreakIterator *iterator;
    int shortcuts;  /* one sentence known without ICU, ICU given only the places where one may end */
    /* 0: not started, 1: iterating, 2: one sentence known without ICU, 3: that one handed out */
    int state;
    int64_t length;
    /* ICU iterates over a UTF-16 copy (faster than a UTF-8 UText). Breaks are mapped back to
       byte offsets by the marks the copy leaves after each character that is not ASCII: its
       UTF-16 end and how many more bytes than UTF-16 units the text has up to there. */
    UChar *u16;
    int32_t *marks, *deltas;
    int32_t capacity16;
    int32_t nmarks, at_mark;
};

/* Sentence_Break of the ASCII characters, read from ICU once. */
static uint8_t ascii_sentence_break[128];
static pthread_once_t ascii_sentence_break_once = PTHREAD_ONCE_INIT;
static void read_ascii_sentence_break(void) {
    for (UChar32 c = 0; c < 128; c++) ascii_sentence_break[c] = (uint8_t)u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
}

fynd_breaker *fynd_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    pthread_once(&ascii_sentence_break_once, read_ascii_sentence_break);
    UErrorCode err = U_ZERO_ERROR;
    UBreakIteratorType type = kind == FYND_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE;
    UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &err);
    if (U_FAILURE(err)) { *status = err; return NULL; }
    fynd_breaker *b = calloc(1, sizeof *b);
    if (!b) { ubrk_close(it); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->iterator = it;
    b->shortcuts = kind == FYND_BREAK_SENTENCE;
    *status = 0;
    return b;
}

void fynd_breaker_close(fynd_breaker *b) {
    if (!b) return;
    ubrk_close(b->iterator);
    free(b->u16);
    free(b->marks);
    free(b->deltas);
    free(b);
}

static int is_one_sentence(const uint8_t *s, int32_t len);

/* Sixteen bytes at once (the compiler's vector extensions: SSE2 or NEON, no intrinsics). */
typedef uint8_t u8x16 __attribute__((vector_size(16), aligned(1)));
typedef uint16_t u16x16 __attribute__((vector_size(32), aligned(1)));
static inline u8x16 load16(const uint8_t *p) { return *(const u8x16 *)p; }
static inline u8x16 splat16(uint8_t b) { return (u8x16){b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b}; }
/* The lanes that may start a character after which a sentence can end: '.', '!', '?', line
   ends, and lead bytes of characters that are not ASCII, but for C3 (U+00C0–U+00FF, letters
   such as å, ä, ö and é, never a terminator), which Swedish text is full of. A scan that jumps
   sixteen bytes may land on a continuation byte; no lane stops there, and a character check
   on one finds nothing. */
static inline u8x16 may_end_lanes(u8x16 v) {
    return ((v >= splat16(0xC0)) & (v != splat16(0xC3))) | (v == splat16('.')) | (v == splat16('!')) | (v == splat16('?'))
        | (v == splat16('\n')) | (v == splat16('\r'));
}

/* The index of the first lane of a comparison result that is set, or 16. */
static inline int first_lane(u8x16 mask) {
    uint64_t lo, hi;
    memcpy(&lo, &mask, 8);
    memcpy(&hi, (const uint8_t *)&mask + 8, 8);
    if (lo) return __builtin_ctzll(lo) >> 3;
    if (hi) return 8 + (__builtin_ctzll(hi) >> 3);
    return 16;
}

/* The UTF-16 copy being written: units, and the marks that map them back to bytes. */
struct copy { UChar *u16; int32_t *marks, *deltas; int32_t k, delta, m; };

static inline void mark(struct copy *c) {
    c->marks[c->m] = c->k;
    c->deltas[c->m] = c->delta;
    c->m++;
}

/* Appends utf8[from..<to] in UTF-16, with a mark after each character that is not ASCII. */
static void copy_utf16(struct copy *c, const uint8_t *utf8, int32_t from, int32_t to) {
    int32_t i = from;
    while (i < to) {
        if (i + 16 <= to) {
            /* Sixteen bytes widened at once (the copy is never longer than the bytes read, so the
               store fits); kept up to the first byte that is not ASCII. */
            u8x16 v = load16(utf8 + i);
            *(u16x16 *)(c->u16 + c->k) = __builtin_convertvector(v, u16x16);
            int ascii = first_lane(v >= splat16(0x80));
            i += ascii;
            c->k += ascii;
            if (ascii == 16) continue;
        }
        uint8_t c8 = utf8[i];
        if (c8 < 0x80) { c->u16[c->k++] = c8; i++; continue; }
        if (c8 >= 0xC2 && c8 < 0xE0 && i + 1 < to && (utf8[i + 1] & 0xC0) == 0x80) {
            /* Two bytes, one unit: å, ä, ö, é and the rest of Latin-1 and below U+0800. */
            c->u16[c->k++] = (UChar)(((c8 & 0x1F) << 6) | (utf8[i + 1] & 0x3F));
            i += 2;
            c->delta += 1;
        } else {
            int32_t start = i, start16 = c->k;
            UChar32 cp;
            U8_NEXT(utf8, i, to, cp);
            if (cp < 0) cp = 0xFFFD;
            U16_APPEND_UNSAFE(c->u16, c->k, cp);
            c->delta += (i - start) - (c->k - start16);
        }
        mark(c);
    }
}

/* One letter in the copy for `length` bytes of the text (marked when they are more than one). */
static inline void stand_in(struct copy *c, int32_t length) {
    c->u16[c->k++] = 'x';
    if (length > 1) {
        c->delta += length - 1;
        mark(c);
    }
}

/* Sentence_Break of the character at *i, which is advanced past it. */
static int32_t sentence_break_at(const uint8_t *s, int32_t n, int32_t *i) {
    uint8_t b = s[*i];
    if (b < 0x80) {
        (*i)++;
        return ascii_sentence_break[b];
    }
    if (b == 0xC3 && *i + 1 < n && (s[*i + 1] & 0xC0) == 0x80) {
        /* U+00C0–U+00FF: capitals up to U+00DE, small letters after, but × and ÷. */
        uint8_t c = s[*i + 1];
        *i += 2;
        return c == 0x97 || c == 0xB7 ? U_SB_OTHER : c <= 0x9E ? U_SB_UPPER : U_SB_LOWER;
    }
    UChar32 c;
    U8_NEXT(s, *i, n, c);
    return c < 0 ? U_SB_OTHER : u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
}

/* The index of the first character in s[i..<end] after which UAX #29 may end a sentence (STerm,
   ATerm or a separator), or end when there is none. Sixteen bytes at a time up to a byte that
   may start one. */
static int32_t next_sentence_end(const uint8_t *s, int32_t i, int32_t end) {
    while (i < end) {
        if (i + 16 <= end) {
            int skip = first_lane(may_end_lanes(load16(s + i)));
            i += skip;
            if (skip == 16) continue;
        }
        int32_t at = i, sb = sentence_break_at(s, end, &i);
        if (sb == U_SB_STERM || sb == U_SB_ATERM || sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF) return at;
    }
    return end;
}

/* Characters that UAX #29's sentence rules treat alike in the middle of a sentence. */
static inline int is_ordinary(int32_t sb) {
    return sb != U_SB_SP && sb != U_SB_CLOSE && sb != U_SB_ATERM && sb != U_SB_STERM && sb != U_SB_EXTEND
        && sb != U_SB_FORMAT && sb != U_SB_SEP && sb != U_SB_CR && sb != U_SB_LF;
}

/* The copy of a paragraph that ICU is given to find sentences in, with every stretch between
   the places where a sentence may end replaced by one stand-in letter. UAX #29 breaks inside a
   paragraph only after STerm or ATerm characters, and whether it does depends only on the
   character before them (rule 7) and on those after them up to the next letter (rules 6–11):
   the copy keeps, around each terminator, the words from one that starts with an ordinary
   character and everything after up to and including the next letter, so ICU reads a tenth
   of the text and finds the same breaks. Returns 0 for a paragraph with a separator inside. */
static int copy_sentence_places(struct copy *c, const uint8_t *s, int32_t n) {
    int32_t done = 0, i = 0;  /* bytes before `done` are in the copy; the next terminator is looked for from i */
    for (;;) {
        int32_t t = next_sentence_end(s, i, n);
        if (t == n) break;
        int32_t end = t, at_t = sentence_break_at(s, n, &end);
        if (at_t == U_SB_SEP || at_t == U_SB_CR || at_t == U_SB_LF) return 0;
        /* Back to a space before a word that starts with an ordinary character. */
        int32_t start = t, first = U_SB_ATERM;
        while (start > done) {
            int32_t j = start;
            UChar32 prev;
            U8_PREV(s, done, j, prev);
            if (prev == ' ' && is_ordinary(first)) break;
            first = prev < 0 ? U_SB_OTHER : prev < 0x80 ? ascii_sentence_break[prev] : u_getIntPropertyValue(prev, UCHAR_SENTENCE_BREAK);
            start = j;
        }
        /* On past the terminators, closing marks, spaces and the rest up to the next letter, and
           its marks. */
        while (end < n) {
            int32_t sb = sentence_break_at(s, n, &end);
            if (sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF) return 0;
            if (sb == U_SB_OLETTER || sb == U_SB_UPPER || sb == U_SB_LOWER) {
                int32_t j = end;
                while (j < n) {
                    int32_t after = sentence_break_at(s, n, &j);
                    if (after != U_SB_EXTEND && after != U_SB_FORMAT) break;
                    end = j;
                }
                break;
            }
        }
        if (start > done) stand_in(c, start - done);
        copy_utf16(c, s, start, end);
        done = i = end;
    }
    if (done < n) stand_in(c, n - done);
    return 1;
}

int32_t fynd_breaker_set_text(fynd_breaker *b, const uint8_t *utf8, int64_t len, int32_t *status) {
    *status = 0;
    b->length = len;
    b->state = 0;
    b->nmarks = 0;
    b->at_mark = 0;
    if (len > INT32_MAX / 2) { *status = U_INDEX_OUTOFBOUNDS_ERROR; return -1; }
    if (b->shortcuts && len > 0 && is_one_sentence(utf8, (int32_t)len)) { b->state = 2; return 0; }
    /* At most one UTF-16 unit per byte, and one mark per two bytes (a character that is not
       ASCII, or a stand-in for two bytes or more). */
    if (len + 1 > b->capacity16) {
        UChar *grown = realloc(b->u16, sizeof(UChar) * (size_t)(len + 1));
        if (grown) b->u16 = grown;
        int32_t *marks = realloc(b->marks, sizeof(int32_t) * (size_t)(len / 2 + 1));
        if (marks) b->marks = marks;
        int32_t *deltas = realloc(b->deltas, sizeof(int32_t) * (size_t)(len / 2 + 1));
        if (deltas) b->deltas = deltas;
        if (!grown || !marks || !deltas) { b->capacity16 = 0; *status = U_MEMORY_ALLOCATION_ERROR; return -1; }
        b->capacity16 = (int32_t)(len + 1);
    }
    struct copy c = { b->u16, b->marks, b->deltas, 0, 0, 0 };
    if (!b->shortcuts || !copy_sentence_places(&c, utf8, (int32_t)len)) {
        c.k = c.delta = c.m = 0;
        copy_utf16(&c, utf8, 0, (int32_t)len);
    }
    b->nmarks = c.m;
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(b->iterator, b->u16, c.k, &err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    return 0;
}

/* The byte offset of UTF-16 offset `p16`, at or after the last one asked for. */
static int64_t byte_offset(fynd_breaker *b, int32_t p16) {
    int32_t j = b->at_mark;
    while (j < b->nmarks && b->marks[j] <= p16) j++;
    b->at_mark = j;
    return (int64_t)p16 + (j ? b->deltas[j - 1] : 0);
}

/* Whether the text is one sentence by UAX #29 without asking ICU: no character after which a
   sentence can end, except in a closing run of terminators and closing quotes or brackets
   ("…ska utredas.", "…sa hon.”"), after which no break can fall before the end. */
static int is_one_sentence(const uint8_t *s, int32_t len) {
    int32_t end = len;
    while (end > 0) {
        uint8_t c = s[end - 1];
        if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']') { end--; continue; }
        if (end >= 3 && s[end - 3] == 0xE2 && s[end - 2] == 0x80 && (c == 0x9D || c == 0x99)) { end -= 3; continue; }
        break;
    }
    /* The closing run must start with a terminator for the rules to keep it whole. */
    if (end < len && s[end] != '.' && s[end] != '!' && s[end] != '?') return 0;
    return next_sentence_end(s, 0, end) == end;
}

int32_t fynd_breaker_next(fynd_breaker *b, int64_t *offsets, int32_t *statuses, int32_t capacity) {
    if (b->state >= 2) {
        /* One sentence, known without ICU: 0 and the length, once. */
        if (b->state == 3 || capacity < 2) return 0;
        offsets[0] = 0;
        offsets[1] = b->length;
        if (statuses) statuses[0] = statuses[1] = 0;
        b->state = 3;
        return 2;
    }
    int32_t n = 0;
    while (n < capacity) {
        int32_t pos = b->state ? ubrk_next(b->iterator) : ubrk_first(b->iterator);
        b->state = 1;
        if (pos == UBRK_DONE) break;
        offsets[n] = byte_offset(b, pos);
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
    /* Text whose characters from U+0300 on (lead bytes from 0xCC) are all inert to
       normalisation, as dashes, quotes and € are, is NFC: below U+0300 a character can only
       change next to one that is not. Most text is checked so, without a UTF-16 copy. */
    int32_t i = 0, inert = 1;
    while (i < len && inert) {
        if (src[i] < 0xCC) { i++; continue; }
        UChar32 c;
        U8_NEXT(src, i, len, c);
        inert = c >= 0 && unorm2_isInert(nfc, c);
    }
    if (inert) return 1;
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
    int invisible = 0;  /* whether a format character was marked */
    while (i < len) {
        if (i + 17 <= len) {
            /* Sixteen bytes at once. ASCII as ascii_fold has it: capitals + 32, small letters,
               digits and '_' as they are, the rest a space. Pairs C3 xx (U+00C0–U+00FF, Swedish
               å, ä, ö, é …) as the loop below has them. Kept up to the first other byte that is not
               ASCII (and before a pair that the block cuts). */
            u8x16 v = load16(src + i), next = load16(src + i + 1), zero = splat16(0);
            u8x16 upper = (v >= splat16('A')) & (v <= splat16('Z'));
            u8x16 keep = ((v >= splat16('a')) & (v <= splat16('z'))) | ((v >= splat16('0')) & (v <= splat16('9'))) | (v == splat16('_'));
            u8x16 folded = (upper & (v + splat16(0x20))) | (keep & v) | (~(upper | keep) & splat16(' '));
            u8x16 lead = (v == splat16(0xC3)) & ((next & splat16(0xC0)) == splat16(0x80));
            u8x16 second = __builtin_shufflevector(zero, lead, 0, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30);
            u8x16 capital = (v <= splat16(0x9E)) & (v != splat16(0x97));
            u8x16 sign = (v == splat16(0x97)) | (v == splat16(0xB7));  /* × and ÷ */
            u8x16 second_out = (capital & (v + splat16(0x20))) | (~capital & ~sign & v) | (sign & splat16(' '));
            u8x16 lead_sign = (next == splat16(0x97)) | (next == splat16(0xB7));
            u8x16 lead_out = (lead_sign & splat16(' ')) | (~lead_sign & splat16(0xC3));
            folded = (lead & lead_out) | (second & second_out) | (~(lead | second) & folded);
            /* All sixteen are stored; those from the stop on are written again by the steps that
               read them. */
            *(u8x16 *)(dst + i) = folded;
            int stop = first_lane((v >= splat16(0x80)) & ~(lead | second));
            if (stop == 16 && lead[15]) stop = 15;
            i += stop;
            if (stop == 16) continue;
        }
        uint8_t b = src[i];
        if (b < 0x80) {
            dst[i++] = ascii_fold[b];
            continue;
        }
        if (b == 0xC3 && i + 1 < len && (src[i + 1] & 0xC0) == 0x80) {
            /* U+00C0–U+00FF, Swedish å, ä, ö, é …: letters but × and ÷; capitals (up to U+00DE)
               lower-case to the code point + 32, in the second byte. */
            uint8_t c = src[i + 1];
            if (c == 0x97 || c == 0xB7) {
                dst[i] = dst[i + 1] = ' ';
            } else {
                dst[i] = 0xC3;
                dst[i + 1] = c <= 0x9E ? c + 0x20 : c;
            }
            i += 2;
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
            if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) {
                memcpy(dst + start, src + start, (size_t)(i - start));
            } else if (type == U_FORMAT_CHAR) {
                /* A soft hyphen or another invisible character: marked with zero bytes, which
                   nothing else folds to, and taken out of its word below. */
                memset(dst + start, 0, (size_t)(i - start));
                invisible = 1;
            } else {
                memset(dst + start, ' ', (size_t)(i - start));
            }
        }
    }
    if (invisible) {
        /* Each word's bytes moved up over the marks inside it and spaces written after it, so
           that a word stays within its own bytes and "social\u00ADtjänst" reads as one word. */
        int32_t w = 0;
        for (int32_t r = 0; r < len; r++) {
            uint8_t b = dst[r];
            if (b == 0) continue;
            if (b == ' ') while (w < r) dst[w++] = ' ';
            dst[w++] = b;
        }
        while (w < len) dst[w++] = ' ';
    }
    return 0;
}
