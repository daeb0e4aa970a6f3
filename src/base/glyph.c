/* glyph.c - the few symbols the program prints, in UTF-8 and in ASCII. */
#include "glyph.h"

static const struct glyphs utf8 = {
	.dot = "\xc2\xb7", .dash = "\xe2\x80\x93", .done = "\xe2\x9c\x93",
	.skipped = "\xe2\x80\x93", .notquota = "\xe2\x9c\x97", .play = "\xe2\x96\xb6",
	.pause = "\xe2\x8f\xb8", .ellipsis = "\xe2\x80\xa6", .none = "\xe2\x80\x94",
	.bar_full = "\xe2\x96\x88", .bar_empty = "\xe2\x96\x91",
	.sparks = { "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
		    "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88" },
	.arrow = "\xe2\x86\x92", .minus = "\xe2\x88\x92", .vbar = "\xe2\x94\x82",
	.up = "\xe2\x96\xb2", .down = "\xe2\x96\xbc", .prev = "\xe2\x97\x82",
	.next = "\xe2\x96\xb8", .now = "\xe2\x97\x80", .star = "\xe2\x98\x85",
	.warn = "\xe2\x9a\xa0",
};

static const struct glyphs ascii = {
	.dot = "-", .dash = "-", .done = "+", .skipped = "-", .notquota = "x",
	.play = ">", .pause = "||", .ellipsis = "~", .none = "-",
	.bar_full = "#", .bar_empty = ".",
	.sparks = { "_", ".", ":", "-", "=", "+", "*", "#" },
	.arrow = "->", .minus = "-", .vbar = "|", .up = "^", .down = "v", .prev = "<",
	.next = ">", .now = "<", .star = "*", .warn = "!",
};

const struct glyphs *glyphs_for(enum text_mode mode)
{
	return mode == TEXT_UTF8 ? &utf8 : &ascii;
}
