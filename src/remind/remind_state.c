/* remind_state.c - what `focusweek remind` gave already, and up to when it
 * looked, kept in the data folder so that a restart or the next --once
 * gives nothing twice.
 *
 *   since 1764580000
 *   given start 2026W49-3 1764579880
 *
 * Lines that do not read are skipped: the notes are not data.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remind_int.h"
#include "xalloc.h"

#define STATE_GIVEN_MAX 10000 /* reminders noted, at most */

static const char *const event_names[REMIND_EV_COUNT] = { "start", "end", "timer" };

void remind_state_init(struct remind_state *st, instant_t since)
{
	memset(st, 0, sizeof *st);
	st->since = since;
}

void remind_state_free(struct remind_state *st)
{
	free(st->given);
	memset(st, 0, sizeof *st);
}

static bool state_match(const struct remind_key *k, enum remind_event ev, const char *id,
			instant_t due)
{
	return k->event == ev && k->due == due && strcmp(k->id, id) == 0;
}

bool remind_state_given(const struct remind_state *st, const struct reminder *r)
{
	for (size_t i = 0; i < st->n; i++)
		if (state_match(&st->given[i], r->event, r->id, r->due))
			return true;
	return false;
}

static void state_put(struct remind_state *st, enum remind_event ev, const char *id,
		      instant_t due)
{
	struct remind_key *k;

	if (st->n == STATE_GIVEN_MAX) {
		/* The oldest goes: it is the least likely to come due again. */
		memmove(st->given, st->given + 1, (st->n - 1) * sizeof *st->given);
		st->n--;
	}
	st->given = xgrow(st->given, &st->cap, st->n + 1, sizeof *st->given);
	k = &st->given[st->n++];
	k->event = ev;
	k->due = due;
	snprintf(k->id, sizeof k->id, "%s", id);
}

void remind_state_add(struct remind_state *st, const struct reminder *r)
{
	if (!remind_state_given(st, r))
		state_put(st, r->event, r->id, r->due);
}

void remind_state_prune(struct remind_state *st, instant_t before)
{
	size_t k = 0;

	for (size_t i = 0; i < st->n; i++)
		if (st->given[i].due >= before)
			st->given[k++] = st->given[i];
	st->n = k;
}

void remind_state_format(const struct remind_state *st, struct buf *out)
{
	buf_addf(out, "since %" PRId64 "\n", st->since);
	for (size_t i = 0; i < st->n; i++)
		buf_addf(out, "given %s %s %" PRId64 "\n", event_names[st->given[i].event],
			 st->given[i].id, st->given[i].due);
}

/* One "given EVENT ID DUE" line; ignored unless it reads whole. */
static void state_line_given(struct remind_state *st, const char *line)
{
	char ev[8], id[MODEL_ID_MAX];
	int64_t due;
	int n = 0;

	if (sscanf(line, "given %7s %23s %" SCNd64 "%n", ev, id, &due, &n) != 3 ||
	    line[n] != '\0')
		return;
	for (int e = 0; e < REMIND_EV_COUNT; e++)
		if (strcmp(ev, event_names[e]) == 0)
			state_put(st, (enum remind_event)e, id, due);
}

void remind_state_parse(struct remind_state *st, const char *text, instant_t now)
{
	const char *p = text;

	remind_state_init(st, now - REMIND_FIRST_LOOKBACK);
	while (*p) {
		size_t n = strcspn(p, "\n");
		char line[128];
		int64_t v;
		int used = 0;

		if (n < sizeof line) {
			memcpy(line, p, n);
			line[n] = '\0';
			if (sscanf(line, "since %" SCNd64 "%n", &v, &used) == 1 && line[used] == '\0') {
				st->since = v;
			} else {
				state_line_given(st, line);
			}
		}
		p += n + (p[n] == '\n');
	}
	/* A clock that reads earlier than the notes: look on from now. */
	if (st->since > now)
		st->since = now;
	remind_state_prune(st, now - REMIND_KEEP_SECONDS);
}
