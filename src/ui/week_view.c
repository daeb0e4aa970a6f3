/* week_view.c - drawing the week. */
#include "week_view.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "buf.h"
#include "draw.h"
#include "focus.h"
#include "modal.h"
#include "store.h"

static const char question[] = "Will this help me make my sales quota?";

static attr_t role(const struct app *a, enum theme_role r)
{
	return colors_role(&a->colors, r);
}

static const char *industry_name(const struct app *a, int id)
{
	const struct industry *ind = plan_industry_by_id(a->boot.plan, id);

	return ind != NULL ? ind->name : NULL;
}

static int industry_color(const struct app *a, int id)
{
	const struct industry *ind = plan_industry_by_id(a->boot.plan, id);

	return ind != NULL ? ind->color : 0;
}

/* ---- the top line ---- */

static void draw_top(struct app *a)
{
	char label[48];
	const char *why;
	int x = 0, w = COLS;
	bool ro = store_readonly(a->boot.store, &why) || a->week_error[0];

	draw_fill(0, 0, COLS, role(a, ROLE_HEADER));
	date_week_label(app_week_key(a), a->mode == TEXT_UTF8, label);
	if (ro)
		w -= 12;
	/* The question always shows; the week label as room allows. */
	if (w >= (int)strlen(label) + 4 + (int)sizeof question) {
		x = 1 + draw_text(0, 1, w - 1, label, role(a, ROLE_HEADER), a->mode) + 1;
		x += draw_text(0, x, w - x, a->g->dot, role(a, ROLE_HEADER), a->mode) + 1;
	} else if (w >= 10 + (int)sizeof question) {
		char shortl[9];

		date_week_format(app_week_key(a), shortl);
		x = 1 + draw_text(0, 1, 8, shortl + 5, role(a, ROLE_HEADER), a->mode) + 1;
	}
	draw_text(0, x, w - x, question, role(a, ROLE_QUESTION), a->mode);
	if (ro)
		draw_text(0, COLS - 11, 11, "[read-only]", role(a, ROLE_WARNING), a->mode);
}

/* ---- the day headers ---- */

static void day_label(const struct app *a, date_t day, char *out, size_t size)
{
	int y, m, d, wd = date_weekday(day);

	date_to_ymd(day, &y, &m, &d);
	switch (a->layout.header) {
	case HEADER_LONG:
		snprintf(out, size, "%s %d %s", date_weekday_abbr(wd), d, date_month_abbr(m));
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
static void draw_niche(struct app *a, int y, int x, int w, int id, const char *prefix)
{
	char text[96];
	const char *name = industry_name(a, id);

	if (w <= 0)
		return;
	if (name == NULL) {
		snprintf(text, sizeof text, "%sno niche", prefix);
		draw_pad(y, x, w, text, role(a, ROLE_GRID), a->mode);
		return;
	}
	if (!a->colors.color)
		snprintf(text, sizeof text, "%s%c:%s", prefix,
			 theme_industry_letter(industry_color(a, id)), name);
	else
		snprintf(text, sizeof text, "%s%s", prefix, name);
	draw_pad(y, x, w, text, colors_industry(&a->colors, industry_color(a, id)), a->mode);
}

/* All-day events of a day: "★ Trade fair; Holiday" in the banner role. */
static void draw_banners(struct app *a, int y, int x, int w, date_t day)
{
	struct buf t = BUF_INIT;

	for (size_t i = 0; i < week_banner_count(a->week); i++) {
		const struct banner *b = week_banner_at(a->week, i);

		if (b->date == day)
			buf_addf(&t, "%s%s", t.len ? "; " : (a->mode == TEXT_UTF8 ? "\xe2\x98\x85 " : "* "),
				 b->title);
	}
	if (t.len)
		draw_pad(y, x, w, buf_str(&t), role(a, ROLE_BANNER), a->mode);
	buf_free(&t);
}

static void draw_headers(struct app *a)
{
	const struct layout *l = &a->layout;

	for (int c = 0; c < l->ndays; c++) {
		date_t day = week_monday(a->week) + l->day[c];
		int x = l->day_x[c], w = l->day_w[c] - 1;
		char text[32];
		bool today = day == a->today;

		day_label(a, day, text, sizeof text);
		draw_pad(l->head_row, x, w, text, role(a, today ? ROLE_TODAY : ROLE_DAY), a->mode);
		if (l->banner_row >= 0)
			draw_banners(a, l->banner_row, x, w, day);
		if (!l->niche_row)
			continue;
		if (week_focus(a->week) == FOCUS_DAY) {
			draw_niche(a, l->head_row + 1, x, w, week_niche(a->week, day, PART_DAY), "");
		} else {
			int half = w / 2;

			draw_niche(a, l->head_row + 1, x, half, week_niche(a->week, day, PART_AM),
				   w >= 14 ? "AM " : "");
			draw_niche(a, l->head_row + 1, x + half + 1, w - half - 1,
				   week_niche(a->week, day, PART_PM), w >= 14 ? "PM " : "");
		}
	}
}

/* ---- the grid ---- */

static void draw_ruler(struct app *a)
{
	const struct layout *l = &a->layout;
	const struct settings *s = plan_settings(a->boot.plan);

	if (l->ruler_w == 0)
		return;
	for (int r = 0; r < l->visible_slots; r++) {
		int m = s->day_start + (a->top + r) * s->slot;
		char t[16];

		if (m >= s->day_end)
			break;
		if (m % 60 == 0 || r == 0)
			snprintf(t, sizeof t, l->ruler_w >= 6 ? "%02d:%02d" : "%02d", m / 60 % 100,
				 m % 60);
		else if (l->ruler_w >= 6)
			snprintf(t, sizeof t, "  :%02d", m % 60);
		else
			t[0] = '\0';
		draw_pad(layout_slot_y(l, r), 0, l->ruler_w, t, role(a, ROLE_RULER), a->mode);
	}
}

/* The attribute a block is drawn with. */
static attr_t block_attr(const struct app *a, const struct block *b, bool selected)
{
	attr_t at;

	if (b->kind == KIND_MEETING)
		at = role(a, ROLE_BLOCK_MEETING);
	else if (b->kind == KIND_ACCOUNT)
		at = role(a, ROLE_BLOCK_ACCOUNT);
	else if (b->industry)
		at = colors_industry(&a->colors, industry_color(a, b->industry));
	else
		at = role(a, ROLE_BLOCK);
	if (b->status == STATUS_SKIPPED)
		at |= A_DIM;
	if (selected)
		at = (at ^ A_REVERSE) | A_BOLD;
	return at;
}

/* The lines a block shows, from the most to the least important. */
static int block_lines(const struct app *a, const struct block *b, char lines[4][160])
{
	char s[6], e[6], marks[24] = "";
	const char *who = NULL;
	int n = 0;

	if (a->timer_on && strcmp(b->id, a->timer.block) == 0)
		snprintf(marks, sizeof marks, "%s ", a->g->play); /* the timer runs on it */
	else if (b->status == STATUS_DONE)
		snprintf(marks, sizeof marks, "%s ", a->g->done);
	else if (b->status == STATUS_SKIPPED)
		snprintf(marks, sizeof marks, "%s ", a->g->skipped);
	if (!a->colors.color && b->industry)
		snprintf(marks + strlen(marks), sizeof marks - strlen(marks), "%c:",
			 theme_industry_letter(industry_color(a, b->industry)));
	snprintf(lines[n++], 160, "%s%s", marks,
		 b->title[0] ? b->title : model_kind_name(b->kind));
	if (b->kind == KIND_ACCOUNT && b->account && plan_account_by_id(a->boot.plan, b->account))
		who = plan_account_by_id(a->boot.plan, b->account)->name;
	else if (b->industry)
		who = industry_name(a, b->industry);
	if (who != NULL)
		snprintf(lines[n++], 160, "%s %s %s", model_kind_name(b->kind), a->g->dot, who);
	else
		snprintf(lines[n++], 160, "%s", model_kind_name(b->kind));
	date_time_format(b->start, s);
	date_time_format(b->end, e);
	snprintf(lines[n++], 160, "%s%s%s", s, a->g->dash, e);
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

static void draw_block(struct app *a, int col, const struct block *b, bool selected)
{
	const struct layout *l = &a->layout;
	const struct settings *s = plan_settings(a->boot.plan);
	int first = (b->start - s->day_start) / s->slot;
	int last = (b->end - s->day_start + s->slot - 1) / s->slot; /* exclusive */
	int x = l->day_x[col], w = l->day_w[col] - 1;
	enum lane lane = block_lane(a->week, b);

	if (lane != LANE_FULL && w >= 6) {
		int half = w / 2;

		if (lane == LANE_RIGHT)
			x += half;
		w = lane == LANE_RIGHT ? w - half : half - 1;
	}
	attr_t at = block_attr(a, b, selected);
	char lines[4][160];
	int n = block_lines(a, b, lines), line = 0;

	if (first < a->top)
		first = a->top;
	if (last > a->top + l->visible_slots)
		last = a->top + l->visible_slots;
	for (int y = layout_slot_y(l, first - a->top); y < layout_slot_y(l, last - a->top);
	     y++, line++) {
		if (line < n)
			draw_pad(y, x, w, lines[line], at, a->mode);
		else
			draw_fill(y, x, w, at);
	}
	if (first < last && !b->for_quota && w > 2) {
		/* "Not for quota" stands out at the block's top right. */
		int y = layout_slot_y(l, first - a->top);

		draw_text(y, x + w - 1, 1, a->g->notquota, role(a, ROLE_NOT_QUOTA) | A_REVERSE,
			  a->mode);
	}
}

static void draw_column(struct app *a, int col)
{
	const struct layout *l = &a->layout;
	const struct settings *s = plan_settings(a->boot.plan);
	date_t day = week_monday(a->week) + l->day[col];
	const struct block *sel = l->day[col] == a->day ? cursor_block(a) : NULL;
	int slots = cursor_slots(a);

	for (int r = 0; r < l->visible_slots && a->top + r < slots; r++) {
		int m = s->day_start + (a->top + r) * s->slot;
		int y = layout_slot_y(l, r);

		if (l->day[col] == a->day && a->top + r == a->slot && sel == NULL) {
			for (int k = y; k < layout_slot_y(l, r + 1); k++)
				draw_fill(k, l->day_x[col], l->day_w[col] - 1, role(a, ROLE_CURSOR));
		} else if (m % 60 == 0 && l->day_w[col] > 3) {
			draw_text(y, l->day_x[col], 1, a->g->dot, role(a, ROLE_GRID), a->mode);
		}
	}
	/* Planned blocks first, real meetings over them. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < week_block_count(a->week); i++) {
			const struct block *b = week_block_at(a->week, i);

			if (b->date == day && (b->kind == KIND_MEETING) == (pass == 1))
				draw_block(a, col, b, b == sel);
		}
}

static void draw_now(struct app *a)
{
	const struct layout *l = &a->layout;
	const struct settings *s = plan_settings(a->boot.plan);
	int col = layout_column(l, a->today - week_monday(a->week));
	int row;
	char t[8];

	if (a->today < week_monday(a->week) || a->today > week_monday(a->week) + 6 || col < 0 ||
	    a->now_minute < s->day_start || a->now_minute >= s->day_end)
		return;
	row = (a->now_minute - s->day_start) / s->slot - a->top;
	if (row < 0 || row >= l->visible_slots)
		return;
	/* Within a tall slot, the marker moves down with the minutes. */
	row = layout_slot_y(l, row) + (a->now_minute - s->day_start) % s->slot *
					      (layout_slot_y(l, row + 1) - layout_slot_y(l, row)) /
					      s->slot;
	if (l->ruler_w >= 6) {
		date_time_format(a->now_minute, t);
		draw_pad(row, 0, l->ruler_w, t, role(a, ROLE_NOW) | A_REVERSE, a->mode);
	}
	draw_text(row, l->day_x[col] + l->day_w[col] - 1, 1,
		  a->mode == TEXT_UTF8 ? "\xe2\x97\x80" : "<", role(a, ROLE_NOW), a->mode);
}

/* ---- details and the bottom line ---- */

static void draw_details(struct app *a)
{
	const struct block *b = cursor_block(a);
	struct buf t = BUF_INIT;
	char when[16], s[6], e[6];
	int row = a->layout.detail_row;

	if (row < 0)
		return;
	date_format_short(cursor_date(a), when);
	if (a->week_error[0]) {
		draw_pad(row, 0, COLS, a->week_error, role(a, ROLE_ERROR), a->mode);
		return;
	}
	if (b == NULL) {
		int niche = week_niche_at(a->week, cursor_date(a), cursor_minute(a));

		date_time_format(cursor_minute(a), s);
		buf_addf(&t, "%s %s %s free %s niche %s %s a adds a block", when, s, a->g->dot,
			 a->g->dot, industry_name(a, niche) ? industry_name(a, niche) : "none",
			 a->g->dot);
	} else {
		date_time_format(b->start, s);
		date_time_format(b->end, e);
		buf_addf(&t, "%s %s%s%s %s %s", when, s, a->g->dash, e, a->g->dot,
			 model_kind_name(b->kind));
		if (b->industry)
			buf_addf(&t, " %s %s", a->g->dot, industry_name(a, b->industry));
		if (b->account && plan_account_by_id(a->boot.plan, b->account))
			buf_addf(&t, " %s %s", a->g->dot,
				 plan_account_by_id(a->boot.plan, b->account)->name);
		buf_addf(&t, " %s for quota: %s %s %s", a->g->dot, b->for_quota ? "yes" : "NO",
			 a->g->dot, model_status_name(b->status));
		if (b->cut_short)
			buf_adds(&t, " (cut short)");
		if (b->out.calls || b->out.conversations || b->out.meetings || b->out.revenue)
			buf_addf(&t, " %s %lld calls, %lld conv, %lld mtg, %lld sold", a->g->dot,
				 (long long)b->out.calls, (long long)b->out.conversations,
				 (long long)b->out.meetings, (long long)b->out.revenue);
		if (b->note[0])
			buf_addf(&t, " %s %s", a->g->dot, b->note);
	}
	draw_pad(row, 0, COLS, buf_str(&t), role(a, ROLE_NORMAL), a->mode);
	buf_free(&t);
}

/* The week (or help over it) keeps the running timer in its bottom line. */
static bool status_shows_timer(const struct app *a)
{
	return a->context == CTX_WEEK || (a->context == CTX_HELP && a->help_return == CTX_WEEK);
}

void week_view_status(struct app *a, int row)
{
	int x = 0, end = COLS;

	draw_fill(row, 0, COLS, role(a, ROLE_STATUS));
	if (status_shows_timer(a)) {
		/* A message leaves the timer less room than the hints do. */
		int w = focus_compact_draw(a, row, a->message[0] ? COLS / 3 : COLS * 3 / 5);

		end -= w > 0 ? w + 1 : 0;
	}
	if (a->n_unsaved > 0)
		x += draw_text(row, 0, end, "UNSAVED ", role(a, ROLE_ERROR) | A_REVERSE, a->mode) + 1;
	if (a->message[0]) {
		draw_text(row, x, end - x, a->message,
			  role(a, a->message_role == ROLE_STATUS ? ROLE_STATUS : a->message_role),
			  a->mode);
		return;
	}
	for (size_t t = 0; action_tables[t] != NULL && x < end; t++) {
		if (!(action_tables[t]->ctx & a->context))
			continue;
		for (const struct action *act = action_tables[t]->actions; act->name; act++) {
			char keys[64];

			if (act->hint == NULL)
				continue;
			actions_keys_label(act, a->mode, keys, sizeof keys);
			*strchrnul(keys, ' ') = '\0'; /* the first key is enough here */
			if (x + (int)strlen(keys) + (int)strlen(act->hint) + 2 > end)
				return;
			x += draw_text(row, x, end - x, keys, role(a, ROLE_HINT_KEY), a->mode) + 1;
			x += draw_text(row, x, end - x, act->hint, role(a, ROLE_HINT), a->mode) + 2;
		}
	}
}

static void draw_too_small(struct app *a)
{
	static const char *const msgs[] = {
		"Terminal too small: enlarge it to at least 20x6",
		"Too small: need 20x6", "Too small", "small", "!",
	};

	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
		if ((int)strlen(msgs[i]) <= COLS || i == 4) {
			draw_text(LINES / 2, 0, COLS, msgs[i], role(a, ROLE_WARNING), a->mode);
			return;
		}
	}
}

void week_view_draw(struct app *a)
{
	struct layout *l = &a->layout;

	erase();
	layout_compute(l, LINES, COLS, cursor_days_mask(a), a->day, cursor_slots(a),
		       week_banner_count(a->week) > 0);
	if (l->too_small) {
		draw_too_small(a);
		return;
	}
	cursor_clamp(a);
	draw_top(a);
	draw_headers(a);
	draw_ruler(a);
	for (int c = 0; c < l->ndays; c++)
		draw_column(a, c);
	draw_now(a);
	draw_details(a);
	week_view_status(a, l->status_row);
	modal_draw(a);
}


bool week_view_hit(const struct app *a, int y, int x, int *day, int *slot)
{
	const struct layout *l = &a->layout;

	if (l->too_small || layout_slot_at(l, y) < 0)
		return false;
	for (int c = 0; c < l->ndays; c++) {
		if (x >= l->day_x[c] && x < l->day_x[c] + l->day_w[c]) {
			*day = l->day[c];
			*slot = a->top + layout_slot_at(l, y);
			return *slot < cursor_slots(a);
		}
	}
	return false;
}

int week_view_next_tick_ms(const struct app *a)
{
	const struct settings *s = plan_settings(a->boot.plan);
	date_t monday = week_monday(a->week);
	instant_t next;
	int minute, second, m;
	date_t day;

	/* Only the week holding today (or tomorrow, for midnight) needs ticks. */
	if (a->today + 1 < monday || a->today > monday + 6)
		return -1;
	clock_to_local(a->now, &day, &minute, &second);
	/* The next slot boundary, or midnight. */
	m = minute < s->day_start ? s->day_start
				 : minute >= s->day_end ? DATE_MINUTES_PER_DAY
							: minute - (minute - s->day_start) % s->slot + s->slot;
	next = (instant_t)(m - minute) * 60 - second;
	return next <= 0 ? 1000 : (int)(next * 1000 > 3600000 ? 3600000 : next * 1000);
}
