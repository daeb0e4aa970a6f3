/* review_load.c - the weeks the review screen reads, as the planner has
 * them.  The week on screen is never read from its file here: the loop
 * watches that file, and reading it behind its back would hide a change
 * made by another program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_view.h"
#include "xalloc.h"

const struct week *review_week_current(struct tui *ui, int key, bool *owned,
				       struct error *err)
{
	struct week *w = NULL;

	*owned = false;
	if (tui_week_key(ui) == key) {
		if (ui->week_error[0]) {
			char wk[9];

			date_week_format(key, wk);
			error_set(err, ERR_DATA, "%s cannot be read: %s", wk, ui->week_error);
			return NULL;
		}
		return ui->week;
	}
	if (app_week(ui->app, key, &w, err) != 0)
		return NULL;
	*owned = true;
	return w;
}

/* The weeks from span.first to span.last; one that cannot be read is left
 * out (an empty week to the review) and the first such error kept. */
static void review_data_weeks(struct tui *ui, struct review_data *d)
{
	size_t n = review_span_weeks(&d->span);

	d->weeks = xcalloc(n, sizeof *d->weeks);
	d->owned = xcalloc(n, sizeof *d->owned);
	d->n = n;
	for (size_t i = 0; i < n; i++) {
		int key = date_week_add(d->span.first, (int)i);
		struct error err;

		d->weeks[i] = review_week_current(ui, key, &d->owned[i], &err);
		if (d->weeks[i] == NULL && !d->error[0])
			snprintf(d->error, sizeof d->error, "%s; the review leaves it out", err.msg);
	}
}

int review_data_load(struct tui *ui, struct review_data *d)
{
	struct review_request rq = {
		.last = ui->review.week,
		.n_weeks = ui->review.n_weeks > 0 ? ui->review.n_weeks : 1,
		.today = ui->today,
		.minute = ui->now_minute,
	};
	const struct week **given;
	size_t n = 0;
	struct error err;

	memset(d, 0, sizeof *d);
	if (review_span(tui_plan(ui), &rq, &d->span, &err) != 0) {
		snprintf(d->error, sizeof d->error, "%s", err.msg);
		return -1;
	}
	review_data_weeks(ui, d);
	/* The review takes the weeks that were read, in any order. */
	given = xcalloc(d->n, sizeof *given);
	for (size_t i = 0; i < d->n; i++)
		if (d->weeks[i] != NULL)
			given[n++] = d->weeks[i];
	if (review_compute(tui_plan(ui), &rq, given, n, &d->r, &err) != 0) {
		snprintf(d->error, sizeof d->error, "%s", err.msg);
		d->r = NULL;
	}
	free(given);
	return d->r != NULL ? 0 : -1;
}

void review_data_free(struct review_data *d)
{
	review_free(d->r);
	for (size_t i = 0; i < d->n; i++)
		if (d->owned[i])
			week_free((struct week *)d->weeks[i]);
	free(d->weeks);
	free(d->owned);
	memset(d, 0, sizeof *d);
}

const struct week *review_data_week(const struct review_data *d, int key)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->weeks[i] != NULL && week_key(d->weeks[i]) == key)
			return d->weeks[i];
	return NULL;
}

const struct review_data *review_data_current(struct tui *ui)
{
	struct review_data *d = ui->review_data;

	if (d != NULL && d->gen == ui->data_gen && d->week == ui->review.week &&
	    d->n_weeks == ui->review.n_weeks)
		return d;
	review_data_drop(ui);
	d = xcalloc(1, sizeof *d);
	review_data_load(ui, d);
	d->gen = ui->data_gen;
	d->week = ui->review.week;
	d->n_weeks = ui->review.n_weeks;
	ui->review_data = d;
	return d;
}

void review_data_drop(struct tui *ui)
{
	if (ui->review_data != NULL) {
		review_data_free(ui->review_data);
		free(ui->review_data);
		ui->review_data = NULL;
	}
}
