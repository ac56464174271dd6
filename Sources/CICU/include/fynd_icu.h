// A small C face over ICU for fynd, and the byte loops next to it (fynd_words.c). This
// header includes no ICU header on purpose: Foundation on Linux bundles its own ICU, and a
// Swift module that sees both the system's and Foundation's ICU types fails to build. ICU's
// version-suffixed symbol names (ubrk_open_72, ...) stay inside fynd_icu.c.
#ifndef FYND_ICU_H
#define FYND_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU break iterator over UTF-8 text (opaque). Not thread-safe: one per worker.
typedef struct fynd_breaker fynd_breaker;

/// Kinds of break iterator. FYND_BREAK_SENTENCE_WHOLE_TEXT gives ICU every character of the
/// text (no shortcuts): the reference that the shortcuts of FYND_BREAK_SENTENCE are tested against.
enum { FYND_BREAK_SENTENCE = 0, FYND_BREAK_WORD = 1, FYND_BREAK_SENTENCE_WHOLE_TEXT = 2 };

/// Opens a break iterator for `locale` (e.g. "sv"). Returns NULL and sets *status > 0 on failure.
fynd_breaker *fynd_breaker_open(int32_t kind, const char *locale, int32_t *status);

/// Closes a break iterator made by fynd_breaker_open. NULL is ignored.
void fynd_breaker_close(fynd_breaker *breaker);

/// Sets the `len` bytes of UTF-8 to iterate over (they must outlive the iteration; ICU reads a
/// UTF-16 copy, and breaks are mapped back to byte offsets). A sentence iterator gives a text
/// in which UAX #29 cannot break (no terminator but a closing one) as one sentence without
/// asking ICU, and gives ICU only the characters around the places where a sentence may end.
/// Returns 0, or -1 and sets *status > 0 on error.
int32_t fynd_breaker_set_text(fynd_breaker *breaker, const uint8_t *utf8, int64_t len, int32_t *status);

/// Writes the next break positions (byte offsets; the first call gives 0, the last the length)
/// to `offsets`, and, when `statuses` is not NULL, ICU's rule status of the segment that ends at
/// each. Returns how many were written (at most `capacity`); 0 when the text is done.
int32_t fynd_breaker_next(fynd_breaker *breaker, int64_t *offsets, int32_t *statuses, int32_t capacity);

/// Lower-cases UTF-8 with Swedish rules into dst. Returns the length needed (may exceed
/// capacity, in which case nothing useful is written), or -1 on error.
int32_t fynd_lower_sv(const uint8_t *src, int32_t len, uint8_t *dst, int32_t capacity, int32_t *status);

/// Normalises UTF-8 to NFC into dst. Returns the length needed (may exceed capacity), or -1 on error.
int32_t fynd_nfc(const uint8_t *src, int32_t len, uint8_t *dst, int32_t capacity, int32_t *status);

/// 1 when the UTF-8 text is already in NFC (a fast check), 0 otherwise or on error.
int32_t fynd_is_nfc(const uint8_t *src, int32_t len);

/// Writes to dst (len bytes) a word view of `len` bytes of UTF-8: letters and digits lower-cased
/// (ICU simple case mapping), combining marks kept, every other character replaced by as many
/// spaces as it has bytes, so offsets stay the same; format characters (soft hyphens) are taken
/// out of their word, whose bytes move up and are followed by as many spaces, so that a word
/// keeps its first byte and stays within its own bytes. Returns 0, or -1 when a letter's lower
/// case has another UTF-8 length (dst is then unusable).
int32_t fynd_word_fold(const uint8_t *src, int32_t len, uint8_t *dst);

/// Counts the first `max_words` words of a folded text (words are runs of bytes other than
/// ' ') by the value a table gives them: a word of at most eight bytes, packed little-endian
/// into `key`, is looked up in slot `(key * multiplier) >> 56` of the 256 `keys`, and when it is
/// there, counts[values[slot] & 3] grows, else counts[0]. Eight bytes are read at a time.
void fynd_count_words(const uint8_t *text, int64_t len, int32_t max_words, const uint64_t *keys, const uint8_t *values,
                      uint64_t multiplier, int32_t counts[4]);

/// ICU's version string, e.g. "72.1".
const char *fynd_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
