/* test_planning.h - the fixture the planning tests share: a plan with four
 * industries and two accounts, and quick ways to fill weeks. */
#ifndef FOCUSWEEK_TEST_PLANNING_H
#define FOCUSWEEK_TEST_PLANNING_H

#include <stdio.h>
#include <string.h>

#include "model.h"
#include "planning.h"
#include "testutil.h"

enum { HC = 1, MF = 2, LG = 3, RT = 4 };   /* industry ids */
enum { NORTHWIND = 1, CONTOSO = 2 };       /* account ids */
#define LAST_WEEK 202649                   /* Mon 30 Nov 2026 */
#define THIS_WEEK 202650                   /* Mon 7 Dec 2026 */

static inline struct plan *tp_plan(void)
{
	struct plan *p = plan_new();

	assert_int_equal(plan_industry_add(p, "Healthcare", 1, NULL), HC);
	assert_int_equal(plan_industry_add(p, "Manufacturing", 2, NULL), MF);
	assert_int_equal(plan_industry_add(p, "Logistics", 3, NULL), LG);
	assert_int_equal(plan_industry_add(p, "Retail", 4, NULL), RT);
	assert_int_equal(plan_account_add(p, "Northwind Clinics", 240, NULL), NORTHWIND);
	assert_int_equal(plan_account_add(p, "Contoso Freight", 180, NULL), CONTOSO);
	return p;
}

static inline int tp_min(const char *hhmm)
{
	int m = -1;

	assert_int_equal(date_time_parse(hhmm, &m), 0);
	return m;
}

/* Weekday d (0 = Monday) of week key. */
static inline date_t tp_day(int key, int d)
{
	return date_week_monday(key) + d;
}

static inline void tp_block(struct block *b, date_t day, const char *s, const char *e,
			    enum block_kind kind, int industry, int account, const char *title)
{
	block_init(b);
	b->date = day;
	b->start = tp_min(s);
	b->end = tp_min(e);
	b->kind = kind;
	b->industry = industry;
	b->account = account;
	block_set_title(b, title);
}

/* Adds a block (asserting the rules accept it); its id goes to id_out. */
static inline void tp_add_id(struct week *w, const struct plan *p, int d, const char *s,
			     const char *e, enum block_kind kind, int industry, int account,
			     const char *title, char *id_out)
{
	struct block b;
	struct error err = { 0 };

	tp_block(&b, week_monday(w) + d, s, e, kind, industry, account, title);
	if (week_block_add(w, p, &b, id_out, &err) != 0)
		fail_msg("adding \"%s\": %s", title, err.msg);
	block_clear(&b);
}

static inline void tp_add(struct week *w, const struct plan *p, int d, const char *s,
			  const char *e, enum block_kind kind, int industry, int account,
			  const char *title)
{
	tp_add_id(w, p, d, s, e, kind, industry, account, title, NULL);
}

/* Marks a block done (or skipped), with meetings booked. */
static inline void tp_mark(struct week *w, const struct plan *p, const char *id,
			   enum block_status st, bool cut_short, int meetings)
{
	struct block b;
	struct error err = { 0 };

	block_copy(&b, week_block_by_id(w, id));
	b.status = st;
	b.cut_short = cut_short;
	b.out.meetings = meetings;
	if (week_block_update(w, p, &b, &err) != 0)
		fail_msg("marking %s: %s", id, err.msg);
	block_clear(&b);
}

static inline void tp_niches(struct week *w, const struct plan *p, const int ids[7])
{
	struct error err = { 0 };

	for (int d = 0; d < 7; d++)
		if (ids[d] && week_set_niche(w, p, week_monday(w) + d, PART_DAY, ids[d], &err) != 0)
			fail_msg("niche: %s", err.msg);
}

/* The block of w on weekday d starting at hh:mm, or NULL. */
static inline const struct block *tp_find(const struct week *w, int d, const char *start)
{
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);

		if (b->date == week_monday(w) + d && b->start == tp_min(start))
			return b;
	}
	return NULL;
}

/* Index of the first item of step whose block starts on weekday d at hh:mm. */
static inline size_t tp_item(const struct planning *pl, enum planning_step step, date_t day,
			     const char *start)
{
	for (size_t i = 0; i < planning_item_count(pl); i++) {
		const struct planning_item *it = planning_item_at(pl, i);

		if (it->step == step && it->block.date == day && it->block.start == tp_min(start))
			return i;
	}
	fail_msg("no item on day %d at %s", (int)day, start);
	return 0;
}

static inline size_t tp_count(const struct planning *pl, enum planning_step step)
{
	size_t n = 0;

	for (size_t i = 0; i < planning_item_count(pl); i++)
		n += planning_item_at(pl, i)->step == step;
	return n;
}

/* The planning of w made as its week begins (Monday 00:00), so every block
 * of the weeks before it is due. */
static inline struct planning *tp_new(const struct plan *p, const struct week *w,
				      const struct week *const *past, size_t n_past)
{
	return planning_new(p, w, past, n_past, week_monday(w), 0);
}

/* A planning of w after last (or none) with the rotation computed. */
static inline struct planning *tp_rotate(const struct plan *p, const struct week *w,
					 const struct week *last, bool by_yield)
{
	const struct week *past[1] = { last };
	struct planning *pl = tp_new(p, w, past, last != NULL);
	struct error err = { 0 };

	assert_int_equal(planning_rotate(pl, by_yield, &err), 0);
	return pl;
}

/* ---- last week, as the summary and carry-over tests see it ----
 *
 *   Mon 08:30-11:00 prospecting HC  done, 2 meetings             150 done
 *   Tue 08:30-11:00 prospecting MF  done, cut short, 1 meeting;
 *                                   its session tracked 65 min     65 done, 90 left
 *   Tue 14:00-16:00 account NW      done                          120 done
 *   Wed 08:30-11:00 prospecting LG  skipped
 *   Wed 13:00-14:00 meeting                                       (not counted)
 *   Thu 08:30-11:00 prospecting RT  planned                       150 left
 *   Thu 14:00-15:30 account C       planned                        90 left
 *   Fri 09:00-10:30 admin           done                           90 done
 *   Fri 16:00-17:00 other, not for quota, planned                  60 left
 */
struct lastweek {
	struct week *w;
	char mon[MODEL_ID_MAX], tue[MODEL_ID_MAX], tue_acc[MODEL_ID_MAX], wed[MODEL_ID_MAX],
		thu[MODEL_ID_MAX], thu_acc[MODEL_ID_MAX], fri[MODEL_ID_MAX], fri_other[MODEL_ID_MAX];
};

static inline void lastweek_make(struct lastweek *lw, const struct plan *p)
{
	static const int niches[7] = { HC, MF, LG, RT, 0, 0, 0 };
	struct week *w = week_new(p, LAST_WEEK);
	struct session s = { 0 };
	struct block b;

	tp_niches(w, p, niches);
	tp_add_id(w, p, 0, "08:30", "11:00", KIND_PROSPECTING, HC, 0, "Clinics", lw->mon);
	tp_add_id(w, p, 1, "08:30", "11:00", KIND_PROSPECTING, MF, 0, "Plants", lw->tue);
	tp_add_id(w, p, 1, "14:00", "16:00", KIND_ACCOUNT, 0, NORTHWIND, "Review", lw->tue_acc);
	tp_add_id(w, p, 2, "08:30", "11:00", KIND_PROSPECTING, LG, 0, "Carriers", lw->wed);
	tp_add(w, p, 2, "13:00", "14:00", KIND_MEETING, 0, 0, "Carrier demo");
	tp_add_id(w, p, 3, "08:30", "11:00", KIND_PROSPECTING, RT, 0, "Stores", lw->thu);
	tp_add_id(w, p, 3, "14:00", "15:30", KIND_ACCOUNT, 0, CONTOSO, "Renewal", lw->thu_acc);
	tp_add_id(w, p, 4, "09:00", "10:30", KIND_ADMIN, 0, 0, "CRM", lw->fri);
	tp_add_id(w, p, 4, "16:00", "17:00", KIND_OTHER, 0, 0, "Team", lw->fri_other);
	block_copy(&b, week_block_by_id(w, lw->fri_other));
	b.for_quota = false;
	assert_int_equal(week_block_update(w, p, &b, NULL), 0);
	block_clear(&b);
	tp_mark(w, p, lw->mon, STATUS_DONE, false, 2);
	tp_mark(w, p, lw->tue, STATUS_DONE, true, 1);
	tp_mark(w, p, lw->tue_acc, STATUS_DONE, false, 0);
	tp_mark(w, p, lw->wed, STATUS_SKIPPED, false, 0);
	tp_mark(w, p, lw->fri, STATUS_DONE, false, 0);
	/* 70 minutes of running, 5 of them paused: 65 tracked. */
	snprintf(s.block, sizeof s.block, "%s", lw->tue);
	s.started = 1796110200;
	s.ended = s.started + 70 * 60;
	s.paused = 5 * 60;
	s.end = SESSION_CUT_SHORT;
	week_session_add(w, &s);
	lw->w = w;
}

#endif
