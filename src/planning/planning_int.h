/* planning_int.h - what the files of the planning module share.  Private to
 * src/planning*.c. */
#ifndef FOCUSWEEK_PLANNING_INT_H
#define FOCUSWEEK_PLANNING_INT_H

#include "planning.h"
#include "review.h"

struct planning {
	const struct plan *plan;
	const struct week *week;          /* the week as given */
	const struct week **past;         /* past[0] = last week (owned array) */
	size_t n_past;
	date_t today;                     /* the moment the planning is made */
	int minute;
	struct review_verdict **verdicts; /* verdicts[k][i]: block i of past[k] (owned) */
	struct planning_summary summary;

	bool computed[PLANNING_STEP_COUNT]; /* steps asked for, recomputed on changes */
	bool by_yield;                    /* rotation */
	struct template tmpl;             /* layout: the template (name NULL: copy) */
	bool stagger;
	int trim_pct;                     /* trim */

	int by_hand[PLANNING_SLOTS_MAX];  /* rotation: industries given by hand, 0 = the cycle's */
	struct planning_slot *slots;      /* rotation */
	size_t n_slots;
	struct planning_yield *yields;
	size_t n_yields;
	struct planning_account *accounts; /* trim */
	size_t n_accounts;
	struct planning_item *items;      /* by step, in order */
	size_t n_items, cap_items;
};

/* The last week given, or NULL. */
const struct week *planning_last(const struct planning *pl);

/* A new item of `step` (zeroed, block_init'ed, why ""), appended; the
 * pointer stays valid until the next append. */
struct planning_item *planning_item_new(struct planning *pl, enum planning_step step,
					enum planning_action action);
/* Sets it->why (printf-style). */
void planning_item_why(struct planning_item *it, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Marks it blocked with a reason. */
void planning_item_block(struct planning_item *it, const char *reason);
void planning_item_add_conflict(struct planning_item *it, const char *id);

/* The week as the chosen items of the steps before `upto` leave it. */
struct week *planning_sim(const struct planning *pl, enum planning_step upto,
			  struct error *err);
/* Applies one item to w. */
int planning_item_apply(struct week *w, const struct plan *p, const struct planning_item *it,
			struct error *err);
/* Adds it to w when chosen; if that is refused, leaves it out with the
 * reason.  Used while a step builds its proposal on a running copy. */
void planning_item_try(struct planning *pl, struct week *w, size_t index);

/* Has the block been worked on: not planned, outcomes, or timer sessions. */
bool planning_block_worked(const struct week *w, const struct block *b);
/* Minutes of b that overlap [start, end) on its day. */
int planning_overlap(const struct block *b, date_t day, int start, int end);

/* The steps (each discards its old items first). */
int planning_compute_rotation(struct planning *pl, struct error *err);
int planning_compute_layout(struct planning *pl, struct error *err);
int planning_compute_carry(struct planning *pl, struct error *err);
int planning_compute_trim(struct planning *pl, struct error *err);
int planning_compute_freed(struct planning *pl, struct error *err);
int planning_compute_quota(struct planning *pl, struct error *err);

/* Drops the items of `step` and every later step. */
void planning_drop_from(struct planning *pl, enum planning_step step);

#endif
