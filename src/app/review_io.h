/* review_io.h - what a review reads from the store.
 *
 * A long review needs every week of its span for its figures, but shows
 * only the latest entries of its lists.  So the weeks that ended before the
 * review's day come from their digests, which the store keeps
 * (store_load_digest); the weeks its lists show (the latest of the range,
 * enough for REVIEW_LIST_SHOWN entries of each list, and the week after),
 * and any week without a usable digest, are read in full.  A week read in
 * full that has ended gets its digest kept for the next review.  The review
 * computed from them equals the one computed from every week in full, but
 * for the lists, which hold the latest entries (review.h: listed_from).
 */
#ifndef FOCUSWEEK_REVIEW_IO_H
#define FOCUSWEEK_REVIEW_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "model.h"
#include "review.h"
#include "store.h"

struct review_io {
	size_t n;                       /* the span's weeks, from its first */
	size_t listed;                  /* the last `listed` are in weeks[] */
	struct week **weeks;            /* read in full, else NULL */
	struct review_digest **digests; /* every week's */
	size_t read;                    /* how many weeks were read in full */
};

/*
 * Reads what the review of rq needs.  all_lists reads every week in full,
 * for the formats that list every entry (JSON, CSV).  A week that cannot be
 * read fails it, with the store's error.  Returns 0 or -1; review_io_free
 * in both cases.
 */
int review_io_load(struct store *st, const struct plan *p, const struct review_request *rq,
		  bool all_lists, struct review_io *io, struct error *err);
/* review_compute_digests on what was read; the review borrows from io. */
int review_io_compute(const struct plan *p, const struct review_request *rq,
		     const struct review_io *io, struct review **out, struct error *err);
void review_io_free(struct review_io *io);

#endif
