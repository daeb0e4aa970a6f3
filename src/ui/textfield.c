/* textfield.c - one line of text input. */
#include "textfield.h"

#include <curses.h>
#include <string.h>
#include <wchar.h>

#include "buf.h"
#include "draw.h"

void textfield_set(struct textfield *f, const char *s, size_t max)
{
	size_t n = strlen(s);

	f->max = max < TEXTFIELD_MAX ? max : TEXTFIELD_MAX;
	if (n > f->max)
		n = f->max;
	memcpy(f->s, s, n);
	f->s[n] = '\0';
	f->len = f->cur = n;
	f->selected = n > 0;
}

static size_t prev_char(const struct textfield *f, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)f->s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static size_t next_char(const struct textfield *f, size_t i)
{
	if (i >= f->len)
		return f->len;
	i++;
	while (i < f->len && ((unsigned char)f->s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

static void delete_range(struct textfield *f, size_t from, size_t to)
{
	memmove(f->s + from, f->s + to, f->len - to + 1);
	f->len -= to - from;
	f->cur = from;
}

static bool insert_char(struct textfield *f, int code)
{
	char mb[8];
	mbstate_t st = { 0 };
	size_t n;

	if (code < 0x20 || code == 0x7f || (code >= 0x80 && code < 0xa0) ||
	    text_is_control((uint32_t)code))
		return false;
	n = wcrtomb(mb, (wchar_t)code, &st);
	if (n == (size_t)-1 || f->len + n > f->max)
		return true; /* swallowed: not representable, or full */
	memmove(f->s + f->cur + n, f->s + f->cur, f->len - f->cur + 1);
	memcpy(f->s + f->cur, mb, n);
	f->len += n;
	f->cur += n;
	return true;
}

bool textfield_key(struct textfield *f, struct key k)
{
	bool typed = !k.fn && k.code >= ' ' && k.code != KEY_DEL_CHAR;

	/* The selected value: a character typed replaces it, any other key
	 * keeps it to edit. */
	if (f->selected && typed)
		delete_range(f, 0, f->len);
	f->selected = false;
	if (k.fn) {
		switch (k.code) {
		case KEY_LEFT:
			f->cur = prev_char(f, f->cur);
			return true;
		case KEY_RIGHT:
			f->cur = next_char(f, f->cur);
			return true;
		case KEY_HOME:
			f->cur = 0;
			return true;
		case KEY_END:
			f->cur = f->len;
			return true;
		case KEY_BACKSPACE:
			delete_range(f, prev_char(f, f->cur), f->cur);
			return true;
		case KEY_DC:
			delete_range(f, f->cur, next_char(f, f->cur));
			return true;
		default:
			return false;
		}
	}
	switch (k.code) {
	case KEY_DEL_CHAR:
	case CTRL('h'):
		delete_range(f, prev_char(f, f->cur), f->cur);
		return true;
	case CTRL('a'):
		f->cur = 0;
		return true;
	case CTRL('e'):
		f->cur = f->len;
		return true;
	case CTRL('u'):
		delete_range(f, 0, f->cur);
		return true;
	case CTRL('k'):
		f->s[f->cur] = '\0';
		f->len = f->cur;
		return true;
	default:
		return insert_char(f, k.code);
	}
}

int textfield_draw(const struct textfield *f, int y, int x, int w, attr_t a, bool focus,
		   enum text_mode mode)
{
	attr_t text_a = focus && f->selected ? a ^ A_REVERSE : a;

	char before[TEXTFIELD_MAX + 1];
	const char *shown = f->s;
	int col;

	memcpy(before, f->s, f->cur);
	before[f->cur] = '\0';
	col = text_width(before, mode);
	/* Scroll so the cursor stays in view. */
	while (col >= w && *shown) {
		uint32_t cp;
		size_t n = text_decode(shown, strlen(shown), &cp);

		col -= text_cp_width(cp, mode);
		shown += n;
	}
	draw_fill(y, x, w, a);
	{
		struct buf b = BUF_INIT;

		text_fit(&b, shown, w, false, mode);
		attrset(text_a);
		mvaddstr(y, x, buf_str(&b));
		attrset(A_NORMAL);
		buf_free(&b);
	}
	return x + col;
}
