/* textfield.h - one line of text input: UTF-8 aware editing and display. */
#ifndef FOCUSWEEK_TEXTFIELD_H
#define FOCUSWEEK_TEXTFIELD_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "actions.h"
#include "text.h"

#define TEXTFIELD_MAX 2048

struct textfield {
	char s[TEXTFIELD_MAX + 1];  /* UTF-8, NUL-terminated */
	size_t len;                 /* bytes */
	size_t cur;                 /* cursor, a byte offset on a character boundary */
	size_t max;                 /* byte limit */
};

void textfield_set(struct textfield *f, const char *s, size_t max);
/* Handles an editing key; false when the key is not an editing key. */
bool textfield_key(struct textfield *f, struct key k);
/* Draws in w columns at (y, x) and returns the cursor's column. */
int textfield_draw(const struct textfield *f, int y, int x, int w, attr_t a,
		   enum text_mode mode);

#endif
