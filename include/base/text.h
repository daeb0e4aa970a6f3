/* text.h - UTF-8 text: validation, safe display, display width.
 *
 * User text is stored as UTF-8 without control characters.  Before anything
 * is drawn or printed it passes through text_safe, so a hostile title cannot
 * reach the terminal as an escape sequence.
 */
#ifndef FOCUSWEEK_TEXT_H
#define FOCUSWEEK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define TEXT_ASCII_END 0x80  /* code points below it are ASCII */

/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF. */
bool text_utf8_valid(const char *s, size_t n);
/*
 * Decodes one code point at s (n bytes available).  Returns its length in
 * bytes (>= 1); an invalid sequence decodes as U+FFFD of length 1.
 */
size_t text_decode(const char *s, size_t n, uint32_t *cp);
/* C0, DEL, C1, and the bidirectional embedding and isolate controls. */
bool text_is_control(uint32_t cp);
/* The first control character in s, or 0. */
uint32_t text_find_control(const char *s);

/*
 * Checks one piece of user text (a title, a name, a note): valid UTF-8,
 * no control characters, at most max_bytes.  Returns NULL when fine, or a
 * static description of the problem.
 */
const char *text_check(const char *s, size_t max_bytes);
/* `one` when n is 1, else `many`: "1 call", "3 calls". */
const char *text_noun(int64_t n, const char *one, const char *many);

/* The display mode of a terminal or stream: UTF-8 capable or ASCII only. */
enum text_mode { TEXT_ASCII = 0, TEXT_UTF8 = 1 };

/* True when the current locale's codeset is UTF-8 (after setlocale). */
bool text_locale_utf8(void);

/*
 * Appends s to b safe for a terminal: control characters become U+FFFD
 * ('?' in ASCII mode), invalid UTF-8 becomes U+FFFD, and in ASCII mode every
 * non-ASCII character becomes '?'.
 */
void text_safe(struct buf *b, const char *s, enum text_mode mode);
/* text_safe of the n bytes at s (which need not end in a NUL). */
void text_safe_n(struct buf *b, const char *s, size_t n, enum text_mode mode);

/* Display columns of one code point (0 for combining marks, 2 for wide). */
int text_cp_width(uint32_t cp, enum text_mode mode);
/* Display columns of s as text_safe would show it. */
int text_width(const char *s, enum text_mode mode);
/*
 * Appends the longest prefix of s (made safe) that fits in `cols` columns;
 * when s does not fit and `ellipsis` is set, the last column shows an
 * ellipsis ("…" or "~").  Returns the columns used.
 */
int text_fit(struct buf *b, const char *s, int cols, bool ellipsis, enum text_mode mode);
/* text_fit, then spaces up to exactly `cols` columns. */
void text_pad(struct buf *b, const char *s, int cols, enum text_mode mode);
/*
 * Appends s (made safe) word-wrapped to lines of at most `cols` columns of
 * text, each line after the first starting with `indent` spaces more (the
 * first goes on where the caller left off), each ending in '\n'.  A word longer than a
 * line gets a line of its own, cut to fit.
 */
void text_wrap(struct buf *b, const char *s, int cols, int indent, enum text_mode mode);
/* s[0..n) without the spaces around it, as a new string (free). */
char *text_trim(const char *s, size_t n);

#endif
