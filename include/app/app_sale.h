/* app_sale.h - the sales that count toward the quota: recording one,
 * deleting one, listing a period's.  Each change is one change (app.h). */
#ifndef FOCUSWEEK_APP_SALE_H
#define FOCUSWEEK_APP_SALE_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "date.h"
#include "error.h"
#include "model.h"

/* Records s in the week of its date; res->id is its new id. */
int app_sale_add(struct app *app, const struct sale *s, struct app_result *res,
		 struct error *err);
/* Deletes sale `id` (e.g. 2026W49-s3). */
int app_sale_remove(struct app *app, const char *id, struct app_result *res,
		    struct error *err);

/* The sales of a span of days, in date order; they point into `weeks`. */
struct app_sales {
	struct week **weeks;        /* owned */
	size_t n_weeks;
	const struct sale **items;  /* owned array */
	size_t n;
	int64_t total;
};

int app_sales_list(struct app *app, date_t start, date_t end, struct app_sales *out,
		   struct error *err);
void app_sales_free(struct app_sales *l);

#endif
