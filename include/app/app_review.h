/* app_review.h - a review computed from the weeks as stored: the settled
 * weeks from their digests, the weeks its lists show read in full (see
 * src/app/review_io.c). */
#ifndef FOCUSWEEK_APP_REVIEW_H
#define FOCUSWEEK_APP_REVIEW_H

#include <stdbool.h>

#include "app.h"
#include "error.h"
#include "review.h"

struct app_review;

/* The review of rq.  all_lists reads every week in full, for the formats
 * that list every entry (JSON, CSV).  A week that cannot be read fails it,
 * naming the file. */
int app_review_open(struct app *app, const struct review_request *rq, bool all_lists,
		    struct app_review **out, struct error *err);
const struct review *app_review_get(const struct app_review *ar);
void app_review_free(struct app_review *ar);

#endif
