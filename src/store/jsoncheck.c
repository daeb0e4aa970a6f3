/* jsoncheck.c - a strict pass over JSON text before cJSON sees it. */
#include "jsoncheck.h"

#include <stdbool.h>
#include <stdint.h>

#include "text.h"

void jsoncheck_position(const char *text, size_t offset, int *line, int *col)
{
	int l = 1, c = 1;

	for (size_t i = 0; i < offset && text[i] != '\0'; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static int jc_fail(const char *text, size_t at, const char *shown, const char *why,
		   struct error *err)
{
	int line, col;

	jsoncheck_position(text, at, &line, &col);
	return error_set(err, ERR_DATA, "%s:%d:%d: %s", shown, line, col, why);
}

static int jc_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Four hex digits at s, or -1. */
static long jc_u4(const char *s, size_t left)
{
	long v = 0;

	if (left < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		int h = jc_hex(s[i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Bytes that need no closer look, which are nearly all of a file: JC_STR
 * inside a string (printable ASCII but '"' and '\\'), JC_GAP between
 * values (blanks, tabs, line ends, ':' and ','). */
enum { JC_STR = 1, JC_GAP = 2 };
static const unsigned char jc_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 2, 0, 0,  /* 0x00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0x10 */
	3, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1,  /* 0x20 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1,  /* 0x30 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,  /* 0x50 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,  /* 0x70 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0x80 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0x90 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0xA0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0xB0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0xC0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0xD0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0xE0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0xF0 */
};

/* Checks a string starting after its opening quote; *i ends after the close. */
static int jc_string(const char *t, size_t len, size_t *i, const char *shown,
		     struct error *err)
{
	size_t p = *i;

	while (p < len) {
		unsigned char c;

		while (p < len && (jc_class[(unsigned char)t[p]] & JC_STR))
			p++;
		if (p == len)
			break;
		c = (unsigned char)t[p];

		if (c == '"') {
			*i = p + 1;
			return 0;
		}
		if (c < 0x20)
			return jc_fail(t, p, shown, "a control character inside a string", err);
		if (c == 0x7F)
			return jc_fail(t, p, shown, "a control character (DEL) inside a string", err);
		if (c == '\\') {
			long u, lo;

			if (p + 1 >= len)
				break;
			switch (t[p + 1]) {
			case '"': case '\\': case '/':
				p += 2;
				continue;
			case 'b': case 'f': case 'n': case 'r': case 't':
				return jc_fail(t, p, shown,
					       "a control character escape inside a string", err);
			case 'u':
				break;
			default:
				return jc_fail(t, p, shown, "an invalid escape in a string", err);
			}
			u = jc_u4(t + p + 2, len - p - 2);
			if (u < 0)
				return jc_fail(t, p, shown, "a \\u escape without four hex digits",
					       err);
			if (text_is_control((uint32_t)u))
				return jc_fail(t, p, shown,
					       "an escaped control character inside a string", err);
			if (u >= 0xDC00 && u <= 0xDFFF)
				return jc_fail(t, p, shown, "a lone low surrogate escape", err);
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (p + 12 > len || t[p + 6] != '\\' || t[p + 7] != 'u' ||
				    (lo = jc_u4(t + p + 8, len - p - 8)) < 0xDC00 || lo > 0xDFFF)
					return jc_fail(t, p, shown, "a lone high surrogate escape",
						       err);
				p += 12;
			} else {
				p += 6;
			}
			continue;
		}
		if (c >= 0x80) {
			uint32_t cp;
			size_t n = text_decode(t + p, len - p, &cp);

			if (cp == 0xFFFD && n == 1)
				return jc_fail(t, p, shown, "invalid UTF-8", err);
			if (text_is_control(cp))
				return jc_fail(t, p, shown, "a control character inside a string",
					       err);
			p += n;
			continue;
		}
		p++;
	}
	return jc_fail(t, len, shown, "a string is not closed", err);
}

static bool jc_digit(const char *t, size_t len, size_t p)
{
	return p < len && t[p] >= '0' && t[p] <= '9';
}

/* A number as JSON has it, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?;
 * cJSON would also take "030" and "30.".  *i ends after it. */
static int jc_number(const char *t, size_t len, size_t *i, const char *shown,
		     struct error *err)
{
	size_t p = *i;

	if (t[p] == '-')
		p++;
	if (!jc_digit(t, len, p))
		return jc_fail(t, *i, shown, "a number without digits", err);
	if (t[p] == '0' && jc_digit(t, len, p + 1))
		return jc_fail(t, *i, shown, "a number with a leading zero", err);
	while (jc_digit(t, len, p))
		p++;
	if (p < len && t[p] == '.') {
		if (!jc_digit(t, len, ++p))
			return jc_fail(t, *i, shown, "a number without digits after its point",
				       err);
		while (jc_digit(t, len, p))
			p++;
	}
	if (p < len && (t[p] == 'e' || t[p] == 'E')) {
		if (++p < len && (t[p] == '+' || t[p] == '-'))
			p++;
		if (!jc_digit(t, len, p))
			return jc_fail(t, *i, shown, "a number without digits in its exponent",
				       err);
		while (jc_digit(t, len, p))
			p++;
	}
	if (p < len && (jc_digit(t, len, p) || t[p] == '.' || t[p] == '+' || t[p] == '-' ||
			(t[p] >= 'a' && t[p] <= 'z') || (t[p] >= 'A' && t[p] <= 'Z')))
		return jc_fail(t, *i, shown, "a malformed number", err);
	*i = p;
	return 0;
}

int jsoncheck(const char *t, size_t len, const char *shown, struct error *err)
{
	size_t i = 0;
	int depth = 0;

	if (len >= 3 && (unsigned char)t[0] == 0xEF && (unsigned char)t[1] == 0xBB &&
	    (unsigned char)t[2] == 0xBF)
		i = 3; /* a byte-order mark, as some editors write */
	if (i == len)
		return error_set(err, ERR_DATA, "%s is empty", shown);
	while (i < len) {
		unsigned char c = (unsigned char)t[i];

		if (jc_class[c] & JC_GAP) {
			i++;
			continue;
		}
		switch (c) {
		case '"':
			i++;
			if (jc_string(t, len, &i, shown, err) != 0)
				return -1;
			continue;
		case '-': case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			if (jc_number(t, len, &i, shown, err) != 0)
				return -1;
			continue;
		case '{': case '[':
			if (++depth > JSONCHECK_MAX_DEPTH)
				return jc_fail(t, i, shown, "nested too deeply", err);
			break;
		case '}': case ']':
			depth--;
			break;
		case '\0':
			return jc_fail(t, i, shown, "a NUL byte", err);
		default:
			if (c >= 0x80)
				return jc_fail(t, i, shown, "a stray non-ASCII byte outside strings",
					       err);
			if (c < 0x20 && c != ' ' && c != '\t' && c != '\n' && c != '\r')
				return jc_fail(t, i, shown, "a control character", err);
			break;
		}
		i++;
	}
	return 0;
}
