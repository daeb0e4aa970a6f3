/* planning.h - the Monday-morning planning of one week: proposals built from
 * the plan, the week and the weeks before it, shown step by step, chosen
 * item by item, and applied all at once.
 *
 * Pure: no I/O and no clock.  The caller loads the plan, the week to plan
 * and the weeks before it (past[0] is last week, past[1] the week before, and
 * so on; a week with no file is an empty week), passes the moment it is
 * made (today, minute: the local date and minute of the day), and saves
 * what planning_apply returns with one store_save_week.
 *
 * The steps, in order (each may be left out):
 *   rotation   planning_rotate: an industry for each work day or half-day
 *   layout     planning_layout: a saved template, or last week's structure
 *   carry      planning_carry_over: last week's unfinished blocks
 *   trim       planning_trim_accounts: account blocks cut by a percentage
 *   freed      planning_offer_freed: the time cut, offered as prospecting
 *   quota      planning_quota: blocks answered "not for quota", keep or drop
 * plus planning_last_week, the summary of last week in three lines.
 *
 * Each step computes its proposal on the week as the earlier steps would
 * leave it with the choices made so far, as a list of items (struct
 * planning_item) the caller shows and toggles with planning_choose.
 * Computing a step again, or changing a choice, recomputes the proposals of
 * the steps after it with their own choices back at the defaults.  A screen
 * shows each item (planning_item_text, `why`, chosen or blocked), toggles it,
 * and on confirmation puts the week planning_apply returns in place of the
 * old one: one change, undone by putting the old week back.
 *
 * Nothing existing is overwritten silently: a block the layout would put on
 * top of existing blocks lists them as conflicts and is skipped unless chosen
 * (which replaces them); a niche the rotation would change likewise.  Real
 * meetings (kind meeting) and blocks already worked (done, skipped, with
 * outcomes or timer sessions) are never replaced.
 *
 * Definitions:
 * - Done time and unfinished are the review's, decided in one place
 *   (review_week_verdicts, see review.h "What counts"), seen at the
 *   planning's moment, so the review's list of unfinished blocks and the
 *   carry-over are the same blocks with the same lengths.  In short:
 * - Done time: a done block counts its planned length; a done block cut
 *   short counts the minutes its timer runs tracked, at most its length.
 * - Unfinished: a block of last week, other than a meeting, still planned
 *   and due (ended at or before the moment: a block still to come when
 *   planning ahead is not unfinished), or done but cut short with minutes
 *   left.  Skipped blocks were dropped on purpose and are not unfinished.
 *   What is left of it: a planned block its whole length, a cut-short one
 *   its length minus its done time; either rounded up to the slot grid (at
 *   least one slot).  A block cut short whose runs tracked its whole length
 *   has nothing left.  A still-planned block that the week already plans
 *   again (same kind, title, industry and account on the same weekday) is
 *   offered but not chosen: the routine covers it.
 * - A customer is booked once: an account block is not carried into a week
 *   that already plans time with its account, and, the other way round, a
 *   layout's account block is offered but not chosen when a block carried
 *   over earlier (the review's c) already books that account.
 * - Yield: meetings booked per hour of done prospecting, per industry, over
 *   all the past weeks given.
 * - Stagger: the layout's prospecting blocks on the k-th day that has any
 *   (k = 0 for the first in the week) start (k mod PLANNING_STAGGER) slots
 *   later, keeping their length: 08:30 Monday, 09:00 Tuesday, 09:30
 *   Wednesday, 08:30 Thursday with 30-minute slots.  When a day's shifted
 *   blocks would pass the end of the day or run into another block of the
 *   layout that day, that day shifts by the largest smaller number of slots
 *   that fits (at worst not at all).
 *
 * Ownership: planning_new keeps pointers to the plan, the week and the past
 * weeks, which must outlive it; it copies the template.  Pointers returned by
 * the accessors stay valid until the next call that changes the planning.
 */
#ifndef FOCUSWEEK_PLANNING_H
#define FOCUSWEEK_PLANNING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "model.h"

#define PLANNING_YIELD_WEEKS 4   /* past weeks an interface loads for the yield */
#define PLANNING_STAGGER 3       /* staggered starts cycle through 0, 1, 2 slots */
#define PLANNING_SLOTS_MAX 14    /* rotation slots at most: seven days of two halves */
#define PLANNING_FREED_TITLE "Prospecting (freed account time)"
/* In a template block's title, the industry of the day it is laid on:
 * "Cold calls: {industry}" becomes "Cold calls: Education". */
#define PLANNING_INDUSTRY_TOKEN "{industry}"

enum planning_step {
	PLANNING_ROTATION,
	PLANNING_LAYOUT,
	PLANNING_CARRY,
	PLANNING_TRIM,
	PLANNING_FREED,
	PLANNING_QUOTA,
	PLANNING_STEP_COUNT
};

enum planning_action {
	PLANNING_SET_NICHE, /* day/part get `industry` (was `old_industry`) */
	PLANNING_ADD,       /* `block` is added (its id empty: the week gives one) */
	PLANNING_UPDATE,    /* `block` replaces the block with its id (a trim) */
	PLANNING_REMOVE     /* the block with block.id is removed (a drop) */
};

/* One proposed change. */
struct planning_item {
	enum planning_step step;
	enum planning_action action;
	struct block block;       /* ADD, UPDATE: the new block; REMOVE: the block */
	int old_start, old_end;   /* UPDATE: the block's times before */
	date_t day;               /* SET_NICHE */
	enum day_part part;       /* SET_NICHE */
	int industry, old_industry; /* SET_NICHE */
	char (*conflicts)[MODEL_ID_MAX]; /* ids of the week's blocks it replaces */
	size_t n_conflicts;
	bool chosen;              /* applied (with conflicts: replacing them) */
	bool blocked;             /* can never be applied; `why` says why */
	bool present;             /* blocked because it is already in the week */
	char *why;                /* why it is blocked or not chosen by default, or ""
				     (a niche change names the niche it replaces in
				     its text, see planning_item_text) */
};

/* Last week in three lines. */
struct planning_meetings {
	int industry;             /* 0: blocks with no industry */
	int64_t meetings;
};

struct planning_summary {
	int week;                 /* last week's key, or 0 when none was given */
	int planned_minutes;      /* every block but meetings */
	int done_minutes;         /* see "Done time" */
	int64_t meetings;         /* booked, in all */
	struct planning_meetings *per_industry; /* active industries in plan order,
					      then any other that booked */
	size_t n_per_industry;
	int unfinished;           /* blocks (see "Unfinished") */
	int unfinished_minutes;   /* what is left of them */
};

/* One niche slot of the rotation: a work day, or a work half-day. */
struct planning_slot {
	date_t day;
	enum day_part part;
	int current;              /* its niche now, 0 = none */
	int proposed;             /* the industry the rotation gives it */
	bool by_hand;             /* proposed by planning_rotate_slot, not the cycle */
	int meetings;             /* real meetings (kind meeting) in it */
	int meeting_minutes;
	long item;                /* its item, or -1 when the niche stays */
};

struct planning_yield {
	int industry;
	int64_t meetings;         /* booked in done prospecting blocks */
	int minutes;              /* done prospecting minutes */
};

/* Account time: one account's minutes this week. */
struct planning_account {
	int account;              /* id; 0: account blocks that name no account */
	int planned;              /* minutes of its blocks this week */
	int baseline;             /* its weekly baseline */
	int target;               /* model_account_target(baseline) */
	int cut;                  /* minutes the trim takes off */
};

struct planning;

/* A planning of w after the weeks `past`, made at (today, minute): last
 * week's blocks ending after it are still to come, not unfinished. */
struct planning *planning_new(const struct plan *p, const struct week *w,
			      const struct week *const *past, size_t n_past, date_t today,
			      int minute);
void planning_free(struct planning *pl);

const struct planning_summary *planning_last_week(const struct planning *pl);

/*
 * The rotation.  The cycle is the plan's industries (archived ones left
 * out) in plan order; the slots are this week's work-day parts on the work
 * days that had a niche last week (all work days when last week had none).
 * By default the cycle picks up after the industry of last week's last
 * niche, so with as many slots as industries each keeps its day, and with
 * more slots the extra ones move on week by week.  With by_yield, the cycle
 * is ordered by yield (highest first; industries with no done prospecting
 * time last, in plan order) and starts with the best.  Refused when the
 * plan has no industries.
 */
int planning_rotate(struct planning *pl, bool by_yield, struct error *err);
/*
 * Gives rotation slot i `industry` (an active industry) in place of the
 * cycle's; 0 gives it the cycle's again.  The other slots keep the cycle's.
 * A slot given an industry by hand has its change chosen, replacing a niche
 * already there, unless the change is blocked.  Kept until planning_rotate
 * is called again; recomputes the steps after the rotation.
 */
int planning_rotate_slot(struct planning *pl, size_t i, int industry, struct error *err);
size_t planning_slot_count(const struct planning *pl);
const struct planning_slot *planning_slot_at(const struct planning *pl, size_t i);
/* The industries in the cycle's order, with their yield. */
size_t planning_yield_count(const struct planning *pl);
const struct planning_yield *planning_yield_at(const struct planning *pl, size_t i);

/*
 * The layout: template t (copied), or with t NULL a copy of last week's
 * structure: its blocks by weekday and time, status reset, outcomes, notes
 * and timer links cleared (meetings and carried-over blocks are not
 * structure and stay behind).  Prospecting blocks take their day's niche;
 * copied ones keep last week's industry where the day has none, template
 * ones are blocked there.  Titles follow the industry: a template's
 * PLANNING_INDUSTRY_TOKEN becomes the day's industry, and a copied
 * prospecting block whose title names its old industry names the new one.
 * stagger: see "Stagger".
 */
int planning_layout(struct planning *pl, const struct template *t, bool stagger,
		    struct error *err);

/*
 * Carry-over: each unfinished block of last week, with what is left of it,
 * goes to the earliest free stretch on the slot grid of its industry's
 * first day (or half-day) this week that has room, with carried_from set.
 * Blocks with no industry (and non-prospecting blocks whose industry has no
 * day) go to their own weekday, else the next work day with room (wrapping
 * round to Monday).  One already carried into this week is listed as
 * blocked, so carrying over twice adds nothing.  One left out before (the
 * week's carry-overs declined: planning_apply records every carry item
 * left out, and takes off one carried after all) is placed but not chosen.
 */
int planning_carry_over(struct planning *pl, struct error *err);

/*
 * Account time, and the trim.  Lists each account's planned minutes against
 * its baseline and target.  With pct > 0, the account's cut is pct percent of
 * its whole week (every block of it), rounded to the nearest slot (halves
 * up), taken one slot at a time from its blocks that are still planned and
 * unworked, from the longest (the later one on a tie), never below one
 * slot; a trimmed block keeps its start and ends earlier.  With pct 0, the
 * report alone.  An account that ends over its target (planning_account_
 * after) is said to be, by every interface.
 */
int planning_trim_accounts(struct planning *pl, int pct, struct error *err);
size_t planning_account_count(const struct planning *pl);
const struct planning_account *planning_account_at(const struct planning *pl, size_t i);
/* Account i's minutes this week once the chosen trims apply. */
int planning_account_after(const struct planning *pl, size_t i);
/* Minutes the chosen trims free. */
int planning_freed_minutes(const struct planning *pl);

/* The offer: each stretch a chosen trim frees, as a prospecting block for
 * the niche there (not chosen by default). */
int planning_offer_freed(struct planning *pl, struct error *err);

/* The quota question: every planned, unworked block answered "not for
 * quota", to keep (the default) or drop (choose it). */
int planning_quota(struct planning *pl, struct error *err);

size_t planning_item_count(const struct planning *pl);
const struct planning_item *planning_item_at(const struct planning *pl, size_t i);
/* Chosen items, in all. */
size_t planning_change_count(const struct planning *pl);
/*
 * Chooses item i (with conflicts: replacing them) or leaves it out.
 * Refused, with the rule's message and nothing changed, for a blocked item
 * or when the choice would break a rule with the step's other choices.
 */
int planning_choose(struct planning *pl, size_t i, bool chosen, struct error *err);

/*
 * Applies every chosen item, step by step, through week_block_add/update/
 * remove and week_set_niche, to a copy of the week: *out is the planned
 * week (week_free), or on any refusal NULL with the message and nothing
 * changed.
 */
int planning_apply(const struct planning *pl, struct week **out, struct error *err);

/* A template of the week's blocks (meetings and carried-over blocks left
 * out), named `name`; template_clear it.  Returns the number of blocks.  A
 * prospecting block's title that names its industry keeps
 * PLANNING_INDUSTRY_TOKEN in its place, so the template fits any day. */
size_t planning_template_from_week(const struct plan *p, const struct week *w, const char *name,
				   struct template *out);

/* ---- text, for every interface (plain UTF-8 with ASCII punctuation; make
 * it safe before printing) ---- */
/* Account i's line after its name: "planned 4h00  baseline 3h00  target
 * 2h24  trimmed to 3h00  36 min over target". */
void planning_account_text(const struct planning *pl, size_t i, struct buf *out);
/* A duration in the one form of duration.h: "6h30", "45 min", "-30 min". */
void planning_format_minutes(int minutes, char out[16]);
/* Last week in three lines, each ending in '\n'. */
void planning_last_week_text(const struct planning *pl, struct buf *out);
/* One line, no newline: e.g. 'Mon 7 Dec 08:30-11:00 prospecting Healthcare
 * "Call list"', 'Tue 8 Dec: Retail -> Manufacturing' or a trim as
 * '... 14:00-16:00 -> 14:00-15:30 ...'. */
/* What applying does with the item, as one word: "add", "set", "replace",
 * "trim", "drop"; or, left out, "skip", "keep" (a trim, a quota block or a
 * niche already there), "offer" (freed time); "exists" or "can't". */
const char *planning_item_verb(const struct planning_item *it);
void planning_item_text(const struct planning *pl, const struct planning_item *it,
			struct buf *out);

#endif
