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
	const char *arrow;    /* "→" becomes */
	const char *minus;    /* "−" */
	const char *vbar;     /* "│" a column rule */
	const char *up;       /* "▲" more above */
	const char *down;     /* "▼" more below */
	const char *prev;     /* "◂" a choice to the left */
	const char *next;     /* "▸" a choice to the right */
	const char *now;      /* "◀" the time of day */
	const char *star;     /* "★" an all-day event */
	const char *warn;     /* "⚠" something to resolve (a meeting over a block) */
};

const struct glyphs *glyphs_for(enum text_mode mode);

#endif
