/* codec_timer.c - timer.json: the running or paused timer. */
#include "codec.h"

#include <stdlib.h>
#include <string.h>

#include "codec_parts.h"
#include "codec_read.h"
#include "rules.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- timer */

/* Instants in order: started <= paused_at, interruptions <= changed.  An
 * older file without "changed" takes the latest instant it holds. */
static int timer_read_order(struct rd *r, struct timer_state *t)
{
	instant_t latest = t->started > t->paused_at ? t->started : t->paused_at;

	if (t->paused_at != 0 && t->paused_at < t->started)
		return rd_fail(r, "paused_at", "comes before started");
	for (size_t i = 0; i < t->n_interruptions; i++)
		if (t->interruptions[i].at > latest)
			latest = t->interruptions[i].at;
	if (t->changed == 0)
		t->changed = latest;
	if (t->changed < latest)
		return rd_fail(r, "changed", "comes before the timer's last event");
	/* Finished pauses lie between the start and the last change (or the
	 * pause going on now). */
	if (t->paused_total > (t->paused_at ? t->paused_at : t->changed) - t->started)
		return rd_fail(r, "paused", "is longer than the timer has run");
	return 0;
}

int codec_timer_read(const char *text, size_t len, const char *shown,
		     struct timer_state *t, bool *newer, struct error *err)
{
	static const struct rd_field f[] = {
		{ "schema", RD_NUM, true },     { "block", RD_STR, true },
		{ "week", RD_STR, true },       { "industry", RD_STR, true },
		{ "color", RD_NUM, true },      { "title", RD_STR, true },
		{ "kind", RD_STR, true },       { "planned_end", RD_STR, true },
		{ "started", RD_NUM, true },    { "planned", RD_NUM, true },
		{ "extended", RD_NUM, true },   { "paused", RD_NUM, true },
		{ "paused_at", RD_NUM, false }, { "calls", RD_NUM, false },
		{ "conversations", RD_NUM, false }, { "meetings", RD_NUM, false },
		{ "revenue", RD_NUM, false },   { "interruptions", RD_ARR, false },
		{ "changed", RD_NUM, false },
	};
	struct error none; /* a caller that wants no message still gets the checks */
	struct rd r = { .shown = shown, .err = err != NULL ? err : &none };
	const cJSON *v[COUNT(f)];
	cJSON *root = rd_parse(&r, text, len);
	const char *industry, *title;
	int kind, rc = -1;
	const int64_t year = 366LL * 86400, far = 253402300799LL;
	int64_t revenue; /* an old file's; a timer never held any */

	timer_state_init(t);
	*newer = false;
	if (root == NULL)
		goto out;
	r.lenient = true;
	if (rd_fields(&r, root, f, 1, v) != 0 || rd_schema(&r, v[0], TIMER_SCHEMA, newer) != 0)
		goto out;
	if (rd_fields(&r, root, f, COUNT(f), v) != 0 || codec_read_id(&r, v[1], "block", t->block) ||
	    rd_week(&r, v[2], "week", &t->week) != 0 ||
	    rd_text(&r, v[3], "industry", MODEL_NAME_MAX, true, &industry) != 0 ||
	    rd_int32(&r, v[4], "color", 0, MODEL_COLOR_MAX, &t->color) != 0 ||
	    rd_text(&r, v[5], "title", MODEL_TITLE_MAX, true, &title) != 0 ||
	    rd_enum(&r, v[6], "kind", codec_kind_names, KIND_COUNT, &kind) != 0 ||
	    rd_time(&r, v[7], "planned_end", &t->planned_end) != 0 ||
	    rd_int(&r, v[8], "started", 1, far, &t->started) != 0 ||
	    rd_int(&r, v[9], "planned", 0, year, &t->planned) != 0 ||
	    rd_int(&r, v[10], "extended", 0, year, &t->extended) != 0 ||
	    rd_int(&r, v[11], "paused", 0, far, &t->paused_total) != 0 ||
	    (v[12] && rd_int(&r, v[12], "paused_at", 0, far, &t->paused_at) != 0) ||
	    codec_read_outcome(&r, v + 13, &t->counted, &revenue) != 0 ||
	    (v[18] && rd_int(&r, v[18], "changed", 1, far, &t->changed) != 0))
		goto out;
	free(t->industry);
	free(t->title);
	t->industry = xstrdup(industry);
	t->title = xstrdup(title);
	t->kind = (enum block_kind)kind;
	if (v[17] && codec_read_interruptions(&r, v[17], &t->interruptions,
					     &t->n_interruptions) != 0)
		goto out;
	if (timer_read_order(&r, t) != 0)
		goto out;
	rc = 0;
out:
	rd_done(&r);
	if (rc != 0) {
		timer_state_clear(t);
		if (err != NULL)
			err->code = ERR_DATA;
	}
	return rc;
}

char *codec_timer_write(const struct timer_state *t, size_t *len)
{
	cJSON *root = cJSON_CreateObject();
	char wk[9];

	wr_int(root, "schema", TIMER_SCHEMA);
	cJSON_AddStringToObject(root, "block", t->block);
	date_week_format(t->week, wk);
	cJSON_AddStringToObject(root, "week", wk);
	cJSON_AddStringToObject(root, "industry", t->industry);
	wr_int(root, "color", t->color);
	cJSON_AddStringToObject(root, "title", t->title);
	cJSON_AddStringToObject(root, "kind", codec_kind_names[t->kind]);
	wr_time(root, "planned_end", t->planned_end);
	wr_int(root, "started", t->started);
	wr_int(root, "planned", t->planned);
	wr_int(root, "extended", t->extended);
	wr_int(root, "paused", t->paused_total);
	if (t->paused_at)
		wr_int(root, "paused_at", t->paused_at);
	wr_int(root, "changed", t->changed);
	codec_wr_outcome(root, &t->counted);
	if (t->n_interruptions)
		cJSON_AddItemToObject(root, "interruptions",
				      codec_wr_interruptions(t->interruptions, t->n_interruptions));
	return wr_print(root, len);
}
