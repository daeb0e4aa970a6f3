/* glyph.h - the few symbols the program prints, in UTF-8 and in ASCII. */
#ifndef FOCUSWEEK_GLYPH_H
#define FOCUSWEEK_GLYPH_H

#include "text.h"

struct glyphs {
	const char *dot;      /* "·" separator */
	const char *dash;     /* "–" range */
	const char *done;     /* "✓" */
	const char *skipped;  /* "–" */
	const char *notquota; /* "✗" */
	const char *play;     /* "▶" */
	const char *pause;    /* "⏸" */
	const char *ellipsis; /* "…" */
	const char *none;     /* "—" an empty field */
	const char *bar_full; /* "█" */
	const char *bar_empty;/* "░" */
	const char *sparks[8];/* "▁".."█" */
};

const struct glyphs *glyphs_for(enum text_mode mode);

#endif
