/* review_int.h - what the review's source files share.  Private to src/review*.c. */
#ifndef FOCUSWEEK_REVIEW_INT_H
#define FOCUSWEEK_REVIEW_INT_H

#include "review.h"

/* The weeks of the span, by position (key order): every digest, and the
 * weeks given in full (NULL = not given, or an empty week). */
struct review_slots {
	int first;                /* key of slot 0 */
	size_t n;
	const struct week **at;
	const struct review_digest *const *dg;
};

/* The week with `key`, or NULL (also for keys outside the span). */
const struct week *review_slot(const struct review_slots *s, int key);
/* The digest of week `key`, or NULL for keys outside the span. */
const struct review_digest *review_slot_digest(const struct review_slots *s, int key);

/* review_digest.c: one block added to a tally, judged by v; counters added
 * up. */
void review_tally_block(struct review_tally *t, const struct block *b,
			const struct review_verdict *v, bool due);
void review_outcome_add(struct outcome *sum, const struct outcome *o);

/* review_quota.c: the quota of the period of the request's last week. */
void review_quota_compute(struct review *r, const struct plan *p,
			  const struct review_slots *s);
/* The first and last day whose sales the quota counts (see review.h). */
void review_quota_dates(int key, enum quota_period period, date_t *start,
			date_t *cutoff);

/* review_focus.c: a week's niche units that had prospecting due at the
 * moment, into its digest; a digest's focus
 * figures and interruptions counted into f; the interruptions of a week
 * listed in f. */
void review_focus_units(const struct week *w, date_t today, int minute, struct review_digest *d);
void review_focus_digest(struct review_focus *f, const struct review_digest *d);
void review_focus_list(struct review_focus *f, const struct week *w);
/* Sorts the interruptions. */
void review_focus_finish(struct review_focus *f);

/* Where a list of n shows from: its latest REVIEW_LIST_SHOWN entries. */
static inline size_t review_list_from(size_t n)
{
	return n > REVIEW_LIST_SHOWN ? n - REVIEW_LIST_SHOWN : 0;
}

/* How many of `total` entries a list of n (its latest ones) does not show. */
static inline size_t review_list_earlier(size_t total, size_t n)
{
	return total - (n - review_list_from(n));
}

/* User text made safe for files and scripts (UTF-8): s itself when it is
 * printable ASCII (the common case, without a copy), else its text_safe form
 * in `scratch`. */
const char *review_safe(struct buf *scratch, const char *s);

/* review_text.c, review_md.c, review_data.c: the formats. */
void review_write_text(struct buf *o, const struct review *r, const struct plan *p,
		       enum text_mode mode);
void review_write_md(struct buf *o, const struct review *r, const struct plan *p);
void review_write_csv(struct buf *o, const struct review *r, const struct plan *p);
void review_write_json(struct buf *o, const struct review *r, const struct plan *p);

#endif
