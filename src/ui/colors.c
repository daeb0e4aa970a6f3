/* colors.c - a theme turned into curses attributes. */
#include "colors.h"

#include <string.h>

/* The xterm palette's RGB, for mapping 256 colours to the basic 8. */
static void colors_rgb(int c, int *r, int *g, int *b)
{
	static const int base[16][3] = {
		{ 0, 0, 0 },       { 205, 0, 0 },     { 0, 205, 0 },     { 205, 205, 0 },
		{ 0, 0, 238 },     { 205, 0, 205 },   { 0, 205, 205 },   { 229, 229, 229 },
		{ 127, 127, 127 }, { 255, 0, 0 },     { 0, 255, 0 },     { 255, 255, 0 },
		{ 92, 92, 255 },   { 255, 0, 255 },   { 0, 255, 255 },   { 255, 255, 255 },
	};
	static const int steps[6] = { 0, 95, 135, 175, 215, 255 };

	if (c < 16) {
		*r = base[c][0], *g = base[c][1], *b = base[c][2];
	} else if (c < 232) {
		c -= 16;
		*r = steps[c / 36], *g = steps[(c / 6) % 6], *b = steps[c % 6];
	} else {
		*r = *g = *b = 8 + (c - 232) * 10;
	}
}

/* The nearest of the first `n` palette colours (8 or 16). */
static short colors_nearest(int c, int n)
{
	int r, g, b, best = 0;
	long best_d = -1;

	if (c < 0 || c < n)
		return (short)c;
	colors_rgb(c, &r, &g, &b);
	for (int i = 0; i < n; i++) {
		int r2, g2, b2;
		long d;

		colors_rgb(i, &r2, &g2, &b2);
		d = (long)(r - r2) * (r - r2) + (long)(g - g2) * (g - g2) + (long)(b - b2) * (b - b2);
		if (best_d < 0 || d < best_d) {
			best_d = d;
			best = i;
		}
	}
	return (short)best;
}

static attr_t colors_attrs(unsigned a)
{
	attr_t out = A_NORMAL;

	if (a & THEME_BOLD)
		out |= A_BOLD;
	if (a & THEME_DIM)
		out |= A_DIM;
	if (a & THEME_UNDERLINE)
		out |= A_UNDERLINE;
	if (a & THEME_REVERSE)
		out |= A_REVERSE;
#ifdef A_ITALIC
	if (a & THEME_ITALIC)
		out |= A_ITALIC;
#endif
	return out;
}

/* Without colour, roles that only differed by colour need an attribute. */
static attr_t colors_mono(enum theme_role role, unsigned theme_attrs)
{
	attr_t a = colors_attrs(theme_attrs);

	switch (role) {
	case ROLE_HEADER:
	case ROLE_STATUS:
	case ROLE_CURSOR:
	case ROLE_BLOCK_ACCOUNT:
	case ROLE_BANNER:
		return a | A_REVERSE;
	case ROLE_BLOCK:
		return a | A_REVERSE;
	case ROLE_BLOCK_MEETING:
		return a | A_DIM;
	case ROLE_QUESTION:
	case ROLE_HINT_KEY:
	case ROLE_NOW:
	case ROLE_TODAY:
	case ROLE_TIMER:
	case ROLE_OVERTIME:
	case ROLE_ERROR:
	case ROLE_WARNING:
		return a | A_BOLD;
	default:
		return a;
	}
}

void colors_init(struct colors *c, const struct theme *t, const struct term_caps *caps)
{
	int n = caps->colors >= 256 ? 256 : caps->colors >= 16 ? 16 : 8;
	short pair = 1;

	memset(c, 0, sizeof *c);
	c->color = caps->color;
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct theme_style *s = &t->role[r];

		if (!c->color) {
			c->role[r] = colors_mono((enum theme_role)r, s->attrs);
			continue;
		}
		init_pair(pair, colors_nearest(s->fg, n), colors_nearest(s->bg, n));
		c->role[r] = COLOR_PAIR(pair) | colors_attrs(s->attrs);
		pair++;
	}
	for (int i = 0; i < MODEL_COLOR_MAX; i++) {
		const struct theme_style *s = &t->industry[i];

		if (!c->color) {
			c->industry[i] = A_REVERSE | colors_attrs(s->attrs);
			continue;
		}
		init_pair(pair, colors_nearest(s->fg, n), colors_nearest(s->bg, n));
		c->industry[i] = COLOR_PAIR(pair) | colors_attrs(s->attrs);
		pair++;
	}
}

attr_t colors_role(const struct colors *c, enum theme_role role)
{
	return role < ROLE_COUNT ? c->role[role] : A_NORMAL;
}

attr_t colors_industry(const struct colors *c, int slot)
{
	if (slot < 1 || slot > MODEL_COLOR_MAX)
		return c->role[ROLE_BLOCK];
	return c->industry[slot - 1];
}
