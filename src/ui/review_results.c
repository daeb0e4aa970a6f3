/* review_results.c - the review's panels on what the work produced: the
 * quota, the results per industry, account time, and the trend. */
#include <stdio.h>
#include <string.h>

#include "review_pen.h"

#define LABEL_W 14

static attr_t role(const struct pen *p, enum theme_role r)
{
	return colors_role(&p->ui->colors, r);
}

/* ---- quota ---- */

void panel_quota(struct pen *p, const struct review_view *v)
{
	const struct review_quota *q = &v->r->quota;
	char title[96], label[16], cut[16], s[160], pct[16];
	int used, bar;

	review_period_label(q->start, q->period == QUOTA_MONTH ? REVIEW_MONTH : REVIEW_QUARTER,
			    label);
	date_format_short(q->cutoff, cut);
	snprintf(title, sizeof title, "Quota %s %s week %d of %d %s sales to %s", label,
		 p->ui->g->dot, q->week_index, q->weeks, p->ui->g->dot, cut);
	pen_title(p, title);
	snprintf(s, sizeof s, "%lld of %lld %s", (long long)q->sold, (long long)q->target,
		 q->currency);
	used = pen_text(p, 0, p->w, s, role(p, ROLE_NORMAL) | A_BOLD);
	bar = p->w - used - 8 < 30 ? p->w - used - 8 : 30;
	if (q->target > 0 && bar >= 5) {
		pen_bar(p, used + 2, bar, q->sold, q->target);
		pen_text(p, used + 3 + bar, 5, pen_pct(p, q->progress_pct, pct), role(p, ROLE_NORMAL));
	}
	pen_nl(p);
	if (q->target > 0 && q->gap > 0 && q->pace >= 0) {
		snprintf(s, sizeof s, "needed %lld %s a week for %d week%s", (long long)q->pace,
			 q->currency, q->weeks_left, q->weeks_left == 1 ? "" : "s");
		pen_text(p, 0, p->w, s, role(p, ROLE_NORMAL));
		pen_nl(p);
	}
	snprintf(s, sizeof s, "projection at this rate %lld %s", (long long)q->projection,
		 q->currency);
	pen_text(p, 0, p->w, s, role(p, ROLE_NORMAL));
	pen_nl(p);
	/* Whether that is on pace is said once, in the answer line at the top. */
}

/* ---- results per industry ---- */

enum result_col { R_CALLS, R_CONV, R_MTGS, R_SALES, R_PROSP, R_CALLS_PH, R_MTGS_PH, R_COUNT };

static const struct {
	const char *head;
	int w;
	int rank;                  /* 0 first: what shows on a narrow screen */
} result_cols[R_COUNT] = {
	[R_CALLS] = { "Calls", 6, 0 },     [R_CONV] = { "Conv", 5, 4 },
	[R_MTGS] = { "Mtgs", 5, 1 },       [R_SALES] = { "Sales", 8, 5 },
	[R_PROSP] = { "Prosp", 7, 6 },
	[R_CALLS_PH] = { "Calls/h", 8, 2 }, [R_MTGS_PH] = { "Mtgs/h", 7, 3 },
};

#define RESULT_LABEL_MIN 10
#define RESULT_LABEL_MAX 16

/* The columns that fit in w beside a label of at least RESULT_LABEL_MIN,
 * best first; shown[c] says which.  Returns the label's width. */
static int result_fit(int w, bool shown[R_COUNT])
{
	int used = RESULT_LABEL_MIN;

	memset(shown, 0, R_COUNT * sizeof *shown);
	for (int rank = 0; rank < R_COUNT; rank++)
		for (int c = 0; c < R_COUNT; c++)
			if (result_cols[c].rank == rank && used + result_cols[c].w <= w) {
				shown[c] = true;
				used += result_cols[c].w;
			}
	used = RESULT_LABEL_MIN + w - used;
	return used > RESULT_LABEL_MAX ? RESULT_LABEL_MAX : used;
}

static void result_cell(const struct pen *p, const struct review_industry *x, int c, char *s)
{
	char tmp[32];

	switch (c) {
	case R_CALLS: snprintf(s, 32, "%lld", (long long)x->out.calls); break;
	case R_CONV: snprintf(s, 32, "%lld", (long long)x->out.conversations); break;
	case R_MTGS: snprintf(s, 32, "%lld", (long long)x->out.meetings); break;
	case R_SALES: snprintf(s, 32, "%lld", (long long)x->sales); break;
	case R_PROSP: review_hours(x->prospecting_minutes, tmp); snprintf(s, 32, "%s", tmp); break;
	case R_CALLS_PH: snprintf(s, 32, "%s", pen_yield(p, x->calls_ph, tmp)); break;
	default: snprintf(s, 32, "%s", pen_yield(p, x->meetings_ph, tmp)); break;
	}
}

/* One row: the label, then each shown column right-aligned. */
static void result_row(struct pen *p, int label_w, const char *label, attr_t at,
		       const struct review_industry *x, const bool shown[R_COUNT])
{
	int dx = label_w;

	pen_text(p, 0, label_w - 1, label, at);
	for (int c = 0; c < R_COUNT; c++) {
		char s[32];

		if (!shown[c])
			continue;
		if (x != NULL)
			result_cell(p, x, c, s);
		pen_right(p, dx, result_cols[c].w, x != NULL ? s : result_cols[c].head,
			  x != NULL ? at : role(p, ROLE_RULER));
		dx += result_cols[c].w;
	}
	pen_nl(p);
}

void panel_results(struct pen *p, const struct review_view *v)
{
	const struct review *r = v->r;
	bool shown[R_COUNT];
	char tmp[16];
	int label_w = result_fit(p->w, shown);

	pen_title(p, "Results per industry");
	result_row(p, label_w, "", 0, NULL, shown);
	for (size_t i = 0; i < r->n_industries; i++) {
		const struct review_industry *x = &r->industries[i];

		/* "No industry" only when it holds a result. */
		if (x->id == 0 && !x->out.calls && !x->out.conversations && !x->out.meetings &&
		    !x->sales)
			continue;
		result_row(p, label_w, review_industry_name(tui_plan(p->ui), x->id, "no industry", tmp),
			   pen_industry(p, x->id), x, shown);
	}
	result_row(p, label_w, "Total", role(p, ROLE_NORMAL) | A_BOLD, &r->all, shown);
}

/* ---- accounts ---- */

#define ACCOUNT_COL 8      /* a figure ("30 min"), right-aligned, and a space */
#define ACCOUNT_VERDICT 12 /* " over target" */

/* The names' column: up to 20, leaving the figures and the verdict room. */
static int account_label_w(const struct pen *p)
{
	int w = p->w - 4 * ACCOUNT_COL - ACCOUNT_VERDICT;

	return w > 20 ? 20 : w < 8 ? 8 : w;
}

static void account_row(struct pen *p, const char *name, attr_t at, int64_t baseline,
			int64_t target, int64_t planned, int64_t done)
{
	const int64_t v[4] = { baseline, target, planned, done };
	int label_w = account_label_w(p);
	char h[24];

	pen_text(p, 0, label_w - 1, name, at);
	for (int i = 0; i < 4; i++) {
		review_hours(v[i], h);
		pen_right(p, label_w + i * ACCOUNT_COL, ACCOUNT_COL - 1, h, at);
	}
	pen_text(p, label_w + 4 * ACCOUNT_COL + 1, ACCOUNT_VERDICT - 1,
		 done <= target ? "on target" : "over target",
		 role(p, done <= target ? ROLE_OK : ROLE_WARNING));
	pen_nl(p);
}

/* The baseline, the target (the baseline less 20%), planned, done. */
static void account_head(struct pen *p)
{
	char cut[16];
	const char *heads[] = { "Base", cut, "Plan", "Done" };
	int label_w = account_label_w(p);

	snprintf(cut, sizeof cut, "%s%d%%", p->ui->g->minus, MODEL_ACCOUNT_CUT);

	for (int i = 0; i < 4; i++)
		pen_right(p, label_w + i * ACCOUNT_COL, ACCOUNT_COL - 1, heads[i],
			  role(p, ROLE_RULER));
	pen_nl(p);
}

void panel_accounts(struct pen *p, const struct review_view *v)
{
	const struct review_accounts *a = &v->r->accounts;
	const struct glyphs *g = p->ui->g;
	char tmp[16], s[160], h1[24], h2[24], h3[24];

	pen_title(p, "Accounts");
	if (a->n == 0) {
		pen_text(p, 0, p->w, "no accounts", role(p, ROLE_GRID));
		pen_nl(p);
		return;
	}
	account_head(p);
	for (size_t i = 0; i < a->n; i++) {
		const struct review_account *x = &a->rows[i];

		account_row(p, review_account_name(tui_plan(p->ui), x->id, "no account", tmp),
			    role(p, ROLE_NORMAL), x->baseline, x->target, x->planned, x->done);
	}
	account_row(p, "Total", role(p, ROLE_NORMAL) | A_BOLD, a->baseline, a->target, a->planned,
		    a->done);
	review_hours(a->freed, h1);
	review_hours(a->freed_planned, h2);
	review_hours(a->to_prospecting, h3);
	snprintf(s, sizeof s, "freed %s (planned %s) %s %s into prospecting", h1, h2, g->dot, h3);
	pen_text(p, 0, p->w, s, role(p, ROLE_NORMAL));
	pen_nl(p);
}

/* ---- trend ---- */

/* Eighths of a bar `rows` high: at least one for any value above 0. */
static int trend_eighths(int64_t v, int64_t scale, int rows)
{
	int64_t e;

	if (v <= 0 || scale <= 0)
		return 0;
	e = (v * rows * 8 + scale / 2) / scale;
	return e < 1 ? 1 : e > rows * 8 ? rows * 8 : (int)e;
}

/* One bar row: cell i shows what of its bar reaches row r (0 = top). */
static void trend_bar_row(struct pen *p, const int eighths[REVIEW_TREND_WEEKS], int r,
			  int rows, int cw)
{
	const struct glyphs *g = p->ui->g;

	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		int level = eighths[i] - (rows - 1 - r) * 8;
		struct buf b = BUF_INIT;

		if (level <= 0)
			continue;
		buf_repeat(&b, g->sparks[level >= 8 ? 7 : level - 1], cw > 3 ? cw - 2 : cw - 1);
		pen_text(p, LABEL_W + i * cw + 1, cw - 1, buf_str(&b), role(p, ROLE_BAR));
		buf_free(&b);
	}
}

/* A value in cw - 1 columns; hours as "4h30", or whole hours when narrow. */
static void trend_value(int64_t v, bool hours, int cw, const struct glyphs *g, char out[24])
{
	if (v < 0)
		snprintf(out, 24, "%s", g->none);
	else if (!hours)
		snprintf(out, 24, "%lld", (long long)v);
	else
		review_hours(v, out);
	if (hours && v >= 0 && (int)strlen(out) > cw - 1)
		snprintf(out, 24, "%lldh", (long long)((v + 30) / 60));
}

/* A metric: its bars, then its values under them with its name. */
static void trend_metric(struct pen *p, const char *name, const int64_t v[REVIEW_TREND_WEEKS],
			 int64_t scale, bool hours, int rows, int cw)
{
	int eighths[REVIEW_TREND_WEEKS];

	for (int i = 0; i < REVIEW_TREND_WEEKS; i++)
		eighths[i] = trend_eighths(v[i], scale, rows);
	for (int r = 0; r < rows; r++) {
		trend_bar_row(p, eighths, r, rows, cw);
		pen_nl(p);
	}
	pen_text(p, 0, LABEL_W - 1, name, role(p, ROLE_RULER));
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		char s[24];

		trend_value(v[i], hours, cw, p->ui->g, s);
		pen_right(p, LABEL_W + i * cw, cw - 1, s, role(p, ROLE_NORMAL));
	}
	pen_nl(p);
}

void panel_trend(struct pen *p, const struct review_view *v)
{
	const struct review *r = v->r;
	int64_t rate[REVIEW_TREND_WEEKS], mtg[REVIEW_TREND_WEEKS], pro[REVIEW_TREND_WEEKS];
	int64_t max_mtg = 0, max_pro = 0;
	int cw = (p->w - LABEL_W) / REVIEW_TREND_WEEKS;

	cw = cw > 7 ? 7 : cw < 3 ? 3 : cw;
	pen_title(p, "Trend: the last 8 weeks");
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		const struct review_week *w = &r->trend[i];
		char s[8];

		snprintf(s, sizeof s, "W%02d", w->key % 100);
		pen_right(p, LABEL_W + i * cw, cw - 1, s,
			  role(p, i >= REVIEW_TREND_WEEKS - r->n_weeks ? ROLE_DAY : ROLE_GRID));
		rate[i] = w->t.rate_pct;
		mtg[i] = w->meetings;
		pro[i] = w->prospecting_minutes;
		max_mtg = mtg[i] > max_mtg ? mtg[i] : max_mtg;
		max_pro = pro[i] > max_pro ? pro[i] : max_pro;
	}
	pen_nl(p);
	trend_metric(p, "completion %", rate, 100, false, v->l->chart_rows, cw);
	trend_metric(p, "meetings", mtg, max_mtg, false, v->l->chart_rows, cw);
	trend_metric(p, "prospecting", pro, max_pro, true, v->l->chart_rows, cw);
}
