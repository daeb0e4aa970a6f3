/* rules.c - the planning rules. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "text.h"
#include "xalloc.h"

const char *rules_part_phrase(enum day_part part)
{
	switch (part) {
	case PART_AM:
		return "morning";
	case PART_PM:
		return "afternoon";
	default:
		return "";
	}
}

int rules_block_parts(const struct week *w, const struct block *b, enum day_part parts[2])
{
	int midday = week_midday(w);

	if (week_focus(w) == FOCUS_DAY) {
		parts[0] = PART_DAY;
		return 1;
	}
	if (b->end <= midday) {
		parts[0] = PART_AM;
		return 1;
	}
	if (b->start >= midday) {
		parts[0] = PART_PM;
		return 1;
	}
	parts[0] = PART_AM;
	parts[1] = PART_PM;
	return 2;
}

static const char *rules_industry(const struct plan *p, int id)
{
	const struct industry *ind = plan_industry_by_id(p, id);

	return ind != NULL ? ind->name : "(unknown industry)";
}

/* "Call list A" 09:00-10:30 */
static void rules_describe(const struct block *b, char *out, size_t size)
{
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

	date_time_show(b->start, s);
	date_time_show(b->end, e);
	snprintf(out, size, "\"%.80s\" (%s-%s)", b->title[0] ? b->title : model_kind_name(b->kind),
		 s, e);
}

static bool rules_parts_meet(const enum day_part *a, int na, const enum day_part *b, int nb,
			     enum day_part *shared)
{
	for (int i = 0; i < na; i++)
		for (int j = 0; j < nb; j++)
			if (a[i] == b[j]) {
				*shared = a[i];
				return true;
			}
	return false;
}

/* The niche rule for one prospecting block against w (skipping `skip`). */
static int rules_check_niche(const struct week *w, const struct plan *p, const struct block *b,
			     const struct block *skip, struct error *err)
{
	enum day_part parts[2], other_parts[2], shared;
	int n = rules_block_parts(w, b, parts);
	char when[16], what[128];
	bool half = week_focus(w) == FOCUS_HALF_DAY;

	for (int k = 0; k < n; k++) {
		int niche = week_niche(w, b->date, parts[k]);

		if (niche == 0 || niche == b->industry)
			continue;
		date_format_short(b->date, when);
		return error_set(err, ERR_REFUSED,
				 "%s prospecting on %s%s%s breaks the %s niche %s: one "
				 "industry per %s. Choose %s, or change the niche first",
				 rules_industry(p, b->industry), when, half ? " " : "",
				 rules_part_phrase(parts[k]), half ? "half-day's" : "day's",
				 rules_industry(p, niche), half ? "half-day" : "day",
				 rules_industry(p, niche));
	}
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *o = week_block_at(w, i);

		if (o->date != b->date || o->kind != KIND_PROSPECTING ||
		    o->industry == b->industry || o == skip || strcmp(o->id, b->id) == 0)
			continue;
		if (!rules_parts_meet(parts, n, other_parts, rules_block_parts(w, o, other_parts),
				      &shared))
			continue;
		date_format_short(b->date, when);
		rules_describe(o, what, sizeof what);
		return error_set(err, ERR_REFUSED,
				 "%s prospecting on %s%s%s clashes with %s prospecting %s: one "
				 "industry per %s. Use %s, or move that block",
				 rules_industry(p, b->industry), when, half ? " " : "",
				 rules_part_phrase(shared), rules_industry(p, o->industry), what,
				 half ? "half-day" : "day", rules_industry(p, o->industry));
	}
	return 0;
}

static bool rules_overlap(const struct block *a, const struct block *b)
{
	return a->date == b->date && a->start < b->end && b->start < a->end;
}

/* A new block, or one whose date or times change. */
static bool rules_time_changed(const struct block *b, const struct block *old)
{
	return old == NULL || old->date != b->date || old->start != b->start || old->end != b->end;
}

static int rules_check_text(const struct block *b, struct error *err)
{
	const char *problem = text_check(b->title, MODEL_TITLE_MAX);

	if (problem != NULL)
		return error_set(err, ERR_REFUSED, "the title %s", problem);
	problem = text_check(b->note, MODEL_NOTE_MAX);
	if (problem != NULL)
		return error_set(err, ERR_REFUSED, "the note %s", problem);
	if (b->uid != NULL && (problem = text_check(b->uid, 255)) != NULL)
		return error_set(err, ERR_REFUSED, "the calendar UID %s", problem);
	return 0;
}

static int rules_check_outcome(const struct block *b, struct error *err)
{
	const struct outcome *o = &b->out;

	if (o->calls < 0 || o->calls > MODEL_COUNT_MAX || o->conversations < 0 ||
	    o->conversations > MODEL_COUNT_MAX || o->meetings < 0 ||
	    o->meetings > MODEL_COUNT_MAX)
		return error_set(err, ERR_REFUSED, "counts must be 0..%d", MODEL_COUNT_MAX);
	if (b->worked < 0 || b->worked > MODEL_WORKED_MAX)
		return error_set(err, ERR_REFUSED, "the minutes worked must be 1..%d",
				 MODEL_WORKED_MAX);
	if (b->worked != 0 && b->status != STATUS_DONE)
		return error_set(err, ERR_REFUSED, "only a done block has minutes worked");
	if (b->status >= STATUS_COUNT)
		return error_set(err, ERR_REFUSED, "unknown status");
	if (b->cut_short && b->status != STATUS_DONE)
		return error_set(err, ERR_REFUSED, "only a done block can be cut short");
	return 0;
}

/* Industry and account references, for kind rules and archived checks. */
static int rules_check_refs(const struct plan *p, const struct block *b, const struct block *old,
			    struct error *err)
{
	const struct industry *ind = b->industry ? plan_industry_by_id(p, b->industry) : NULL;
	const struct account *acc = b->account ? plan_account_by_id(p, b->account) : NULL;

	if (b->kind == KIND_PROSPECTING && b->industry == 0)
		return error_set(err, ERR_REFUSED,
				 "a prospecting block needs an industry: the niche it works");
	if (b->industry != 0 && ind == NULL)
		return error_set(err, ERR_NOTFOUND, "no industry with id %d", b->industry);
	if (ind != NULL && ind->archived && (old == NULL || old->industry != b->industry))
		return error_set(err, ERR_REFUSED, "%s is archived; restore it first", ind->name);
	if (b->account != 0 && b->kind != KIND_ACCOUNT)
		return error_set(err, ERR_REFUSED, "only account blocks name an account");
	/* Made so now (one stored without, from before, stays editable). */
	if (b->kind == KIND_ACCOUNT && b->account == 0 &&
	    (old == NULL || old->kind != KIND_ACCOUNT || old->account != 0))
		return error_set(err, ERR_REFUSED, "an account block is time with one customer: "
				 "name the account (focusweek account list)");
	if (b->account != 0 && acc == NULL)
		return error_set(err, ERR_NOTFOUND, "no account with id %d", b->account);
	if (acc != NULL && acc->archived && (old == NULL || old->account != b->account))
		return error_set(err, ERR_REFUSED, "%s is archived; restore it first", acc->name);
	return 0;
}

/* Day hours and slot grid, for what was moved. */
static int rules_check_grid(const struct plan *p, const struct block *b, const struct block *old,
			    struct error *err)
{
	const struct settings *s = plan_settings(p);
	char t1[DATE_TIME_SHOW_MAX], t2[DATE_TIME_SHOW_MAX];

	if (b->kind == KIND_MEETING)
		return 0; /* real meetings keep their real times */
	if (old != NULL && old->date == b->date && old->start == b->start && old->end == b->end)
		return 0;
	if (b->start % s->slot != 0 || b->end % s->slot != 0) {
		int bad = b->start % s->slot != 0 ? b->start : b->end;

		date_time_show(bad - bad % s->slot, t1);
		date_time_show(bad - bad % s->slot + s->slot, t2);
		return error_set(err, ERR_REFUSED, "%02d:%02d is off the %d-minute grid; use %s or %s",
				 bad / 60, bad % 60, s->slot, t1, t2);
	}
	if (b->start < s->day_start || b->end > s->day_end) {
		char when[16], bs[DATE_TIME_SHOW_MAX], be[DATE_TIME_SHOW_MAX];

		date_format_short(b->date, when);
		date_time_show(b->start, bs);
		date_time_show(b->end, be);
		date_time_show(s->day_start, t1);
		date_time_show(s->day_end, t2);
		return error_set(err, ERR_REFUSED,
				 "%s %s-%s lies outside the day's hours (%s-%s); fit it inside, or "
				 "change the day's hours", when, bs, be, t1, t2);
	}
	return 0;
}

int rules_check_block(const struct week *w, const struct plan *p, const struct block *b,
		      const struct block *old, struct error *err)
{
	date_t monday = week_monday(w);
	char when[16], what[128];

	if (b->date < monday || b->date > monday + 6)
		return error_set(err, ERR_REFUSED, "the block's date is not in this week");
	if (b->start < 0 || b->end > DATE_MINUTES_PER_DAY || b->start >= b->end)
		return error_set(err, ERR_REFUSED, "a block must start before it ends");
	if (b->kind >= KIND_COUNT)
		return error_set(err, ERR_REFUSED, "unknown kind of block");
	if (rules_check_text(b, err) != 0 || rules_check_outcome(b, err) != 0 ||
	    rules_check_refs(p, b, old, err) != 0 || rules_check_grid(p, b, old, err) != 0)
		return -1;
	/* Only a change of the block's own time is checked against the others:
	 * a meeting that landed on it never stops what happened being recorded. */
	for (size_t i = 0; rules_time_changed(b, old) && i < week_block_count(w); i++) {
		const struct block *o = week_block_at(w, i);
		char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

		if (!rules_overlap(o, b) || o == old || strcmp(o->id, b->id) == 0)
			continue;
		if (o->kind == KIND_MEETING && b->kind == KIND_MEETING)
			continue;
		date_format_short(b->date, when);
		rules_describe(o, what, sizeof what);
		date_time_show(b->start, s);
		date_time_show(b->end, e);
		if (o->kind == KIND_MEETING)
			return error_set(err, ERR_REFUSED,
					 "%s %s-%s overlaps the meeting %s; plan around it", when, s,
					 e, what);
		return error_set(err, ERR_REFUSED,
				 "%s %s-%s overlaps %s; choose a free time, or move that block "
				 "first", when, s, e, what);
	}
	if (b->kind == KIND_PROSPECTING)
		return rules_check_niche(w, p, b, old, err);
	return 0;
}

int rules_check_prospecting(const struct week *w, const struct plan *p, struct error *err)
{
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);

		if (b->kind == KIND_PROSPECTING && rules_check_niche(w, p, b, b, err) != 0)
			return -1;
	}
	return 0;
}

/* ---- whole-week checks for the loader ---- */

static int rules_check_stored_block(const struct week *w, const struct plan *p,
				    const struct block *b, struct error *err)
{
	date_t monday = week_monday(w);

	if (b->date < monday || b->date > monday + 6)
		return error_set(err, ERR_DATA, "date is not in this week");
	if (b->start < 0 || b->end > DATE_MINUTES_PER_DAY || b->start >= b->end)
		return error_set(err, ERR_DATA, "start must come before end");
	/* Imported meetings keep their real, off-grid times. */
	if (b->kind != KIND_MEETING && (b->start % 5 != 0 || b->end % 5 != 0)) {
		char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

		date_time_show(b->start, s);
		date_time_show(b->end, e);
		return error_set(err, ERR_DATA, "%s-%s is off the 5-minute grid", s, e);
	}
	if (rules_check_text(b, err) != 0 || rules_check_outcome(b, err) != 0)
		return -1;
	if (b->kind == KIND_PROSPECTING && b->industry == 0)
		return error_set(err, ERR_DATA, "a prospecting block needs an industry");
	if (b->industry != 0 && plan_industry_by_id(p, b->industry) == NULL)
		return error_set(err, ERR_DATA, "industry %d is not in plan.json", b->industry);
	if (b->account != 0 && b->kind != KIND_ACCOUNT)
		return error_set(err, ERR_DATA, "only account blocks name an account");
	if (b->account != 0 && plan_account_by_id(p, b->account) == NULL)
		return error_set(err, ERR_DATA, "account %d is not in plan.json", b->account);
	return 0;
}

static int rules_check_niches(const struct week *w, const struct plan *p, struct error *err)
{
	date_t monday = week_monday(w);

	for (int d = 0; d < 7; d++) {
		for (int part = 0; part < PART_COUNT; part++) {
			int id = week_niche(w, monday + d, (enum day_part)part);

			if (id == 0)
				continue;
			if ((week_focus(w) == FOCUS_DAY) != (part == PART_DAY))
				return error_set(err, ERR_DATA,
						 "niches: %s has a %s niche, but the week's focus rule "
						 "is \"%s\"", date_weekday_abbr(d),
						 model_part_name((enum day_part)part),
						 model_focus_name(week_focus(w)));
			if (plan_industry_by_id(p, id) == NULL)
				return error_set(err, ERR_DATA,
						 "niches: industry %d is not in plan.json", id);
		}
	}
	return 0;
}

/* FNV-1a of an id. */
static uint32_t rules_id_hash(const char *id)
{
	uint32_t h = 2166136261u;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h;
}

/* Do two blocks of w share an id?  One hash each, instead of comparing
 * every pair (a week of 50 blocks has 1,225 pairs). */
static bool rules_ids_repeat(const struct week *w)
{
	size_t n = week_block_count(w), size = 64;
	const struct block *stack[64], **slot = stack;
	bool repeat = false;

	while (size < 2 * n)
		size *= 2;
	if (size > 64)
		slot = xcalloc(size, sizeof *slot);
	else
		memset(stack, 0, sizeof stack);
	for (size_t i = 0; i < n && !repeat; i++) {
		const struct block *b = week_block_at(w, i);
		size_t k = rules_id_hash(b->id) & (size - 1);

		while (slot[k] != NULL && !(repeat = strcmp(slot[k]->id, b->id) == 0))
			k = (k + 1) & (size - 1);
		slot[k] = b;
	}
	if (slot != stack)
		free(slot);
	return repeat;
}

int rules_check_week(const struct week *w, const struct plan *p, const size_t *order,
		     struct error *err)
{
	size_t n = week_block_count(w);
	size_t *pos = xcalloc(n + 1, sizeof *pos);
	/* Without a repeated id the pairwise comparisons below find none: they
	 * run only to name the first pair. */
	bool repeat = rules_ids_repeat(w);
	int rc = -1;

	for (size_t i = 0; i < n; i++)
		pos[order != NULL ? order[i] : i] = i;
	if (rules_check_niches(w, p, err) != 0)
		goto out;
	/* Each block on its own first, so a bad one is not blamed on another. */
	for (size_t i = 0; i < n; i++) {
		if (rules_check_stored_block(w, p, week_block_at(w, i), err) != 0) {
			error_prefix(err, "blocks[%zu]", pos[i]);
			goto out;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct block *b = week_block_at(w, i);

		for (size_t j = i + 1; j < n; j++) {
			const struct block *o = week_block_at(w, j);

			if (o->date != b->date)
				break;
			if (repeat && strcmp(o->id, b->id) == 0) {
				error_set(err, ERR_DATA, "blocks[%zu] and blocks[%zu] share the id %s",
					  pos[i], pos[j], b->id);
				goto out;
			}
			if (rules_overlap(o, b) && o->kind != KIND_MEETING && b->kind != KIND_MEETING) {
				error_set(err, ERR_DATA, "blocks[%zu] and blocks[%zu] overlap", pos[i],
					  pos[j]);
				goto out;
			}
		}
		if (b->kind == KIND_PROSPECTING && rules_check_niche(w, p, b, b, err) != 0) {
			err->code = ERR_DATA;
			error_prefix(err, "blocks[%zu]", pos[i]);
			goto out;
		}
	}
	/* Ids must be unique across days too. */
	for (size_t i = 0; i < n && repeat; i++)
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(week_block_at(w, i)->id, week_block_at(w, j)->id) == 0) {
				error_set(err, ERR_DATA, "blocks[%zu] and blocks[%zu] share the id %s",
					  pos[i], pos[j], week_block_at(w, i)->id);
				goto out;
			}
	rc = 0;
out:
	free(pos);
	return rc;
}

bool rules_from_calendar(const struct block *b)
{
	return b->kind == KIND_MEETING && b->uid != NULL;
}

int rules_check_own(const struct block *b, struct error *err)
{
	if (!rules_from_calendar(b))
		return 0;
	return error_set(err, ERR_REFUSED, "%s \"%s\" is a meeting from your calendar: change "
			 "it there, and the next import brings the change here", b->id, b->title);
}
