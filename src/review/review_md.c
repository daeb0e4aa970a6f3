/* review_md.c - the review as a Markdown report for a manager. */
#include <stdio.h>
#include <string.h>

#include "review_int.h"

/* User text, safe and with Markdown's active characters escaped. */
static void md_text(struct buf *o, const char *s)
{
	struct buf safe = BUF_INIT;

	for (const char *c = review_safe(&safe, s); *c; c++) {
		if (strchr("\\`*_[]<>|#", *c) != NULL)
			buf_addc(o, '\\');
		buf_addc(o, *c);
	}
	buf_free(&safe);
}

static void md_pct(struct buf *o, int pct)
{
	if (pct < 0)
		buf_adds(o, "n/a");
	else
		buf_addf(o, "%d%%", pct);
}

static void md_yield(struct buf *o, int64_t x100)
{
	if (x100 < 0)
		buf_adds(o, "n/a");
	else
		buf_addf(o, "%lld.%02lld", (long long)(x100 / 100), (long long)(x100 % 100));
}

static void md_tally_head(struct buf *o, const char *what)
{
	buf_addf(o, "\n| %s | Blocks done | Hours done | Rate |\n|---|---:|---:|---:|\n", what);
}

static void md_tally_row(struct buf *o, const char *label, const struct review_tally *t)
{
	char h1[24], h2[24];

	review_hours(t->done_minutes, h1);
	review_hours(t->minutes, h2);
	buf_adds(o, "| ");
	md_text(o, label);
	buf_addf(o, " | %d of %d | %s of %s | ", t->done, t->blocks, h1, h2);
	md_pct(o, t->rate_pct);
	buf_adds(o, " |\n");
}

static void md_finished_tables(struct buf *o, const struct review *r, const struct plan *p)
{
	char label[16], tmp[16];

	md_tally_head(o, "Day");
	for (int i = 0; i < 7; i++) {
		int d = review_weekday_at(i);

		if (r->day[d].blocks == 0)
			continue;
		review_day_label(r, d, label);
		md_tally_row(o, label, &r->day[d]);
	}
	md_tally_head(o, "Kind");
	for (int k = 0; k < KIND_MEETING; k++)
		if (r->kind[k].blocks > 0)
			md_tally_row(o, model_kind_name((enum block_kind)k), &r->kind[k]);
	md_tally_head(o, "Industry");
	for (size_t i = 0; i < r->n_industries; i++)
		if (r->industries[i].t.blocks > 0)
			md_tally_row(o, review_industry_name(p, r->industries[i].id, "no industry", tmp),
				     &r->industries[i].t);
}

/* The line after a list of n entries (its latest) out of total. */
static void md_earlier(struct buf *o, size_t total, size_t n, const char *what)
{
	if (review_list_earlier(total, n) > 0)
		buf_addf(o, "\n%zu earlier %s blocks are not shown (the CSV export lists "
			 "every block).\n", review_list_earlier(total, n), what);
}

/* "| day | time | kind | title": the start of a listed block's row. */
static void md_block(struct buf *o, const struct block *b)
{
	char day[16], s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

	date_format_short(b->date, day);
	date_time_show(b->start, s);
	date_time_show(b->end, e);
	buf_addf(o, "| %s | %s\xe2\x80\x93%s | %s | ", day, s, e, model_kind_name(b->kind));
	md_text(o, b->title[0] ? b->title : model_kind_name(b->kind));
}

static void md_unfinished(struct buf *o, const struct review *r)
{
	if (r->total.unfinished == 0)
		return;
	buf_addf(o, "\n### Unfinished (%d", r->total.unfinished);
	if (r->n_carried > 0)
		buf_addf(o, ", %zu carried into the week after", r->n_carried);
	buf_adds(o, ")\n\n| Day | Time | Kind | Block | Left | Status |\n"
		    "|---|---|---|---|---:|---|\n");
	for (size_t i = review_list_from(r->n_unfinished); i < r->n_unfinished; i++) {
		const struct review_unfinished *u = &r->unfinished[i];
		char left[24];

		md_block(o, u->block);
		review_hours(u->left, left);
		buf_addf(o, " | %s | %s", left, u->block->cut_short ? "cut short" : "planned");
		if (u->carried_to != NULL)
			buf_addf(o, ", carried as %s", u->carried_to);
		buf_adds(o, " |\n");
	}
	md_earlier(o, (size_t)r->total.unfinished, r->n_unfinished, "unfinished");
}

static void md_dropped(struct buf *o, const struct review *r)
{
	if (r->total.dropped == 0)
		return;
	buf_addf(o, "\n### Dropped (%d, skipped on purpose)\n\n| Day | Time | Kind | Block |\n"
		    "|---|---|---|---|\n", r->total.dropped);
	for (size_t i = review_list_from(r->n_dropped); i < r->n_dropped; i++) {
		md_block(o, r->dropped[i]);
		buf_adds(o, " |\n");
	}
	md_earlier(o, (size_t)r->total.dropped, r->n_dropped, "dropped");
}

static void md_finished(struct buf *o, const struct review *r, const struct plan *p)
{
	const struct review_tally *t = &r->total;
	char h1[24], h2[24], h3[24], h4[24], h5[24];

	review_hours(t->left_minutes, h5);
	review_hours(t->done_minutes, h1);
	review_hours(t->minutes, h2);
	review_hours(t->due_minutes, h3);
	review_hours(t->minutes - t->due_minutes, h4);
	buf_addf(o, "\n## Finished\n\n- **%d of %d blocks** done, %s of %s planned\n", t->done,
		 t->blocks, h1, h2);
	buf_adds(o, "- Completion **");
	md_pct(o, t->rate_pct);
	buf_addf(o, "** of the %s due", h3);
	if (t->minutes > t->due_minutes)
		buf_addf(o, "; %s still to come", h4);
	buf_addf(o, "\n- %d unfinished", t->unfinished);
	if (t->unfinished > 0)
		buf_addf(o, " (%s left)", h5);
	buf_addf(o, ", %d dropped\n", t->dropped);
	if (t->blocks > 0)
		md_finished_tables(o, r, p);
	md_unfinished(o, r);
	md_dropped(o, r);
}

static void md_industry_row(struct buf *o, const char *name, const struct review_industry *x,
			    bool bold)
{
	char h[24];

	review_hours(x->prospecting_minutes, h);
	buf_addf(o, "| %s", bold ? "**" : "");
	md_text(o, name);
	buf_addf(o, "%s | %lld | %lld | %lld | %lld | %s | ", bold ? "**" : "",
		 (long long)x->out.calls, (long long)x->out.conversations,
		 (long long)x->out.meetings, (long long)x->sales, h);
	md_yield(o, x->calls_ph);
	buf_adds(o, " | ");
	md_yield(o, x->meetings_ph);
	buf_adds(o, " |\n");
}

static void md_results(struct buf *o, const struct review *r, const struct plan *p)
{
	char tmp[16];

	buf_adds(o, "\n## Results per industry\n\n| Industry | Calls | Conversations | Meetings "
		    "booked | Sales | Prospecting | Calls/h | Meetings/h |\n"
		    "|---|---:|---:|---:|---:|---:|---:|---:|\n");
	for (size_t i = 0; i < r->n_industries; i++) {
		const struct review_industry *x = &r->industries[i];

		/* "No industry" only when it holds a result. */
		if (x->id == 0 && !x->out.calls && !x->out.conversations && !x->out.meetings &&
		    !x->sales)
			continue;
		md_industry_row(o, review_industry_name(p, x->id, "no industry", tmp), x, false);
	}
	md_industry_row(o, "Total", &r->all, true);
}

static void md_focus(struct buf *o, const struct review *r)
{
	const struct review_focus *f = &r->focus;
	char h1[24], h2[24];
	bool first = true;

	buf_adds(o, "\n## Focus\n\n");
	if (f->days > 0 || f->halves == 0)
		buf_addf(o, "- Days held to one niche: %d of %d%s\n", f->days_held, f->days,
			 f->so_far ? " so far" : "");
	if (f->halves > 0)
		buf_addf(o, "- Half-days held to one niche: %d of %d%s\n", f->halves_held,
			 f->halves, f->so_far ? " so far" : "");
	buf_addf(o, "- Interruptions: %d", f->interruptions);
	for (int i = 0, d = review_weekday_at(0); i < 7; d = review_weekday_at(++i))
		if (f->per_day[d] > 0) {
			buf_addf(o, "%s%s %d", first ? " (" : ", ", date_weekday_abbr(d), f->per_day[d]);
			first = false;
		}
	buf_adds(o, first ? "\n" : ")\n");
	if (review_list_earlier((size_t)f->interruptions, f->n_list) > 0)
		buf_addf(o, "  - (%zu earlier not shown)\n",
			 review_list_earlier((size_t)f->interruptions, f->n_list));
	for (size_t i = review_list_from(f->n_list); i < f->n_list; i++) {
		char day[16], t[DATE_TIME_SHOW_MAX];

		date_format_short(f->list[i].date, day);
		date_time_show(f->list[i].minute, t);
		buf_addf(o, "  - %s %s: ", day, t);
		md_text(o, f->list[i].note[0] ? f->list[i].note : "(no note)");
		buf_addc(o, '\n');
	}
	review_hours(f->timer_seconds / 60, h1);
	buf_addf(o, "- Time on the timer: %s\n", h1);
	review_hours(f->notquota_done_minutes, h1);
	review_hours(f->notquota_minutes, h2);
	buf_addf(o, "- Not for quota: %s done of %s planned\n", h1, h2);
}

static void md_account_row(struct buf *o, const char *name, int64_t baseline, int64_t target,
			   int64_t planned, int64_t done, bool bold)
{
	char h[5][24];

	review_hours(baseline, h[0]);
	review_hours(target, h[1]);
	review_hours(planned, h[2]);
	review_hours(done, h[3]);
	review_hours(done - baseline, h[4]);
	buf_addf(o, "| %s", bold ? "**" : "");
	md_text(o, name);
	buf_addf(o, "%s | %s | %s | %s | %s | %s | %s |\n", bold ? "**" : "", h[0], h[1], h[2],
		 h[3], h[4], done <= target ? "yes" : "no");
}

static void md_accounts(struct buf *o, const struct review *r, const struct plan *p)
{
	const struct review_accounts *a = &r->accounts;
	char tmp[16], h1[24], h2[24], h3[24];

	buf_adds(o, "\n## Accounts\n\n");
	if (a->n == 0) {
		buf_adds(o, "No accounts.\n");
		return;
	}
	buf_adds(o, "| Account | Baseline | Target (-20%) | Planned | Done | Done vs baseline | "
		    "On target |\n|---|---:|---:|---:|---:|---:|---|\n");
	for (size_t i = 0; i < a->n; i++)
		md_account_row(o, review_account_name(p, a->rows[i].id, "no account", tmp),
			       a->rows[i].baseline, a->rows[i].target, a->rows[i].planned,
			       a->rows[i].done, false);
	md_account_row(o, "Total", a->baseline, a->target, a->planned, a->done, true);
	review_hours(a->freed, h1);
	review_hours(a->freed_planned, h2);
	review_hours(a->to_prospecting, h3);
	buf_addf(o, "\nFreed %s of the baseline (planned: %s); %s of it matched by prospecting "
		    "done.\n", h1, h2, h3);
}

static void md_quota(struct buf *o, const struct review *r)
{
	const struct review_quota *q = &r->quota;
	char label[16], cut[16];

	review_period_label(q->start, q->period == QUOTA_MONTH ? REVIEW_MONTH : REVIEW_QUARTER,
			    label);
	date_format_short(q->cutoff, cut);
	if (q->target == 0) {
		buf_addf(o, "\n## Quota: %s\n\n- Sold **%lld** %s, sales to %s; " REVIEW_NO_QUOTA
			 "\n", label, (long long)q->sold, q->currency, cut);
		return;
	}
	buf_addf(o, "\n## Quota: %s\n\n- Sold **%lld** of %lld %s (", label, (long long)q->sold,
		 (long long)q->target, q->currency);
	md_pct(o, q->progress_pct);
	buf_addf(o, "), sales to %s; week %d of %d\n", cut, q->week_index, q->weeks);
	if (q->gap == 0)
		buf_adds(o, "- Target reached\n");
	else if (q->pace < 0)
		buf_addf(o, "- %lld short; the period ends with this week\n", (long long)q->gap);
	else
		buf_addf(o, "- Needed: %lld %s a week for %d week%s\n", (long long)q->pace,
			 q->currency, q->weeks_left, q->weeks_left == 1 ? "" : "s");
	buf_addf(o, "- Projection at this rate: %lld %s\n", (long long)q->projection, q->currency);
}

static void md_trend(struct buf *o, const struct review *r)
{
	buf_adds(o, "\n## Trend\n\n| Week | Completion | Meetings booked | Prospecting |\n"
		    "|---|---:|---:|---:|\n");
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		const struct review_week *w = &r->trend[i];
		char wk[9], h[24];

		date_week_format(w->key, wk);
		review_hours(w->prospecting_minutes, h);
		buf_addf(o, "| %s | ", wk);
		md_pct(o, w->t.rate_pct);
		buf_addf(o, " | %lld | %s |\n", (long long)w->meetings, h);
	}
}

void review_write_md(struct buf *o, const struct review *r, const struct plan *p)
{
	char label[DATE_WEEK_LABEL_MAX], a[9], b[9], when[16], t[DATE_TIME_SHOW_MAX];

	if (r->n_weeks == 1) {
		date_week_label(r->last, true, label);
		buf_addf(o, "# Weekly review: %s\n", label);
	} else {
		date_week_format(r->first, a);
		date_week_format(r->last, b);
		buf_addf(o, "# Review: %s \xe2\x80\x93 %s (%d weeks)\n", a, b, r->n_weeks);
	}
	date_format_short(r->today, when);
	date_time_show(r->minute, t);
	buf_addf(o, "\nAs of %s %s.\n", when, t);
	md_finished(o, r, p);
	md_results(o, r, p);
	md_focus(o, r);
	md_accounts(o, r, p);
	md_quota(o, r);
	md_trend(o, r);
}
