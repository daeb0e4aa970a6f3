/* app_settings.c - one setting changed, as one change of plan.json, after
 * checking what it would do to the blocks already planned. */
#include "app_settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "settings.h"
#include "theme_load.h"

#define AFFECTED_WEEKS_NAMED 4 /* weeks named in a refusal; the rest are counted */

/* Does own block b fit the grid of settings s: its hours, slots, days? */
static bool as_fits(const struct settings *s, const struct block *b)
{
	if (b->kind == KIND_MEETING && b->uid != NULL)
		return true; /* the calendar's: shown wherever it lies */
	return b->start >= s->day_start && b->end <= s->day_end &&
	       (b->start - s->day_start) % s->slot == 0 && (b->end - s->day_start) % s->slot == 0 &&
	       (s->work_days & (1u << date_weekday(b->date)));
}

/* Counts the blocks s would leave off its grid, and names their weeks. */
struct as_scan {
	size_t blocks, weeks;
	struct buf named;
};

static void as_week(struct as_scan *sc, const struct settings *now, const struct settings *s,
		    const struct week *w)
{
	size_t off = 0;
	char wk[9];

	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);

		/* Only what this change moves off the grid. */
		off += as_fits(now, b) && !as_fits(s, b);
	}
	if (off == 0)
		return;
	sc->blocks += off;
	if (sc->weeks++ < AFFECTED_WEEKS_NAMED) {
		date_week_format(week_key(w), wk);
		buf_addf(&sc->named, "%s%s", sc->named.len ? ", " : "", wk);
	}
}

static int as_scan(struct app *app, const struct plan *now, const struct plan *p,
		   struct as_scan *sc, struct error *err)
{
	int *keys;
	size_t n;

	memset(sc, 0, sizeof *sc);
	sc->named = (struct buf)BUF_INIT;
	if (app_week_keys(app, &keys, &n, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct week *w;

		if (app_read_week(app, now, keys[i], &w, err) != 0) {
			free(keys);
			return -1;
		}
		as_week(sc, plan_settings(now), plan_settings(p), w);
		week_free(w);
	}
	free(keys);
	if (sc->weeks > AFFECTED_WEEKS_NAMED)
		buf_addf(&sc->named, " and %zu more week%s", sc->weeks - AFFECTED_WEEKS_NAMED,
			 sc->weeks - AFFECTED_WEEKS_NAMED == 1 ? "" : "s");
	return 0;
}

/* Refuses (unless forced) or notes the blocks left off the grid. */
static int as_check_blocks(struct app_txn *tx, const char *key, bool force,
			   struct app_result *res, struct error *err)
{
	struct as_scan sc;
	int rc = 0;

	if (as_scan(tx->app, tx->app->boot.plan, tx->plan, &sc, err) != 0)
		return -1;
	if (sc.blocks > 0 && !force && res != NULL)
		res->forceable = true;
	if (sc.blocks > 0 && !force)
		rc = error_set(err, ERR_REFUSED, "%s: %zu planned block%s in %s would lie outside "
			       "the day's hours, slots or work days; nothing was changed", key,
			       sc.blocks, sc.blocks == 1 ? "" : "s", buf_str(&sc.named));
	else if (sc.blocks > 0)
		app_result_notice(res, "%zu planned block%s in %s now lie outside the day's hours, "
				  "slots or work days; they stay where they are", sc.blocks,
				  sc.blocks == 1 ? "" : "s", buf_str(&sc.named));
	buf_free(&sc.named);
	return rc;
}

/* Does anything of w lie on a day that a week starting on `start` would
 * put in another week? */
static bool as_moves(const struct week *w, int start)
{
	for (int d = 0; d < 7; d++) {
		date_t day = week_monday(w) + d;

		if (date_week_key_at(day, start) == week_key(w))
			continue;
		for (size_t i = 0; i < week_block_count(w); i++)
			if (week_block_at(w, i)->date == day)
				return true;
		for (size_t i = 0; i < week_sale_count(w); i++)
			if (week_sale_at(w, i)->date == day)
				return true;
		for (size_t i = 0; i < week_banner_count(w); i++)
			if (week_banner_at(w, i)->date == day)
				return true;
		if (week_niche(w, day, PART_DAY) || week_niche(w, day, PART_AM) ||
		    week_niche(w, day, PART_PM))
			return true;
	}
	return false;
}

/* A new first day of the week keeps every week file as it is: refused while
 * anything lies on the days that would change weeks (weekends, mostly). */
static int as_check_week_start(struct app_txn *tx, const char *key, struct error *err)
{
	int start = plan_settings(tx->plan)->week_start, *keys;
	struct buf named = BUF_INIT;
	size_t n, weeks = 0;
	char wk[9];

	if (strcmp(key, "week.start") != 0 || start == date_week_start())
		return 0;
	if (app_week_keys(tx->app, &keys, &n, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct week *w;

		if (app_read_week(tx->app, tx->app->boot.plan, keys[i], &w, err) != 0) {
			free(keys);
			buf_free(&named);
			return -1;
		}
		if (as_moves(w, start) && weeks++ < AFFECTED_WEEKS_NAMED) {
			date_week_format(keys[i], wk);
			buf_addf(&named, "%s%s", named.len ? ", " : "", wk);
		}
		week_free(w);
	}
	free(keys);
	if (weeks > 0)
		error_set(err, ERR_REFUSED, "%s: %s%s hold%s blocks, niches or sales on the days "
			  "that would change weeks; move them to other days first, or keep the "
			  "week as it starts", key, buf_str(&named), weeks > AFFECTED_WEEKS_NAMED ?
			  " and more" : "", weeks == 1 ? "s" : "");
	buf_free(&named);
	return weeks > 0 ? -1 : 0;
}

/* A theme must load before the plan names it. */
static int as_check_theme(const char *key, const char *name, struct error *err)
{
	struct theme_dirs d;
	struct theme t;
	int rc;

	if (strcmp(key, "theme") != 0)
		return 0;
	theme_dirs_default(&d);
	rc = theme_load(&d, name, &t, err);
	theme_dirs_free(&d);
	return rc;
}

int app_settings_set(struct app *app, const char *key, const char *value, bool force,
		     struct app_result *res, struct error *err)
{
	const struct setting *s = settings_find(key);
	struct buf was = BUF_INIT, now = BUF_INIT;
	struct app_txn tx;
	int rc;

	app_result_init(res);
	if (s != NULL && as_check_theme(key, value, err) != 0)
		return -1;
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if (s != NULL)
		settings_format(tx.app->boot.plan, s, &was);
	rc = settings_set(txn_plan(&tx), key, value, err);
	if (rc == 0)
		rc = as_check_week_start(&tx, key, err);
	if (rc == 0)
		rc = as_check_blocks(&tx, key, force, res, err);
	if (rc == 0)
		settings_format(tx.plan, s, &now);
	if (rc == 0 && strcmp(buf_str(&was), buf_str(&now)) == 0) {
		app_result_label(res, "%s is %s already", key, buf_str(&now));
		txn_end(&tx);
	} else if (rc == 0) {
		app_result_label(res, "%s: %s -> %s", key, buf_str(&was), buf_str(&now));
		tx.undoable = false;
		rc = txn_commit(&tx, NULL, res, err);
	} else {
		txn_end(&tx);
	}
	buf_free(&was);
	buf_free(&now);
	return rc;
}
