/* cmd_week.c - `focusweek week`: the week as text or JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "duration.h"
#include "jsonw.h"
#include "overlap.h"

#define WEEK_KIND_COLUMN 12  /* "prospecting" and a space */
#define WEEK_WHO_COLUMN 18   /* the industry or account */
#define WEEK_TEXT_COLUMN 44  /* the title and what became of it, before the id */

static const struct cli_opt week_opts[] = {
	{ "date", true, "--date D   a day of the week to print (default today)" },
	{ "json", false, "--json     machine-readable output" },
	{ NULL, false, NULL },
};

/* Is day d of the week shown: a work day, or a day holding something. */
static bool week_day_shown(const struct plan *p, const struct week *w, int d)
{
	date_t day = week_monday(w) + d;

	if (plan_settings(p)->work_days & (1u << date_weekday(day)))
		return true;
	for (size_t i = 0; i < week_block_count(w); i++)
		if (week_block_at(w, i)->date == day)
			return true;
	for (size_t i = 0; i < week_banner_count(w); i++)
		if (week_banner_at(w, i)->date == day)
			return true;
	return week_niche(w, day, PART_DAY) || week_niche(w, day, PART_AM) ||
	       week_niche(w, day, PART_PM);
}

static const char *name_of_industry(const struct plan *p, int id)
{
	const struct industry *ind = plan_industry_by_id(p, id);

	return ind != NULL ? ind->name : NULL;
}

static void week_text_niche(struct buf *o, const struct plan *p, const struct week *w,
			    date_t day, const struct glyphs *g)
{
	if (week_focus(w) == FOCUS_DAY) {
		const char *n = name_of_industry(p, week_niche(w, day, PART_DAY));

		buf_addf(o, "%s %s", g->dot, n ? n : "no niche");
		return;
	}
	{
		const char *am = name_of_industry(p, week_niche(w, day, PART_AM));
		const char *pm = name_of_industry(p, week_niche(w, day, PART_PM));

		buf_addf(o, "%s AM %s %s PM %s", g->dot, am ? am : "no niche", g->dot,
			 pm ? pm : "no niche");
	}
}

/* "  ✓ done (cut short, 1h05)", "  – skipped". */
static void week_text_status(struct buf *line, const struct block *b, const struct glyphs *g)
{
	char worked[DURATION_TEXT];

	if (b->status == STATUS_SKIPPED)
		buf_addf(line, "  %s skipped", g->skipped);
	if (b->status != STATUS_DONE)
		return;
	buf_addf(line, "  %s done", g->done);
	if (b->worked > 0) {
		duration_format(b->worked, worked);
		buf_addf(line, " (%s%s)", b->cut_short ? "cut short, " : "", worked);
	} else if (b->cut_short) {
		buf_adds(line, " (cut short)");
	}
}

static void week_text_block(struct buf *o, const struct plan *p, const struct week *w,
			    const struct block *b, enum text_mode mode, const struct glyphs *g)
{
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];
	const char *who = NULL;
	const struct block *meeting;
	struct buf line = BUF_INIT;

	date_time_show(b->start, s);
	date_time_show(b->end, e);
	if (b->kind == KIND_ACCOUNT && b->account) {
		const struct account *acc = plan_account_by_id(p, b->account);

		who = acc ? acc->name : NULL;
	} else if (b->industry) {
		who = name_of_industry(p, b->industry);
	}
	buf_addf(o, "  %s%s%s  ", s, g->dash, e);
	text_pad(o, model_kind_name(b->kind), WEEK_KIND_COLUMN, mode);
	buf_adds(o, " ");
	text_pad(o, who ? who : g->none, WEEK_WHO_COLUMN, mode);
	buf_adds(o, " ");
	buf_adds(&line, b->title[0] ? b->title : model_kind_name(b->kind));
	week_text_status(&line, b, g);
	if (b->out.calls || b->out.conversations || b->out.meetings)
		buf_addf(&line, " %s %lld %s %s %lld conv %s %lld mtg", g->dot,
			 (long long)b->out.calls, text_noun(b->out.calls, "call", "calls"), g->dot,
			 (long long)b->out.conversations, g->dot, (long long)b->out.meetings);
	if (week_block_sold(w, b->id))
		buf_addf(&line, " %s %lld sold", g->dot, (long long)week_block_sold(w, b->id));
	if (!b->for_quota)
		buf_addf(&line, "  %s not for quota", g->notquota);
	if (overlap_meetings(w, b, &meeting) > 0)
		buf_addf(&line, "  %s under \"%s\"", g->warn, meeting->title);
	else if (overlap_banner(w, b) != NULL)
		buf_addf(&line, "  %s all day \"%s\"", g->warn, overlap_banner(w, b)->title);
	/* Padded so the ids line up; a longer line is printed whole, never cut:
	 * what was done and what is over it are the point of it. */
	if (text_width(buf_str(&line), mode) < WEEK_TEXT_COLUMN)
		text_pad(o, buf_str(&line), WEEK_TEXT_COLUMN, mode);
	else
		text_safe(o, buf_str(&line), mode);
	buf_addf(o, " %s\n", b->id);
	buf_free(&line);
}

/* "2026-W49 · 30 Nov – 4 Dec": the week and the span of the days shown,
 * which reaches into the weekend when it is worked or holds something. */
static void week_label(struct buf *o, const struct plan *p, const struct week *w,
		       const struct glyphs *g)
{
	int first = -1, last = 0, y, m1, d1, m2, d2;
	char wk[9], a[DATE_NAME_MAX * 2], b[DATE_NAME_MAX * 2];

	for (int d = 0; d < 7; d++)
		if (week_day_shown(p, w, d)) {
			first = first < 0 ? d : first;
			last = d;
		}
	if (first < 0)
		first = 0;
	date_week_format(week_key(w), wk);
	date_to_ymd(week_monday(w) + first, &y, &m1, &d1);
	date_to_ymd(week_monday(w) + last, &y, &m2, &d2);
	buf_addf(o, "%s %s %s", wk, g->dot, date_day_month(d1, m1, a));
	if (last > first)
		buf_addf(o, " %s %s", g->dash, date_day_month(d2, m2, b));
	if (date_week_iso_span(week_key(w), &y, &last))
		buf_addf(o, " (ISO W%02d%sW%02d)", y % 100, g->dash, last % 100);
}

static void week_text(struct buf *o, const struct plan *p, const struct week *w,
		      enum text_mode mode)
{
	const struct glyphs *g = glyphs_for(mode);
	date_t monday = week_monday(w);

	week_label(o, p, w, g);
	buf_addf(o, " %s %s\n", g->dot,
		 week_focus(w) == FOCUS_DAY ? "one niche per day" : "one niche per half-day");
	for (int d = 0; d < 7; d++) {
		date_t day = monday + d;
		char head[16];
		size_t n = 0;

		if (!week_day_shown(p, w, d))
			continue;
		date_format_short(day, head);
		buf_addf(o, "\n%s ", head);
		week_text_niche(o, p, w, day, g);
		buf_addc(o, '\n');
		for (size_t i = 0; i < week_banner_count(w); i++) {
			const struct banner *bn = week_banner_at(w, i);

			if (bn->date == day)
				buf_addf(o, "  all day       %s\n", bn->title);
		}
		for (size_t i = 0; i < week_block_count(w); i++) {
			const struct block *b = week_block_at(w, i);

			if (b->date != day)
				continue;
			week_text_block(o, p, w, b, mode, g);
			n++;
		}
		if (n == 0)
			buf_adds(o, "  (no blocks)\n");
	}
}

static void week_json_name(struct jsonw *j, const char *key, const char *name)
{
	if (name != NULL)
		jsonw_str(j, key, name);
	else
		jsonw_null(j, key);
}

static void week_json_time(struct jsonw *j, const char *key, int minute)
{
	char t[6];

	date_time_format(minute, t);
	jsonw_str(j, key, t);
}

/* The meetings over a planned block, by id. */
static void week_json_overlaps(struct jsonw *j, const struct week *w, const struct block *b)
{
	jsonw_array(j, "overlaps");
	for (size_t i = 0; i < week_block_count(w); i++)
		if (overlap_over(week_block_at(w, i), b))
			jsonw_str(j, NULL, week_block_at(w, i)->id);
	jsonw_end(j);
}

static void week_json_block(struct jsonw *j, const struct plan *p, const struct week *w,
			    const struct block *b)
{
	const struct account *acc = b->account ? plan_account_by_id(p, b->account) : NULL;

	jsonw_object(j, NULL);
	jsonw_str(j, "id", b->id);
	week_json_time(j, "start", b->start);
	week_json_time(j, "end", b->end);
	jsonw_int(j, "minutes", block_minutes(b));
	jsonw_str(j, "kind", model_kind_name(b->kind));
	week_json_name(j, "industry", b->industry ? name_of_industry(p, b->industry) : NULL);
	week_json_name(j, "account", acc != NULL ? acc->name : NULL);
	jsonw_str(j, "title", b->title);
	jsonw_bool(j, "for_quota", b->for_quota);
	jsonw_str(j, "status", model_status_name(b->status));
	jsonw_bool(j, "cut_short", b->cut_short);
	if (b->worked > 0)
		jsonw_int(j, "worked_minutes", b->worked);
	else
		jsonw_null(j, "worked_minutes");
	jsonw_int(j, "calls", b->out.calls);
	jsonw_int(j, "conversations", b->out.conversations);
	jsonw_int(j, "meetings", b->out.meetings);
	jsonw_int(j, "sold", week_block_sold(w, b->id));
	jsonw_str(j, "note", b->note);
	week_json_name(j, "carried_from", b->carried_from[0] ? b->carried_from : NULL);
	jsonw_bool(j, "from_calendar", b->uid != NULL);
	week_json_overlaps(j, w, b);
	jsonw_end(j);
}

/* The niches of a day, one shape under either rule: "niche" when one
 * industry holds the whole day (else null), "niche_am" and "niche_pm". */
static void week_json_niches(struct jsonw *j, const struct plan *p, const struct week *w,
			     date_t day)
{
	bool whole = week_focus(w) == FOCUS_DAY;
	int am = week_niche(w, day, whole ? PART_DAY : PART_AM);
	int pm = week_niche(w, day, whole ? PART_DAY : PART_PM);

	week_json_name(j, "niche", am == pm && am ? name_of_industry(p, am) : NULL);
	week_json_name(j, "niche_am", am ? name_of_industry(p, am) : NULL);
	week_json_name(j, "niche_pm", pm ? name_of_industry(p, pm) : NULL);
}

static void week_json_all_day(struct jsonw *j, const struct week *w, date_t day)
{
	jsonw_array(j, "all_day");
	for (size_t i = 0; i < week_banner_count(w); i++) {
		const struct banner *bn = week_banner_at(w, i);

		if (bn->date != day)
			continue;
		jsonw_object(j, NULL);
		jsonw_str(j, "title", bn->title);
		week_json_name(j, "uid", bn->uid);
		jsonw_end(j);
	}
	jsonw_end(j);
}

static void week_json(struct buf *o, const struct plan *p, const struct week *w,
		      enum text_mode mode)
{
	struct jsonw j;
	char wk[9], d[11];
	date_t monday = week_monday(w);

	jsonw_init(&j, o);
	j.ascii = mode == TEXT_ASCII; /* same data, \u escapes: ASCII terminals stay clean */
	jsonw_object(&j, NULL);
	date_week_format(week_key(w), wk);
	jsonw_str(&j, "week", wk);
	jsonw_str(&j, "focus", model_focus_name(week_focus(w)));
	week_json_time(&j, "midday", week_midday(w));
	jsonw_array(&j, "days");
	for (int k = 0; k < 7; k++) {
		date_t day = monday + k;

		if (!week_day_shown(p, w, k))
			continue;
		jsonw_object(&j, NULL);
		date_format(day, d);
		jsonw_str(&j, "date", d);
		jsonw_str(&j, "weekday", date_weekday_abbr(k));
		week_json_niches(&j, p, w, day);
		week_json_all_day(&j, w, day);
		jsonw_array(&j, "blocks");
		for (size_t i = 0; i < week_block_count(w); i++)
			if (week_block_at(w, i)->date == day)
				week_json_block(&j, p, w, week_block_at(w, i));
		jsonw_end(&j);
		jsonw_end(&j);
	}
	jsonw_end(&j);
	jsonw_end(&j);
}

static int week_run(struct cli *c)
{
	date_t day;
	struct week *w;
	struct buf out = BUF_INIT;

	if (cli_date_or_today(c, &day) != 0 || cli_boot(c) != 0 ||
	    app_week(c->app, date_week_key(day), &w, &c->err) != 0)
		return cli_fail(c, &c->err);
	if (cli_flag(c, "json"))
		week_json(&out, cli_plan(c), w, c->out_mode);
	else
		week_text(&out, cli_plan(c), w, c->out_mode);
	/* JSON carries user text escaped by the writer; text goes through the filter. */
	if (cli_flag(c, "json"))
		fputs(buf_str(&out), stdout);
	else
		cli_print(c, buf_str(&out));
	buf_free(&out);
	week_free(w);
	return CLI_OK;
}

const struct cli_command cli_cmd_week = {
	.name = "week",
	.summary = "print a week: each day, its niche, its blocks",
	.opts = week_opts,
	.run = week_run,
};
