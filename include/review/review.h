/* review.h - what got finished, what it produced, where the quota stands.
 *
 * The review is computed from the plan and weeks the caller has already
 * loaded; nothing here reads a file.  The caller asks review_span which weeks
 * to load (the reviewed range, the trend, the quota period and the week after
 * the range: at most max(n_weeks, 15) + 1 of them, however long the history),
 * loads them, and passes them in.  The work is linear in the blocks,
 * sessions and sales loaded (plus a sort of the interruptions, and one of
 * each week's blocks cut short to find their timer runs).  The result is a
 * plain structure a screen or a report draws from directly.
 *
 * Units and rounding
 * - Time is whole minutes.  A planned block lasts its wall-clock minutes
 *   (end - start on its local calendar day; a 23- or 25-hour day changes
 *   nothing), so "hours done" is planned time, not timer time, except for
 *   blocks cut short (see "Done time").  Timer time (focus.timer_seconds)
 *   is the difference of the stored UTC instants.
 * - Money is whole currency units, in int64.
 * - Percentages are rounded down, so 100 only when complete; -1 when there
 *   is nothing to divide by.
 * - Yields are hundredths per hour (840 = 8.40 calls/h), rounded half up;
 *   -1 when no prospecting was done.
 * - The accounts' target is 0.8 x baseline, to the nearest minute (halves up).
 * - The quota pace is rounded up (meeting it reaches the target); the
 *   projection is rounded down (it never overstates).
 *
 * What counts (one meaning, shared with the planning: review_week_verdicts)
 * - "Blocks" are every block but imported calendar meetings (KIND_MEETING):
 *   those are busy time, not plans, and only show in kind[KIND_MEETING]
 *   (blocks and minutes only: never done, never due).
 * - A block is due when it is done or when it ended at or before the
 *   review's moment (today, minute); planned blocks not due are still to
 *   come.
 * - Done time: a done block counts its wall-clock length; a done block cut
 *   short counts the minutes its timer runs tracked (every run on it: ended -
 *   started - paused, a negative run as 0, summed in seconds, then whole
 *   minutes rounded down), at most its length.  A block cut short with no
 *   timer run (`done --cut-short`) counts 0.  Every "done" figure in minutes
 *   is done time: the tallies, the completion rate, the yields' prospecting
 *   hours, the accounts' done time, "not for quota" done, the trend.
 * - Unfinished: a due block still planned, or done but cut short with
 *   minutes left (its length less its done time, when above 0).  What is
 *   left of it (`left`): a planned block its length, a cut-short one that
 *   remainder, either rounded up to the plan's slot grid (at least one
 *   slot), which is the length the carry-over gives it.  "Finish what you
 *   start: what counts is what gets completed."
 * - Done (the count of blocks): done with nothing left.  A block cut short
 *   with minutes left counts as unfinished, not done, though its tracked
 *   minutes count in the done time.
 * - Dropped: skipped blocks, dropped on purpose: neither done nor
 *   unfinished, and never carried over.  They are listed on their own.
 *   Once ended they stay in the due minutes, so a dropped block lowers the
 *   completion rate as an unfinished one does.
 * - So every block is exactly one of done, unfinished, dropped or still to
 *   come (blocks = done + unfinished + dropped + to come).
 * - The completion rate is done time / due minutes: a week under way is
 *   judged on what it has already asked for, and a block cut short adds its
 *   tracked minutes over its whole length (150 planned, 130 tracked: 130 of
 *   150, not 150 of 150).
 * - Focus counts a unit's done prospecting blocks by status (cut short or
 *   not): it asks which niche the work went to, not how much was finished.
 * - Outcome counters (calls, conversations, meetings booked, revenue) are
 *   read from the blocks, whatever their status: the timer and `done` store
 *   them there.  A timer run that was abandoned is real work too: ending it
 *   adds its counts to the block and leaves the block planned (timer_finish),
 *   so they count in the results per industry and in the trend like any
 *   other, though the block is unfinished.  Session counts are not added
 *   again: every run's counts are already on its block, abandoned or not.
 * - An unfinished block is marked carried when the week after its own holds
 *   a block whose carried_from names it (planning_carry_over makes those);
 *   it stays unfinished in its week.  Only weeks given are looked at, so the
 *   week after the range must be loaded for the range's last week.
 * - Sales (struct sale) are what counts toward the quota, one model of
 *   money: what is recorded as sold on a block (done --sold, the finish
 *   forms) is a sale of the block's day, industry and account that names
 *   the block, so it counts per industry and toward the quota like any
 *   other.  (Week files of schema 1 kept it on the block as "revenue"; it
 *   is read as such a sale: codec_week.c.)
 * - Interruptions fall on the local day and minute of their UTC instant
 *   (clock_to_local), so a daylight-saving change is honoured.
 *
 * Ownership: review_compute allocates; review_free releases.  A review
 * borrows from the weeks it was computed from (block pointers, notes, ids):
 * free it before them.
 */
#ifndef FOCUSWEEK_REVIEW_H
#define FOCUSWEEK_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "clock.h"
#include "error.h"
#include "model.h"
#include "text.h"

#define REVIEW_WEEKS_MAX 520   /* --weeks: ten years */
#define REVIEW_TREND_WEEKS 8
#define REVIEW_LIST_SHOWN 30   /* text and Markdown list the latest 30 unfinished
				  and dropped blocks and interruptions; CSV and
				  JSON all */

/* What to review: n_weeks ISO weeks ending with `last`, seen at a moment. */
struct review_request {
	int last;          /* week key of the last reviewed week */
	int n_weeks;       /* 1..REVIEW_WEEKS_MAX */
	date_t today;      /* the review's moment, local: blocks ending later */
	int minute;        /* are still to come */
};

/* The weeks review_compute reads: every key from first to last inclusive
 * (last is at least the week after the reviewed range, within the calendar). */
struct review_span {
	int first, last;
};

/* Blocks and their wall-clock minutes (see "What counts"). */
struct review_tally {
	int blocks;            /* blocks planned, any status */
	int done;              /* of them done, nothing left */
	int unfinished;        /* due, and planned or cut short with minutes left */
	int dropped;           /* skipped: dropped on purpose, not unfinished */
	int64_t minutes;       /* minutes planned */
	int64_t done_minutes;  /* done time (a block cut short: minutes tracked) */
	int64_t due_minutes;   /* minutes of the due blocks */
	int64_t left_minutes;  /* what is left of the unfinished ones (slot grid) */
	int rate_pct;          /* done_minutes * 100 / due_minutes, down; -1 */
};

/* Results of one industry over the range. */
struct review_industry {
	int id;                  /* industry id; 0 = blocks and sales naming none */
	struct review_tally t;   /* its blocks (any kind) */
	struct outcome out;      /* counters summed over its blocks */
	int64_t sales;           /* sales naming it, dated in the range */
	int64_t prospecting_minutes; /* done time of its prospecting blocks */
	int64_t calls_ph;        /* out.calls per prospecting hour x100, or -1 */
	int64_t meetings_ph;     /* out.meetings per prospecting hour x100, or -1 */
};

/*
 * One account over the range.  baseline = the account's weekly baseline x
 * the weeks reviewed; target = 0.8 x baseline (nearest minute); planned and
 * done are the minutes of its account blocks (kind account naming it), all
 * and done.
 */
struct review_account {
	int id;                  /* account id; 0 = account blocks naming none */
	int64_t baseline, target;
	int64_t planned, done;
};

/*
 * The accounts together.  Freed time is what the accounts did not take of
 * their baseline: freed = max(0, baseline - done) over the sums (an account
 * over its baseline eats into what another freed); freed_planned is the same
 * against the planned minutes.  to_prospecting = min(freed, prospecting
 * minutes done in the range): the freed time matched by prospecting done, an
 * upper bound, since the plan does not say which hour replaced which.
 */
struct review_accounts {
	struct review_account *rows; /* active accounts in plan order, then archived
					ones with blocks, then id 0 if any */
	size_t n;
	int64_t baseline, target, planned, done; /* sums of the rows */
	int64_t freed, freed_planned, to_prospecting;
};

/* One interruption logged by the timer. */
struct review_interruption {
	instant_t at;
	date_t date;             /* local date and minute of `at` */
	int minute;
	const char *note;        /* borrowed; "" when none */
	const char *block;       /* the id of the session's block, borrowed */
};

/*
 * Focus.  A niche unit is a day under the week's day rule, or a morning or
 * afternoon under the half-day rule (a block across midday is in both).  A
 * unit counts once it has had prospecting: a prospecting block in it that
 * is due at the review's moment (done, skipped, or ended and still
 * planned); days not reached yet and days without prospecting do not count.
 * It is held when at least one prospecting block in it is done and every
 * done one is of the unit's niche (of one industry, when it has none).
 */
struct review_focus {
	int days, days_held;     /* day-rule units */
	int halves, halves_held; /* half-day-rule units */
	bool so_far;             /* the range's last week is under way at the moment:
				    the counts are "so far" */
	int interruptions;       /* logged in the range's sessions */
	int per_day[7];          /* by the local weekday they happened, Monday first */
	struct review_interruption *list; /* sorted by time */
	size_t n_list;
	int64_t timer_seconds;   /* time on the timer: sum of (ended - started - paused) */
	int64_t notquota_minutes;      /* planned on blocks answered "not for quota" */
	int64_t notquota_done_minutes; /* ...and their done time */
};

/*
 * The quota.  A week belongs to the month or quarter that holds its
 * Thursday (as an ISO week belongs to the year of its Thursday), so every
 * week is in exactly one period: a month has 4 or 5 weeks, a quarter 13 or
 * 14.  The review reports on the period of its last week.  Sales count by
 * their own date within the calendar period, up to the cutoff: the Sunday of
 * the reviewed week, or the period's last day when the reviewed week is the
 * period's last (so a sale on the 30th of a month whose last days fall in
 * next month's first week still counts for its month).
 */
struct review_quota {
	enum quota_period period;
	int year, number;        /* e.g. 2026 and 12 (month) or 4 (quarter) */
	date_t start, end;       /* the calendar period */
	date_t cutoff;
	int weeks;               /* the period's weeks */
	int week_index;          /* the reviewed week's place among them, 1-based */
	int weeks_left;          /* weeks after it: weeks - week_index */
	int64_t target;          /* plan_quota()->target */
	int64_t sold;            /* sales dated start..cutoff */
	int64_t gap;             /* max(0, target - sold) */
	int progress_pct;        /* sold * 100 / target, down; -1 without target */
	int64_t pace;            /* gap / weeks_left, up; -1 when no week is left */
	int64_t projection;      /* sold * weeks / week_index, down */
	char currency[8];
};

/* One week of the trend. */
struct review_week {
	int key;
	struct review_tally t;   /* its blocks (rate in t.rate_pct) */
	int64_t meetings;        /* meetings booked on its blocks */
	int64_t prospecting_minutes; /* done time of its prospecting blocks */
};

/* One unfinished block. */
struct review_unfinished {
	const struct block *block;   /* borrowed */
	int left;                    /* minutes left, on the slot grid */
	const char *carried_to;      /* id of the block in the following week that
					carries it on (borrowed), or NULL */
};

struct review {
	int first, last, n_weeks;          /* the reviewed range of week keys */
	date_t today;                      /* the moment it was seen at */
	int minute;
	struct review_tally total;         /* all blocks (meetings excepted) */
	struct review_tally day[7];        /* by weekday, Monday first */
	struct review_tally kind[KIND_COUNT]; /* kind[KIND_MEETING]: calendar time,
					      not in total */
	struct review_unfinished *unfinished; /* in date order */
	size_t n_unfinished;
	size_t n_carried;                  /* of them carried into the following week */
	const struct block **dropped;      /* the skipped blocks, in date order; borrowed */
	size_t n_dropped;
	struct review_industry *industries; /* active industries in plan order, then
					      archived ones with data, then id 0 if any */
	size_t n_industries;
	struct review_industry all;        /* the sum of the rows (id 0) */
	struct review_accounts accounts;
	struct review_focus focus;
	struct review_quota quota;
	struct review_week trend[REVIEW_TREND_WEEKS]; /* oldest first, ending at last */
	const struct week **weeks;         /* the range's weeks, oldest first; NULL
					      where none was given; borrowed */
	int listed_from;                   /* the lists hold the range's entries
					      from this week on: first when all
					      are listed (review_compute_digests) */
};

/* The weeks to load for a request; refuses a bad request (ERR_USAGE). */
int review_span(const struct plan *p, const struct review_request *rq,
		struct review_span *span, struct error *err);
/* How many weeks a span holds, first and last included. */
size_t review_span_weeks(const struct review_span *span);

/*
 * Computes the review from `weeks` (any order; keys outside the span are
 * ignored, keys missing count as empty weeks).  Refuses a bad request or two
 * weeks with the same key.  Returns 0, or -1 with err.
 */
/* The quota line of a plan without a quota target, for every format. */
#define REVIEW_NO_QUOTA "no quota target set (focusweek settings set quota.target AMOUNT)"

int review_compute(const struct plan *p, const struct review_request *rq,
		   const struct week *const *weeks, size_t n, struct review **out,
		   struct error *err);
void review_free(struct review *r);

/* ---- a week's figures, kept between reviews ---- */

/*
 * A week's digest: everything a review takes from one week but its lists
 * (the unfinished and dropped blocks and the interruptions themselves),
 * seen at a moment with the plan's slot length.  Once a week has ended
 * before the moment's day (review_digest_settled), every block in it is due
 * and its digest no longer changes with the moment: the store keeps it
 * beside the week (store_load_digest), so a long review reads a few hundred
 * bytes per week instead of the week, and reads in full only the weeks its
 * lists show.  A digest holds only the week's own data: names, baselines,
 * order and the quota come from the plan when the review merges digests.
 */
struct review_digest_industry {
	int id;                      /* as struct review_industry, for one week */
	struct review_tally t;       /* rate_pct not set */
	struct outcome out;
	int64_t sales;               /* sales naming it dated in the week */
	int64_t prospecting_minutes;
};

struct review_digest_account {
	int id;
	int64_t planned, done;
};

struct review_digest_sale {
	date_t date;
	int64_t amount;
};

struct review_digest {
	int key;                     /* the week */
	int slot;                    /* the slot length its left minutes are on */
	struct review_tally total, day[7], kind[KIND_COUNT]; /* as in struct
					review; rate_pct not set */
	struct review_digest_industry *industries; /* in order of first use */
	size_t n_industries;
	struct review_digest_account *accounts;    /* in order of first use */
	size_t n_accounts;
	int days, days_held, halves, halves_held;   /* its niche units */
	int64_t timer_seconds, notquota_minutes, notquota_done_minutes;
	instant_t *interruptions;    /* when each was logged, in session order */
	size_t n_interruptions;
	struct review_digest_sale *sales; /* every sale of the week, in order */
	size_t n_sales;
	char (*unfinished)[MODEL_ID_MAX];   /* ids of its unfinished blocks */
	size_t n_unfinished;
	char (*carried_from)[MODEL_ID_MAX]; /* the carried_from its blocks name */
	size_t n_carried_from;
};

/* The digest of w (NULL: an empty week `key`) seen at (today, minute) with
 * slot length `slot`.  review_digest_free releases it. */
struct review_digest *review_digest_week(const struct week *w, int key, date_t today,
					 int minute, int slot);
void review_digest_free(struct review_digest *d);
/* True when week `key` ended before `today`: its digest is the same seen at
 * any later moment. */
bool review_digest_settled(int key, date_t today);

/*
 * review_compute from digests.  d[0..n) are the digests of the span's
 * weeks by position (d[i] is week span.first + i; n = review_span_weeks),
 * all given.  The lists come from the weeks given in full: the last
 * `listed` positions of the span, w[i] for i >= n - listed (NULL: an empty
 * week; w[i] for earlier i is not read).  With every position listed the
 * review equals review_compute's; with fewer, r->listed_from says from
 * which week the lists hold the range's entries, and the counts of all
 * stay in total.unfinished, total.dropped and focus.interruptions.
 */
int review_compute_digests(const struct plan *p, const struct review_request *rq,
			   const struct review_digest *const *d, const struct week *const *w,
			   size_t n, size_t listed, struct review **out, struct error *err);

/* ---- one block: what counts (the planning judges by the same) ---- */

/* Due, as above: done, or ended at or before the moment (today, minute). */
bool review_block_due(const struct block *b, date_t today, int minute);

enum review_state {
	REVIEW_DONE,        /* done, nothing left */
	REVIEW_UNFINISHED,  /* due: planned, or done but cut short with minutes left */
	REVIEW_DROPPED,     /* skipped on purpose */
	REVIEW_TO_COME,     /* planned, not due yet */
	REVIEW_CALENDAR     /* an imported meeting: busy time, none of these */
};

/* What a block counts as, seen at a moment (see "What counts"). */
struct review_verdict {
	enum review_state state;
	int done_minutes;   /* done time; 0 unless done */
	int left_minutes;   /* unfinished: what is left, on the slot grid; else 0 */
};

/*
 * The verdict on every block of w, in week_block_at order, into out
 * (week_block_count(w) entries), seen at (today, minute) with the plan's
 * slot length.  The one place "done time" and "unfinished" are decided:
 * the review, its screen and the planning's summary and carry-over all call
 * it.  One pass over the blocks and one over the timer runs, each run
 * looked up among the blocks cut short (sorted once).
 */
void review_week_verdicts(const struct week *w, date_t today, int minute, int slot,
			  struct review_verdict *out);
/* "done", "unfinished", "dropped", "to come", "calendar". */
const char *review_state_name(enum review_state s);

/* ---- periods (also used to list sales) ---- */

/* The calendar month, quarter or year holding `day`. */
enum review_period { REVIEW_MONTH, REVIEW_QUARTER, REVIEW_YEAR };
void review_period_of_day(date_t day, enum review_period period, date_t *start,
			  date_t *end);
/* The quota period a week belongs to (the one holding its Thursday). */
void review_period_of_week(int key, enum quota_period period, date_t *start, date_t *end);
/* "Dec 2026", "Q4 2026", "2026" into out[16]. */
void review_period_label(date_t start, enum review_period period, char out[16]);

/* ---- output ---- */

enum review_format { REVIEW_TEXT, REVIEW_MD, REVIEW_CSV, REVIEW_JSON };

/* "text", "md", "csv", "json"; 0 or -1. */
int review_format_parse(const char *s, enum review_format *out);

/*
 * Appends the review in a format.  Text is for a terminal, in `mode` (bars
 * and sparklines fall back to ASCII); pass it through text_safe-based
 * printing.  Markdown, CSV and JSON are UTF-8 for files and scripts, with
 * every piece of user text already made safe.  CSV is RFC 4180: one row per
 * block of the range, CRLF line ends, fields quoted when they hold a comma,
 * quote, CR or LF, quotes doubled.  It starts with a UTF-8 byte-order mark,
 * so spreadsheets that assume a local code page read non-ASCII titles right,
 * and every field is guarded against formula injection (review_csv_field).
 */
void review_write(struct buf *out, const struct review *r, const struct plan *p,
		  enum review_format fmt, enum text_mode mode);

/*
 * One CSV field, quoted when needed (RFC 4180).  A field that starts with
 * =, +, -, @, tab or CR, which a spreadsheet would run as a formula, gets a
 * single quote in front and is always quoted (OWASP's advice against CSV
 * injection): "=1+2" is written "'=1+2" (in quotes), "-20% time" as
 * "'-20% time".
 */
void review_csv_field(struct buf *out, const char *s);

/* Names for output: the industry's or account's name, "#ID" (written into
 * tmp) for one the plan does not know, or `none` for id 0. */
const char *review_industry_name(const struct plan *p, int id, const char *none,
				 char tmp[16]);
const char *review_account_name(const struct plan *p, int id, const char *none,
				char tmp[16]);

/* The rounding rules above: a percentage rounded down (-1 when den <= 0,
 * INT_MAX at most); count per hour x100 rounded half up (-1 when minutes
 * <= 0). */
int review_pct(int64_t num, int64_t den);
int64_t review_per_hour(int64_t count, int64_t minutes);

/* A duration in the one form of duration.h ("45 min", "12h30") into out[24]. */
void review_hours(int64_t minutes, char out[24]);
/* The label of r->day[d] into out[16]: "Tue 1 Dec" for one week, "Tue" for
 * several. */
void review_day_label(const struct review *r, int d, char out[16]);
/* The weekday of the i-th day of the week (the week may start on Sunday):
 * rows of the per-weekday figures go in this order. */
int review_weekday_at(int i);

#endif
