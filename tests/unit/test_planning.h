/* test_planning.h - the fixture the planning tests share: a plan with four
 * industries and two accounts, and quick ways to fill weeks. */
#ifndef FOCUSWEEK_TEST_PLANNING_H
#define FOCUSWEEK_TEST_PLANNING_H

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

#endif
