/* codec_parts.c - what the files share: the words for the model's enums, ids,
 * outcome counters and interruptions. */
#include "codec_parts.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

const char *const codec_kind_names[] = { "prospecting", "account", "admin", "other",
					  "meeting" };
const char *const codec_status_names[] = { "planned", "done", "skipped" };
const char *const codec_focus_names[] = { "day", "half-day" };
const char *const codec_part_names[] = { "day", "am", "pm" };
const char *const codec_period_names[] = { "month", "quarter" };
const char *const codec_end_names[] = { "done", "cut-short", "abandoned" };
const char *const codec_day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
const char *const codec_clock_names[] = { "24h", "12h" };

int codec_read_outcome(struct rd *r, const cJSON *const *v, struct outcome *o,
		       int64_t *revenue)
{
	/* v: calls, conversations, meetings, revenue (each may be NULL). */
	*revenue = 0;
	if ((v[0] && rd_int(r, v[0], "calls", 0, MODEL_COUNT_MAX, &o->calls)) ||
	    (v[1] && rd_int(r, v[1], "conversations", 0, MODEL_COUNT_MAX, &o->conversations)) ||
	    (v[2] && rd_int(r, v[2], "meetings", 0, MODEL_COUNT_MAX, &o->meetings)) ||
	    (v[3] && rd_int(r, v[3], "revenue", 0, MODEL_MONEY_MAX, revenue)))
		return -1;
	return 0;
}

int codec_read_id(struct rd *r, const cJSON *v, const char *key, char out[MODEL_ID_MAX])
{
	const char *s;

	if (rd_text(r, v, key, MODEL_ID_MAX - 1, false, &s) != 0)
		return -1;
	for (const char *c = s; *c; c++)
		if (!((*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= 'a' && *c <= 'z') || *c == '-' || *c == '_'))
			return rd_fail(r, key, "\"%s\" is not an id (letters, digits, - and _)", s);
	strcpy(out, s);
	return 0;
}

int codec_read_interruptions(struct rd *r, const cJSON *arr, struct interruption **out,
			     size_t *n_out)
{
	static const struct rd_field f[] = { { "at", RD_NUM, true }, { "note", RD_STR, false } };
	const cJSON *item;
	int n = cJSON_GetArraySize(arr);
	long i = 0;

	if (n > 1000)
		return rd_fail(r, "interruptions", "more than 1000 entries");
	*out = n ? xcalloc((size_t)n, sizeof **out) : NULL;
	*n_out = 0;
	cJSON_ArrayForEach(item, arr) {
		const cJSON *v[COUNT(f)];
		size_t mark = rd_enter(r, "interruptions", i++);
		const char *note = "";
		struct interruption *in = &(*out)[*n_out];

		if (rd_fields(r, item, f, COUNT(f), v) != 0 ||
		    rd_int(r, v[0], "at", 0, 253402300799LL, &in->at) != 0 ||
		    (v[1] && rd_text(r, v[1], "note", MODEL_NOTE_MAX, true, &note) != 0))
			return -1;
		in->note = xstrdup(note);
		(*n_out)++;
		rd_leave(r, mark);
	}
	return 0;
}

void codec_wr_outcome(cJSON *o, const struct outcome *out)
{
	if (out->calls)
		wr_int(o, "calls", out->calls);
	if (out->conversations)
		wr_int(o, "conversations", out->conversations);
	if (out->meetings)
		wr_int(o, "meetings", out->meetings);
}

cJSON *codec_wr_interruptions(const struct interruption *in, size_t n)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();

		wr_int(o, "at", in[i].at);
		if (in[i].note[0])
			cJSON_AddStringToObject(o, "note", in[i].note);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}
