/* timer_status.c - the one-line status of the running timer, for status bars
 * and prompts. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "duration.h"
#include "glyph.h"
#include "timer.h"

#define FIELDS "sSbkitCroRepEcvmn%"

/* "13 min left", "+3 min over", "clock moved back", or for a timer left
 * running, "running since Fri 4 Dec 16:00: stopped when?". */
static void status_time(struct buf *b, const struct timer_state *t, const struct timer_view *v,
			instant_t now)
{
	char d[DURATION_TEXT], when[16], hhmm[DATE_TIME_SHOW_MAX];
	date_t day;
	int minute;

	if (timer_forgotten(t, now)) {
		clock_to_local(t->changed, &day, &minute, NULL);
		date_format_short(day, when);
		date_time_show(minute, hhmm);
		buf_addf(b, "running since %s %s: stopped when? (timer stop --at)", when, hhmm);
		return;
	}
	if (v->clock_back) {
		buf_adds(b, "clock moved back");
		return;
	}
	if (v->remaining < 0) {
		duration_format_secs(v->overtime, d);
		buf_addc(b, '+');
	} else {
		duration_format_secs_up(v->remaining, d);
	}
	buf_adds(b, d);
	buf_adds(b, v->remaining < 0 ? " over" : " left");
}

static void status_default(struct buf *b, const struct timer_state *t,
			   const struct timer_view *v, instant_t now, const struct glyphs *g)
{
	static const char *const units[3][2] = { { "call", "calls" }, { "conv", "conv" },
						  { "mtg", "mtg" } };
	const int64_t counts[3] = { t->counted.calls, t->counted.conversations,
				    t->counted.meetings };

	/* Pieces of text appended as they are: a status bar asks every few
	 * seconds, and a format string per piece cost more than the rest. */
	buf_adds(b, v->is_paused ? g->pause : g->play);
	buf_addc(b, ' ');
	if (t->industry[0]) {
		buf_adds(b, t->industry);
		buf_addc(b, ' ');
		buf_adds(b, g->dot);
		buf_addc(b, ' ');
	}
	buf_adds(b, t->title[0] ? t->title : model_kind_name(t->kind));
	buf_addc(b, ' ');
	buf_adds(b, g->dot);
	buf_addc(b, ' ');
	status_time(b, t, v, now);
	for (int i = 0; i < 3; i++)
		if (counts[i] > 0)
			buf_addf(b, " %s %lld %s", g->dot, (long long)counts[i],
				 units[i][counts[i] != 1]);
}

static const char *status_state(const struct timer_state *t, const struct timer_view *v,
				instant_t now)
{
	if (timer_forgotten(t, now))
		return "forgotten";
	if (v->is_paused)
		return "paused";
	return v->remaining < 0 ? "overtime" : "running";
}

/* Time left rounds up, time spent down (duration.h). */
static void status_duration(struct buf *b, int64_t secs, bool up)
{
	char d[DURATION_TEXT];

	if (up)
		duration_format_secs_up(secs, d);
	else
		duration_format_secs(secs, d);
	buf_adds(b, d);
}

/* The planned end as local "HH:MM". */
static void status_end(struct buf *b, const struct timer_view *v)
{
	char hhmm[DATE_TIME_SHOW_MAX];
	int minute;

	clock_to_local(v->planned_end, NULL, &minute, NULL);
	date_time_show(minute, hhmm);
	buf_adds(b, hhmm);
}

static void status_field(struct buf *b, char f, const struct timer_state *t,
			 const struct timer_view *v, instant_t now, const struct glyphs *g)
{
	const char *title = t->title[0] ? t->title : model_kind_name(t->kind);

	switch (f) {
	case 's': buf_adds(b, v->is_paused ? g->pause : g->play); break;
	case 'S': buf_adds(b, status_state(t, v, now)); break;
	case 'b': buf_adds(b, t->block); break;
	case 'k': buf_adds(b, model_kind_name(t->kind)); break;
	case 'i': buf_adds(b, t->industry); break;
	case 't': buf_adds(b, title); break;
	case 'C': buf_addf(b, "%d", t->color); break;
	case 'r': status_duration(b, v->remaining > 0 ? v->remaining : 0, true); break;
	case 'o': status_duration(b, v->overtime, false); break;
	case 'R': status_time(b, t, v, now); break;
	case 'e': status_duration(b, v->elapsed, false); break;
	case 'p': buf_addf(b, "%d", (int)(v->progress * 100.0)); break;
	case 'E': status_end(b, v); break;
	case 'c': buf_addf(b, "%lld", (long long)t->counted.calls); break;
	case 'v': buf_addf(b, "%lld", (long long)t->counted.conversations); break;
	case 'm': buf_addf(b, "%lld", (long long)t->counted.meetings); break;
	case 'n': buf_addf(b, "%zu", t->n_interruptions); break;
	default: buf_addc(b, '%'); break;
	}
}

int timer_status_check(const char *fmt, struct error *err)
{
	for (const char *p = fmt; p != NULL && *p; p++) {
		if (*p != '%')
			continue;
		if (p[1] == '\0')
			return error_set(err, ERR_USAGE, "the format ends in a lone %%; write %%%% "
					 "for a percent sign");
		if (strchr(FIELDS, p[1]) == NULL)
			return error_set(err, ERR_USAGE, "the format has an unknown field %%%c "
					 "(known: %%s %%S %%b %%k %%i %%t %%C %%r %%o %%R %%e %%p "
					 "%%E %%c %%v %%m %%n %%%%)", p[1]);
		p++;
	}
	return 0;
}

int timer_status_line(struct buf *b, const struct timer_state *t, instant_t now,
		      const char *fmt, enum text_mode mode, struct error *err)
{
	const struct glyphs *g = glyphs_for(mode);
	struct timer_view v;

	if (timer_status_check(fmt, err) != 0)
		return -1;
	timer_view(t, now, &v);
	if (fmt == NULL) {
		status_default(b, t, &v, now, g);
		return 0;
	}
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			buf_addc(b, *p);
			continue;
		}
		status_field(b, *++p, t, &v, now, g);
	}
	return 0;
}

/* Whether fmt shows field f (a "%%" is text, not a field). */
static bool status_has_field(const char *fmt, char f)
{
	for (const char *p = fmt; p != NULL && *p; p++)
		if (*p == '%' && *++p == f)
			return true;
	return false;
}

/* Seconds until a count of whole minutes of `secs` turns: rounded down,
 * at the next multiple of a minute; rounded up, at the one below. */
static int64_t status_minute_turn(int64_t secs, bool up)
{
	int64_t part = secs % SECONDS_PER_MINUTE;

	if (up)
		return part != 0 ? part : SECONDS_PER_MINUTE;
	return SECONDS_PER_MINUTE - part;
}

/* The sooner of two waits, each -1 (or less than 1) for none. */
static int64_t status_sooner(int64_t a, int64_t b)
{
	if (b < 1)
		return a;
	return a < 1 || b < a ? b : a;
}

int64_t timer_status_next(const struct timer_state *t, instant_t now, const char *fmt)
{
	bool left = fmt == NULL || status_has_field(fmt, 'r') || status_has_field(fmt, 'R');
	bool over = fmt == NULL || status_has_field(fmt, 'o') || status_has_field(fmt, 'R');
	bool state = fmt == NULL || status_has_field(fmt, 'R') || status_has_field(fmt, 'S');
	struct timer_view v;
	int64_t next = -1;
	instant_t midnight;

	timer_view(t, now, &v);
	if (v.is_paused)
		return -1;
	if (v.clock_back)
		return t->changed > now ? t->changed - now : 1;
	if (status_has_field(fmt, 'p'))
		return 1;
	if (status_has_field(fmt, 'e'))
		next = status_minute_turn(v.elapsed, false);
	if (left && v.remaining > 0)
		next = status_sooner(next, status_minute_turn(v.remaining, true));
	/* The overtime starts a second after nothing is left: "running" turns
	 * "overtime", "0 min left" turns "+0 min over", and a minute later the
	 * overtime is "1 min". */
	if (state && v.remaining > 0)
		next = status_sooner(next, v.remaining + 1);
	if ((left || state) && v.remaining == 0)
		next = status_sooner(next, 1);
	if (over && v.remaining > 0)
		next = status_sooner(next, v.remaining + SECONDS_PER_MINUTE);
	if (over && v.remaining <= 0)
		next = status_sooner(next, status_minute_turn(v.overtime, false));
	if (state) {
		next = status_sooner(next, TIMER_FORGOTTEN_BUDGETS * v.budget - v.elapsed + 1);
		clock_from_local(clock_today(now) + 1, 0, &midnight); /* a gap: when it jumped */
		if (midnight > now)
			next = status_sooner(next, midnight - now); /* forgotten overnight */
	}
	return next;
}
