/* review_data.c - the review for spreadsheets (CSV) and scripts (JSON). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "review_int.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- CSV */

void review_csv_field(struct buf *out, const char *s)
{
	/* A spreadsheet runs a cell starting with these as a formula. */
	bool guard = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;

	if (!guard && strpbrk(s, ",\"\r\n") == NULL) {
		buf_adds(out, s);
		return;
	}
	buf_addc(out, '"');
	if (guard)
		buf_addc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(out, '"');
		buf_addc(out, *s);
	}
	buf_addc(out, '"');
}

const char *review_safe(struct buf *scratch, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c < 0x20 || *c > 0x7e) {
			buf_reset(scratch);
			text_safe(scratch, s, TEXT_UTF8);
			return buf_str(scratch);
		}
	return s;
}

/* A field of user text: made safe, then quoted. */
static void csv_text(struct buf *o, const char *s, bool last)
{
	struct buf safe = BUF_INIT;

	review_csv_field(o, review_safe(&safe, s));
	buf_adds(o, last ? "\r\n" : ",");
	buf_free(&safe);
}

static void csv_block(struct buf *o, const struct plan *p, const struct week *w,
		      const struct block *b, const struct review_verdict *v)
{
	char wk[9], d[11], s[6], e[6], tmp[16];

	date_week_format(date_week_key(b->date), wk);
	date_format(b->date, d);
	date_time_format(b->start, s);
	date_time_format(b->end, e);
	buf_addf(o, "%s,%s,%s,%s,%s,%d,%s,", wk, d, date_weekday_abbr(date_weekday(b->date)), s, e,
		 block_minutes(b), model_kind_name(b->kind));
	csv_text(o, review_industry_name(p, b->industry, "", tmp), false);
	csv_text(o, review_account_name(p, b->account, "", tmp), false);
	csv_text(o, b->title, false);
	buf_addf(o, "%s,%s,%s,%lld,%lld,%lld,%lld,", b->for_quota ? "yes" : "no",
		 model_status_name(b->status), b->cut_short ? "yes" : "no",
		 (long long)b->out.calls, (long long)b->out.conversations,
		 (long long)b->out.meetings, (long long)week_block_sold(w, b->id));
	csv_text(o, b->note, false);
	csv_text(o, b->id, false);
	csv_text(o, b->carried_from, false);
	buf_addf(o, "%s,%d,%d\r\n", review_state_name(v->state), v->done_minutes,
		 v->left_minutes);
}

void review_write_csv(struct buf *o, const struct review *r, const struct plan *p)
{
	struct review_verdict *v = NULL;
	size_t cap = 0;

	/* A byte-order mark: spreadsheets then read the file as UTF-8. */
	buf_adds(o, "\xef\xbb\xbf");
	buf_adds(o, "week,date,weekday,start,end,minutes,kind,industry,account,title,for_quota,"
		    "status,cut_short,calls,conversations,meetings,sold,note,id,carried_from,"
		    "counts_as,done_minutes,left_minutes\r\n");
	for (int i = 0; i < r->n_weeks; i++) {
		const struct week *w = r->weeks[i];

		if (w == NULL)
			continue;
		v = xgrow(v, &cap, week_block_count(w) + 1, sizeof *v);
		review_week_verdicts(w, r->today, r->minute, plan_settings(p)->slot, v);
		for (size_t k = 0; k < week_block_count(w); k++)
			csv_block(o, p, w, week_block_at(w, k), &v[k]);
	}
	free(v);
}

/* ---------------------------------------------------------------- JSON */

static void json_text(struct jsonw *j, const char *key, const char *s)
{
	struct buf safe = BUF_INIT;

	jsonw_str(j, key, review_safe(&safe, s));
	buf_free(&safe);
}

static void json_name(struct jsonw *j, const char *key, const char *name)
{
	if (name == NULL)
		jsonw_null(j, key);
	else
		json_text(j, key, name);
}

static void json_opt(struct jsonw *j, const char *key, int64_t v)
{
	if (v < 0)
		jsonw_null(j, key);
	else
		jsonw_int(j, key, v);
}

static void json_yield(struct jsonw *j, const char *key, int64_t x100)
{
	if (x100 < 0)
		jsonw_null(j, key);
	else
		jsonw_num(j, key, (double)x100 / 100.0, 2);
}

static void json_date(struct jsonw *j, const char *key, date_t day)
{
	char d[11];

	date_format(day, d);
	jsonw_str(j, key, d);
}

static void json_week(struct jsonw *j, const char *key, int week)
{
	char wk[9];

	date_week_format(week, wk);
	jsonw_str(j, key, wk);
}

/* The fields of a tally, inside the current object. */
static void json_tally(struct jsonw *j, const struct review_tally *t)
{
	jsonw_int(j, "blocks", t->blocks);
	jsonw_int(j, "done", t->done);
	jsonw_int(j, "unfinished", t->unfinished);
	jsonw_int(j, "dropped", t->dropped);
	jsonw_int(j, "minutes", t->minutes);
	jsonw_int(j, "done_minutes", t->done_minutes);
	jsonw_int(j, "due_minutes", t->due_minutes);
	jsonw_int(j, "left_minutes", t->left_minutes);
	json_opt(j, "rate_pct", t->rate_pct);
}

/* The fields of a listed block, inside the current object. */
static void json_block(struct jsonw *j, const struct block *b, const struct plan *p)
{
	char tmp[16], t[6];

	jsonw_str(j, "id", b->id);
	json_date(j, "date", b->date);
	date_time_format(b->start, t);
	jsonw_str(j, "start", t);
	date_time_format(b->end, t);
	jsonw_str(j, "end", t);
	jsonw_str(j, "kind", model_kind_name(b->kind));
	json_name(j, "industry", review_industry_name(p, b->industry, NULL, tmp));
	json_name(j, "account", review_account_name(p, b->account, NULL, tmp));
	json_text(j, "title", b->title);
	jsonw_str(j, "status", model_status_name(b->status));
}

static void json_unfinished(struct jsonw *j, const struct review *r, const struct plan *p)
{
	jsonw_array(j, "unfinished");
	for (size_t i = 0; i < r->n_unfinished; i++) {
		const struct review_unfinished *u = &r->unfinished[i];

		jsonw_object(j, NULL);
		json_block(j, u->block, p);
		jsonw_bool(j, "cut_short", u->block->cut_short);
		jsonw_int(j, "left_minutes", u->left);
		if (u->carried_to != NULL)
			jsonw_str(j, "carried_to", u->carried_to);
		else
			jsonw_null(j, "carried_to");
		jsonw_end(j);
	}
	jsonw_end(j);
	jsonw_array(j, "dropped");
	for (size_t i = 0; i < r->n_dropped; i++) {
		jsonw_object(j, NULL);
		json_block(j, r->dropped[i], p);
		jsonw_end(j);
	}
	jsonw_end(j);
}

static void json_finished(struct jsonw *j, const struct review *r, const struct plan *p)
{
	jsonw_object(j, "finished");
	jsonw_object(j, "total");
	json_tally(j, &r->total);
	jsonw_end(j);
	jsonw_array(j, "days");
	for (int d = 0; d < 7; d++) {
		jsonw_object(j, NULL);
		jsonw_str(j, "weekday", date_weekday_abbr(d));
		if (r->n_weeks == 1)
			json_date(j, "date", date_week_monday(r->last) + d);
		json_tally(j, &r->day[d]);
		jsonw_end(j);
	}
	jsonw_end(j);
	jsonw_array(j, "kinds");
	for (int k = 0; k < KIND_COUNT; k++) {
		jsonw_object(j, NULL);
		jsonw_str(j, "kind", model_kind_name((enum block_kind)k));
		json_tally(j, &r->kind[k]);
		jsonw_end(j);
	}
	jsonw_end(j);
	json_unfinished(j, r, p);
	jsonw_end(j);
}

/* One industry's row (named: with its "industry" name, null for none), or
 * the total (not named) under `key`. */
static void json_industry(struct jsonw *j, const char *key, bool named, const char *name,
			  const struct review_industry *x)
{
	jsonw_object(j, key);
	if (named)
		json_name(j, "industry", name);
	json_tally(j, &x->t);
	jsonw_int(j, "calls", x->out.calls);
	jsonw_int(j, "conversations", x->out.conversations);
	jsonw_int(j, "meetings", x->out.meetings);
	jsonw_int(j, "sales", x->sales);
	jsonw_int(j, "prospecting_minutes", x->prospecting_minutes);
	json_yield(j, "calls_per_hour", x->calls_ph);
	json_yield(j, "meetings_per_hour", x->meetings_ph);
	jsonw_end(j);
}

static void json_results(struct jsonw *j, const struct review *r, const struct plan *p)
{
	char tmp[16];

	jsonw_array(j, "industries");
	for (size_t i = 0; i < r->n_industries; i++)
		json_industry(j, NULL, true,
			      review_industry_name(p, r->industries[i].id, NULL, tmp),
			      &r->industries[i]);
	jsonw_end(j);
	json_industry(j, "industries_total", false, NULL, &r->all);
}

static void json_focus(struct jsonw *j, const struct review *r)
{
	const struct review_focus *f = &r->focus;
	char t[6];

	jsonw_object(j, "focus");
	jsonw_int(j, "days", f->days);
	jsonw_int(j, "days_held", f->days_held);
	jsonw_int(j, "half_days", f->halves);
	jsonw_int(j, "half_days_held", f->halves_held);
	jsonw_bool(j, "so_far", f->so_far);
	jsonw_int(j, "interruptions", f->interruptions);
	jsonw_array(j, "interruptions_per_day");
	for (int d = 0; d < 7; d++)
		jsonw_int(j, NULL, f->per_day[d]);
	jsonw_end(j);
	jsonw_array(j, "interruption_log");
	for (size_t i = 0; i < f->n_list; i++) {
		jsonw_object(j, NULL);
		jsonw_int(j, "at", f->list[i].at);
		json_date(j, "date", f->list[i].date);
		date_time_format(f->list[i].minute, t);
		jsonw_str(j, "time", t);
		json_text(j, "note", f->list[i].note);
		jsonw_str(j, "block", f->list[i].block);
		jsonw_end(j);
	}
	jsonw_end(j);
	jsonw_int(j, "timer_seconds", f->timer_seconds);
	jsonw_int(j, "not_for_quota_minutes", f->notquota_minutes);
	jsonw_int(j, "not_for_quota_done_minutes", f->notquota_done_minutes);
	jsonw_end(j);
}

static void json_accounts(struct jsonw *j, const struct review *r, const struct plan *p)
{
	const struct review_accounts *a = &r->accounts;
	char tmp[16];

	jsonw_object(j, "accounts");
	jsonw_array(j, "rows");
	for (size_t i = 0; i < a->n; i++) {
		jsonw_object(j, NULL);
		json_name(j, "account", review_account_name(p, a->rows[i].id, NULL, tmp));
		jsonw_int(j, "baseline", a->rows[i].baseline);
		jsonw_int(j, "target", a->rows[i].target);
		jsonw_int(j, "planned", a->rows[i].planned);
		jsonw_int(j, "done", a->rows[i].done);
		jsonw_end(j);
	}
	jsonw_end(j);
	jsonw_int(j, "baseline", a->baseline);
	jsonw_int(j, "target", a->target);
	jsonw_int(j, "planned", a->planned);
	jsonw_int(j, "done", a->done);
	jsonw_int(j, "freed", a->freed);
	jsonw_int(j, "freed_planned", a->freed_planned);
	jsonw_int(j, "freed_to_prospecting", a->to_prospecting);
	jsonw_end(j);
}

static void json_quota(struct jsonw *j, const struct review *r)
{
	const struct review_quota *q = &r->quota;
	char label[16];

	review_period_label(q->start, q->period == QUOTA_MONTH ? REVIEW_MONTH : REVIEW_QUARTER,
			    label);
	jsonw_object(j, "quota");
	jsonw_str(j, "period", q->period == QUOTA_MONTH ? "month" : "quarter");
	jsonw_str(j, "label", label);
	json_date(j, "start", q->start);
	json_date(j, "end", q->end);
	json_date(j, "cutoff", q->cutoff);
	jsonw_int(j, "weeks", q->weeks);
	jsonw_int(j, "week", q->week_index);
	jsonw_int(j, "weeks_left", q->weeks_left);
	jsonw_int(j, "target", q->target);
	jsonw_int(j, "sold", q->sold);
	jsonw_int(j, "gap", q->gap);
	json_opt(j, "progress_pct", q->progress_pct);
	json_opt(j, "pace", q->pace);
	jsonw_int(j, "projection", q->projection);
	json_text(j, "currency", q->currency);
	jsonw_end(j);
}

static void json_trend(struct jsonw *j, const struct review *r)
{
	jsonw_array(j, "trend");
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		jsonw_object(j, NULL);
		json_week(j, "week", r->trend[i].key);
		json_tally(j, &r->trend[i].t);
		jsonw_int(j, "meetings", r->trend[i].meetings);
		jsonw_int(j, "prospecting_minutes", r->trend[i].prospecting_minutes);
		jsonw_end(j);
	}
	jsonw_end(j);
}

void review_write_json(struct buf *o, const struct review *r, const struct plan *p)
{
	struct jsonw j;
	char t[6];

	jsonw_init(&j, o);
	jsonw_object(&j, NULL);
	jsonw_object(&j, "range");
	json_week(&j, "first", r->first);
	json_week(&j, "last", r->last);
	jsonw_int(&j, "weeks", r->n_weeks);
	json_date(&j, "from", date_week_monday(r->first));
	json_date(&j, "to", date_week_monday(r->last) + 6);
	jsonw_end(&j);
	jsonw_object(&j, "as_of");
	json_date(&j, "date", r->today);
	date_time_format(r->minute, t);
	jsonw_str(&j, "time", t);
	jsonw_end(&j);
	json_finished(&j, r, p);
	json_results(&j, r, p);
	json_focus(&j, r);
	json_accounts(&j, r, p);
	json_quota(&j, r);
	json_trend(&j, r);
	jsonw_end(&j);
}
