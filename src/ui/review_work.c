/* review_work.c - the review's panels on the work itself: what was
 * finished, what was not (and where it went), and how focused it was. */
#include <stdio.h>
#include <string.h>

#include "review_pen.h"

#define LABEL_W 14   /* the first column of a table */

static attr_t role(const struct pen *p, enum theme_role r)
{
	return colors_role(&p->ui->colors, r);
}

/* ---- finished ---- */

/* label  done/blocks  hours done/planned  rate  bar */
static void tally_row(struct pen *p, const char *label, attr_t at, const struct review_tally *t)
{
	char s[64], h1[24], h2[24], pct[16];
	int bar = p->w - 42 < 20 ? p->w - 42 : 20;

	pen_text(p, 0, LABEL_W, label, at);
	snprintf(s, sizeof s, "%d/%d", t->done, t->blocks);
	pen_text(p, LABEL_W + 1, 7, s, role(p, ROLE_NORMAL));
	review_hours(t->done_minutes, h1);
	review_hours(t->minutes, h2);
	snprintf(s, sizeof s, "%s/%s", h1, h2);
	pen_text(p, LABEL_W + 9, 12, s, role(p, ROLE_NORMAL));
	pen_right(p, LABEL_W + 22, 4, pen_pct(p, t->rate_pct, pct), role(p, ROLE_NORMAL));
	if (t->rate_pct >= 0 && bar >= 4)
		pen_bar(p, LABEL_W + 28, bar, t->rate_pct, 100);
	pen_nl(p);
}

static void finished_summary(struct pen *p, const struct review *r)
{
	const struct review_tally *t = &r->total;
	const struct glyphs *g = p->ui->g;
	char s[200], h1[24], h2[24], h3[24], h4[24], pct[16];

	if (t->blocks == 0) {
		pen_text(p, 0, p->w, "nothing was planned", role(p, ROLE_GRID));
		pen_nl(p);
		return;
	}
	review_hours(t->done_minutes, h1);
	review_hours(t->minutes, h2);
	snprintf(s, sizeof s, "%d of %d blocks done %s %s of %s planned", t->done, t->blocks,
		 g->dot, h1, h2);
	pen_text(p, 0, p->w, s, role(p, ROLE_NORMAL));
	pen_nl(p);
	review_hours(t->due_minutes, h1);
	review_hours(t->minutes - t->due_minutes, h3);
	snprintf(s, sizeof s, "completion %s of the %s due", pen_pct(p, t->rate_pct, pct), h1);
	if (t->minutes > t->due_minutes)
		snprintf(s + strlen(s), sizeof s - strlen(s), " %s %s still to come", g->dot, h3);
	pen_text(p, 0, p->w, s, role(p, ROLE_NORMAL) | A_BOLD);
	pen_nl(p);
	review_hours(t->left_minutes, h4);
	if (t->unfinished > 0)
		snprintf(s, sizeof s, "%d unfinished (%s left) %s %d dropped", t->unfinished, h4,
			 g->dot, t->dropped);
	else
		snprintf(s, sizeof s, "0 unfinished %s %d dropped", g->dot, t->dropped);
	pen_text(p, 0, p->w, s, role(p, ROLE_NORMAL));
	pen_nl(p);
}

void panel_finished(struct pen *p, const struct review_view *v)
{
	const struct review *r = v->r;
	char label[16], tmp[16];
	bool row = false;

	pen_title(p, "Finished");
	finished_summary(p, r);
	if (r->total.blocks == 0)
		return;
	pen_text(p, LABEL_W + 1, 7, "Blocks", role(p, ROLE_RULER));
	pen_text(p, LABEL_W + 9, 12, "Hours", role(p, ROLE_RULER));
	pen_right(p, LABEL_W + 22, 4, "Rate", role(p, ROLE_RULER));
	pen_nl(p);
	for (int i = 0; i < 7; i++) {
		int d = review_weekday_at(i);

		if (r->day[d].blocks == 0)
			continue;
		review_day_label(r, d, label);
		tally_row(p, label, role(p, ROLE_DAY), &r->day[d]);
	}
	for (int k = 0; k < KIND_MEETING; k++)
		if (r->kind[k].blocks > 0) {
			if (!row)
				pen_nl(p);
			row = true;
			tally_row(p, model_kind_name((enum block_kind)k), role(p, ROLE_NORMAL),
				  &r->kind[k]);
		}
	pen_nl(p);
	for (size_t i = 0; i < r->n_industries; i++) {
		const struct review_industry *x = &r->industries[i];

		if (x->t.blocks > 0)
			tally_row(p, review_industry_name(tui_plan(p->ui), x->id, "no industry", tmp),
				  pen_industry(p, x->id), &x->t);
	}
}

/* ---- unfinished ---- */

/* "→ Mon 08:00": where in the week after the block was carried to. */
static void carried_mark(const struct pen *p, const struct review_view *v,
			 const struct review_unfinished *u, char *out, size_t size)
{
	const struct block *b = u->block;
	const struct week *next = review_data_week(v->d, date_week_add(date_week_key(b->date), 1));
	const struct block *to = next != NULL ? week_block_by_id(next, u->carried_to) : NULL;
	const char *arrow = p->ui->g->arrow;
	char t[DATE_TIME_SHOW_MAX];

	if (to == NULL) {
		snprintf(out, size, "%s carried", arrow);
		return;
	}
	date_time_show(to->start, t);
	snprintf(out, size, "%s %s %s", arrow, date_weekday_abbr(date_weekday(to->date)), t);
}

/* Why the last carry-over left block `id` behind (its "!ID\tWHY" line in
 * the note, see app.h), into out; NULL when it did not. */
static const char *carry_why(const char *note, const char *id, char *out, size_t size)
{
	size_t n = strlen(id);

	while (*note) {
		const char *end = strchrnul(note, '\n');

		if (note[0] == '!' && strncmp(note + 1, id, n) == 0 && note[1 + n] == '\t') {
			snprintf(out, size, "%.*s", (int)(end - note - n - 2), note + n + 2);
			return out;
		}
		note = *end ? end + 1 : end;
	}
	return NULL;
}

/* day  time  title: the start of a listed block's row; returns the
 * title's width. */
static int block_cells(struct pen *p, const struct block *b, int end_w)
{
	char day[16], s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX], when[24];
	int title_w = p->w - 23 - end_w - 1;

	date_format_short(b->date, day);
	date_time_show(b->start, s);
	date_time_show(b->end, e);
	snprintf(when, sizeof when, "%s%s%s", s, p->ui->g->dash, e);
	if (title_w < 8)
		title_w = 8;
	pen_text(p, 0, 10, day, role(p, ROLE_DAY));
	pen_text(p, 11, 11, when, role(p, ROLE_NORMAL));
	pen_text(p, 23, title_w - 1, b->title[0] ? b->title : model_kind_name(b->kind),
		 pen_industry(p, b->industry));
	return title_w;
}

/* day  time  title  what is left, where it was carried to, or "not carried"
 * with why on the row below. */
static void unfinished_row(struct pen *p, const struct review_view *v,
			   const struct review_unfinished *u)
{
	char mark[48], why[sizeof p->ui->review.carry];
	const char *behind = carry_why(p->ui->review.carry, u->block->id, why, sizeof why);
	int end_w = 11, title_w = block_cells(p, u->block, end_w);

	if (u->carried_to != NULL) {
		carried_mark(p, v, u, mark, sizeof mark);
		pen_text(p, 23 + title_w, end_w, mark, role(p, ROLE_OK));
	} else if (behind != NULL) {
		pen_text(p, 23 + title_w, end_w, "not carried", role(p, ROLE_WARNING));
	} else {
		review_hours(u->left, mark);
		strcat(mark, " left");
		pen_text(p, 23 + title_w, end_w, mark, role(p, ROLE_NORMAL));
	}
	pen_nl(p);
	if (behind != NULL && u->carried_to == NULL)
		pen_wrap(p, 11, behind, role(p, ROLE_WARNING), 2);
}

/* The sum-up of the last carry-over (the note's lines but those by id). */
static void carry_summary(struct pen *p, const char *note)
{
	int indent = 0;

	while (*note) {
		const char *end = strchrnul(note, '\n');
		char line[160];

		if (note[0] != '!') {
			snprintf(line, sizeof line, "%.*s", (int)(end - note - 1), note + 1);
			pen_wrap(p, indent, line, role(p, note[0] == '+' ? ROLE_OK : ROLE_NORMAL), 2);
			indent = 2;  /* the details, under the sum-up */
		}
		note = *end ? end + 1 : end;
	}
}

/* Skipped blocks: dropped on purpose, so neither unfinished nor carried. */
static void dropped_rows(struct pen *p, const struct review *r)
{
	char s[64];

	if (r->n_dropped == 0)
		return;
	snprintf(s, sizeof s, "Dropped %zu %s skipped, not carried", r->n_dropped, p->ui->g->dot);
	pen_text(p, 0, p->w, s, role(p, ROLE_RULER));
	pen_nl(p);
	for (size_t i = 0; i < r->n_dropped; i++) {
		block_cells(p, r->dropped[i], 0);
		pen_nl(p);
	}
}

void panel_unfinished(struct pen *p, const struct review_view *v)
{
	const struct review *r = v->r;
	char title[96], wk[9], left[24];
	int n;

	review_hours(r->total.left_minutes, left);
	n = snprintf(title, sizeof title, "Unfinished %zu", r->n_unfinished);
	if (r->n_unfinished > 0)
		n += snprintf(title + n, sizeof title - (size_t)n, " %s %s left", p->ui->g->dot, left);
	date_week_format(date_week_add(r->last, 1), wk);
	if (r->n_carried > 0)
		snprintf(title + n, sizeof title - (size_t)n, " %s %zu carried into %s", p->ui->g->dot,
			 r->n_carried, wk);
	pen_title(p, title);
	carry_summary(p, p->ui->review.carry);
	if (r->n_unfinished == 0) {
		pen_text(p, 0, p->w, "nothing left unfinished", role(p, ROLE_OK));
		pen_nl(p);
	}
	for (size_t i = 0; i < r->n_unfinished; i++)
		unfinished_row(p, v, &r->unfinished[i]);
	dropped_rows(p, r);
}

/* ---- focus ---- */

static void focus_line(struct pen *p, const char *label, const char *value)
{
	pen_text(p, 0, 24, label, role(p, ROLE_RULER));
	pen_text(p, 24, p->w - 24, value, role(p, ROLE_NORMAL));
	pen_nl(p);
}

static void focus_interruptions(struct pen *p, const struct review_focus *f)
{
	char s[160], day[16], t[DATE_TIME_SHOW_MAX];
	size_t len;

	len = (size_t)snprintf(s, sizeof s, "%d", f->interruptions);
	for (int i = 0, d = review_weekday_at(0); i < 7; d = review_weekday_at(++i))
		if (f->per_day[d] > 0 && len < sizeof s)
			len += (size_t)snprintf(s + len, sizeof s - len, "  %s %d", date_weekday_abbr(d),
						f->per_day[d]);
	focus_line(p, "interruptions", s);
	for (size_t i = 0; i < f->n_list; i++) {
		const struct review_interruption *x = &f->list[i];

		date_format_short(x->date, day);
		date_time_show(x->minute, t);
		pen_text(p, 2, 10, day, role(p, ROLE_DAY));
		pen_text(p, 13, 5, t, role(p, ROLE_NORMAL));
		if (x->note[0])
			pen_text(p, 20, p->w - 20, x->note, role(p, ROLE_NORMAL));
		else
			pen_text(p, 20, p->w - 20, "(no note)", role(p, ROLE_GRID));
		pen_nl(p);
	}
}

void panel_focus(struct pen *p, const struct review_view *v)
{
	const struct review_focus *f = &v->r->focus;
	char s[96], h1[24], h2[24];

	pen_title(p, "Focus");
	if (f->days > 0 || f->halves == 0) {
		snprintf(s, sizeof s, "%d of %d%s", f->days_held, f->days, f->so_far ? " so far" : "");
		focus_line(p, "days held to one niche", s);
	}
	if (f->halves > 0) {
		snprintf(s, sizeof s, "%d of %d%s", f->halves_held, f->halves,
			 f->so_far ? " so far" : "");
		focus_line(p, "half-days held to one", s);
	}
	review_hours(f->notquota_done_minutes, h1);
	review_hours(f->notquota_minutes, h2);
	snprintf(s, sizeof s, "%s done of %s planned", h1, h2);
	focus_line(p, "not for quota", s);
	review_hours(f->timer_seconds / 60, h1);
	focus_line(p, "time on the timer", h1);
	focus_interruptions(p, f);
}
