/* app_review.c - a review and what it was computed from, together. */
#include "app_review.h"

#include <stdlib.h>

#include "app_int.h"
#include "review_io.h"
#include "xalloc.h"

struct app_review {
	struct review_io io; /* the weeks and digests read */
	struct review *r;    /* borrows from io */
};

int app_review_open(struct app *app, const struct review_request *rq, bool all_lists,
		    struct app_review **out, struct error *err)
{
	struct app_review *ar = xcalloc(1, sizeof *ar);

	*out = NULL;
	if (app->boot.store == NULL) {
		/* No folder yet: a review of nothing. */
		if (review_compute(app->boot.plan, rq, NULL, 0, &ar->r, err) != 0) {
			app_review_free(ar);
			return -1;
		}
		*out = ar;
		return 0;
	}
	if (review_io_load(app->boot.store, app->boot.plan, rq, all_lists, &ar->io, err) != 0 ||
	    review_io_compute(app->boot.plan, rq, &ar->io, &ar->r, err) != 0) {
		app_review_free(ar);
		return -1;
	}
	*out = ar;
	return 0;
}

const struct review *app_review_get(const struct app_review *ar)
{
	return ar->r;
}

void app_review_free(struct app_review *ar)
{
	if (ar == NULL)
		return;
	review_free(ar->r);
	review_io_free(&ar->io);
	free(ar);
}
