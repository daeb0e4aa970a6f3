/* jsonw.c - a small streaming JSON writer. */
#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

void jsonw_init(struct jsonw *j, struct buf *out)
{
	memset(j, 0, sizeof *j);
	j->out = out;
}

/* One non-ASCII character as \uXXXX (a surrogate pair above U+FFFF);
 * returns the bytes it took. */
static size_t jsonw_escape_cp(struct buf *b, const char *s)
{
	uint32_t cp;
	size_t len = text_decode(s, strlen(s), &cp);

	if (cp > 0xFFFF) {
		cp -= 0x10000;
		buf_addf(b, "\\u%04x\\u%04x", 0xD800 + (unsigned)(cp >> 10),
			 0xDC00 + (unsigned)(cp & 0x3FF));
	} else {
		buf_addf(b, "\\u%04x", (unsigned)cp);
	}
	return len;
}

static void jsonw_quote(struct buf *b, const char *s, bool ascii)
{
	buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (ascii && *p >= 0x80) {
			p += jsonw_escape_cp(b, (const char *)p) - 1;
			continue;
		}
		switch (*p) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_addf(b, "\\u%04x", *p);
			else
				buf_addc(b, (char)*p);
		}
	}
	buf_addc(b, '"');
}

/* Separator, indentation and key before a value. */
static void jsonw_key(struct jsonw *j, const char *key)
{
	if (j->depth > 0) {
		if (j->has_item[j->depth])
			buf_addc(j->out, ',');
		if (!j->compact) {
			buf_addc(j->out, '\n');
			buf_repeat(j->out, "  ", j->depth);
		}
	}
	j->has_item[j->depth] = true;
	if (key != NULL) {
		jsonw_quote(j->out, key, j->ascii);
		buf_adds(j->out, j->compact ? ":" : ": ");
	}
}

static void jsonw_open(struct jsonw *j, const char *key, char c)
{
	jsonw_key(j, key);
	buf_addc(j->out, c);
	if (j->depth + 1 < JSONW_DEPTH)
		j->depth++;
	j->has_item[j->depth] = false;
	j->closer[j->depth] = c == '{' ? '}' : ']';
}

void jsonw_object(struct jsonw *j, const char *key)
{
	jsonw_open(j, key, '{');
}

void jsonw_array(struct jsonw *j, const char *key)
{
	jsonw_open(j, key, '[');
}

void jsonw_end(struct jsonw *j)
{
	char c = j->closer[j->depth];

	if (j->depth == 0)
		return;
	if (j->has_item[j->depth] && !j->compact) {
		buf_addc(j->out, '\n');
		buf_repeat(j->out, "  ", j->depth - 1);
	}
	j->depth--;
	buf_addc(j->out, c);
	if (j->depth == 0)
		buf_addc(j->out, '\n');
}

void jsonw_str(struct jsonw *j, const char *key, const char *value)
{
	jsonw_key(j, key);
	jsonw_quote(j->out, value != NULL ? value : "", j->ascii);
}

void jsonw_int(struct jsonw *j, const char *key, int64_t value)
{
	jsonw_key(j, key);
	buf_addf(j->out, "%lld", (long long)value);
}

void jsonw_num(struct jsonw *j, const char *key, double value, int decimals)
{
	jsonw_key(j, key);
	if (!isfinite(value))
		buf_adds(j->out, "null");
	else
		buf_addf(j->out, "%.*f", decimals, value);
}

void jsonw_bool(struct jsonw *j, const char *key, bool value)
{
	jsonw_key(j, key);
	buf_adds(j->out, value ? "true" : "false");
}

void jsonw_null(struct jsonw *j, const char *key)
{
	jsonw_key(j, key);
	buf_adds(j->out, "null");
}
