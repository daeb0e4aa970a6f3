/* textfield.h - one line of text input: UTF-8 aware editing and display. */
#ifndef FOCUSWEEK_TEXTFIELD_H
#define FOCUSWEEK_TEXTFIELD_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "actions.h"
#include "text.h"

#define TEXTFIELD_MAX 2048

/*
 * A field behaves as inputs do everywhere: a value put in it (textfield_set)
 * is selected, so the first character typed replaces it ("3" then "25" is
 * 25, not 325); an arrow, Home, End, Backspace or Delete first keeps it and
 * edits it in place.
 */
struct textfield {
	char s[TEXTFIELD_MAX + 1];  /* UTF-8, NUL-terminated */
	size_t len;                 /* bytes */
	size_t cur;                 /* cursor, a byte offset on a character boundary */
	size_t max;                 /* byte limit */
	bool selected;              /* the value as set, not yet edited: typing replaces it */
};

/* Puts s in the field (cut to max bytes), selected. */
void textfield_set(struct textfield *f, const char *s, size_t max);
/* Handles an editing key; false when the key is not an editing key. */
bool textfield_key(struct textfield *f, struct key k);
/* Draws in w columns at (y, x) and returns the cursor's column; a selected
 * value shows selected while the field has the focus. */
int textfield_draw(const struct textfield *f, int y, int x, int w, attr_t a, bool focus,
		   enum text_mode mode);

#endif
