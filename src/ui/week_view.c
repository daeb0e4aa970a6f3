/* week_view.c - drawing the week. */
#include "week_view.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "buf.h"
#include "draw.h"
#include "duration.h"
#include "focus.h"
#include "modal.h"
#include "overlap.h"
#include "sync_status.h"

static const char question[] = "Will this help me make my sales quota?";

static attr_t role(const struct tui *ui, enum theme_role r)
{
	return colors_role(&ui->colors, r);
}

static const char *industry_name(const struct tui *ui, int id)
{
	const struct industry *ind = plan_industry_by_id(tui_plan(ui), id);

	return ind != NULL ? ind->name : NULL;
}

static int industry_color(const struct tui *ui, int id)
{
	const struct industry *ind = plan_industry_by_id(tui_plan(ui), id);

	return ind != NULL ? ind->color : 0;
}

/* ---- the top line ---- */

/* The last calendar sync, at the right of the top line, as room allows. */
static void draw_sync(struct tui *ui, int x, int end)
{
	char text[256];
	int n;

	sync_status_text(ui, text, sizeof text);
	n = text_width(text, ui->mode);
	if (n > end - x - 1) {
		/* When it ran, without what it did; else nothing. */
		char *cut = strstr(text, ": ");

		if (cut == NULL)
			cut = strstr(text, " (");
		if (cut != NULL)
			*cut = '\0';
		n = text_width(text, ui->mode);
	}
	if (text[0] == '\0' || n > end - x - 1)
		return;
	draw_text(0, end - 1 - n, n, text,
		  role(ui, ui->sync.problems > 0 ? ROLE_WARNING : ROLE_HEADER), ui->mode);
}

static void draw_top(struct tui *ui)
{
	char label[DATE_WEEK_LABEL_MAX];
	const char *why;
	int x = 0, w = COLS;
	bool ro = app_readonly(ui->app, &why) || ui->week_error[0];

	draw_fill(0, 0, COLS, role(ui, ROLE_HEADER));
	date_week_label(tui_week_key(ui), ui->mode == TEXT_UTF8, label);
	if (ro)
		w -= 12;
	/* The question always shows; the week label as room allows. */
	if (w >= (int)strlen(label) + 4 + (int)sizeof question) {
		x = 1 + draw_text(0, 1, w - 1, label, role(ui, ROLE_HEADER), ui->mode) + 1;
		x += draw_text(0, x, w - x, ui->g->dot, role(ui, ROLE_HEADER), ui->mode) + 1;
	} else if (w >= 10 + (int)sizeof question) {
		char shortl[9];

		date_week_format(tui_week_key(ui), shortl);
		x = 1 + draw_text(0, 1, 8, shortl + 5, role(ui, ROLE_HEADER), ui->mode) + 1;
	}
	x += draw_text(0, x, w - x, question, role(ui, ROLE_QUESTION), ui->mode);
	draw_sync(ui, x + 2, w);
	if (ro)
		draw_text(0, COLS - 11, 11, "[read-only]", role(ui, ROLE_WARNING), ui->mode);
}

/* ---- the day headers ---- */

static void day_label(const struct tui *ui, date_t day, char *out, size_t size)
{
	int y, m, d, wd = date_weekday(day);
	char s[DATE_SHORT_MAX];

	date_to_ymd(day, &y, &m, &d);
	switch (ui->layout.header) {
	case HEADER_LONG:
		date_format_short(day, s);
		snprintf(out, size, "%s", s);
		break;
	case HEADER_MEDIUM:
		snprintf(out, size, "%s %d", date_weekday_abbr(wd), d);
		break;
	case HEADER_SHORT:
		snprintf(out, size, "%.2s%d", date_weekday_abbr(wd), d);
		break;
	default:
		snprintf(out, size, "%.1s", date_weekday_abbr(wd));
	}
}

/* One niche (or "no niche") in `w` columns, in the industry's colour. */
static void draw_niche(struct tui *ui, int y, int x, int w, int id, const char *prefix)
{
	char text[96];
	const char *name = industry_name(ui, id);

	if (w <= 0)
		return;
	if (name == NULL) {
		snprintf(text, sizeof text, "%sno niche", prefix);
		draw_pad(y, x, w, text, role(ui, ROLE_GRID), ui->mode);
		return;
	}
	if (!ui->colors.color)
		snprintf(text, sizeof text, "%s%c:%s", prefix,
			 theme_industry_letter(industry_color(ui, id)), name);
	else
		snprintf(text, sizeof text, "%s%s", prefix, name);
	draw_pad(y, x, w, text, colors_industry(&ui->colors, industry_color(ui, id)), ui->mode);
}

/* Does a niche's name (or "no niche") fit in w columns? */
static bool niche_fits(const struct tui *ui, int id, int w)
{
	const char *name = industry_name(ui, id);

	return text_width(name != NULL ? name : "no niche", ui->mode) + (ui->colors.color ? 0 : 2) <=
	       w;
}

/* All-day events of a day: "★ Trade fair; Holiday" in the banner role. */
static void draw_banners(struct tui *ui, int y, int x, int w, date_t day)
{
	struct buf t = BUF_INIT;

	for (size_t i = 0; i < week_banner_count(ui->week); i++) {
		const struct banner *b = week_banner_at(ui->week, i);

		if (b->date == day)
			buf_addf(&t, "%s%s%s", t.len ? "; " : ui->g->star, t.len ? "" : " ", b->title);
	}
	if (t.len)
		draw_pad(y, x, w, buf_str(&t), role(ui, ROLE_BANNER), ui->mode);
	buf_free(&t);
}

static void draw_headers(struct tui *ui)
{
	const struct layout *l = &ui->layout;

	for (int c = 0; c < l->ndays; c++) {
		date_t day = week_monday(ui->week) + l->day[c];
		int x = l->day_x[c], w = l->day_w[c] - 1;
		char text[32];
		bool today = day == ui->today;

		day_label(ui, day, text, sizeof text);
		draw_pad(l->head_row, x, w, text, role(ui, today ? ROLE_TODAY : ROLE_DAY), ui->mode);
		if (l->banner_row >= 0)
			draw_banners(ui, l->banner_row, x, w, day);
		if (!l->niche_row)
			continue;
		if (week_focus(ui->week) == FOCUS_DAY) {
			draw_niche(ui, l->head_row + 1, x, w, week_niche(ui->week, day, PART_DAY), "");
		} else {
			int half = w / 2, am = week_niche(ui->week, day, PART_AM);
			int pm = week_niche(ui->week, day, PART_PM);
			/* "AM " and "PM " only when the names fit beside them: the
			 * names matter more than the words. */
			bool words = niche_fits(ui, am, half - 3) && niche_fits(ui, pm, w - half - 4);

			draw_niche(ui, l->head_row + 1, x, half, am, words ? "AM " : "");
			draw_niche(ui, l->head_row + 1, x + half + 1, w - half - 1, pm,
				   words ? "PM " : "");
		}
	}
}

/* ---- the grid ---- */

/* The ruler's label of minute m: "08:00" or "08" (narrow), "8am" with
 * 12-hour times; a time within the hour only where the hour is not shown. */
static void ruler_label(const struct layout *l, int m, char t[16])
{
	int h = m / 60 % 24, h12 = h % 12 == 0 ? 12 : h % 12;

	if (date_style_is_clock12() && m % 60 == 0)
		snprintf(t, 16, "%d%s", h12, h < 12 ? "am" : "pm");
	else if (date_style_is_clock12())
		snprintf(t, 16, "%d:%02d", h12, m % 60);
	else
		snprintf(t, 16, l->ruler_w >= 6 ? "%02d:%02d" : "%02d", m / 60 % 100, m % 60);
}

static void draw_ruler(struct tui *ui)
{
	const struct layout *l = &ui->layout;
	const struct settings *s = plan_settings(tui_plan(ui));

	if (l->ruler_w == 0)
		return;
	for (int r = 0; r < l->visible_slots; r++) {
		int m = s->day_start + (ui->top + r) * s->slot;
		char t[16];

		if (m >= s->day_end)
			break;
		if (m % 60 == 0 || r == 0)
			ruler_label(l, m, t);
		else if (l->ruler_w >= 6)
			snprintf(t, sizeof t, "  :%02d", m % 60);
		else
			t[0] = '\0';
		draw_pad(layout_slot_y(l, r), 0, l->ruler_w, t, role(ui, ROLE_RULER), ui->mode);
	}
}

/* The attribute a block is drawn with. */
static attr_t block_attr(const struct tui *ui, const struct block *b, bool selected)
{
	attr_t at;

	if (b->kind == KIND_MEETING)
		at = role(ui, ROLE_BLOCK_MEETING);
	else if (b->kind == KIND_ACCOUNT)
		at = role(ui, ROLE_BLOCK_ACCOUNT);
	else if (b->industry)
		at = colors_industry(&ui->colors, industry_color(ui, b->industry));
	else
		at = role(ui, ROLE_BLOCK);
	if (b->status == STATUS_SKIPPED)
		at |= A_DIM;
	if (selected)
		at = (at ^ A_REVERSE) | A_BOLD;
	return at;
}

/* The lines a block shows, from the most to the least important. */
static int block_lines(const struct tui *ui, const struct block *b, char lines[4][160])
{
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX], marks[24] = "";
	const char *who = NULL;
	int n = 0;

	if (ui->timer_on && strcmp(b->id, ui->timer.block) == 0)
		snprintf(marks, sizeof marks, "%s ", ui->g->play); /* the timer runs on it */
	else if (b->status == STATUS_DONE)
		snprintf(marks, sizeof marks, "%s ", ui->g->done);
	else if (b->status == STATUS_SKIPPED)
		snprintf(marks, sizeof marks, "%s ", ui->g->skipped);
	/* A meeting lies over it, or an all-day event takes its day. */
	if (overlap_meetings(ui->week, b, NULL) > 0 || overlap_banner(ui->week, b) != NULL)
		snprintf(marks + strlen(marks), sizeof marks - strlen(marks), "%s ", ui->g->warn);
	if (!ui->colors.color && b->industry)
		snprintf(marks + strlen(marks), sizeof marks - strlen(marks), "%c:",
			 theme_industry_letter(industry_color(ui, b->industry)));
	snprintf(lines[n++], 160, "%s%s", marks,
		 b->title[0] ? b->title : model_kind_name(b->kind));
	if (b->kind == KIND_ACCOUNT && b->account && plan_account_by_id(tui_plan(ui), b->account))
		who = plan_account_by_id(tui_plan(ui), b->account)->name;
	else if (b->industry)
		who = industry_name(ui, b->industry);
	if (who != NULL)
		snprintf(lines[n++], 160, "%s %s %s", model_kind_name(b->kind), ui->g->dot, who);
	else
		snprintf(lines[n++], 160, "%s", model_kind_name(b->kind));
	date_time_show(b->start, s);
	date_time_show(b->end, e);
	snprintf(lines[n++], 160, "%s%s%s", s, ui->g->dash, e);
	if (b->out.calls || b->out.conversations || b->out.meetings)
		snprintf(lines[n++], 160, "%lldc %lldv %lldm", (long long)b->out.calls,
			 (long long)b->out.conversations, (long long)b->out.meetings);
	return n;
}

/*
 * Where a block goes across its column: the whole width, or the left or the
 * right half when it shares time with another (a real meeting over a planned
 * block: the planned block left, the meeting right; two meetings: the
 * earlier left).
 */
enum lane { LANE_FULL, LANE_LEFT, LANE_RIGHT };

static enum lane block_lane(const struct week *w, const struct block *b)
{
	enum lane lane = LANE_FULL;

	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *o = week_block_at(w, i);

		if (o == b || o->date != b->date || o->start >= b->end || b->start >= o->end)
			continue;
		if (b->kind != KIND_MEETING)
			return LANE_LEFT;
		if (o->kind != KIND_MEETING || o->start < b->start ||
		    (o->start == b->start && strcmp(o->id, b->id) < 0))
			return LANE_RIGHT;
		lane = LANE_LEFT;
	}
	return lane;
}

static void draw_block(struct tui *ui, int col, const struct block *b, bool selected)
{
	const struct layout *l = &ui->layout;
	const struct settings *s = plan_settings(tui_plan(ui));
	int first = (b->start - s->day_start) / s->slot;
	int last = (b->end - s->day_start + s->slot - 1) / s->slot; /* exclusive */
	int x = l->day_x[col], w = l->day_w[col] - 1;
	enum lane lane = block_lane(ui->week, b);

	if (lane != LANE_FULL && w >= 6) {
		int half = w / 2;

		if (lane == LANE_RIGHT)
			x += half;
		w = lane == LANE_RIGHT ? w - half : half - 1;
	}
	attr_t at = block_attr(ui, b, selected);
	char lines[4][160];
	int n = block_lines(ui, b, lines), line = 0;

	if (first < ui->top)
		first = ui->top;
	if (last > ui->top + l->visible_slots)
		last = ui->top + l->visible_slots;
	for (int y = layout_slot_y(l, first - ui->top); y < layout_slot_y(l, last - ui->top);
	     y++, line++) {
		if (line < n)
			draw_pad(y, x, w, lines[line], at, ui->mode);
		else
			draw_fill(y, x, w, at);
	}
	if (first < last && !b->for_quota && w > 2) {
		/* "Not for quota" stands out at the block's top right. */
		int y = layout_slot_y(l, first - ui->top);

		draw_text(y, x + w - 1, 1, ui->g->notquota, role(ui, ROLE_NOT_QUOTA) | A_REVERSE,
			  ui->mode);
	}
}

/* The blocks of `day` wholly before the day's hours (or, below, wholly
 * after them), which the grid cannot show: how many, and the first (the
 * latest before, the earliest after: the nearest to the hours). */
static size_t outside_hours(const struct tui *ui, date_t day, bool below,
			    const struct block **near)
{
	const struct settings *s = plan_settings(tui_plan(ui));
	size_t n = 0;

	*near = NULL;
	for (size_t i = 0; i < week_block_count(ui->week); i++) {
		const struct block *b = week_block_at(ui->week, i);

		if (b->date != day || (below ? b->start < s->day_end : b->end > s->day_start))
			continue;
		/* In start order: after the hours the first is nearest; before
		 * them, the one ending last. */
		if (*near == NULL || (!below && b->end >= (*near)->end))
			*near = b;
		n++;
	}
	return n;
}

/* "▲07:00" on the column's first row shown, "▼18:00" on its last: something
 * lies outside the hours (the details line names it). */
static void draw_outside(struct tui *ui, int col, date_t day, int last_row)
{
	const struct layout *l = &ui->layout;
	const struct block *b;
	int w = l->day_w[col] - 1;
	char mark[24], t[DATE_TIME_SHOW_MAX];

	for (int below = 0; below < 2; below++) {
		if (outside_hours(ui, day, below, &b) == 0 || w < 2)
			continue;
		date_time_show(below ? b->start : b->end, t);
		snprintf(mark, sizeof mark, "%s%s", below ? ui->g->down : ui->g->up,
			 w >= 12 ? t : "");
		draw_text(layout_slot_y(l, below ? last_row : 0),
			  l->day_x[col] + w - text_width(mark, ui->mode), w, mark,
			  role(ui, ROLE_BLOCK_MEETING), ui->mode);
	}
}

static void draw_column(struct tui *ui, int col)
{
	const struct layout *l = &ui->layout;
	const struct settings *s = plan_settings(tui_plan(ui));
	date_t day = week_monday(ui->week) + l->day[col];
	const struct block *sel = l->day[col] == ui->day ? cursor_block(ui) : NULL;
	int slots = cursor_slots(ui);

	for (int r = 0; r < l->visible_slots && ui->top + r < slots; r++) {
		int m = s->day_start + (ui->top + r) * s->slot;
		int y = layout_slot_y(l, r);

		if (l->day[col] == ui->day && ui->top + r == ui->slot && sel == NULL) {
			for (int k = y; k < layout_slot_y(l, r + 1); k++)
				draw_fill(k, l->day_x[col], l->day_w[col] - 1, role(ui, ROLE_CURSOR));
		} else if (m % 60 == 0 && l->day_w[col] > 3) {
			draw_text(y, l->day_x[col], 1, ui->g->dot, role(ui, ROLE_GRID), ui->mode);
		}
	}
	/* Planned blocks first, real meetings over them. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < week_block_count(ui->week); i++) {
			const struct block *b = week_block_at(ui->week, i);

			if (b->date == day && (b->kind == KIND_MEETING) == (pass == 1))
				draw_block(ui, col, b, b == sel);
		}
	draw_outside(ui, col, day,
		     (slots - ui->top < l->visible_slots ? slots - ui->top : l->visible_slots) - 1);
}

static void draw_now(struct tui *ui)
{
	const struct layout *l = &ui->layout;
	const struct settings *s = plan_settings(tui_plan(ui));
	int col = layout_column(l, ui->today - week_monday(ui->week));
	int row;

	if (ui->today < week_monday(ui->week) || ui->today > week_monday(ui->week) + 6 || col < 0 ||
	    ui->now_minute < s->day_start || ui->now_minute >= s->day_end)
		return;
	row = (ui->now_minute - s->day_start) / s->slot - ui->top;
	if (row < 0 || row >= l->visible_slots)
		return;
	/* Within a tall slot, the marker moves down with the minutes. */
	row = layout_slot_y(l, row) + (ui->now_minute - s->day_start) % s->slot *
					      (layout_slot_y(l, row + 1) - layout_slot_y(l, row)) /
					      s->slot;
	if (l->ruler_w >= 6) {
		char now[16];

		if (date_style_is_clock12())
			snprintf(now, sizeof now, "%d:%02d", ui->now_minute / 60 % 12 == 0
				 ? 12 : ui->now_minute / 60 % 12, ui->now_minute % 60);
		else
			date_time_format(ui->now_minute, now);
		draw_pad(row, 0, l->ruler_w, now, role(ui, ROLE_NOW) | A_REVERSE, ui->mode);
	}
	draw_text(row, l->day_x[col] + l->day_w[col] - 1, 1,
		  ui->g->now, role(ui, ROLE_NOW), ui->mode);
}

/* ---- details and the bottom line ---- */

/* "⚠ overlaps "Standup" 09:00–09:15 (o moves or shortens it)". */
static void details_overlap(const struct tui *ui, struct buf *t, const struct block *b)
{
	const struct block *m;
	size_t n = overlap_meetings(ui->week, b, &m);
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

	if (n == 0)
		return;
	date_time_show(m->start, s);
	date_time_show(m->end, e);
	buf_addf(t, " %s %s overlaps \"%s\" %s%s%s", ui->g->dot, ui->g->warn, m->title, s,
		 ui->g->dash, e);
	if (n > 1)
		buf_addf(t, " and %zu more", n - 1);
	buf_adds(t, " (o moves or shortens it)");
}

/* " · ⚠ all day: "Trade fair"": the day is taken while the block plans work. */
static void details_all_day(const struct tui *ui, struct buf *t, const struct block *b)
{
	const struct banner *bn = overlap_banner(ui->week, b);

	if (bn != NULL)
		buf_addf(t, " %s %s all day: \"%s\"", ui->g->dot, ui->g->warn, bn->title);
}

/* " (cut short, 1h05 worked) · 3 calls, 1 conv, 0 mtg, 900 sold". */
static void details_done(const struct tui *ui, struct buf *t, const struct block *b)
{
	int64_t sold = week_block_sold(ui->week, b->id);
	char worked[DURATION_TEXT];

	if (b->worked > 0) {
		duration_format(b->worked, worked);
		buf_addf(t, " (%s%s worked)", b->cut_short ? "cut short, " : "", worked);
	} else if (b->cut_short) {
		buf_adds(t, " (cut short)");
	}
	if (b->out.calls || b->out.conversations || b->out.meetings || sold)
		buf_addf(t, " %s %lld %s, %lld conv, %lld mtg, %lld sold", ui->g->dot,
			 (long long)b->out.calls, text_noun(b->out.calls, "call", "calls"),
			 (long long)b->out.conversations,
			 (long long)b->out.meetings, (long long)sold);
}

/* On the first row shown (or the last), what lies before (after) the
 * day's hours: " · ▼ after the hours: 18:00–18:30 "Call with Bob"". */
static void details_outside(const struct tui *ui, struct buf *t)
{
	int last = cursor_slots(ui) - 1;
	bool first_row = ui->slot == ui->top || ui->slot == 0;
	bool last_row = ui->slot == last || ui->slot == ui->top + ui->layout.visible_slots - 1;
	const struct block *b;
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

	for (int below = 0; below < 2; below++) {
		size_t n;

		if (!(below ? last_row : first_row) ||
		    (n = outside_hours(ui, cursor_date(ui), below, &b)) == 0)
			continue;
		date_time_show(b->start, s);
		date_time_show(b->end, e);
		buf_addf(t, " %s %s %s the hours: %s%s%s \"%s\"", ui->g->dot,
			 below ? ui->g->down : ui->g->up, below ? "after" : "before", s, ui->g->dash,
			 e, b->title);
		if (n > 1)
			buf_addf(t, " and %zu more", n - 1);
	}
}

static void draw_details(struct tui *ui)
{
	const struct block *b = cursor_block(ui);
	struct buf t = BUF_INIT;
	char when[16], s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];
	int row = ui->layout.detail_row;

	if (row < 0)
		return;
	date_format_short(cursor_date(ui), when);
	if (ui->week_error[0]) {
		draw_pad(row, 0, COLS, ui->week_error, role(ui, ROLE_ERROR), ui->mode);
		return;
	}
	if (b == NULL) {
		int niche = week_niche_at(ui->week, cursor_date(ui), cursor_minute(ui));

		date_time_show(cursor_minute(ui), s);
		buf_addf(&t, "%s %s %s free %s niche %s", when, s, ui->g->dot, ui->g->dot,
			 industry_name(ui, niche) ? industry_name(ui, niche) : "none");
		details_outside(ui, &t); /* before the hint: it may not fit */
		buf_addf(&t, " %s a adds a block", ui->g->dot);
	} else {
		date_time_show(b->start, s);
		date_time_show(b->end, e);
		buf_addf(&t, "%s %s%s%s", when, s, ui->g->dash, e);
		details_overlap(ui, &t, b); /* first: it asks for something */
		details_all_day(ui, &t, b);
		buf_addf(&t, " %s %s", ui->g->dot, model_kind_name(b->kind));
		if (b->industry)
			buf_addf(&t, " %s %s", ui->g->dot, industry_name(ui, b->industry));
		if (b->account && plan_account_by_id(tui_plan(ui), b->account))
			buf_addf(&t, " %s %s", ui->g->dot,
				 plan_account_by_id(tui_plan(ui), b->account)->name);
		buf_addf(&t, " %s for quota: %s %s %s", ui->g->dot, b->for_quota ? "yes" : "NO",
			 ui->g->dot, model_status_name(b->status));
		details_done(ui, &t, b);
		details_outside(ui, &t);
		if (b->note[0])
			buf_addf(&t, " %s %s", ui->g->dot, b->note);
	}
	draw_pad(row, 0, COLS, buf_str(&t), role(ui, ROLE_NORMAL), ui->mode);
	buf_free(&t);
}

/* The week (or help over it) keeps the running timer in its bottom line. */
static bool status_shows_timer(const struct tui *ui)
{
	return ui->context == CTX_WEEK || (ui->context == CTX_HELP && ui->help_return == CTX_WEEK);
}

void week_view_status(struct tui *ui, int row)
{
	int x = 0, end = COLS;

	draw_fill(row, 0, COLS, role(ui, ROLE_STATUS));
	if (status_shows_timer(ui)) {
		/* A message leaves the timer less room than the hints do. */
		int w = focus_compact_draw(ui, row, ui->message[0] ? COLS / 3 : COLS * 3 / 5);

		end -= w > 0 ? w + 1 : 0;
	}
	if (app_unsaved_count(ui->app) > 0)
		x += draw_text(row, 0, end, "UNSAVED ", role(ui, ROLE_ERROR) | A_REVERSE, ui->mode) + 1;
	if (ui->message[0]) {
		draw_text(row, x, end - x, ui->message,
			  role(ui, ui->message_role == ROLE_STATUS ? ROLE_STATUS : ui->message_role),
			  ui->mode);
		return;
	}
	for (size_t t = 0; action_tables[t] != NULL && x < end; t++) {
		if (!(action_tables[t]->ctx & ui->context))
			continue;
		for (const struct action *act = action_tables[t]->actions; act->name; act++) {
			char keys[64];

			if (act->hint == NULL)
				continue;
			actions_keys_label(act, ui->mode, keys, sizeof keys);
			*strchrnul(keys, ' ') = '\0'; /* the first key is enough here */
			if (x + (int)strlen(keys) + (int)strlen(act->hint) + 2 > end)
				return;
			x += draw_text(row, x, end - x, keys, role(ui, ROLE_HINT_KEY), ui->mode) + 1;
			x += draw_text(row, x, end - x, act->hint, role(ui, ROLE_HINT), ui->mode) + 2;
		}
	}
}

static void draw_too_small(struct tui *ui)
{
	static const char *const msgs[] = {
		"Terminal too small: enlarge it to at least 20x6",
		"Too small: need 20x6", "Too small", "small", "!",
	};

	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
		if ((int)strlen(msgs[i]) <= COLS || i == 4) {
			draw_text(LINES / 2, 0, COLS, msgs[i], role(ui, ROLE_WARNING), ui->mode);
			return;
		}
	}
}

void week_view_draw(struct tui *ui)
{
	struct layout *l = &ui->layout;

	erase();
	layout_compute(l, LINES, COLS, cursor_days_mask(ui), ui->day, cursor_slots(ui),
		       week_banner_count(ui->week) > 0);
	if (l->too_small) {
		draw_too_small(ui);
		return;
	}
	cursor_clamp(ui);
	draw_top(ui);
	draw_headers(ui);
	draw_ruler(ui);
	for (int c = 0; c < l->ndays; c++)
		draw_column(ui, c);
	draw_now(ui);
	draw_details(ui);
	week_view_status(ui, l->status_row);
	modal_draw(ui);
}


bool week_view_hit(const struct tui *ui, int y, int x, int *day, int *slot)
{
	const struct layout *l = &ui->layout;

	if (l->too_small || layout_slot_at(l, y) < 0)
		return false;
	for (int c = 0; c < l->ndays; c++) {
		if (x >= l->day_x[c] && x < l->day_x[c] + l->day_w[c]) {
			*day = l->day[c];
			*slot = ui->top + layout_slot_at(l, y);
			return *slot < cursor_slots(ui);
		}
	}
	return false;
}

int week_view_next_tick_ms(const struct tui *ui)
{
	const struct settings *s = plan_settings(tui_plan(ui));
	date_t monday = week_monday(ui->week);
	instant_t next;
	int minute, second, m;
	date_t day;

	/* Only the week holding today (or tomorrow, for midnight) needs ticks. */
	if (ui->today + 1 < monday || ui->today > monday + 6)
		return -1;
	clock_to_local(ui->now, &day, &minute, &second);
	/* The next slot boundary, or midnight. */
	m = minute < s->day_start ? s->day_start
				 : minute >= s->day_end ? DATE_MINUTES_PER_DAY
							: minute - (minute - s->day_start) % s->slot + s->slot;
	next = (instant_t)(m - minute) * 60 - second;
	return next <= 0 ? 1000 : (int)(next * 1000 > 3600000 ? 3600000 : next * 1000);
}
