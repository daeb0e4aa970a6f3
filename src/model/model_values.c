/* model_values.c - names of the model's enums, and value helpers for blocks,
 * sessions and templates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"
#include "xalloc.h"

static const char *const kind_names[KIND_COUNT] = {
	[KIND_PROSPECTING] = "prospecting",
	[KIND_ACCOUNT] = "account",
	[KIND_ADMIN] = "admin",
	[KIND_OTHER] = "other",
	[KIND_MEETING] = "meeting",
};

static const char *const status_names[STATUS_COUNT] = {
	[STATUS_PLANNED] = "planned",
	[STATUS_DONE] = "done",
	[STATUS_SKIPPED] = "skipped",
};

static const char *const session_end_names[] = {
	[SESSION_DONE] = "done",
	[SESSION_CUT_SHORT] = "cut-short",
	[SESSION_ABANDONED] = "abandoned",
};

static int model_lookup(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *model_kind_name(enum block_kind kind)
{
	return kind < KIND_COUNT ? kind_names[kind] : "?";
}

int model_kind_parse(const char *s, enum block_kind *out)
{
	int i = -1;

	/* As a person types it: "Prospecting" is prospecting. */
	for (int k = 0; k < KIND_COUNT && i < 0; k++)
		if (strcasecmp(kind_names[k], s) == 0)
			i = k;
	if (i < 0)
		return -1;
	*out = (enum block_kind)i;
	return 0;
}

const char *model_status_name(enum block_status st)
{
	return st < STATUS_COUNT ? status_names[st] : "?";
}

int model_status_parse(const char *s, enum block_status *out)
{
	int i = model_lookup(status_names, STATUS_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum block_status)i;
	return 0;
}

const char *model_focus_name(enum focus_rule f)
{
	return f == FOCUS_HALF_DAY ? "half-day" : "day";
}

int model_focus_parse(const char *s, enum focus_rule *out)
{
	if (strcmp(s, "day") == 0)
		*out = FOCUS_DAY;
	else if (strcmp(s, "half-day") == 0)
		*out = FOCUS_HALF_DAY;
	else
		return -1;
	return 0;
}

const char *model_part_name(enum day_part p)
{
	static const char *const names[PART_COUNT] = { "day", "am", "pm" };

	return p < PART_COUNT ? names[p] : "?";
}

const char *model_session_end_name(enum session_end e)
{
	return e <= SESSION_ABANDONED ? session_end_names[e] : "?";
}

int model_session_end_parse(const char *s, enum session_end *out)
{
	int i = model_lookup(session_end_names, 3, s);

	if (i < 0)
		return -1;
	*out = (enum session_end)i;
	return 0;
}

void block_init(struct block *b)
{
	memset(b, 0, sizeof *b);
	b->title = xstrdup("");
	b->note = xstrdup("");
	b->for_quota = true;
}

void block_copy(struct block *dst, const struct block *src)
{
	*dst = *src;
	dst->title = xstrdup(src->title != NULL ? src->title : "");
	dst->note = xstrdup(src->note != NULL ? src->note : "");
	dst->uid = src->uid != NULL ? xstrdup(src->uid) : NULL;
}

void block_clear(struct block *b)
{
	free(b->title);
	free(b->note);
	free(b->uid);
	b->title = b->note = b->uid = NULL;
}

void block_set_title(struct block *b, const char *title)
{
	free(b->title);
	b->title = xstrdup(title);
}

void block_set_note(struct block *b, const char *note)
{
	free(b->note);
	b->note = xstrdup(note);
}

void block_set_uid(struct block *b, const char *uid)
{
	free(b->uid);
	b->uid = uid != NULL ? xstrdup(uid) : NULL;
}

int block_minutes(const struct block *b)
{
	return b->end - b->start;
}

int model_id_week(const char *id)
{
	int key = 0;

	/* "YYYYWww-": four digits, W, two digits, a dash. */
	for (int i = 0; i < 8; i++) {
		bool digit = id[i] >= '0' && id[i] <= '9';

		if (i == 4 ? id[i] != 'W' : i == 7 ? id[i] != '-' : !digit)
			return 0;
		if (digit)
			key = key * 10 + (id[i] - '0');
	}
	return date_week_valid(key) ? key : 0;
}

void session_copy(struct session *dst, const struct session *src)
{
	*dst = *src;
	dst->interruptions = NULL;
	if (src->n_interruptions > 0) {
		dst->interruptions = xcalloc(src->n_interruptions, sizeof *dst->interruptions);
		for (size_t i = 0; i < src->n_interruptions; i++) {
			dst->interruptions[i].at = src->interruptions[i].at;
			dst->interruptions[i].note = xstrdup(src->interruptions[i].note);
		}
	}
}

void session_clear(struct session *s)
{
	for (size_t i = 0; i < s->n_interruptions; i++)
		free(s->interruptions[i].note);
	free(s->interruptions);
	s->interruptions = NULL;
	s->n_interruptions = 0;
}

void template_copy(struct template *dst, const struct template *src)
{
	dst->name = xstrdup(src->name);
	dst->n_blocks = src->n_blocks;
	dst->blocks = src->n_blocks ? xcalloc(src->n_blocks, sizeof *dst->blocks) : NULL;
	for (size_t i = 0; i < src->n_blocks; i++) {
		dst->blocks[i] = src->blocks[i];
		dst->blocks[i].title = xstrdup(src->blocks[i].title ? src->blocks[i].title : "");
	}
}

int64_t model_account_target(int64_t baseline)
{
	int64_t keep = 100 - MODEL_ACCOUNT_CUT;

	return (baseline * keep * 2 + 100) / 200;
}

int template_minutes(const struct template *t)
{
	int total = 0;

	for (size_t i = 0; i < t->n_blocks; i++)
		total += t->blocks[i].end - t->blocks[i].start;
	return total;
}

void template_clear(struct template *t)
{
	for (size_t i = 0; i < t->n_blocks; i++)
		free(t->blocks[i].title);
	free(t->blocks);
	free(t->name);
	t->blocks = NULL;
	t->name = NULL;
	t->n_blocks = 0;
}
