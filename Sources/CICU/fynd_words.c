#include "fynd_icu.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>

/* Bit k set when byte k of the sixteen at p is a space (one compare and one mask). */
static inline uint64_t spaces16(const uint8_t *p) {
    return (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)p), _mm_set1_epi8(' ')));
}
#else
/* Bit k of the result is set when byte k of the eight at p is a space (SWAR, exact). */
static inline uint32_t spaces8(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    uint64_t x = v ^ 0x2020202020202020ULL;                   /* spaces become zero bytes */
    uint64_t t = ((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x;
    uint64_t zero = ~t & 0x8080808080808080ULL;               /* 0x80 in each zero byte */
    return (uint32_t)((zero * 0x0002040810204081ULL) >> 56);  /* gathered into eight bits */
}
#endif

/* Bit k set when byte i + k is a space; bytes past the end count as spaces. */
static inline uint64_t spaces64(const uint8_t *text, int64_t len, int64_t i) {
    if (i + 64 <= len) {
#if defined(__SSE2__)
        const uint8_t *p = text + i;
        return spaces16(p) | spaces16(p + 16) << 16 | spaces16(p + 32) << 32 | spaces16(p + 48) << 48;
#else
        uint64_t m = 0;
        for (int k = 0; k < 8; k++) m |= (uint64_t)spaces8(text + i + 8 * k) << (8 * k);
        return m;
#endif
    }
    uint64_t m = 0;
    for (int64_t k = 0; k < 64; k++) {
        if (i + k >= len || text[i + k] == ' ') m |= 1ULL << k;
    }
    return m;
}

/* The table's value (0–3) for the word text[start..<end], 0 when it is not there; without
   branches on the word, which would be mispredicted: a word longer than eight bytes gets key 0,
   which no word has. */
static inline uint32_t lookup(const uint8_t *text, int64_t len, int64_t start, int64_t end, const uint64_t *keys,
                              const uint8_t *values, uint64_t multiplier) {
    int64_t length = end - start;
    uint64_t key = 0;
    if (start + 8 <= len) {
        memcpy(&key, text + start, 8);
    } else {
        for (int64_t j = 0; j < len - start; j++) key |= (uint64_t)text[start + j] << (8 * j);
    }
    uint64_t keep = length >= 8 ? ~0ULL : (1ULL << (8 * length)) - 1;
    key &= keep & (0 - (uint64_t)(length <= 8));
    uint64_t slot = (key * multiplier) >> 56;
    return (uint32_t)(values[slot] & 3) & (0 - (uint32_t)(keys[slot] == key));
}

void fynd_count_words(const uint8_t *text, int64_t len, int32_t max_words, const uint64_t *keys, const uint8_t *values,
                      uint64_t multiplier, int32_t counts[4]) {
    int32_t words = 0;
    int64_t start = -1;     /* start of the word being read, or -1 between words */
    uint64_t before = 1;    /* whether the byte before the block is a space */
    /* The four counts as 16-bit fields of one register: an increment in memory would make
       each word wait on the store of the one before. */
    uint64_t tally = 0;
    for (int64_t i = 0; i < len && words < max_words; i += 64) {
        uint64_t sp = spaces64(text, len, i);
        uint64_t previous = (sp << 1) | before;
        uint64_t edges = (~sp & previous) | (sp & ~previous);  /* word starts and word ends */
        before = sp >> 63;
        while (edges && words < max_words) {
            int k = __builtin_ctzll(edges);
            edges &= edges - 1;
            int64_t at = i + k;
            if (start < 0) { start = at; continue; }
            words++;
            tally += 1ULL << (16 * lookup(text, len, start, at, keys, values, multiplier));
            start = -1;
            if ((words & 0x7FFF) == 0) {  /* before a field could overflow */
                for (int f = 0; f < 4; f++) counts[f] += (int32_t)((tally >> (16 * f)) & 0xFFFF);
                tally = 0;
            }
        }
    }
    if (start >= 0 && words < max_words) {
        /* A word that runs to the end (a text without a final space). */
        tally += 1ULL << (16 * lookup(text, len, start, len, keys, values, multiplier));
    }
    for (int f = 0; f < 4; f++) counts[f] += (int32_t)((tally >> (16 * f)) & 0xFFFF);
}
