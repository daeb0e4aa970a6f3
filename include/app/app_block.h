/* app_block.h - blocks and niches: every change the week view and the
 * commands `add`, `edit`, `rm`, `done`, `skip` and `focus` make.  Each call
 * is one change (app.h).  A meeting imported from a calendar is refused by
 * every call here, with one message (rules_check_own). */
#ifndef FOCUSWEEK_APP_BLOCK_H
#define FOCUSWEEK_APP_BLOCK_H

#include <stdbool.h>

#include "app.h"
#include "error.h"
#include "model.h"
#include "overlap.h"
#include "timer.h"

/* Adds b; res->id is its new id.  A prospecting block without an industry
 * takes its day's (or half-day's) niche. */
int app_block_add(struct app *app, const struct block *b, struct app_result *res,
		  struct error *err);
/*
 * b replaces the block with its id: edited, moved or resized.  A date in
 * another week moves it there, both weeks in one change (res->week is
 * where it went).  A prospecting block without an industry takes the niche
 * of the day it lands on.
 */
int app_block_update(struct app *app, const struct block *b, struct app_result *res,
		     struct error *err);
/* Moves (OVERLAP_MOVE) or shortens (OVERLAP_SHORTEN) block `id` clear of
 * the meetings imported over it (overlap_fit); res->label says where it went
 * and around what. */
int app_block_fit(struct app *app, const char *id, enum overlap_fit how, struct app_result *res,
		  struct error *err);
/* Refused while the timer runs on the block. */
int app_block_remove(struct app *app, const char *id, struct app_result *res,
		     struct error *err);
/* Records an outcome without the timer and marks the block done (or cut
 * short); refused while the timer runs on it. */
int app_block_record(struct app *app, const char *id, const struct timer_outcome *o,
		     struct app_result *res, struct error *err);
int app_block_skip(struct app *app, const char *id, struct app_result *res, struct error *err);
/* A done or skipped block back to planned (its outcome kept). */
int app_block_reopen(struct app *app, const char *id, struct app_result *res,
		     struct error *err);

/* A change of a day's niche, of the week's focus rule, or both at once. */
struct app_focus {
	date_t day;             /* the day, and so the week */
	bool set_rule;          /* switch the week's focus rule (first) */
	enum focus_rule rule;
	bool set_midday;        /* move where the half-days meet (first) */
	int midday;
	bool set_niche;         /* give the day (or a half) an industry */
	enum day_part part;     /* PART_AM or PART_PM, or PART_DAY: the whole day,
				   both halves under the half-day rule */
	int industry;           /* 0 clears the niche */
};

int app_focus(struct app *app, const struct app_focus *f, struct app_result *res,
	      struct error *err);

#endif
