/* ics_notes.c - what a calendar holds that was not imported as written:
 * kept with its line and why, and told as text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "xalloc.h"

#define NOTE_WHY_MAX 300  /* bytes of one reason */

struct ics_note *ics_note_vpush(struct ics_note **notes, size_t *n, enum ics_note_kind kind,
				int line, const char *title, const char *fmt, va_list ap)
{
	struct ics_note *note;
	char why[NOTE_WHY_MAX];

	/* Capacity doubles at each power of two, so the count alone tracks it. */
	if (*n == 0 || (*n & (*n - 1)) == 0)
		*notes = xrealloc(*notes, (*n ? *n * 2 : 1) * sizeof **notes);
	vsnprintf(why, sizeof why, fmt, ap);
	note = &(*notes)[(*n)++];
	memset(note, 0, sizeof *note);
	note->kind = kind;
	note->line = line;
	note->title = title != NULL ? xstrdup(title) : NULL;
	note->why = xstrdup(why);
	return note;
}

struct ics_note *ics_note_add(struct ics_calendar *cal, enum ics_note_kind kind, int line,
			      const char *title, const char *fmt, ...)
{
	struct ics_note *note;
	va_list ap;

	va_start(ap, fmt);
	note = ics_note_vpush(&cal->notes, &cal->n_notes, kind, line, title, fmt, ap);
	va_end(ap);
	return note;
}

void ics_note_count(struct ics_note *n, date_t day)
{
	if (n->count == 0 || day < n->first)
		n->first = day;
	n->count++;
}

static int note_order(const void *pa, const void *pb)
{
	const struct ics_note *a = pa, *b = pb;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->why, b->why);
}

void ics_notes_sort(struct ics_note *notes, size_t n)
{
	if (n > 1)
		qsort(notes, n, sizeof *notes, note_order);
}

struct ics_note *ics_notes_copy(const struct ics_note *src, size_t n)
{
	size_t cap = 1;
	struct ics_note *out;

	while (cap < n)
		cap *= 2; /* as ics_note_vpush grows it */
	out = n > 0 ? xcalloc(cap, sizeof *out) : NULL;

	for (size_t i = 0; i < n; i++) {
		out[i] = src[i];
		out[i].title = src[i].title != NULL ? xstrdup(src[i].title) : NULL;
		out[i].why = xstrdup(src[i].why);
	}
	return out;
}

void ics_notes_free(struct ics_note *notes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(notes[i].title);
		free(notes[i].why);
	}
	free(notes);
}

const struct ics_note *ics_notes_problem(const struct ics_note *notes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (notes[i].kind != ICS_NOTE_LEFT_OUT)
			return &notes[i];
	return NULL;
}

/* ---------------------------------------------------------------- text */

static void note_heading(struct buf *out, enum ics_note_kind kind, size_t n)
{
	const char *s = n == 1 ? "" : "s";

	switch (kind) {
	case ICS_NOTE_SKIPPED:
		buf_addf(out, "  skipped %zu event%s whose time cannot be worked out:\n", n, s);
		break;
	case ICS_NOTE_LEFT_OUT:
		buf_addf(out, "  left out %zu event%s that %s no busy time:\n", n, s,
			 n == 1 ? "is" : "are");
		break;
	case ICS_NOTE_ASSUMED:
		buf_addf(out, "  read %zu event%s on an assumption:\n", n, s);
		break;
	case ICS_NOTE_IGNORED:
		buf_addf(out, "  ignored %zu line%s that change%s no time:\n", n, s,
			 n == 1 ? "s" : "");
		break;
	}
}

static void note_line(struct buf *out, const struct ics_note *n)
{
	char day[16];

	buf_addf(out, "    line %d", n->line);
	if (n->title != NULL)
		buf_addf(out, " \"%s\"", n->title);
	if (n->count > 0) {
		date_format_short(n->first, day);
		if (n->count == 1)
			buf_addf(out, " (%s)", day);
		else
			buf_addf(out, " (%zu times from %s)", n->count, day);
	}
	buf_addf(out, ": %s\n", n->why);
}

void ics_notes_text(const struct ics_note *notes, size_t n, struct buf *out)
{
	for (int kind = 0; kind < ICS_NOTE_KINDS; kind++) {
		size_t count = 0;

		for (size_t i = 0; i < n; i++)
			count += notes[i].kind == (enum ics_note_kind)kind;
		if (count == 0)
			continue;
		note_heading(out, (enum ics_note_kind)kind, count);
		for (size_t i = 0; i < n; i++)
			if (notes[i].kind == (enum ics_note_kind)kind)
				note_line(out, &notes[i]);
	}
}
