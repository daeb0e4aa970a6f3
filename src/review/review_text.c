/* review_text.c - the review for a terminal, with small bars and sparklines. */
#include <stdio.h>
#include <string.h>

#include "duration.h"
#include "glyph.h"
#include "review_int.h"

#define BAR_CELLS 20
#define TREND_CELL 7 /* "59 min" and a space */

/* ---------------------------------------------------------------- shared */

int review_format_parse(const char *s, enum review_format *out)
{
	static const char *const names[] = { "text", "md", "csv", "json" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum review_format)i;
			return 0;
		}
	return -1;
}

void review_hours(int64_t minutes, char out[24])
{
	duration_format(minutes, out);
}

int review_weekday_at(int i)
{
	return (date_week_start() + i) % 7;
}

void review_day_label(const struct review *r, int d, char out[16])
{
	if (r->n_weeks == 1)
		date_format_short(date_week_day(date_week_monday(r->last), d), out);
	else
		snprintf(out, 16, "%s", date_weekday_abbr(d));
}

void review_write(struct buf *out, const struct review *r, const struct plan *p,
		  enum review_format fmt, enum text_mode mode)
{
	switch (fmt) {
	case REVIEW_TEXT:
		review_write_text(out, r, p, mode);
		break;
	case REVIEW_MD:
		review_write_md(out, r, p);
		break;
	case REVIEW_CSV:
		review_write_csv(out, r, p);
		break;
	case REVIEW_JSON:
		review_write_json(out, r, p);
		break;
	}
}

/* ---------------------------------------------------------------- pieces */

/* "76%", or the none glyph. */
static const char *pct_str(int pct, const struct glyphs *g, char out[16])
{
	if (pct < 0)
		return g->none;
	snprintf(out, 16, "%d%%", pct);
	return out;
}

/* Hundredths as "8.40", or the none glyph. */
static const char *yield_str(int64_t x100, const struct glyphs *g, char out[32])
{
	if (x100 < 0)
		return g->none;
	snprintf(out, 32, "%lld.%02lld", (long long)(x100 / 100), (long long)(x100 % 100));
	return out;
}

/* A bar of `cells` cells, value/scale of them full (rounded down). */
static void bar(struct buf *o, int64_t value, int64_t scale, int cells, const struct glyphs *g)
{
	int64_t full = scale > 0 ? value * cells / scale : 0;

	if (full > cells)
		full = cells;
	if (full < 0)
		full = 0;
	buf_repeat(o, g->bar_full, (int)full);
	buf_repeat(o, g->bar_empty, cells - (int)full);
}

/* One sparkline cell: level (v * 7 + scale / 2) / scale of 0..7; a space
 * when v is -1 (nothing to show). */
static void spark(struct buf *o, int64_t v, int64_t scale, const struct glyphs *g)
{
	int64_t level = scale > 0 ? (v * 7 + scale / 2) / scale : 0;

	if (v < 0) {
		buf_addc(o, ' ');
		return;
	}
	buf_adds(o, g->sparks[level > 7 ? 7 : level]);
}

/* "  label" padded to `cols`, with user text made safe. */
static void cell(struct buf *o, const char *s, int cols, enum text_mode mode)
{
	text_pad(o, s, cols, mode);
}

/* Right-aligned in `cols` (glyphs count one column). */
static void rcell(struct buf *o, const char *s, int cols, enum text_mode mode)
{
	int w = text_width(s, mode);

	for (; w < cols; w++)
		buf_addc(o, ' ');
	text_safe(o, s, mode);
}

/* ---------------------------------------------------------------- sections */

static void text_header(struct buf *o, const struct review *r, enum text_mode mode,
			const struct glyphs *g)
{
	char label[DATE_WEEK_LABEL_MAX], a[9], when[16], t[DATE_TIME_SHOW_MAX];

	date_format_short(r->today, when);
	date_time_show(r->minute, t);
	if (r->n_weeks == 1) {
		date_week_label(r->last, mode == TEXT_UTF8, label);
		buf_addf(o, "Review %s\n", label);
	} else {
		date_week_format(r->first, a);
		date_week_format(r->last, label);
		buf_addf(o, "Review %s %s %s %s %d weeks\n", a, g->dash, label, g->dot, r->n_weeks);
	}
	buf_addf(o, "as of %s %s\n", when, t);
}

/* The widths of the "done of planned" columns: the widest row's text and a
 * space, at least the header's (a year's counts run to five digits). */
struct tally_cols {
	int blocks, hours;
};

static void tally_texts(const struct review_tally *t, char blocks[64], char hours[64])
{
	char h1[24], h2[24];

	review_hours(t->done_minutes, h1);
	review_hours(t->minutes, h2);
	snprintf(blocks, 64, "%d of %d", t->done, t->blocks);
	snprintf(hours, 64, "%s of %s", h1, h2);
}

static void tally_fit(struct tally_cols *c, const struct review_tally *t)
{
	char blocks[64], hours[64];
	int wb, wh;

	if (t->blocks == 0)
		return;
	tally_texts(t, blocks, hours);
	wb = (int)strlen(blocks) + 1;
	wh = (int)strlen(hours) + 1;
	c->blocks = wb > c->blocks ? wb : c->blocks;
	c->hours = wh > c->hours ? wh : c->hours;
}

static void tally_row(struct buf *o, const char *label, const struct review_tally *t,
		      const struct tally_cols *c, enum text_mode mode, const struct glyphs *g)
{
	char blocks[64], hours[64], pct[16];

	tally_texts(t, blocks, hours);
	buf_adds(o, "  ");
	cell(o, label, 16, mode);
	cell(o, blocks, c->blocks, mode);
	cell(o, hours, c->hours, mode);
	rcell(o, pct_str(t->rate_pct, g, pct), 5, mode);
	buf_addc(o, ' ');
	if (t->rate_pct >= 0)
		bar(o, t->rate_pct, 100, 10, g);
	buf_addc(o, '\n');
}

static void text_tables(struct buf *o, const struct review *r, const struct plan *p,
			enum text_mode mode, const struct glyphs *g)
{
	struct tally_cols c = { 12, 18 };
	char label[16], tmp[16];

	for (int d = 0; d < 7; d++)
		tally_fit(&c, &r->day[d]);
	for (int k = 0; k < KIND_MEETING; k++)
		tally_fit(&c, &r->kind[k]);
	for (size_t i = 0; i < r->n_industries; i++)
		tally_fit(&c, &r->industries[i].t);
	buf_adds(o, "  ");
	cell(o, "", 16, mode);
	cell(o, "Blocks done", c.blocks, mode);
	cell(o, "Hours done", c.hours, mode);
	buf_adds(o, " Rate\n");
	for (int i = 0; i < 7; i++) {
		int d = review_weekday_at(i);

		if (r->day[d].blocks == 0)
			continue;
		review_day_label(r, d, label);
		tally_row(o, label, &r->day[d], &c, mode, g);
	}
	buf_addc(o, '\n');
	for (int k = 0; k < KIND_MEETING; k++)
		if (r->kind[k].blocks > 0)
			tally_row(o, model_kind_name((enum block_kind)k), &r->kind[k], &c, mode, g);
	buf_addc(o, '\n');
	for (size_t i = 0; i < r->n_industries; i++)
		if (r->industries[i].t.blocks > 0)
			tally_row(o, review_industry_name(p, r->industries[i].id, "no industry", tmp),
				  &r->industries[i].t, &c, mode, g);
}

/* The line before a list of n entries (its latest) out of total. */
static void text_earlier(struct buf *o, size_t total, size_t n)
{
	if (review_list_earlier(total, n) > 0)
		buf_addf(o, "    (%zu earlier not shown; --format csv or json lists them all)\n",
			 review_list_earlier(total, n));
}

/* day  time  kind  title: the start of a listed block's row. */
static void text_block(struct buf *o, const struct block *b, enum text_mode mode,
		       const struct glyphs *g)
{
	char day[16], s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

	date_format_short(b->date, day);
	date_time_show(b->start, s);
	date_time_show(b->end, e);
	buf_adds(o, "    ");
	cell(o, day, 11, mode);
	buf_addf(o, "%s%s%s  ", s, g->dash, e);
	cell(o, model_kind_name(b->kind), 12, mode);
	cell(o, b->title[0] ? b->title : model_kind_name(b->kind), 30, mode);
}

static void text_unfinished(struct buf *o, const struct review *r, enum text_mode mode,
			    const struct glyphs *g)
{
	if (r->total.unfinished == 0)
		return;
	buf_addf(o, "\n  Unfinished (%d", r->total.unfinished);
	if (r->n_carried > 0)
		buf_addf(o, ", %zu carried into the week after", r->n_carried);
	buf_adds(o, ")\n");
	text_earlier(o, (size_t)r->total.unfinished, r->n_unfinished);
	for (size_t i = review_list_from(r->n_unfinished); i < r->n_unfinished; i++) {
		const struct review_unfinished *u = &r->unfinished[i];
		char left[24];

		text_block(o, u->block, mode, g);
		review_hours(u->left, left);
		buf_addf(o, " %-9s %6s left  %s", u->block->cut_short ? "cut short" : "planned",
			 left, u->block->id);
		if (u->carried_to != NULL)
			buf_addf(o, "  carried as %s", u->carried_to);
		buf_addc(o, '\n');
	}
}

static void text_dropped(struct buf *o, const struct review *r, enum text_mode mode,
			 const struct glyphs *g)
{
	if (r->total.dropped == 0)
		return;
	buf_addf(o, "\n  Dropped (%d, skipped on purpose: not unfinished, not carried)\n",
		 r->total.dropped);
	text_earlier(o, (size_t)r->total.dropped, r->n_dropped);
	for (size_t i = review_list_from(r->n_dropped); i < r->n_dropped; i++) {
		text_block(o, r->dropped[i], mode, g);
		buf_addf(o, " %s\n", r->dropped[i]->id);
	}
}

static void text_finished(struct buf *o, const struct review *r, const struct plan *p,
			  enum text_mode mode, const struct glyphs *g)
{
	const struct review_tally *t = &r->total;
	char h1[24], h2[24], h3[24], h4[24], h5[24], pct[16];
	int64_t to_come = t->minutes - t->due_minutes;

	review_hours(t->left_minutes, h5);
	review_hours(t->done_minutes, h1);
	review_hours(t->minutes, h2);
	review_hours(t->due_minutes, h3);
	review_hours(to_come, h4);
	buf_addf(o, "\nFINISHED\n  %d of %d blocks done %s %s of %s planned\n", t->done, t->blocks,
		 g->dot, h1, h2);
	buf_addf(o, "  completion %s of the %s due", pct_str(t->rate_pct, g, pct), h3);
	if (to_come > 0)
		buf_addf(o, " %s %s still to come", g->dot, h4);
	buf_addf(o, "\n  %d unfinished", t->unfinished);
	if (t->unfinished > 0)
		buf_addf(o, " (%s left)", h5);
	buf_addf(o, " %s %d dropped\n\n", g->dot, t->dropped);
	if (t->blocks > 0)
		text_tables(o, r, p, mode, g);
	text_unfinished(o, r, mode, g);
	text_dropped(o, r, mode, g);
}

static void industry_row(struct buf *o, const char *name, const struct review_industry *x,
			 enum text_mode mode, const struct glyphs *g)
{
	char h[24], y1[32], y2[32];

	review_hours(x->prospecting_minutes, h);
	buf_adds(o, "  ");
	cell(o, name, 16, mode);
	buf_addf(o, "%6lld %5lld %5lld %9lld %7s ", (long long)x->out.calls,
		 (long long)x->out.conversations, (long long)x->out.meetings, (long long)x->sales,
		 h);
	rcell(o, yield_str(x->calls_ph, g, y1), 7, mode);
	buf_addc(o, ' ');
	rcell(o, yield_str(x->meetings_ph, g, y2), 6, mode);
	buf_addc(o, '\n');
}

/* Every industry shows; "no industry" only when it holds a result. */
static bool industry_shown(const struct review_industry *x)
{
	return x->id != 0 || x->out.calls || x->out.conversations || x->out.meetings ||
	       x->sales;
}

static void text_results(struct buf *o, const struct review *r, const struct plan *p,
			 enum text_mode mode, const struct glyphs *g)
{
	char tmp[16];

	buf_adds(o, "\nRESULTS PER INDUSTRY\n  ");
	cell(o, "", 16, mode);
	buf_adds(o, " Calls  Conv  Mtgs     Sales Prosp.h Calls/h Mtgs/h\n");
	for (size_t i = 0; i < r->n_industries; i++)
		if (industry_shown(&r->industries[i]))
			industry_row(o, review_industry_name(p, r->industries[i].id, "no industry",
							     tmp), &r->industries[i], mode, g);
	industry_row(o, "Total", &r->all, mode, g);
}

static void text_interruptions(struct buf *o, const struct review *r, enum text_mode mode)
{
	const struct review_focus *f = &r->focus;
	bool first = true;

	buf_addf(o, "  interruptions: %d", f->interruptions);
	for (int i = 0, d = review_weekday_at(0); i < 7; d = review_weekday_at(++i))
		if (f->per_day[d] > 0) {
			buf_addf(o, "%s%s %d", first ? " (" : ", ", date_weekday_abbr(d), f->per_day[d]);
			first = false;
		}
	buf_adds(o, first ? "\n" : ")\n");
	text_earlier(o, (size_t)f->interruptions, f->n_list);
	for (size_t i = review_list_from(f->n_list); i < f->n_list; i++) {
		const struct review_interruption *x = &f->list[i];
		char day[16], t[DATE_TIME_SHOW_MAX];

		date_format_short(x->date, day);
		date_time_show(x->minute, t);
		buf_adds(o, "    ");
		cell(o, day, 11, mode);
		buf_addf(o, "%s  ", t);
		cell(o, x->note[0] ? x->note : "(no note)", 40, mode);
		buf_addf(o, " %s\n", x->block);
	}
}

static void text_focus(struct buf *o, const struct review *r, enum text_mode mode)
{
	const struct review_focus *f = &r->focus;
	char h1[24], h2[24];

	buf_adds(o, "\nFOCUS\n");
	if (f->days > 0 || f->halves == 0)
		buf_addf(o, "  days held to one niche: %d of %d%s\n", f->days_held, f->days,
			 f->so_far ? " so far" : "");
	if (f->halves > 0)
		buf_addf(o, "  half-days held to one niche: %d of %d%s\n", f->halves_held, f->halves,
			 f->so_far ? " so far" : "");
	text_interruptions(o, r, mode);
	review_hours(f->timer_seconds / 60, h1);
	buf_addf(o, "  time on the timer: %s\n", h1);
	review_hours(f->notquota_done_minutes, h1);
	review_hours(f->notquota_minutes, h2);
	buf_addf(o, "  not for quota: %s done of %s planned\n", h1, h2);
}

static void account_row(struct buf *o, const char *name, int64_t baseline, int64_t target,
			int64_t planned, int64_t done, enum text_mode mode)
{
	char h[5][24];

	review_hours(baseline, h[0]);
	review_hours(target, h[1]);
	review_hours(planned, h[2]);
	review_hours(done, h[3]);
	review_hours(done - baseline, h[4]);
	buf_adds(o, "  ");
	cell(o, name, 20, mode);
	buf_addf(o, "%8s %8s %8s %8s %8s  %s\n", h[0], h[1], h[2], h[3], h[4],
		 done <= target ? "on target" : "over target");
}

static void text_accounts(struct buf *o, const struct review *r, const struct plan *p,
			  enum text_mode mode, const struct glyphs *g)
{
	const struct review_accounts *a = &r->accounts;
	char tmp[16], h1[24], h2[24], h3[24];

	buf_adds(o, "\nACCOUNTS\n");
	if (a->n == 0) {
		buf_adds(o, "  no accounts\n");
		return;
	}
	buf_adds(o, "  ");
	cell(o, "", 20, mode);
	buf_adds(o, "Baseline   Target  Planned     Done vs base\n");
	for (size_t i = 0; i < a->n; i++) {
		const struct review_account *x = &a->rows[i];

		account_row(o, review_account_name(p, x->id, "no account", tmp), x->baseline,
			    x->target, x->planned, x->done, mode);
	}
	account_row(o, "Total", a->baseline, a->target, a->planned, a->done, mode);
	review_hours(a->freed, h1);
	review_hours(a->freed_planned, h2);
	review_hours(a->to_prospecting, h3);
	buf_addf(o, "  freed %s (planned %s) %s %s of it matched by prospecting done\n", h1, h2,
		 g->dot, h3);
}

static void text_quota(struct buf *o, const struct review *r, const struct glyphs *g)
{
	const struct review_quota *q = &r->quota;
	char label[16], cut[16], pct[16];

	review_period_label(q->start, q->period == QUOTA_MONTH ? REVIEW_MONTH : REVIEW_QUARTER,
			    label);
	date_format_short(q->cutoff, cut);
	buf_addf(o, "\nQUOTA %s\n  week %d of %d %s sales to %s\n", label, q->week_index,
		 q->weeks, g->dot, cut);
	if (q->target == 0) {
		buf_addf(o, "  %lld %s sold %s " REVIEW_NO_QUOTA "\n", (long long)q->sold,
			 q->currency, g->dot);
		return;
	}
	buf_addf(o, "  %lld of %lld %s  ", (long long)q->sold, (long long)q->target, q->currency);
	bar(o, q->sold, q->target, BAR_CELLS, g);
	buf_addf(o, " %s\n", pct_str(q->progress_pct, g, pct));
	if (q->gap == 0)
		buf_adds(o, "  target reached");
	else if (q->pace < 0)
		buf_addf(o, "  %lld short; the period ends with this week", (long long)q->gap);
	else
		buf_addf(o, "  needed: %lld %s a week for %d week%s", (long long)q->pace, q->currency,
			 q->weeks_left, q->weeks_left == 1 ? "" : "s");
	buf_addf(o, " %s projection at this rate: %lld %s\n", g->dot, (long long)q->projection,
		 q->currency);
}

/* One trend row: the label, 8 values, then the sparkline. */
static void trend_row(struct buf *o, const char *label, const int64_t v[REVIEW_TREND_WEEKS],
		      int64_t scale, bool hours, const struct glyphs *g, enum text_mode mode)
{
	char s[24];

	buf_adds(o, "  ");
	cell(o, label, 14, mode);
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		if (v[i] < 0)
			snprintf(s, sizeof s, "%s", g->none);
		else if (hours)
			review_hours(v[i], s);
		else
			snprintf(s, sizeof s, "%lld", (long long)v[i]);
		rcell(o, s, TREND_CELL, mode);
	}
	buf_adds(o, "  ");
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++)
		spark(o, v[i], scale, g);
	buf_addc(o, '\n');
}

static void text_trend(struct buf *o, const struct review *r, enum text_mode mode,
		       const struct glyphs *g)
{
	int64_t rate[REVIEW_TREND_WEEKS], mtg[REVIEW_TREND_WEEKS], pro[REVIEW_TREND_WEEKS];
	int64_t max_mtg = 0, max_pro = 0;

	buf_adds(o, "\nTREND\n  ");
	cell(o, "", 14, mode);
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		const struct review_week *w = &r->trend[i];

		buf_addf(o, "    W%02d", w->key % 100);
		rate[i] = w->t.rate_pct;
		mtg[i] = w->meetings;
		pro[i] = w->prospecting_minutes;
		max_mtg = mtg[i] > max_mtg ? mtg[i] : max_mtg;
		max_pro = pro[i] > max_pro ? pro[i] : max_pro;
	}
	buf_addc(o, '\n');
	trend_row(o, "completion %", rate, 100, false, g, mode);
	trend_row(o, "meetings", mtg, max_mtg, false, g, mode);
	trend_row(o, "prospecting", pro, max_pro, true, g, mode);
}

void review_write_text(struct buf *o, const struct review *r, const struct plan *p,
		       enum text_mode mode)
{
	const struct glyphs *g = glyphs_for(mode);

	text_header(o, r, mode, g);
	text_finished(o, r, p, mode, g);
	text_results(o, r, p, mode, g);
	text_focus(o, r, mode);
	text_accounts(o, r, p, mode, g);
	text_quota(o, r, g);
	text_trend(o, r, mode, g);
}
