/* app_hooks.c - the events a saved change holds, as the JSON its hooks get
 * (app_hooks.h).  Found by comparing each week as the change read it with
 * what it wrote: a block now done that was not, a timer session or a sale
 * that is new.  Undo, redo and a retried save are no events; the planning
 * is one of its own (on-plan). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_hooks.h"
#include "app_int.h"
#include "jsonw.h"
#include "xalloc.h"

#define HOOK_ISO_MAX 24 /* "2026-12-01T08:30:00Z" */

/* ---------------------------------------------------------------- JSON */

static void hj_instant(struct jsonw *j, const char *key, instant_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char iso[HOOK_ISO_MAX];

	if (gmtime_r(&tt, &tm) == NULL || strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		jsonw_null(j, key);
	else
		jsonw_str(j, key, iso);
}

static void hj_date(struct jsonw *j, const char *key, date_t d)
{
	char s[11];

	date_format(d, s);
	jsonw_str(j, key, s);
}

static void hj_time(struct jsonw *j, const char *key, int minutes)
{
	char s[6];

	date_time_format(minutes, s);
	jsonw_str(j, key, s);
}

static void hj_names(struct jsonw *j, const struct plan *p, int industry, int account)
{
	const struct industry *ind = industry ? plan_industry_by_id(p, industry) : NULL;
	const struct account *acc = account ? plan_account_by_id(p, account) : NULL;

	jsonw_str(j, "industry", ind != NULL ? ind->name : "");
	jsonw_str(j, "account", acc != NULL ? acc->name : "");
}

static void hj_block(struct jsonw *j, const char *key, const struct plan *p,
		     const struct week *w, const struct block *b)
{
	jsonw_object(j, key);
	jsonw_str(j, "id", b->id);
	hj_date(j, "date", b->date);
	hj_time(j, "start", b->start);
	hj_time(j, "end", b->end);
	jsonw_str(j, "kind", model_kind_name(b->kind));
	hj_names(j, p, b->industry, b->account);
	jsonw_str(j, "title", b->title);
	jsonw_bool(j, "quota", b->for_quota);
	jsonw_str(j, "status", model_status_name(b->status));
	jsonw_bool(j, "cut_short", b->cut_short);
	jsonw_int(j, "calls", b->out.calls);
	jsonw_int(j, "conversations", b->out.conversations);
	jsonw_int(j, "meetings", b->out.meetings);
	jsonw_int(j, "sold", week_block_sold(w, b->id));
	jsonw_str(j, "note", b->note);
	jsonw_end(j);
}

static void hj_session(struct jsonw *j, const struct session *s)
{
	jsonw_object(j, "session");
	jsonw_str(j, "block", s->block);
	jsonw_str(j, "end", model_session_end_name(s->end));
	hj_instant(j, "started", s->started);
	hj_instant(j, "ended", s->ended);
	jsonw_int(j, "worked_seconds", s->ended - s->started - s->paused);
	jsonw_int(j, "paused_seconds", s->paused);
	jsonw_int(j, "extended_seconds", s->extended);
	jsonw_int(j, "calls", s->counted.calls);
	jsonw_int(j, "conversations", s->counted.conversations);
	jsonw_int(j, "meetings", s->counted.meetings);
	jsonw_array(j, "interruptions");
	for (size_t i = 0; i < s->n_interruptions; i++) {
		jsonw_object(j, NULL);
		hj_instant(j, "at", s->interruptions[i].at);
		jsonw_str(j, "note", s->interruptions[i].note);
		jsonw_end(j);
	}
	jsonw_end(j);
	jsonw_end(j);
}

static void hj_sale(struct jsonw *j, const struct plan *p, const struct sale *s)
{
	jsonw_object(j, "sale");
	jsonw_str(j, "id", s->id);
	hj_date(j, "date", s->date);
	jsonw_int(j, "amount", s->amount);
	jsonw_str(j, "currency", plan_quota(p)->currency);
	hj_names(j, p, s->industry, s->account);
	jsonw_str(j, "note", s->note);
	jsonw_end(j);
}

/* ---------------------------------------------------------------- events */

/* Starts an event's object: {"event": NAME, "data": DIR, ... */
static void hook_begin(struct jsonw *j, struct buf *b, const char *name, const struct app *app)
{
	jsonw_init(j, b);
	j->compact = true;
	jsonw_object(j, NULL);
	jsonw_str(j, "event", name);
	jsonw_str(j, "data", app_dir(app));
}

static void hook_add(struct hook_events *ev, const char *name, struct buf *b)
{
	struct hook_event *e;

	ev->v = xgrow(ev->v, &ev->cap, ev->n + 1, sizeof *ev->v);
	e = &ev->v[ev->n++];
	e->name = name;
	e->json = buf_take(b); /* one line: jsonw ends the object with a newline */
}

/* What week i of tx is compared with: see hooks_collect in app_int.h. */
static const struct week *hook_base(const struct app_txn *tx, size_t i)
{
	const struct app_unsaved *kept = app_unsaved_entry(tx->app, week_key(tx->weeks[i]));

	if (kept != NULL)
		return txn_week_changed(tx, i) ? kept->saved : NULL;
	return tx->replay ? NULL : tx->before[i];
}

/* Block `id` as it was in the base of any week of tx (it may have moved). */
static const struct block *hook_before(const struct app_txn *tx, const char *id)
{
	for (size_t i = 0; i < tx->n; i++) {
		const struct week *base = hook_base(tx, i);
		const struct block *b = base != NULL ? week_block_by_id(base, id) : NULL;

		if (b != NULL)
			return b;
	}
	return NULL;
}

static bool hook_session_new(const struct week *before, const struct session *s)
{
	for (size_t i = 0; i < week_session_count(before); i++) {
		const struct session *o = week_session_at(before, i);

		if (o->started == s->started && o->ended == s->ended && strcmp(o->block, s->block) == 0)
			return false;
	}
	return true;
}

static bool hook_sale_new(const struct week *before, const struct sale *s)
{
	for (size_t i = 0; i < week_sale_count(before); i++)
		if (strcmp(week_sale_at(before, i)->id, s->id) == 0)
			return false;
	return true;
}

static void hook_sessions(const struct app_txn *tx, const struct week *w, const struct week *was,
			  struct hook_events *ev)
{
	const struct plan *p = txn_plan_now(tx);

	for (size_t i = 0; i < week_session_count(w); i++) {
		const struct session *s = week_session_at(w, i);
		const struct block *b = week_block_by_id(w, s->block);
		struct buf out = BUF_INIT;
		struct jsonw j;

		if (!hook_session_new(was, s))
			continue;
		hook_begin(&j, &out, "timer-stop", tx->app);
		hj_session(&j, s);
		if (b != NULL)
			hj_block(&j, "block", p, w, b);
		jsonw_end(&j);
		hook_add(ev, "on-timer-stop", &out);
	}
}

static void hook_done(const struct app_txn *tx, const struct week *w, struct hook_events *ev)
{
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i), *was;
		struct buf out = BUF_INIT;
		struct jsonw j;

		if (b->status != STATUS_DONE || (was = hook_before(tx, b->id)) == NULL ||
		    was->status == STATUS_DONE)
			continue;
		hook_begin(&j, &out, "block-done", tx->app);
		hj_block(&j, "block", txn_plan_now(tx), w, b);
		jsonw_end(&j);
		hook_add(ev, "on-block-done", &out);
	}
}

static void hook_sales(const struct app_txn *tx, const struct week *w, const struct week *was,
		       struct hook_events *ev)
{
	for (size_t i = 0; i < week_sale_count(w); i++) {
		const struct sale *s = week_sale_at(w, i);
		struct buf out = BUF_INIT;
		struct jsonw j;

		if (!hook_sale_new(was, s))
			continue;
		hook_begin(&j, &out, "sale", tx->app);
		hj_sale(&j, txn_plan_now(tx), s);
		jsonw_end(&j);
		hook_add(ev, "on-sale", &out);
	}
}

static void hook_planned(const struct app_txn *tx, const struct app_result *res,
			 struct hook_events *ev)
{
	const struct week *w = tx->n > 0 ? tx->weeks[0] : NULL;
	struct buf out = BUF_INIT;
	struct jsonw j;
	char wk[9];

	if (w == NULL)
		return;
	date_week_format(week_key(w), wk);
	hook_begin(&j, &out, "plan", tx->app);
	jsonw_str(&j, "week", wk);
	if (res != NULL && res->label[0])
		jsonw_str(&j, "summary", res->label);
	else /* a caller that asked for no result (planning from the command line) */
		jsonw_str(&j, "summary", "planned");
	jsonw_array(&j, "blocks");
	for (size_t i = 0; i < week_block_count(w); i++)
		hj_block(&j, NULL, txn_plan_now(tx), w, week_block_at(w, i));
	jsonw_end(&j);
	jsonw_end(&j);
	hook_add(ev, "on-plan", &out);
}

void hooks_collect(const struct app_txn *tx, const struct app_result *res,
		   struct hook_events *ev)
{
	if (app_is_demo(tx->app))
		return;
	for (size_t i = 0; i < tx->n; i++) {
		const struct week *base = hook_base(tx, i);

		if (base == NULL)
			continue;
		hook_sessions(tx, tx->weeks[i], base, ev);
		hook_done(tx, tx->weeks[i], ev);
		hook_sales(tx, tx->weeks[i], base, ev);
	}
	if (tx->hook_plan && !tx->replay)
		hook_planned(tx, res, ev);
}

void hooks_events_free(struct hook_events *ev)
{
	for (size_t i = 0; i < ev->n; i++)
		free(ev->v[i].json);
	free(ev->v);
	memset(ev, 0, sizeof *ev);
}

bool app_hooks_report(struct app *app, struct buf *out)
{
	if (app->hooks_said.len == 0)
		return false;
	buf_add(out, app->hooks_said.data, app->hooks_said.len);
	buf_reset(&app->hooks_said);
	return true;
}
