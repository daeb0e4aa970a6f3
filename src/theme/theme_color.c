/* theme_color.c - colour and attribute names, and the pure functions that
 * degrade a theme for 16-colour, 8-colour and monochrome terminals. */
#include "theme.h"

#include <stdlib.h>
#include <string.h>

static const char *const color_names[16] = {
	"black",        "red",        "green",        "yellow",
	"blue",         "magenta",    "cyan",         "white",
	"bright-black", "bright-red", "bright-green", "bright-yellow",
	"bright-blue",  "bright-magenta", "bright-cyan", "bright-white",
};

static const char *const attr_names[THEME_ATTR_COUNT] = {
	"bold", "dim", "underline", "reverse", "italic",
};

const char *theme_color_name(int color)
{
	if (color == THEME_DEFAULT_COLOR)
		return "default";
	return color >= 0 && color < 16 ? color_names[color] : NULL;
}

int theme_color_parse(const char *name, int *out)
{
	if (strcmp(name, "default") == 0) {
		*out = THEME_DEFAULT_COLOR;
		return 0;
	}
	for (int i = 0; i < 16; i++) {
		if (strcmp(color_names[i], name) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

const char *theme_attr_name(unsigned attr)
{
	for (int i = 0; i < THEME_ATTR_COUNT; i++)
		if (attr == 1u << i)
			return attr_names[i];
	return NULL;
}

int theme_attr_parse(const char *name, unsigned *out)
{
	for (int i = 0; i < THEME_ATTR_COUNT; i++) {
		if (strcmp(attr_names[i], name) == 0) {
			*out = 1u << i;
			return 0;
		}
	}
	return -1;
}

/* ---------------------------------------------------------------- RGB */

void theme_color_rgb(int color, unsigned char rgb[3])
{
	/* xterm's defaults for the 16 system colours. */
	static const unsigned char sys[16][3] = {
		{ 0, 0, 0 },       { 205, 0, 0 },     { 0, 205, 0 },     { 205, 205, 0 },
		{ 0, 0, 238 },     { 205, 0, 205 },   { 0, 205, 205 },   { 229, 229, 229 },
		{ 127, 127, 127 }, { 255, 0, 0 },     { 0, 255, 0 },     { 255, 255, 0 },
		{ 92, 92, 255 },   { 255, 0, 255 },   { 0, 255, 255 },   { 255, 255, 255 },
	};
	static const unsigned char level[6] = { 0, 95, 135, 175, 215, 255 };

	if (color < 0 || color > 255)
		color = 0;
	if (color < 16) {
		memcpy(rgb, sys[color], 3);
	} else if (color < 232) {
		int c = color - 16;

		rgb[0] = level[c / 36];
		rgb[1] = level[c / 6 % 6];
		rgb[2] = level[c % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = (unsigned char)(8 + 10 * (color - 232));
	}
}

static long theme_rgb_distance(int a, int b)
{
	unsigned char x[3], y[3];
	long d = 0;

	theme_color_rgb(a, x);
	theme_color_rgb(b, y);
	for (int i = 0; i < 3; i++)
		d += (long)(x[i] - y[i]) * (x[i] - y[i]);
	return d;
}

int theme_color_nearest(int color, int ncolors)
{
	static const int greys16[4] = { 0, 8, 7, 15 };
	unsigned char rgb[3];
	int best = 0, lo, hi, mean;
	long best_d = -1;

	if (color == THEME_DEFAULT_COLOR || (color >= 0 && color < ncolors))
		return color;
	theme_color_rgb(color, rgb);
	lo = rgb[0] < rgb[1] ? rgb[0] : rgb[1];
	lo = lo < rgb[2] ? lo : rgb[2];
	hi = rgb[0] > rgb[1] ? rgb[0] : rgb[1];
	hi = hi > rgb[2] ? hi : rgb[2];
	mean = (rgb[0] + rgb[1] + rgb[2]) / 3;
	/* A grey stays a grey: by distance alone mid greys would turn yellow,
	 * cyan or magenta, which are nearer to them than black or white. */
	if (hi - lo < 24) {
		if (ncolors < 16)
			return mean < 128 ? 0 : 7;
		for (int i = 0; i < 4; i++) {
			theme_color_rgb(greys16[i], rgb);
			if (best_d < 0 || abs(mean - rgb[0]) < best_d) {
				best = greys16[i];
				best_d = abs(mean - rgb[0]);
			}
		}
		return best;
	}
	for (int i = 0; i < ncolors; i++) {
		long d = theme_rgb_distance(color, i);

		if (best_d < 0 || d < best_d) {
			best = i;
			best_d = d;
		}
	}
	return best;
}

int theme_color_nearest8(int color)
{
	return theme_color_nearest(color, 8);
}

/* ---------------------------------------------------------------- reduce */

static struct theme_style theme_style_reduce(struct theme_style s, int ncolors, bool light)
{
	struct theme_style out = s;
	int white = ncolors >= 16 ? 15 : 7, under;

	out.fg = theme_color_nearest(s.fg, ncolors);
	out.bg = theme_color_nearest(s.bg, ncolors);
	if (out.fg == THEME_DEFAULT_COLOR || (s.fg == s.bg && s.bg != THEME_DEFAULT_COLOR))
		return out;
	/* What the text is drawn on: the style's background, else the terminal's. */
	under = out.bg != THEME_DEFAULT_COLOR ? out.bg : light ? white : 0;
	if (out.fg == under)
		out.fg = theme_rgb_distance(under, 0) > theme_rgb_distance(under, white) ? 0 : white;
	return out;
}

void theme_reduce(const struct theme *in, int ncolors, struct theme *out)
{
	struct theme t = *in;

	if (ncolors < 8) {
		theme_mono(in, out);
		return;
	}
	if (ncolors < 256) {
		int n = ncolors >= 16 ? 16 : 8;

		for (int i = 0; i < ROLE_COUNT; i++)
			t.role[i] = theme_style_reduce(in->role[i], n, in->light);
		for (int i = 0; i < MODEL_COLOR_MAX; i++)
			t.industry[i] = theme_style_reduce(in->industry[i], n, in->light);
	}
	*out = t;
}

bool theme_has_color(const struct theme *t)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (t->role[i].fg != THEME_DEFAULT_COLOR || t->role[i].bg != THEME_DEFAULT_COLOR)
			return true;
	for (int i = 0; i < MODEL_COLOR_MAX; i++)
		if (t->industry[i].fg != THEME_DEFAULT_COLOR ||
		    t->industry[i].bg != THEME_DEFAULT_COLOR)
			return true;
	return false;
}

void theme_mono(const struct theme *in, struct theme *out)
{
	if (theme_has_color(in)) {
		theme_builtin_mono(out);
		return;
	}
	if (out != in)
		*out = *in;
}

void theme_for_terminal(const struct theme *in, int ncolors, bool no_color, struct theme *out)
{
	if (no_color)
		theme_mono(in, out);
	else
		theme_reduce(in, ncolors, out);
}

bool theme_env_no_color(void)
{
	const char *v = getenv("NO_COLOR");

	return v != NULL && v[0] != '\0';
}

/* ---------------------------------------------------------------- SGR */

static void theme_sgr_color(struct buf *b, int color, int base, int bright)
{
	if (color == THEME_DEFAULT_COLOR)
		return;
	if (color < 8)
		buf_addf(b, ";%d", base + color);
	else if (color < 16)
		buf_addf(b, ";%d", bright + color - 8);
	else
		buf_addf(b, ";%d;5;%d", base + 8, color);
}

void theme_sgr(struct buf *b, const struct theme_style *s)
{
	static const int codes[THEME_ATTR_COUNT] = { 1, 2, 4, 7, 3 };

	buf_adds(b, "\033[0");
	for (int i = 0; i < THEME_ATTR_COUNT; i++)
		if (s->attrs & (1u << i))
			buf_addf(b, ";%d", codes[i]);
	theme_sgr_color(b, s->fg, 30, 90);
	theme_sgr_color(b, s->bg, 40, 100);
	buf_addc(b, 'm');
}
