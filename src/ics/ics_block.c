/* ics_block.c - a block's own calendar file read back: what a calendar
 * made of it (moved, renamed, cancelled), and the title it gives the block.
 * The file itself is written by ics_block_render (ics_export.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "xalloc.h"

#define TITLE_JOIN " — " /* between the kind and who, and the title (ics_export.c) */

static void back_unusable(struct ics_back *out, const char *why)
{
	out->kind = ICS_BACK_UNUSABLE;
	snprintf(out->why, sizeof out->why, "%s", why);
}

/* What the calendar's events say, when they are not one timed event. */
static bool back_odd(const struct ics_calendar *cal, struct ics_back *out)
{
	const struct ics_event *e = cal->n_events > 0 ? &cal->events[0] : NULL;

	if (cal->n_events == 0 && cal->n_cancelled > 0)
		out->kind = ICS_BACK_CANCELLED;
	else if (cal->n_events == 0 && cal->n_free > 0)
		back_unusable(out, "it is shown as free in the calendar");
	else if (cal->n_events == 0)
		back_unusable(out, "the calendar left it without a time");
	else if (cal->n_events > 1)
		back_unusable(out, "the calendar made more than one event of it");
	else if (e->all_day)
		back_unusable(out, "it was made an all-day event in the calendar");
	else if (e->first != e->last)
		back_unusable(out, "it runs over midnight in the calendar");
	else
		return false;
	return true;
}

int ics_block_read(const char *text, size_t len, struct ics_back *out, struct error *err)
{
	struct ics_calendar *cal;

	memset(out, 0, sizeof *out);
	if (ics_text_repeats(text, len)) {
		back_unusable(out, "it was made a repeating event in the calendar");
		return 0;
	}
	/* One event, whenever it lies: no range can leave it out. */
	if (ics_parse(text, len, date_from_ymd(DATE_YEAR_MIN, 1, 1),
		      date_from_ymd(DATE_YEAR_MAX, 12, 31), &cal, err) != 0)
		return -1;
	if (cal->n_uids > 0)
		out->uid = xstrdup(cal->uids[0]);
	if (!back_odd(cal, out)) {
		const struct ics_event *e = &cal->events[0];

		out->kind = ICS_BACK_EVENT;
		out->date = e->first;
		out->start = e->start;
		out->end = e->end;
		out->title = xstrdup(e->title);
	}
	ics_calendar_free(cal);
	return 0;
}

void ics_back_clear(struct ics_back *b)
{
	free(b->uid);
	free(b->title);
	memset(b, 0, sizeof *b);
}

char *ics_block_title_from(const struct plan *p, const struct block *b, const char *summary)
{
	struct block bare = *b;
	struct buf pre = BUF_INIT;
	size_t n;
	char *title;

	/* What focusweek writes before a title: "Prospecting · Healthcare". */
	bare.title = "";
	ics_block_summary(p, &bare, &pre);
	n = pre.len;
	if (strcmp(summary, buf_str(&pre)) == 0)
		title = xstrdup("");
	else if (strncmp(summary, buf_str(&pre), n) == 0 &&
		 strncmp(summary + n, TITLE_JOIN, strlen(TITLE_JOIN)) == 0)
		title = xstrdup(summary + n + strlen(TITLE_JOIN));
	else
		title = xstrdup(summary);
	buf_free(&pre);
	return title;
}
