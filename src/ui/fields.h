/* fields.h - labelled lines of text input in a dialog: moving between them,
 * editing the one selected, drawing them.  The first-start setup and the
 * settings screen are lists of fields. */
#ifndef FOCUSWEEK_FIELDS_H
#define FOCUSWEEK_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "textfield.h"
#include "tui.h"

struct field {
	const char *label;          /* "Industries" */
	const char *hint;           /* what it takes, shown under the list */
	struct textfield text;
};

struct fields {
	struct field *v;            /* owned */
	size_t n;
	size_t sel;                 /* the field taking keys */
	size_t top;                 /* the first one shown (scrolling) */
};

void fields_init(struct fields *f, size_t n);
void fields_free(struct fields *f);
/* Sets field i's label, hint and value. */
void fields_set(struct fields *f, size_t i, const char *label, const char *hint,
		const char *value);
const char *fields_value(const struct fields *f, size_t i);
/* Tab, Down, Shift-Tab and Up move between fields; the editing keys go to
 * the selected one.  False when the key is neither. */
bool fields_key(struct fields *f, struct key k);
#define FIELDS_HINT_ROWS 2 /* the selected field's hint, below the fields */

/* Draws them in rows y..y+h of width w at x, labels label_w wide, and the
 * selected one's hint on the last FIELDS_HINT_ROWS rows; puts the terminal
 * cursor in the selected field. */
void fields_draw(struct tui *ui, struct fields *f, int y, int x, int h, int w, int label_w);

#endif
