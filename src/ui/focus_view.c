/* focus_view.c - drawing the focus screen, and the week's compact timer. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "duration.h"
#include "draw.h"
#include "focus.h"
#include "focus_layout.h"
#include "modal.h"
#include "week_view.h"

#define SECONDS_HALF_MINUTE 30

static const char question[] = "Will this help me make my sales quota?";

static attr_t role(const struct tui *ui, enum theme_role r)
{
	return colors_role(&ui->colors, r);
}

/* ---- big digits: a 3x5 font, each cell two columns wide ---- */

static const struct {
	char c;
	const char *rows[FOCUS_BIG_ROWS];
} font[] = {
	{ '0', { "###", "# #", "# #", "# #", "###" } },
	{ '1', { " # ", "## ", " # ", " # ", "###" } },
	{ '2', { "###", "  #", "###", "#  ", "###" } },
	{ '3', { "###", "  #", "###", "  #", "###" } },
	{ '4', { "# #", "# #", "###", "  #", "  #" } },
	{ '5', { "###", "#  ", "###", "  #", "###" } },
	{ '6', { "###", "#  ", "###", "# #", "###" } },
	{ '7', { "###", "  #", "  #", "  #", "  #" } },
	{ '8', { "###", "# #", "###", "# #", "###" } },
	{ '9', { "###", "# #", "###", "  #", "###" } },
	{ ':', { " ", "#", " ", "#", " " } },
	{ '+', { "   ", " # ", "###", " # ", "   " } },
};

static int font_index(char c)
{
	for (size_t i = 0; i < sizeof font / sizeof font[0]; i++)
		if (font[i].c == c)
			return (int)i;
	return -1;
}

int focus_big_width(const char *s)
{
	int w = 0;

	for (; *s; s++) {
		int i = font_index(*s);

		if (i >= 0)
			w += (w > 0) + 2 * (int)strlen(font[i].rows[0]);
	}
	return w;
}

/* Draws s in big digits centred on rows y.. in the given look: the whole
 * rectangle takes the look, so a role with a background shows as a panel. */
static void draw_big(struct tui *ui, int y, const char *s, attr_t at)
{
	int w = focus_big_width(s);
	struct buf line = BUF_INIT;

	for (int r = 0; r < FOCUS_BIG_ROWS; r++) {
		buf_reset(&line);
		for (const char *p = s; *p; p++) {
			int i = font_index(*p);

			if (i < 0)
				continue;
			if (p != s)
				buf_addc(&line, ' ');
			for (const char *c = font[i].rows[r]; *c; c++)
				buf_repeat(&line, *c == '#' ? ui->g->bar_full : " ", 2);
		}
		draw_pad(y + r, (COLS - w) / 2, w, buf_str(&line), at, ui->mode);
	}
	buf_free(&line);
}

/* ---- the parts ---- */

/* The countdown's text: "12:34", "1:02:03" or "+03:10". */
static void countdown_text(const struct timer_view *v, char out[40])
{
	char d[32];

	timer_format_duration(v->remaining, d);
	snprintf(out, 40, "%s%s", v->remaining < 0 ? "+" : "", d);
}

static attr_t countdown_attr(const struct tui *ui, const struct timer_view *v)
{
	if (v->remaining <= 0)
		return role(ui, ROLE_OVERTIME);
	return role(ui, v->is_paused || v->clock_back ? ROLE_PAUSED : ROLE_TIMER);
}

static void draw_header(struct tui *ui, int row)
{
	char day[16], now[DATE_TIME_SHOW_MAX], right[40];

	date_format_short(ui->today, day);
	date_time_show(ui->now_minute, now);
	snprintf(right, sizeof right, "%s %s ", day, now);
	draw_fill(row, 0, COLS, role(ui, ROLE_HEADER));
	draw_text(row, 1, COLS - 1, "Focus", role(ui, ROLE_HEADER), ui->mode);
	if (COLS > text_width(right, ui->mode) + 8)
		draw_text(row, COLS - text_width(right, ui->mode), COLS, right, role(ui, ROLE_HEADER),
			  ui->mode);
}

/* The industry (or, without one, the kind) in capitals, letter-spaced when
 * there is room. */
static void industry_text(const struct tui *ui, int cols, struct buf *out)
{
	const char *name = ui->timer.industry[0] ? ui->timer.industry
						: model_kind_name(ui->timer.kind);
	struct buf up = BUF_INIT;

	for (const char *p = name; *p; p++)
		buf_addc(&up, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
	if (2 * text_width(buf_str(&up), ui->mode) + 3 <= cols) {
		const char *s = buf_str(&up);

		while (*s) {
			uint32_t cp;
			size_t n = text_decode(s, strlen(s), &cp);

			if (out->len)
				buf_addc(out, ' ');
			buf_add(out, s, n);
			s += n;
		}
	} else {
		buf_adds(out, buf_str(&up));
	}
	buf_free(&up);
}

static void draw_industry(struct tui *ui, const struct focus_layout *l)
{
	attr_t at = colors_industry(&ui->colors, ui->timer.industry[0] ? ui->timer.color : 0) | A_BOLD;
	int y = l->row[FOCUS_INDUSTRY];
	struct buf t = BUF_INIT, padded = BUF_INIT;

	industry_text(ui, COLS, &t);
	if (l->band) {
		/* A band across the screen, the name in its middle row. */
		for (int r = 0; r < FOCUS_BAND_ROWS; r++)
			draw_fill(y + r, 0, COLS, at);
		draw_center(y + 1, 0, COLS, buf_str(&t), at, ui->mode);
	} else {
		buf_addf(&padded, " %s ", buf_str(&t));
		draw_center(y, 0, COLS, buf_str(&padded), at, ui->mode);
	}
	buf_free(&padded);
	buf_free(&t);
}

static void draw_title(struct tui *ui, int row)
{
	struct buf t = BUF_INIT;

	if (ui->timer.title[0])
		buf_addf(&t, "%s %s ", ui->timer.title, ui->g->dot);
	buf_adds(&t, model_kind_name(ui->timer.kind));
	draw_center(row, 0, COLS, buf_str(&t), role(ui, ROLE_TITLE), ui->mode);
	buf_free(&t);
}

static void draw_countdown(struct tui *ui, const struct focus_layout *l,
			   const struct timer_view *v)
{
	char text[40];
	struct buf t = BUF_INIT;

	countdown_text(v, text);
	if (l->big_digits) {
		draw_big(ui, l->row[FOCUS_COUNTDOWN], text, countdown_attr(ui, v));
		return;
	}
	/* Narrow: the digits alone. */
	buf_addf(&t, "%s %s %s", v->is_paused ? ui->g->pause : ui->g->play, text,
		 v->remaining < 0 ? "over" : "left");
	if (text_width(buf_str(&t), ui->mode) > COLS) {
		buf_reset(&t);
		buf_adds(&t, text);
	}
	draw_center(l->row[FOCUS_COUNTDOWN], 0, COLS, buf_str(&t), countdown_attr(ui, v) | A_BOLD,
		    ui->mode);
	buf_free(&t);
}

/* Running, paused, time up or clock moved back, in words; with the big
 * digits, the countdown in words too. */
static void draw_state(struct tui *ui, const struct focus_layout *l, const struct timer_view *v)
{
	char left[DURATION_TEXT], worked[DURATION_TEXT], budget[DURATION_TEXT];
	char paused[DURATION_TEXT];
	struct buf t = BUF_INIT;
	enum theme_role r = ROLE_TIMER;

	if (v->remaining < 0)
		duration_format_secs(v->overtime, left);
	else
		duration_format_secs_up(v->remaining, left);
	duration_format_secs(v->elapsed, worked);
	/* A timer started mid-block plans to the second: to the nearest minute. */
	duration_format_secs(v->budget + SECONDS_HALF_MINUTE, budget);
	duration_format_secs(v->is_paused ? v->at - ui->timer.paused_at : 0, paused);
	/* In its first minute overtime is "time is up", said below. */
	bool just_up = v->remaining > -SECONDS_PER_MINUTE && v->remaining <= 0;

	if (l->big_digits && !just_up)
		buf_addf(&t, "%s%s %s %s ", v->remaining < 0 ? "+" : "", left,
			 v->remaining < 0 ? "over" : "left", ui->g->dot);
	if (v->clock_back) {
		buf_adds(&t, "clock moved back: held at the last change");
		r = ROLE_WARNING;
	} else if (v->is_paused) {
		buf_addf(&t, "%s paused for %s", ui->g->pause, paused);
		r = ROLE_PAUSED;
	} else if (v->remaining <= 0) {
		buf_adds(&t, "time is up");
		r = ROLE_OVERTIME;
	} else {
		buf_addf(&t, "%s running", ui->g->play);
	}
	buf_addf(&t, " %s %s worked of %s", ui->g->dot, worked, budget);
	draw_center(l->row[FOCUS_STATE], 0, COLS, buf_str(&t), role(ui, r), ui->mode);
	buf_free(&t);
}

static void draw_bar(struct tui *ui, int row, const struct timer_view *v)
{
	int w = COLS - 8 > 60 ? 60 : COLS - 8, full, x;
	char pct[8];
	/* The glyphs carry the look: a reverse role would hide them. */
	attr_t at = role(ui, v->remaining <= 0 ? ROLE_OVERTIME : ROLE_BAR) & ~A_REVERSE;
	struct buf b = BUF_INIT;

	snprintf(pct, sizeof pct, " %3d%%", (int)(v->progress * 100.0 + 0.5));
	if (w < 4) {
		draw_center(row, 0, COLS, pct + 1, at, ui->mode);
		return;
	}
	full = (int)(v->progress * w + 0.5);
	x = (COLS - w - (int)strlen(pct)) / 2;
	buf_repeat(&b, ui->g->bar_full, full);
	x += draw_text(row, x, full, buf_str(&b), at, ui->mode);
	buf_reset(&b);
	buf_repeat(&b, ui->g->bar_empty, w - full);
	x += draw_text(row, x, w - full, buf_str(&b), at | A_DIM, ui->mode);
	draw_text(row, x, COLS - x, pct, role(ui, ROLE_NORMAL), ui->mode);
	buf_free(&b);
}

static void draw_end(struct tui *ui, int row, const struct timer_view *v)
{
	char hhmm[DATE_TIME_SHOW_MAX], ext[DURATION_TEXT];
	int minute;
	struct buf t = BUF_INIT;

	clock_to_local(v->planned_end, NULL, &minute, NULL);
	date_time_show(minute, hhmm);
	buf_addf(&t, "planned end %s", hhmm);
	if (v->is_paused)
		buf_adds(&t, " if resumed now");
	if (ui->timer.extended > 0) {
		duration_format_secs(ui->timer.extended, ext);
		buf_addf(&t, " %s extended by %s", ui->g->dot, ext);
	}
	draw_center(row, 0, COLS, buf_str(&t), role(ui, ROLE_NORMAL), ui->mode);
	buf_free(&t);
}

static void draw_question(struct tui *ui, int row)
{
	char q[64];

	snprintf(q, sizeof q, " %s ", question);
	draw_center(row, 0, COLS, q, role(ui, ROLE_QUESTION), ui->mode);
}

/* "1 call" / "2 calls". */
static void count_words(struct buf *b, int64_t n, const char *one, const char *many)
{
	buf_addf(b, "%lld %s", (long long)n, n == 1 ? one : many);
}

/* The longest of the variants that fits. */
static void draw_fitting(struct tui *ui, int row, struct buf *variants, int n, attr_t at)
{
	for (int i = 0; i < n; i++)
		if (i == n - 1 || text_width(buf_str(&variants[i]), ui->mode) <= COLS) {
			draw_center(row, 0, COLS, buf_str(&variants[i]), at, ui->mode);
			return;
		}
}

static void draw_counters(struct tui *ui, int row)
{
	const struct outcome *o = &ui->timer.counted;
	struct buf v[2] = { BUF_INIT, BUF_INIT };
	const char *dot = ui->g->dot;

	count_words(&v[0], o->calls, "call", "calls");
	buf_addf(&v[0], "  %s  ", dot);
	count_words(&v[0], o->conversations, "conversation", "conversations");
	buf_addf(&v[0], "  %s  ", dot);
	count_words(&v[0], o->meetings, "meeting booked", "meetings booked");
	count_words(&v[1], o->calls, "call", "calls");
	buf_addf(&v[1], " %s %lld conv %s %lld mtg", dot, (long long)o->conversations, dot,
		 (long long)o->meetings);
	draw_fitting(ui, row, v, 2, role(ui, ROLE_TITLE));
	buf_free(&v[0]);
	buf_free(&v[1]);
}

static void draw_interruptions(struct tui *ui, int row)
{
	size_t n = ui->timer.n_interruptions;
	struct buf v[2] = { BUF_INIT, BUF_INIT };

	if (n == 0) {
		buf_adds(&v[0], "no interruptions");
	} else {
		const struct interruption *last = &ui->timer.interruptions[n - 1];
		char hhmm[DATE_TIME_SHOW_MAX];
		int minute;

		clock_to_local(last->at, NULL, &minute, NULL);
		date_time_show(minute, hhmm);
		buf_addf(&v[0], "%zu interruption%s %s last %s", n, n == 1 ? "" : "s", ui->g->dot,
			 hhmm);
		if (last->note[0])
			buf_addf(&v[0], ": %s", last->note);
		buf_addf(&v[1], "%zu interruption%s", n, n == 1 ? "" : "s");
	}
	draw_fitting(ui, row, v, n == 0 ? 1 : 2, role(ui, ROLE_NORMAL));
	buf_free(&v[0]);
	buf_free(&v[1]);
}

static void draw_no_timer(struct tui *ui, const struct focus_layout *l)
{
	int row = l->row[FOCUS_COUNTDOWN];

	draw_center(row, 0, COLS, "No timer is running.", role(ui, ROLE_TITLE), ui->mode);
}

void focus_view_draw(struct tui *ui)
{
	struct focus_layout l;
	struct timer_view v;
	char text[40] = "00:00";
	bool on = focus_timer_view(ui, &v);

	erase();
	if (on)
		countdown_text(&v, text);
	focus_layout_compute(&l, LINES, COLS, focus_big_width(text));
	/* The overlays (help, dialogs) read the week's flag. */
	ui->layout.too_small = l.too_small;
	if (l.row[FOCUS_HEADER] >= 0)
		draw_header(ui, l.row[FOCUS_HEADER]);
	if (l.row[FOCUS_STATUS] >= 0)
		week_view_status(ui, l.row[FOCUS_STATUS]);
	if (!on) {
		draw_no_timer(ui, &l);
		return;
	}
	if (l.row[FOCUS_INDUSTRY] >= 0)
		draw_industry(ui, &l);
	if (l.row[FOCUS_TITLE] >= 0)
		draw_title(ui, l.row[FOCUS_TITLE]);
	draw_countdown(ui, &l, &v);
	if (l.row[FOCUS_STATE] >= 0)
		draw_state(ui, &l, &v);
	if (l.row[FOCUS_BAR] >= 0)
		draw_bar(ui, l.row[FOCUS_BAR], &v);
	if (l.row[FOCUS_END] >= 0)
		draw_end(ui, l.row[FOCUS_END], &v);
	if (l.row[FOCUS_QUESTION] >= 0)
		draw_question(ui, l.row[FOCUS_QUESTION]);
	if (l.row[FOCUS_COUNTERS] >= 0)
		draw_counters(ui, l.row[FOCUS_COUNTERS]);
	if (l.row[FOCUS_INTERRUPTIONS] >= 0)
		draw_interruptions(ui, l.row[FOCUS_INTERRUPTIONS]);
	if (!l.too_small)
		modal_draw(ui);
}

/* ---- the week's compact timer ---- */

int focus_compact_draw(struct tui *ui, int row, int maxw)
{
	struct timer_view v;
	char left[48], counts[96];
	const char *industry, *glyph;
	attr_t at;
	int x, w, pre;
	/* From the fullest to the barest: with the counts, with the industry. */
	struct {
		bool industry, counts;
	} variants[] = { { true, true }, { true, false }, { false, false } };

	if (!focus_timer_view(ui, &v))
		return 0;
	if (v.clock_back)
		snprintf(left, sizeof left, "clock moved back");
	else
		focus_minutes_left(v.remaining, left, sizeof left);
	snprintf(counts, sizeof counts, " %s %lld call%s %s %lld conv %s %lld mtg", ui->g->dot,
		 (long long)ui->timer.counted.calls, ui->timer.counted.calls == 1 ? "" : "s",
		 ui->g->dot, (long long)ui->timer.counted.conversations, ui->g->dot,
		 (long long)ui->timer.counted.meetings);
	industry = ui->timer.industry[0] ? ui->timer.industry : model_kind_name(ui->timer.kind);
	at = countdown_attr(ui, &v);
	glyph = v.is_paused ? ui->g->pause : ui->g->play;
	pre = text_width(glyph, ui->mode) + 1;
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		w = pre + (variants[i].industry ? text_width(industry, ui->mode) + 3 : 0) +
		    text_width(left, ui->mode) +
		    (variants[i].counts ? text_width(counts, ui->mode) : 0);
		if (w > maxw)
			continue;
		x = COLS - w;
		draw_fill(row, x, w, at);
		x += draw_text(row, x, w, glyph, at, ui->mode) + 1;
		if (variants[i].industry) {
			x += draw_text(row, x, COLS - x, industry,
				       colors_industry(&ui->colors, ui->timer.industry[0] ? ui->timer.color
											: 0),
				       ui->mode);
			x += draw_text(row, x + 1, COLS - x, ui->g->dot, at, ui->mode) + 2;
		}
		x += draw_text(row, x, COLS - x, left, at, ui->mode);
		if (variants[i].counts)
			draw_text(row, x, COLS - x, counts, at, ui->mode);
		return w;
	}
	return 0;
}
