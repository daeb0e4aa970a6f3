/* app_setup.h - the first start, chosen and not imposed: the user's own
 * plan (industries, accounts, quota, hours, work days), the sample plan to
 * explore, and taking the sample back out.  Each is one change (app.h). */
#ifndef FOCUSWEEK_APP_SETUP_H
#define FOCUSWEEK_APP_SETUP_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "date.h"
#include "error.h"

struct app_setup_account {
	const char *name;
	int baseline;                 /* minutes a week, 0 for none */
};

/* What the user chose.  Settings are given as `focusweek settings set`
 * reads them (NULL keeps the default). */
struct app_setup {
	const char *const *industries;  /* names, in the order of the rotation */
	size_t n_industries;
	const struct app_setup_account *accounts;
	size_t n_accounts;
	const char *quota_target;       /* "30000" */
	const char *quota_currency;     /* "EUR" */
	const char *quota_period;       /* "month" or "quarter" */
	const char *day_start, *day_end;
	const char *work_days;          /* "mon-fri", "sun-thu" */
	const char *week_start;
	const char *time_format;
};

/* Industries and accounts as a person types them: "Construction,
 * Education" and "Grand Hotel:180, Contoso Freight:4h" (the time a week after
 * a colon, as duration_read reads it; none is 0).  app_setup_lists_free frees what it holds. */
struct app_setup_lists {
	char **industries;
	size_t n_industries;
	struct app_setup_account *accounts;   /* names point into account_names */
	char **account_names;
	size_t n_accounts;
};

int app_setup_lists_parse(const char *industries, const char *accounts,
			  struct app_setup_lists *out, struct error *err);
void app_setup_lists_free(struct app_setup_lists *l);

/* Writes the user's plan as one change.  Refused when the folder holds a
 * plan already (settings, industry and account change that one). */
int app_setup(struct app *app, const struct app_setup *s, struct app_result *res,
	      struct error *err);

/* Adds the sample plan into an empty plan: four industries, two accounts,
 * this week's niches and blocks, each noted as the sample's. */
int app_sample_add(struct app *app, date_t today, struct app_result *res, struct error *err);

/*
 * Takes the sample out: its blocks (but those worked on: done, skipped or
 * with an outcome, which stay and are named), then its industries and
 * accounts that nothing else names (those still named stay, no longer
 * marked).  res->notice says what went and what stayed.  ERR_NOTFOUND when
 * there is no sample.
 */
int app_sample_remove(struct app *app, struct app_result *res, struct error *err);

#endif
