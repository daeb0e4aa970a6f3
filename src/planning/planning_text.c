/* planning_text.c - the planning's proposals in words. */
#include <stdio.h>
#include <stdlib.h>

#include "duration.h"
#include "planning_int.h"

void planning_format_minutes(int minutes, char out[16])
{
	char d[DURATION_TEXT];

	duration_format(minutes, d);
	snprintf(out, 16, "%.15s", d); /* an int of minutes fits */
}

void planning_account_text(const struct planning *pl, size_t i, struct buf *out)
{
	const struct planning_account *acc = planning_account_at(pl, i);
	int after = planning_account_after(pl, i);
	char a[16], b[16], t[16], x[16];

	planning_format_minutes(acc->planned, a);
	planning_format_minutes(acc->baseline, b);
	planning_format_minutes(acc->target, t);
	buf_addf(out, "planned %s  baseline %s  target %s", a, b, t);
	if (after != acc->planned) {
		planning_format_minutes(after, x);
		buf_addf(out, "  trimmed to %s", x);
	}
	if (acc->account != 0 && after > acc->target) {
		planning_format_minutes(after - acc->target, x);
		buf_addf(out, "  %s over target", x);
	}
}

static const char *text_industry(const struct plan *p, int id)
{
	const struct industry *ind = plan_industry_by_id(p, id);

	return ind != NULL ? ind->name : "?";
}

void planning_last_week_text(const struct planning *pl, struct buf *out)
{
	const struct planning_summary *s = &pl->summary;
	char wk[9], done[16], planned[16], left[16];

	if (s->week == 0) {
		buf_adds(out, "Last week: not known\n\n\n");
		return;
	}
	date_week_format(s->week, wk);
	planning_format_minutes(s->done_minutes, done);
	planning_format_minutes(s->planned_minutes, planned);
	planning_format_minutes(s->unfinished_minutes, left);
	if (s->planned_minutes == 0)
		buf_addf(out, "Last week (%s): nothing was planned\n", wk);
	else
		buf_addf(out, "Last week (%s): %s done of %s planned (%d%%)\n", wk, done, planned,
			 (int)((long)s->done_minutes * 100 / s->planned_minutes));
	if (s->n_per_industry == 0) {
		buf_adds(out, "Meetings booked: none\n");
		goto unfinished;
	}
	buf_adds(out, "Meetings booked:");
	for (size_t i = 0; i < s->n_per_industry; i++)
		buf_addf(out, "%s %s %lld", i ? "," : "",
			 s->per_industry[i].industry ? text_industry(pl->plan, s->per_industry[i].industry)
						     : "no industry",
			 (long long)s->per_industry[i].meetings);
	buf_addf(out, " (%lld in all)\n", (long long)s->meetings);
unfinished:
	if (s->unfinished == 0)
		buf_adds(out, "Left unfinished: nothing\n");
	else
		buf_addf(out, "Left unfinished: %d block%s, %s\n", s->unfinished,
			 s->unfinished == 1 ? "" : "s", left);
}

/* 'Mon 7 Dec 08:30-11:00 prospecting Healthcare "Call list"' */
static void text_block(const struct plan *p, const struct block *b, int old_start, int old_end,
		       struct buf *out)
{
	char day[16], s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

	date_format_short(b->date, day);
	buf_addf(out, "%s ", day);
	if (old_end > 0) {
		date_time_show(old_start, s);
		date_time_show(old_end, e);
		buf_addf(out, "%s-%s -> ", s, e);
	}
	date_time_show(b->start, s);
	date_time_show(b->end, e);
	buf_addf(out, "%s-%s %s", s, e, model_kind_name(b->kind));
	if (b->kind == KIND_ACCOUNT && b->account != 0) {
		const struct account *acc = plan_account_by_id(p, b->account);

		buf_addf(out, " %s", acc != NULL ? acc->name : "?");
	} else if (b->industry != 0) {
		buf_addf(out, " %s", text_industry(p, b->industry));
	}
	buf_addf(out, " \"%s\"", b->title);
	if (b->carried_from[0] != '\0')
		buf_addf(out, " (from %s)", b->carried_from);
}

void planning_item_text(const struct planning *pl, const struct planning_item *it,
			struct buf *out)
{
	char day[16];

	switch (it->action) {
	case PLANNING_SET_NICHE:
		date_format_short(it->day, day);
		buf_addf(out, "%s%s%s: ", day, it->part == PART_DAY ? "" : " ",
			 it->part == PART_AM ? "morning" : it->part == PART_PM ? "afternoon" : "");
		if (it->old_industry != 0)
			buf_addf(out, "%s -> ", text_industry(pl->plan, it->old_industry));
		buf_adds(out, text_industry(pl->plan, it->industry));
		break;
	case PLANNING_UPDATE:
		text_block(pl->plan, &it->block, it->old_start, it->old_end, out);
		break;
	case PLANNING_ADD:
	case PLANNING_REMOVE:
		text_block(pl->plan, &it->block, 0, 0, out);
		break;
	}
}

const char *planning_item_verb(const struct planning_item *it)
{
	if (it->present)
		return "exists";
	if (it->blocked)
		return "can't";
	if (!it->chosen) {
		if (it->step == PLANNING_FREED)
			return "offer";
		if (it->step == PLANNING_TRIM || it->step == PLANNING_QUOTA ||
		    (it->step == PLANNING_ROTATION && it->old_industry != 0))
			return "keep";
		return "skip";
	}
	switch (it->action) {
	case PLANNING_SET_NICHE:
		return it->old_industry != 0 ? "replace" : "set";
	case PLANNING_ADD:
		return it->n_conflicts > 0 ? "replace" : "add";
	case PLANNING_UPDATE:
		return "trim";
	case PLANNING_REMOVE:
		return "drop";
	}
	return "?";
}
