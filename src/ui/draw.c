/* draw.c - text on the screen by display width. */
#include "draw.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"

static bool draw_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7F;
}

/* Draws safe text (n bytes) at (y, x).  Runs of printable ASCII go into the
 * cells at once (waddchnstr): a tenth of the cost of waddstr, which takes
 * every byte through the decoding of multibyte characters.  Other
 * characters, with the ASCII one before them (a combining mark stays with
 * its base), go through waddnstr. */
static void draw_runs(int y, int x, const char *s, size_t n, attr_t a, enum text_mode mode)
{
	chtype cells[128];
	size_t i = 0;

	if (!(a & A_COLOR))
		a |= getbkgd(stdscr) & A_COLOR; /* as waddstr merges the background */
	while (i < n) {
		size_t k = 0, start = i;
		int w = 0;

		while (i + k < n && k < sizeof cells / sizeof cells[0] &&
		       draw_plain((unsigned char)s[i + k]) &&
		       (i + k + 1 == n || draw_plain((unsigned char)s[i + k + 1]))) {
			cells[k] = (unsigned char)s[i + k] | a;
			k++;
		}
		if (k > 0) {
			mvaddchnstr(y, x, cells, (int)k);
			x += (int)k;
			i += k;
			continue;
		}
		/* One ASCII character before them, then every other character. */
		do {
			uint32_t cp;

			i += text_decode(s + i, n - i, &cp);
			w += text_cp_width(cp, mode);
		} while (i < n && !draw_plain((unsigned char)s[i]));
		attrset(a);
		mvaddnstr(y, x, s + start, (int)(i - start));
		attrset(A_NORMAL);
		x += w;
	}
	/* The cursor where waddstr leaves it (after the text, or at the start
	 * of the next line), which is where the terminal's rests. */
	if (x < COLS)
		move(y, x);
	else if (y + 1 < LINES)
		move(y + 1, 0);
}

int draw_text(int y, int x, int w, const char *s, attr_t a, enum text_mode mode)
{
	struct buf b = BUF_INIT;
	int used;

	if (w <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	used = text_fit(&b, s, w, true, mode);
	draw_runs(y, x, buf_str(&b), b.len, a, mode);
	buf_free(&b);
	return used;
}

void draw_fill(int y, int x, int w, attr_t a)
{
	if (w <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	attrset(a);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

void draw_pad(int y, int x, int w, const char *s, attr_t a, enum text_mode mode)
{
	int used = draw_text(y, x, w, s, a, mode);

	draw_fill(y, x + used, w - used, a);
}

void draw_center(int y, int x, int w, const char *s, attr_t a, enum text_mode mode)
{
	int tw = text_width(s, mode);

	if (tw < w)
		x += (w - tw) / 2;
	draw_text(y, x, w, s, a, mode);
}

void draw_rule(int y, int x, int w, attr_t a, enum text_mode mode)
{
	if (w <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	attrset(a);
	if (mode == TEXT_UTF8)
		mvhline_set(y, x, WACS_HLINE, w);
	else
		mvhline(y, x, '-', w);
	attrset(A_NORMAL);
}

void draw_box(int y, int x, int h, int w, attr_t a, enum text_mode mode)
{
	if (h < 2 || w < 2)
		return;
	attrset(a);
	if (mode == TEXT_UTF8) {
		mvhline_set(y, x + 1, WACS_HLINE, w - 2);
		mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
		mvvline_set(y + 1, x, WACS_VLINE, h - 2);
		mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
		mvadd_wch(y, x, WACS_ULCORNER);
		mvadd_wch(y, x + w - 1, WACS_URCORNER);
		mvadd_wch(y + h - 1, x, WACS_LLCORNER);
		mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
	} else {
		mvhline(y, x + 1, '-', w - 2);
		mvhline(y + h - 1, x + 1, '-', w - 2);
		mvvline(y + 1, x, '|', h - 2);
		mvvline(y + 1, x + w - 1, '|', h - 2);
		mvaddch(y, x, '+');
		mvaddch(y, x + w - 1, '+');
		mvaddch(y + h - 1, x, '+');
		mvaddch(y + h - 1, x + w - 1, '+');
	}
	attrset(A_NORMAL);
}

const char *draw_wrap_cut(const char *s, int w, enum text_mode mode)
{
	const char *cut = NULL, *q = s;
	struct buf line = BUF_INIT;

	for (;;) {
		const char *sp = strchr(q, ' ');
		size_t n = sp != NULL ? (size_t)(sp - s) : strlen(s);

		buf_reset(&line);
		buf_add(&line, s, n);
		if (text_width(buf_str(&line), mode) > w)
			break;
		cut = s + n;
		if (sp == NULL)
			break;
		q = sp + 1;
	}
	buf_free(&line);
	return cut;
}

int draw_wrap(int y, int x, int w, int lines, const char *s, attr_t a, enum text_mode mode)
{
	int row = 0;

	while (*s && row < lines) {
		const char *cut = draw_wrap_cut(s, w, mode);
		struct buf line = BUF_INIT;

		if (cut == NULL || row == lines - 1) {
			/* A word longer than the line, or the last line: cut it. */
			draw_text(y + row, x, w, s, a, mode);
			return row + 1;
		}
		buf_add(&line, s, (size_t)(cut - s));
		draw_text(y + row, x, w, buf_str(&line), a, mode);
		buf_free(&line);
		s = cut;
		while (*s == ' ')
			s++;
		row++;
	}
	return row;
}
