/* review_io.c - a review's weeks: digests for the weeks that have ended,
 * in full for the weeks its lists show. */
#include "review_io.h"

#include <stdlib.h>

#include "xalloc.h"

/* The digests kept for the span's weeks that have ended. */
static void io_digests(struct store *st, const struct plan *p, const struct review_request *rq,
		       int first, struct review_io *io)
{
	for (size_t i = 0; i < io->n; i++) {
		int key = date_week_add(first, (int)i);

		if (review_digest_settled(key, rq->today) &&
		    store_load_digest(st, key, plan_settings(p)->slot, &io->digests[i]) != 0)
			io->digests[i] = NULL;
	}
}

/* How many of the span's last weeks to read in full so that each list shows
 * its latest REVIEW_LIST_SHOWN entries: back from the range's last week until
 * the digests count that many of each (a week without one counts none, and
 * is read anyway), at most to the range's first. */
static size_t io_listed(const struct review_request *rq, int first, const struct review_io *io)
{
	size_t last = io->n - 1, pos;
	size_t unfinished = 0, dropped = 0, interruptions = 0;

	while (date_week_add(first, (int)last) != rq->last)
		last--;
	for (pos = last;; pos--) {
		const struct review_digest *d = io->digests[pos];

		if (d != NULL) {
			unfinished += (size_t)d->total.unfinished;
			dropped += (size_t)d->total.dropped;
			interruptions += d->n_interruptions;
		}
		if ((unfinished >= REVIEW_LIST_SHOWN && dropped >= REVIEW_LIST_SHOWN &&
		     interruptions >= REVIEW_LIST_SHOWN) ||
		    pos + (size_t)rq->n_weeks == last + 1)
			return io->n - pos;
	}
}

/* Reads weeks [from, to) in full, one run of the span. */
static int io_read_run(struct store *st, const struct plan *p, int first, size_t from,
		       size_t to, struct review_io *io, struct error *err)
{
	if (store_load_weeks(st, p, date_week_add(first, (int)from), to - from,
			     &io->weeks[from], err) != 0)
		return -1;
	io->read += to - from;
	return 0;
}

/* The weeks to read in full: the listed ones and those without a digest. */
static int io_read(struct store *st, const struct plan *p, int first, struct review_io *io,
		   struct error *err)
{
	size_t i = 0;

	while (i < io->n) {
		size_t j = i;

		while (j < io->n && (j >= io->n - io->listed || io->digests[j] == NULL))
			j++;
		if (j > i && io_read_run(st, p, first, i, j, io, err) != 0)
			return -1;
		i = j > i ? j : i + 1;
	}
	return 0;
}

/* A week with nothing in it (most often, no file): nothing worth keeping,
 * and reading it again costs next to nothing. */
static bool io_empty(const struct review_digest *d)
{
	return d->total.blocks == 0 && d->kind[KIND_MEETING].blocks == 0 && d->n_sales == 0 &&
	       d->n_interruptions == 0 && d->timer_seconds == 0 && d->days == 0 &&
	       d->halves == 0;
}

/* Every week read in full gets its digest made from what was read; one that
 * has ended, had none and is not empty is kept. */
static void io_digest_read(struct store *st, const struct plan *p,
			   const struct review_request *rq, int first, struct review_io *io)
{
	for (size_t i = 0; i < io->n; i++) {
		int key = date_week_add(first, (int)i);
		bool kept = io->digests[i] != NULL;

		if (io->weeks[i] == NULL)
			continue;
		review_digest_free(io->digests[i]);
		io->digests[i] = review_digest_week(io->weeks[i], key, rq->today, rq->minute,
						    plan_settings(p)->slot);
		if (!kept && review_digest_settled(key, rq->today) && !io_empty(io->digests[i]))
			store_save_digest(st, io->digests[i]);
	}
}

int review_io_load(struct store *st, const struct plan *p, const struct review_request *rq,
		  bool all_lists, struct review_io *io, struct error *err)
{
	struct review_span span;

	*io = (struct review_io){ 0 };
	if (review_span(p, rq, &span, err) != 0)
		return -1;
	io->n = review_span_weeks(&span);
	io->weeks = xcalloc(io->n, sizeof *io->weeks);
	io->digests = xcalloc(io->n, sizeof *io->digests);
	/* Read in full or not, a week whose digest is kept is not written
	 * again. */
	io_digests(st, p, rq, span.first, io);
	io->listed = all_lists ? io->n : io_listed(rq, span.first, io);
	if (io_read(st, p, span.first, io, err) != 0)
		return -1;
	io_digest_read(st, p, rq, span.first, io);
	return 0;
}

int review_io_compute(const struct plan *p, const struct review_request *rq,
		     const struct review_io *io, struct review **out, struct error *err)
{
	return review_compute_digests(p, rq, (const struct review_digest *const *)io->digests,
				      (const struct week *const *)io->weeks, io->n, io->listed,
				      out, err);
}

void review_io_free(struct review_io *io)
{
	for (size_t i = 0; i < io->n; i++) {
		week_free(io->weeks != NULL ? io->weeks[i] : NULL);
		review_digest_free(io->digests != NULL ? io->digests[i] : NULL);
	}
	free(io->weeks);
	free(io->digests);
	*io = (struct review_io){ 0 };
}
