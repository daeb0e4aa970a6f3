/* app_block.c - blocks and niches, each change through one transaction. */
#include "app_block.h"

#include <stdio.h>
#include <string.h>

#include "app_int.h"
#include "rules.h"

#define LABEL_TITLE_MAX 60 /* of a title in a change's label */

/* Prospecting without an industry takes the niche of its day or half-day. */
static void ab_default_industry(const struct week *w, struct block *b)
{
	if (b->kind == KIND_PROSPECTING && b->industry == 0)
		b->industry = week_niche_at(w, b->date, b->start);
}

int app_block_add(struct app *app, const struct block *given, struct app_result *res,
		  struct error *err)
{
	struct app_txn tx;
	struct week *w;
	struct block b;
	char id[MODEL_ID_MAX];

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	block_copy(&b, given);
	if (txn_week(&tx, date_week_key(b.date), &w, err) != 0)
		goto refused;
	ab_default_industry(w, &b);
	if (week_block_add(w, txn_plan_now(&tx), &b, id, err) != 0)
		goto refused;
	if (res != NULL)
		snprintf(res->id, sizeof res->id, "%s", id);
	app_result_label(res, "added \"%.*s\"", LABEL_TITLE_MAX, b.title);
	block_clear(&b);
	return txn_commit(&tx, NULL, res, err);
refused:
	block_clear(&b);
	txn_end(&tx);
	return -1;
}

/* The block `id` may be changed by hand: not a calendar's, not timed. */
static int ab_own(struct app_txn *tx, const char *id, struct week **w, const struct block **b,
		  bool timed_ok, struct error *err)
{
	if (txn_block(tx, id, w, b, err) != 0 || rules_check_own(*b, err) != 0)
		return -1;
	return timed_ok ? 0 : app_timer_check_free(tx->app, *b, err);
}

/* Moves b out of `from` into the week of its new date, in the same change. */
static int ab_move_week(struct app_txn *tx, struct week *from, struct block *b, struct error *err)
{
	const struct block *old = week_block_by_id(from, b->id);
	struct week *to;

	if (txn_week(tx, date_week_key(b->date), &to, err) != 0)
		return -1;
	ab_default_industry(to, b); /* the niche of the day it moves to */
	if (week_block_move_in(to, txn_plan_now(tx), b, old, err) != 0)
		return -1;
	return week_block_remove(from, b->id, err);
}

/* What an update does, in words: moved, lengthened, shortened or changed. */
static void ab_update_label(struct app_result *res, const struct block *old, const struct block *b)
{
	char when[16];

	if (b->date != old->date) {
		date_format_short(b->date, when);
		app_result_label(res, "moved \"%.*s\" to %s", LABEL_TITLE_MAX, b->title, when);
	} else if (b->start != old->start) {
		date_time_show(b->start, when);
		app_result_label(res, "moved \"%.*s\" to %s", LABEL_TITLE_MAX, b->title, when);
	} else if (b->end != old->end) {
		date_time_show(b->end, when);
		app_result_label(res, "%s \"%.*s\" to end at %s",
				 b->end > old->end ? "lengthened" : "shortened", LABEL_TITLE_MAX,
				 b->title, when);
	} else {
		app_result_label(res, "changed \"%.*s\"", LABEL_TITLE_MAX, b->title);
	}
}

/* given replaces the block of its id, w the week holding it now. */
static int ab_update(struct app_txn *tx, struct week *w, const struct block *given,
		     struct error *err)
{
	struct block b;
	int rc;

	block_copy(&b, given);
	if (date_week_key(b.date) == week_key(w)) {
		ab_default_industry(w, &b);
		rc = week_block_update(w, txn_plan_now(tx), &b, err);
	} else {
		rc = ab_move_week(tx, w, &b, err);
	}
	block_clear(&b);
	return rc;
}

int app_block_update_in(struct app_txn *tx, const struct block *b, struct error *err)
{
	const struct block *old;
	struct week *w;

	if (ab_own(tx, b->id, &w, &old, true, err) != 0)
		return -1;
	return ab_update(tx, w, b, err);
}

int app_block_update(struct app *app, const struct block *given, struct app_result *res,
		     struct error *err)
{
	const struct block *old;
	struct app_txn tx;
	struct week *w;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if (ab_own(&tx, given->id, &w, &old, true, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	ab_update_label(res, old, given);
	if (res != NULL) {
		snprintf(res->id, sizeof res->id, "%s", given->id);
		res->week = date_week_key(given->date);
	}
	if (ab_update(&tx, w, given, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	return txn_commit(&tx, NULL, res, err);
}

int app_block_fit(struct app *app, const char *id, enum overlap_fit how, struct app_result *res,
		  struct error *err)
{
	const struct block *b, *meeting;
	struct app_txn tx;
	struct week *w;
	struct block fit;
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];
	int rc;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if (ab_own(&tx, id, &w, &b, true, err) != 0 ||
	    overlap_fit(w, txn_plan_now(&tx), b, how, &fit, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	overlap_meetings(w, b, &meeting);
	date_time_show(fit.start, s);
	date_time_show(fit.end, e);
	app_result_label(res, "%s \"%.*s\" to %s-%s, clear of \"%.*s\"",
			 how == OVERLAP_MOVE ? "moved" : "shortened", LABEL_TITLE_MAX, b->title, s, e,
			 LABEL_TITLE_MAX, meeting->title);
	rc = week_block_update(w, txn_plan_now(&tx), &fit, err);
	if (res != NULL)
		snprintf(res->id, sizeof res->id, "%s", id);
	block_clear(&fit);
	if (rc != 0) {
		txn_end(&tx);
		return -1;
	}
	return txn_commit(&tx, NULL, res, err);
}

int app_block_remove(struct app *app, const char *id, struct app_result *res, struct error *err)
{
	const struct block *b;
	struct app_txn tx;
	struct week *w;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if (ab_own(&tx, id, &w, &b, false, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	app_result_label(res, "deleted \"%.*s\"", LABEL_TITLE_MAX, b->title);
	week_block_remove(w, id, NULL);
	return txn_commit(&tx, NULL, res, err);
}

/* Done, skipped or planned again: what happened, recorded by hand. */
enum ab_status_change { AB_RECORD, AB_SKIP, AB_REOPEN };

static int ab_status(struct app_txn *tx, struct week *w, const struct block *b,
		     enum ab_status_change how, const struct timer_outcome *o, struct error *err)
{
	const struct plan *p = txn_plan_now(tx);
	struct block copy;
	int rc;

	switch (how) {
	case AB_RECORD:
		return timer_record(w, p, b->id, o, err);
	case AB_SKIP:
		return timer_skip(w, p, b->id, err);
	case AB_REOPEN:
		break;
	}
	block_copy(&copy, b);
	copy.status = STATUS_PLANNED;
	copy.cut_short = false;
	copy.worked = 0;
	rc = week_block_update(w, p, &copy, err);
	block_clear(&copy);
	return rc;
}

static int ab_set_status(struct app *app, const char *id, enum ab_status_change how,
			 const struct timer_outcome *o, struct app_result *res, struct error *err)
{
	static const char *const said[] = { "marked done", "marked skipped", "planned again" };
	const struct block *b;
	struct app_txn tx;
	struct week *w;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	/* Reopening a done block leaves the timer alone: it cannot run on one. */
	if (ab_own(&tx, id, &w, &b, how == AB_REOPEN, err) != 0 ||
	    ab_status(&tx, w, b, how, o, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	b = week_block_by_id(w, id);
	app_result_label(res, "\"%.*s\" %s", LABEL_TITLE_MAX, b->title, said[how]);
	if (res != NULL)
		snprintf(res->id, sizeof res->id, "%s", id);
	return txn_commit(&tx, NULL, res, err);
}

int app_block_record(struct app *app, const char *id, const struct timer_outcome *o,
		     struct app_result *res, struct error *err)
{
	return ab_set_status(app, id, AB_RECORD, o, res, err);
}

int app_block_skip_in(struct app_txn *tx, const char *id, struct error *err)
{
	const struct block *b;
	struct week *w;

	if (ab_own(tx, id, &w, &b, false, err) != 0)
		return -1;
	return ab_status(tx, w, b, AB_SKIP, NULL, err);
}

int app_block_skip(struct app *app, const char *id, struct app_result *res, struct error *err)
{
	return ab_set_status(app, id, AB_SKIP, NULL, res, err);
}

int app_block_reopen(struct app *app, const char *id, struct app_result *res, struct error *err)
{
	return ab_set_status(app, id, AB_REOPEN, NULL, res, err);
}

/* ---------------------------------------------------------------- niches */

static int ab_niche(struct week *w, const struct plan *p, const struct app_focus *f,
		    struct error *err)
{
	if (f->part != PART_DAY || week_focus(w) == FOCUS_DAY)
		return week_set_niche(w, p, f->day, f->part, f->industry, err);
	/* The whole day under the half-day rule: both halves. */
	if (week_set_niche(w, p, f->day, PART_AM, f->industry, err) != 0)
		return -1;
	return week_set_niche(w, p, f->day, PART_PM, f->industry, err);
}

/* The week's focus rule and midday, where f changes them. */
static int ab_rule(struct week *w, const struct plan *p, const struct app_focus *f,
		   struct error *err)
{
	if (!f->set_rule && !f->set_midday)
		return 0;
	return week_set_focus(w, p, f->set_rule ? f->rule : week_focus(w),
			      f->set_midday ? f->midday : week_midday(w), err);
}

int app_focus(struct app *app, const struct app_focus *f, struct app_result *res, struct error *err)
{
	const struct plan *p;
	const struct industry *ind;
	struct app_txn tx;
	struct week *w;
	char day[16];

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	p = txn_plan_now(&tx);
	if (txn_week(&tx, date_week_key(f->day), &w, err) != 0 || ab_rule(w, p, f, err) != 0 ||
	    (f->set_niche && ab_niche(w, p, f, err) != 0)) {
		txn_end(&tx);
		return -1;
	}
	date_format_short(f->day, day);
	ind = plan_industry_by_id(p, f->industry);
	if (f->set_niche)
		app_result_label(res, "niche of %s%s%s: %s", day, f->part == PART_DAY ? "" : " ",
				 rules_part_phrase(f->part), ind != NULL ? ind->name : "none");
	else
		app_result_label(res, "%s: %s focus", day,
				 week_focus(w) == FOCUS_DAY ? "day" : "half-day");
	return txn_commit(&tx, NULL, res, err);
}
