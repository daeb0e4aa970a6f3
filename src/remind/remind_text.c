/* remind_text.c - a reminder in words ("Call list A in 2 min") and as the
 * FOCUSWEEK_* variables a command gets.  Pure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "glyph.h"
#include "remind_int.h"
#include "xalloc.h"

#define MINUTES_PER_HOUR 60

static const char *const event_names[REMIND_EV_COUNT] = { "start", "end", "timer" };

/* "45 min" or "1h30". */
static void text_span(struct buf *b, long minutes)
{
	if (minutes < MINUTES_PER_HOUR)
		buf_addf(b, "%ld min", minutes);
	else
		buf_addf(b, "%ldh%02ld", minutes / MINUTES_PER_HOUR, minutes % MINUTES_PER_HOUR);
}

/* Whole minutes from now to t, rounded up: 2 min ahead reads "in 2 min". */
static long text_minutes_until(instant_t t, instant_t now)
{
	instant_t d = t - now;

	return d >= 0 ? (long)((d + SECONDS_PER_MINUTE - 1) / SECONDS_PER_MINUTE)
		      : -(long)(-d / SECONDS_PER_MINUTE);
}

static void text_local(instant_t t, char date[11], char hhmm[6])
{
	date_t day;
	int minute;

	clock_to_local(t, &day, &minute, NULL);
	if (date != NULL)
		date_format(day, date);
	date_time_format(minute, hhmm);
}

/* "HH:MM" as the user reads it: "14:30", or "2:30pm" under time.format 12h. */
static void text_show(const char *hhmm, char out[DATE_TIME_SHOW_MAX])
{
	int minutes = 0;

	if (date_time_parse(hhmm, &minutes) != 0)
		minutes = 0;
	date_time_show(minutes, out);
}

/* The block's (or the timer's) names and times into x. */
static void text_fields(struct remind_text *x, const struct plan *p, const struct reminder *r,
			const struct timer_state *t)
{
	const struct block *b = r->block;
	const struct industry *ind = b != NULL && b->industry ? plan_industry_by_id(p, b->industry)
							      : NULL;
	const struct account *acc = b != NULL && b->account ? plan_account_by_id(p, b->account)
							    : NULL;
	enum block_kind kind = b != NULL ? b->kind : t->kind;
	const char *title = b != NULL ? b->title : t->title;

	x->kind = model_kind_name(kind);
	x->title = xstrdup(title[0] ? title : x->kind);
	x->industry = xstrdup(ind != NULL ? ind->name : t != NULL ? t->industry : "");
	x->account = xstrdup(acc != NULL ? acc->name : "");
	x->for_quota = b != NULL ? b->for_quota : true;
	if (t != NULL)
		x->counted = t->counted;
	else if (b != NULL)
		x->counted = b->out;
	if (b != NULL) {
		date_format(b->date, x->date);
		date_time_format(b->start, x->start);
		date_time_format(b->end, x->end);
	} else {
		text_local(r->start, x->date, x->start);
	}
	if (r->event == REMIND_EV_TIMER)
		text_local(r->end, NULL, x->end);
	text_show(x->start, x->show_start);
	text_show(x->end, x->show_end);
}

/* "10:30–11:30 · prospecting · Healthcare" */
static void text_where(struct remind_text *x, const struct glyphs *g)
{
	const char *who = x->account[0] ? x->account : x->industry;

	buf_addf(&x->body, "%s%s%s %s %s", x->show_start, g->dash, x->show_end, g->dot, x->kind);
	if (who[0])
		buf_addf(&x->body, " %s %s", g->dot, who);
}

static void text_counts(struct remind_text *x, const struct glyphs *g)
{
	const struct outcome *o = &x->counted;

	if (o->calls)
		buf_addf(&x->body, " %s %lld call%s", g->dot, (long long)o->calls,
			 o->calls == 1 ? "" : "s");
	if (o->conversations)
		buf_addf(&x->body, " %s %lld conv", g->dot, (long long)o->conversations);
	if (o->meetings)
		buf_addf(&x->body, " %s %lld mtg", g->dot, (long long)o->meetings);
}

static void text_words(struct remind_text *x, const struct reminder *r, const struct glyphs *g)
{
	switch (r->event) {
	case REMIND_EV_START:
		buf_addf(&x->summary, "%s ", x->title);
		if (x->minutes > 0) {
			buf_adds(&x->summary, "in ");
			text_span(&x->summary, x->minutes);
		} else if (x->minutes == 0) {
			buf_adds(&x->summary, "starts now");
		} else {
			buf_adds(&x->summary, "started ");
			text_span(&x->summary, -x->minutes);
			buf_adds(&x->summary, " ago");
		}
		text_where(x, g);
		break;
	case REMIND_EV_END:
		buf_addf(&x->summary, "%s ended", x->title);
		text_where(x, g);
		buf_addf(&x->body, " %s done? focusweek done %s", g->dot, x->id);
		break;
	default:
		buf_addf(&x->summary, "Time is up: %s", x->title);
		buf_addf(&x->body, "planned end %s", x->show_end);
		text_counts(x, g);
		buf_addf(&x->body, " %s focusweek timer stop", g->dot);
		break;
	}
	buf_addf(&x->message, "focusweek: %s (%s)", buf_str(&x->summary), buf_str(&x->body));
}

void remind_text_make(struct remind_text *x, const struct plan *p, const struct remind_sched *s,
		      const struct reminder *r, instant_t now, enum text_mode mode)
{
	memset(x, 0, sizeof *x);
	x->event = event_names[r->event];
	snprintf(x->id, sizeof x->id, "%s", r->id);
	text_fields(x, p, r, r->event == REMIND_EV_TIMER ? s->timer : NULL);
	x->minutes = text_minutes_until(r->start, now);
	text_words(x, r, glyphs_for(mode));
}

void remind_text_free(struct remind_text *x)
{
	free(x->title);
	free(x->industry);
	free(x->account);
	buf_free(&x->summary);
	buf_free(&x->body);
	buf_free(&x->message);
	memset(x, 0, sizeof *x);
}

static char *text_var(const char *name, const char *value)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "FOCUSWEEK_%s=%s", name, value);
	return buf_take(&b);
}

char **remind_text_env(const struct remind_text *x, const char *data_dir)
{
	char minutes[24], calls[24], conv[24], mtg[24];
	const char *vars[][2] = {
		{ "EVENT", x->event },	     { "ID", x->id },
		{ "TITLE", x->title },	     { "KIND", x->kind },
		{ "INDUSTRY", x->industry }, { "ACCOUNT", x->account },
		{ "DATE", x->date },	     { "START", x->start },
		{ "END", x->end },	     { "MINUTES", minutes },
		{ "QUOTA", x->for_quota ? "yes" : "no" },
		{ "CALLS", calls },	     { "CONVERSATIONS", conv },
		{ "MEETINGS", mtg },	     { "SUMMARY", buf_str(&x->summary) },
		{ "BODY", buf_str(&x->body) }, { "MESSAGE", buf_str(&x->message) },
		{ "DATA", data_dir },
	};
	size_t n = sizeof vars / sizeof vars[0];
	char **env = xcalloc(n + 1, sizeof *env);

	snprintf(minutes, sizeof minutes, "%ld", x->minutes);
	snprintf(calls, sizeof calls, "%lld", (long long)x->counted.calls);
	snprintf(conv, sizeof conv, "%lld", (long long)x->counted.conversations);
	snprintf(mtg, sizeof mtg, "%lld", (long long)x->counted.meetings);
	for (size_t i = 0; i < n; i++)
		env[i] = text_var(vars[i][0], vars[i][1]);
	return env;
}
