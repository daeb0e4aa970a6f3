/* settings.h - every setting a user can change, in one table: its key, what
 * it means, an example, and how its value is written and read back.
 *
 * `focusweek settings`, the planner's settings screen and the first-start
 * setup all set values through settings_set, which parses the text and then
 * checks the whole of the plan's settings by the same rules as the loader of
 * plan.json (plan_set_settings, plan_set_quota).  A new setting is a field
 * of struct settings (model.h), one entry in the table (settings.c), and
 * its key in plan.json (read in store/codec_plan.c, written in
 * store/codec_plan_write.c).
 */
#ifndef FOCUSWEEK_SETTINGS_H
#define FOCUSWEEK_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "model.h"

struct setting {
	const char *key;      /* "quota.target" */
	const char *meaning;  /* one line: what it changes */
	const char *values;   /* what it takes: "whole currency units, e.g. 30000" */
	/* Writes the value as settings_set reads it back. */
	void (*format)(const struct plan *p, struct buf *out);
	/* Parses text into p (which settings_set then checks as a whole). */
	int (*parse)(struct plan *p, const char *text, struct error *err);
};

size_t settings_count(void);
const struct setting *settings_at(size_t i);
/* The setting of that key, or NULL. */
const struct setting *settings_find(const char *key);
/* "quota.target, quota.period, ..." for messages (into out). */
void settings_keys(struct buf *out);

/* Sets `key` to `text` in p.  Refused (p unchanged) for an unknown key, a
 * value that does not parse, or settings the loader would refuse; the
 * message names the key and what it takes. */
int settings_set(struct plan *p, const char *key, const char *text, struct error *err);

/* The value of `key` in p, as text. */
void settings_format(const struct plan *p, const struct setting *s, struct buf *out);

/* ---- values, shared with the command line and the first-start setup ---- */

/* "mon,tue,wed,thu,fri" from a set of weekdays (bit 0 = Monday). */
void settings_days_format(unsigned days, struct buf *out);
/* Reads "mon-fri", "sun-thu", "mon,wed,fri" or "mon tue" (English day
 * names of three letters or whole, any case). */
int settings_days_parse(const char *text, unsigned *days, struct error *err);

#endif
