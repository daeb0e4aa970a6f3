/* app_calendar.c - export and import of calendar files. */
#include "app_calendar.h"

#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "clock.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- export */

/* The weeks with a file that hold days of from..to. */
static int ac_export_weeks(struct app *app, date_t from, date_t to, struct week ***out, size_t *n,
			   struct error *err)
{
	int *keys, lo = date_week_key(from), hi = date_week_key(to);
	size_t n_keys, cap = 0;

	*out = NULL;
	*n = 0;
	if (app_week_keys(app, &keys, &n_keys, err) != 0)
		return -1;
	for (size_t i = 0; i < n_keys; i++) {
		if (keys[i] < lo || keys[i] > hi)
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		if (app_week(app, keys[i], &(*out)[*n], err) != 0) {
			free(keys);
			return -1;
		}
		(*n)++;
	}
	free(keys);
	return 0;
}

int app_export(struct app *app, const char *path, date_t from, date_t to, bool alarm,
	       struct app_export *out, struct error *err)
{
	int lead = alarm ? plan_settings(app->boot.plan)->remind.before : -1;
	struct week **weeks = NULL;
	struct buf text = BUF_INIT;
	size_t n_weeks = 0;
	int rc;

	memset(out, 0, sizeof *out);
	out->zone = ics_local_zone(out->zone_buf, sizeof out->zone_buf);
	rc = ac_export_weeks(app, from, to, &weeks, &n_weeks, err);
	if (rc == 0)
		rc = ics_export(app->boot.plan, weeks, n_weeks, from, to, out->zone, clock_now(), lead,
				&text, &out->n, err);
	if (rc == 0)
		rc = ics_file_write(path, text.data, text.len, err);
	for (size_t i = 0; i < n_weeks; i++)
		week_free(weeks[i]);
	free(weeks);
	buf_free(&text);
	return rc;
}

/* ---------------------------------------------------------------- import */

/* The file as messages name it. */
static const char *ac_shown(const char *path)
{
	return strcmp(path, "-") == 0 ? "standard input" : path;
}

/* Reads and parses the file, before the plan is locked. */
static int ac_parse(const char *path, date_t from, date_t to, bool strict,
		    struct ics_calendar **cal, struct error *err)
{
	char *text;
	size_t len;
	int rc;

	if (ics_file_read(path, &text, &len, err) != 0)
		return -1;
	rc = (strict ? ics_parse_strict : ics_parse)(text, len, from, to, cal, err);
	free(text);
	if (rc != 0 && err != NULL && err->code == ERR_DATA)
		error_prefix(err, "%s", ac_shown(path));
	return rc;
}

/* Every week holding from..to, read for the change, merged in place. */
static int ac_merge(struct app_txn *tx, const struct ics_calendar *cal, date_t from, date_t to,
		    struct ics_report *rep, struct error *err)
{
	int first = date_week_key(from);
	size_t n = (size_t)(date_week_monday(date_week_key(to)) - date_week_monday(first)) / 7 + 1;
	struct week **weeks = xcalloc(n, sizeof *weeks);
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		struct week *w;

		rc = txn_week(tx, date_week_add(first, (int)i), &w, err);
		weeks[i] = rc == 0 ? week_clone(w) : NULL;
	}
	if (rc == 0)
		rc = ics_merge(weeks, n, txn_plan_now(tx), cal, from, to, rep, err);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			txn_put_week(tx, weeks[i], NULL);
		else
			week_free(weeks[i]);
	}
	free(weeks);
	return rc;
}

int app_import(struct app *app, const char *path, date_t from, date_t to, unsigned how,
	       struct app_import *im, struct app_result *res, struct error *err)
{
	struct app_result local;
	struct app_txn tx;

	if (res == NULL)
		res = &local;
	memset(im, 0, sizeof *im);
	app_result_init(res);
	if (ac_parse(path, from, to, how & APP_IMPORT_STRICT, &im->cal, err) != 0)
		return -1;
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if (ac_merge(&tx, im->cal, from, to, &im->rep, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	if (how & APP_IMPORT_DRY) {
		txn_end(&tx);
		return 0;
	}
	tx.undoable = false;
	app_result_label(res, "imported %s", ac_shown(path));
	if (txn_commit(&tx, NULL, res, err) != 0)
		return -1;
	im->written = res->n_weeks;
	return 0;
}

void app_import_free(struct app_import *im)
{
	ics_calendar_free(im->cal);
	ics_report_clear(&im->rep);
	memset(im, 0, sizeof *im);
}
