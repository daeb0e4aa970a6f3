/* history.c - undo and redo of the changes made in a session. */
#include "history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct history {
	size_t limit;
	struct history_change *undo;   /* oldest first */
	size_t n_undo, cap_undo;
	struct history_change *redo;   /* most recently undone last */
	size_t n_redo, cap_redo;
};

struct history *history_new(size_t limit)
{
	struct history *h = xcalloc(1, sizeof *h);

	h->limit = limit ? limit : 1;
	return h;
}

static void change_clear(struct history_change *c)
{
	for (size_t i = 0; i < c->n; i++) {
		week_free(c->before[i]);
		week_free(c->after[i]);
	}
	c->n = 0;
}

void history_clear(struct history *h)
{
	for (size_t i = 0; i < h->n_undo; i++)
		change_clear(&h->undo[i]);
	for (size_t i = 0; i < h->n_redo; i++)
		change_clear(&h->redo[i]);
	h->n_undo = h->n_redo = 0;
}

void history_free(struct history *h)
{
	if (h == NULL)
		return;
	history_clear(h);
	free(h->undo);
	free(h->redo);
	free(h);
}

void history_push(struct history *h, const char *label, struct week *const *before,
		  struct week *const *after, size_t n)
{
	struct history_change c = { 0 };

	if (n > HISTORY_WEEKS_MAX)
		n = HISTORY_WEEKS_MAX;
	snprintf(c.label, sizeof c.label, "%s", label);
	c.n = n;
	for (size_t i = 0; i < n; i++) {
		c.before[i] = week_clone(before[i]);
		c.after[i] = week_clone(after[i]);
	}
	for (size_t i = 0; i < h->n_redo; i++)
		change_clear(&h->redo[i]);
	h->n_redo = 0;
	if (h->n_undo == h->limit) {
		change_clear(&h->undo[0]);
		memmove(&h->undo[0], &h->undo[1], (h->n_undo - 1) * sizeof *h->undo);
		h->n_undo--;
	}
	h->undo = xgrow(h->undo, &h->cap_undo, h->n_undo + 1, sizeof *h->undo);
	h->undo[h->n_undo++] = c;
}

const struct history_change *history_undo_peek(const struct history *h)
{
	return h->n_undo ? &h->undo[h->n_undo - 1] : NULL;
}

const struct history_change *history_redo_peek(const struct history *h)
{
	return h->n_redo ? &h->redo[h->n_redo - 1] : NULL;
}

void history_undone(struct history *h)
{
	if (h->n_undo == 0)
		return;
	h->redo = xgrow(h->redo, &h->cap_redo, h->n_redo + 1, sizeof *h->redo);
	h->redo[h->n_redo++] = h->undo[--h->n_undo];
}

void history_redone(struct history *h)
{
	if (h->n_redo == 0)
		return;
	h->undo = xgrow(h->undo, &h->cap_undo, h->n_undo + 1, sizeof *h->undo);
	h->undo[h->n_undo++] = h->redo[--h->n_redo];
}

size_t history_undo_count(const struct history *h)
{
	return h->n_undo;
}

size_t history_redo_count(const struct history *h)
{
	return h->n_redo;
}
