/* colors.h - a theme turned into curses attributes, once per theme change:
 * colour pairs on colour terminals, the nearest of 8 colours on 8-colour
 * ones, attributes alone when there is no colour or NO_COLOR is set. */
#ifndef FOCUSWEEK_COLORS_H
#define FOCUSWEEK_COLORS_H

#include <curses.h>

#include "term.h"
#include "theme.h"

struct colors {
	attr_t role[ROLE_COUNT];
	attr_t industry[MODEL_COLOR_MAX];  /* by slot - 1 */
	bool color;                        /* false: attributes only */
	attr_t plain;                      /* the default colours as a pair (the
					      screen's background), or A_NORMAL */
};

void colors_init(struct colors *c, const struct theme *t, const struct term_caps *caps);
attr_t colors_role(const struct colors *c, enum theme_role role);
/* The look of an industry's blocks; slot 0 (none) gives ROLE_BLOCK. */
attr_t colors_industry(const struct colors *c, int slot);

#endif
