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
