/* app_sale.c - sales: each change through one transaction, and a period's
 * list read as this session knows the weeks. */
#include "app_sale.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "xalloc.h"

int app_sale_add(struct app *app, const struct sale *s, struct app_result *res, struct error *err)
{
	struct app_txn tx;
	struct week *w;
	char id[MODEL_ID_MAX];

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if (txn_week(&tx, date_week_key(s->date), &w, err) != 0 ||
	    week_sale_add(w, s, id, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	if (res != NULL)
		snprintf(res->id, sizeof res->id, "%s", id);
	app_result_label(res, "sale of %lld", (long long)s->amount);
	return txn_commit(&tx, NULL, res, err);
}

int app_sale_remove(struct app *app, const char *id, struct app_result *res, struct error *err)
{
	int key = model_id_week(id);
	struct app_txn tx;
	struct week *w = NULL;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if (key != 0 && txn_week(&tx, key, &w, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	if (key == 0 || week_sale_remove(w, id, NULL) != 0) {
		txn_end(&tx);
		return error_set(err, ERR_NOTFOUND,
				 "no sale with id %s ('focusweek sales' lists "
				 "them, e.g. 2026W49-s3)",
				 id);
	}
	app_result_label(res, "deleted sale %s", id);
	return txn_commit(&tx, NULL, res, err);
}

/* ---------------------------------------------------------------- list */

static int as_cmp(const void *a, const void *b)
{
	const struct sale *x = *(const struct sale *const *)a, *y = *(const struct sale *const *)b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void as_take(struct app_sales *l, const struct week *w, date_t start, date_t end,
		    size_t *cap)
{
	for (size_t i = 0; i < week_sale_count(w); i++) {
		const struct sale *s = week_sale_at(w, i);

		if (s->date < start || s->date > end)
			continue;
		l->items = xgrow(l->items, cap, l->n + 1, sizeof *l->items);
		l->items[l->n++] = s;
		l->total += s->amount;
	}
}

int app_sales_list(struct app *app, date_t start, date_t end, struct app_sales *l,
		   struct error *err)
{
	int last = date_week_key(end);
	size_t cap = 0;

	memset(l, 0, sizeof *l);
	for (int key = date_week_key(start); key != date_week_add(last, 1);
	     key = date_week_add(key, 1)) {
		struct week *w;

		if (app_week(app, key, &w, err) != 0) {
			app_sales_free(l);
			return -1;
		}
		l->weeks = xrealloc(l->weeks, (l->n_weeks + 1) * sizeof *l->weeks);
		l->weeks[l->n_weeks++] = w;
		as_take(l, w, start, end, &cap);
	}
	if (l->n > 1)
		qsort(l->items, l->n, sizeof *l->items, as_cmp);
	return 0;
}

void app_sales_free(struct app_sales *l)
{
	for (size_t i = 0; i < l->n_weeks; i++)
		week_free(l->weeks[i]);
	free(l->weeks);
	free(l->items);
	memset(l, 0, sizeof *l);
}
