/* text.c - UTF-8 text: validation, safe display, display width. */
#include "text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "glyph.h"
#include "xalloc.h"

size_t text_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t len;

	if (n == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xE0) == 0xC0) {
		len = 2, c = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3, c = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len > n)
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

bool text_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		size_t len = text_decode(s + i, n - i, &cp);

		/* A real U+FFFD is 3 bytes long; a 1-byte one marks an error. */
		if (cp == 0xFFFD && len == 1)
			return false;
		i += len;
	}
	return true;
}

bool text_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

uint32_t text_find_control(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;

	while (i < n) {
		i += text_decode(s + i, n - i, &cp);
		if (text_is_control(cp))
			return cp;
	}
	return 0;
}

const char *text_check(const char *s, size_t max_bytes)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0;

	/* Printable ASCII, which is most text, is valid and free of controls. */
	while (u[n] >= 0x20 && u[n] < 0x7F)
		n++;
	if (u[n] == '\0')
		return n > max_bytes ? "is too long" : NULL;
	n += strlen(s + n);

	if (n > max_bytes)
		return "is too long";
	if (!text_utf8_valid(s, n))
		return "is not valid UTF-8";
	if (text_find_control(s) != 0)
		return "contains a control character";
	return NULL;
}

bool text_locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int text_cp_width(uint32_t cp, enum text_mode mode)
{
	int w;

	if (text_is_control(cp))
		return 1; /* shown as a replacement character */
	if (mode == TEXT_ASCII)
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* Appends the safe form of one code point. */
static void text_safe_cp(struct buf *b, const char *s, size_t len, uint32_t cp,
			 enum text_mode mode)
{
	if (mode == TEXT_ASCII) {
		buf_addc(b, cp < 0x80 && !text_is_control(cp) ? (char)cp : '?');
	} else if (text_is_control(cp) || (cp == 0xFFFD && len == 1)) {
		buf_adds(b, "\xEF\xBF\xBD");
	} else if (wcwidth((wchar_t)cp) < 0) {
		buf_adds(b, "\xEF\xBF\xBD");
	} else {
		buf_add(b, s, len);
	}
}

/* The length of the run of printable ASCII at s: one column a byte, shown
 * as it is in either mode, so it needs no decoding. */
static size_t text_ascii_run(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n && u[i] >= 0x20 && u[i] < 0x7F)
		i++;
	return i;
}

void text_safe_n(struct buf *b, const char *s, size_t n, enum text_mode mode)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		size_t run = text_ascii_run(s + i, n - i), len;

		if (run > 0) {
			buf_add(b, s + i, run);
			i += run;
			continue;
		}
		len = text_decode(s + i, n - i, &cp);
		text_safe_cp(b, s + i, len, cp, mode);
		i += len;
	}
	if (b->data == NULL)
		buf_add(b, "", 0);
}

void text_safe(struct buf *b, const char *s, enum text_mode mode)
{
	text_safe_n(b, s, strlen(s), mode);
}

int text_width(const char *s, enum text_mode mode)
{
	size_t n = strlen(s), i = text_ascii_run(s, n);
	uint32_t cp;
	int w = (int)i;

	while (i < n) {
		i += text_decode(s + i, n - i, &cp);
		w += text_cp_width(cp, mode);
	}
	return w;
}

int text_fit(struct buf *b, const char *s, int cols, bool ellipsis, enum text_mode mode)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;
	int used = 0;
	bool cut = false;

	if (cols <= 0)
		return 0;
	if (text_ascii_run(s, n) == n) {
		/* All printable ASCII: as many bytes as columns. */
		cut = ellipsis && n > (size_t)cols;
		i = n < (size_t)(cols - cut) ? n : (size_t)(cols - cut);
		buf_add(b, s, i);
		used = (int)i;
		i = n;
	} else if (ellipsis && text_width(s, mode) > cols) {
		cut = true;
	}
	while (i < n) {
		size_t len = text_decode(s + i, n - i, &cp);
		int w = text_cp_width(cp, mode);

		if (used + w > cols - (cut ? 1 : 0))
			break;
		text_safe_cp(b, s + i, len, cp, mode);
		used += w;
		i += len;
	}
	if (cut) {
		buf_adds(b, glyphs_for(mode)->ellipsis);
		used++;
	}
	if (b->data == NULL)
		buf_add(b, "", 0);
	return used;
}

void text_pad(struct buf *b, const char *s, int cols, enum text_mode mode)
{
	int used = text_fit(b, s, cols, true, mode);

	for (; used < cols; used++)
		buf_addc(b, ' ');
}

const char *text_noun(int64_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void text_wrap(struct buf *b, const char *s, int cols, int indent, enum text_mode mode)
{
	int used = 0;

	for (const char *p = s; *p;) {
		size_t n = strcspn(p, " ");
		char *word = xstrndup(p, n);
		int w = text_width(word, mode);

		if (used > 0 && used + 1 + w > cols) {
			buf_addf(b, "\n%*s", indent, "");
			used = 0;
		}
		if (used > 0) {
			buf_addc(b, ' ');
			used++;
		}
		used += text_fit(b, word, cols - used, true, mode);
		free(word);
		p += n;
		while (*p == ' ')
			p++;
	}
	buf_addc(b, '\n');
}

char *text_trim(const char *s, size_t n)
{
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}
