/* buf.h - a growable byte buffer, always NUL-terminated. */
#ifndef FOCUSWEEK_BUF_H
#define FOCUSWEEK_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data; /* owned; NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Adds n copies of s. */
void buf_repeat(struct buf *b, const char *s, int n);
void buf_reset(struct buf *b);
/* The contents, "" when empty; valid until the next change. */
const char *buf_str(const struct buf *b);
/* Hands the contents to the caller (free()), leaving b empty. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

#endif
