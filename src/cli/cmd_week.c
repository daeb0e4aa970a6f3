/* cmd_week.c - `focusweek week`: the week as text or JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "jsonw.h"

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

static void week_text_block(struct buf *o, const struct plan *p, const struct block *b,
			    enum text_mode mode, const struct glyphs *g)
{
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];
	const char *who = NULL;
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
	text_pad(o, model_kind_name(b->kind), 12, mode);
	buf_adds(o, " ");
	text_pad(o, who ? who : g->none, 18, mode);
	buf_adds(o, " ");
	buf_adds(&line, b->title[0] ? b->title : model_kind_name(b->kind));
	if (b->status == STATUS_DONE)
		buf_addf(&line, "  %s done%s", g->done, b->cut_short ? " (cut short)" : "");
	else if (b->status == STATUS_SKIPPED)
		buf_addf(&line, "  %s skipped", g->skipped);
	if (b->out.calls || b->out.conversations || b->out.meetings)
		buf_addf(&line, " %s %lld calls %s %lld conv %s %lld mtg", g->dot,
			 (long long)b->out.calls, g->dot, (long long)b->out.conversations, g->dot,
			 (long long)b->out.meetings);
	if (b->out.revenue)
		buf_addf(&line, " %s %lld sold", g->dot, (long long)b->out.revenue);
	if (!b->for_quota)
		buf_addf(&line, "  %s not for quota", g->notquota);
	text_pad(o, buf_str(&line), 44, mode);
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
			week_text_block(o, p, b, mode, g);
			n++;
		}
		if (n == 0)
			buf_adds(o, "  (no blocks)\n");
	}
}

static void week_json_block(struct jsonw *j, const struct plan *p, const struct block *b)
{
	char t[6];

	jsonw_object(j, NULL);
	jsonw_str(j, "id", b->id);
	date_time_format(b->start, t);
	jsonw_str(j, "start", t);
	date_time_format(b->end, t);
	jsonw_str(j, "end", t);
	jsonw_str(j, "kind", model_kind_name(b->kind));
	if (b->industry)
		jsonw_str(j, "industry", name_of_industry(p, b->industry));
	else
		jsonw_null(j, "industry");
	if (b->account && plan_account_by_id(p, b->account))
		jsonw_str(j, "account", plan_account_by_id(p, b->account)->name);
	else
		jsonw_null(j, "account");
	jsonw_str(j, "title", b->title);
	jsonw_bool(j, "for_quota", b->for_quota);
	jsonw_str(j, "status", model_status_name(b->status));
	jsonw_bool(j, "cut_short", b->cut_short);
	jsonw_int(j, "calls", b->out.calls);
	jsonw_int(j, "conversations", b->out.conversations);
	jsonw_int(j, "meetings", b->out.meetings);
	jsonw_int(j, "revenue", b->out.revenue);
	jsonw_str(j, "note", b->note);
	jsonw_end(j);
}

static void week_json_niche(struct jsonw *j, const struct plan *p, const char *key, int id)
{
	if (id)
		jsonw_str(j, key, name_of_industry(p, id));
	else
		jsonw_null(j, key);
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
	jsonw_array(&j, "days");
	for (int k = 0; k < 7; k++) {
		date_t day = monday + k;

		if (!week_day_shown(p, w, k))
			continue;
		jsonw_object(&j, NULL);
		date_format(day, d);
		jsonw_str(&j, "date", d);
		jsonw_str(&j, "weekday", date_weekday_abbr(k));
		if (week_focus(w) == FOCUS_DAY) {
			week_json_niche(&j, p, "niche", week_niche(w, day, PART_DAY));
		} else {
			week_json_niche(&j, p, "niche_am", week_niche(w, day, PART_AM));
			week_json_niche(&j, p, "niche_pm", week_niche(w, day, PART_PM));
		}
		jsonw_array(&j, "blocks");
		for (size_t i = 0; i < week_block_count(w); i++)
			if (week_block_at(w, i)->date == day)
				week_json_block(&j, p, week_block_at(w, i));
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
