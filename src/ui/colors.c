/* colors.c - a theme turned into curses attributes. */
#include "colors.h"

#include <string.h>

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

/* A colour pair for a style; the pair of the default colours when it uses
 * only those. */
static attr_t colors_pair(const struct theme_style *s, short *next, attr_t plain)
{
	if (s->fg == THEME_DEFAULT_COLOR && s->bg == THEME_DEFAULT_COLOR)
		return plain;
	init_pair(*next, (short)s->fg, (short)s->bg);
	return COLOR_PAIR((*next)++);
}

void colors_init(struct colors *c, const struct theme *t, const struct term_caps *caps)
{
	struct theme shown;
	short pair = 1;

	/* The theme as this terminal can show it: fewer colours, or none. */
	theme_for_terminal(t, caps->color ? caps->colors : 0, !caps->color, &shown);
	memset(c, 0, sizeof *c);
	c->color = caps->color && theme_has_color(&shown);
	if (c->color) {
		/* The default colours as a pair of their own, also the screen's
		 * background: a cell in them is then never in plain A_NORMAL, which
		 * curses reaches from a coloured cell by resetting every attribute
		 * and then the colours (sgr0 and op) -- twice the escapes, and at
		 * every gap between two coloured blocks. */
		init_pair(pair, -1, -1);
		c->plain = COLOR_PAIR(pair++);
	}
	bkgdset(c->plain | ' ');
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct theme_style *s = &shown.role[r];

		c->role[r] = colors_attrs(s->attrs) |
			     (c->color ? colors_pair(s, &pair, c->plain) : A_NORMAL);
	}
	for (int i = 0; i < MODEL_COLOR_MAX; i++) {
		const struct theme_style *s = &shown.industry[i];

		c->industry[i] = colors_attrs(s->attrs) |
				 (c->color ? colors_pair(s, &pair, c->plain) : A_NORMAL);
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
