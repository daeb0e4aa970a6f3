/* timer_state.c - value helpers for the focus timer's state. */
#include <stdlib.h>
#include <string.h>

#include "timer.h"
#include "xalloc.h"

void timer_state_init(struct timer_state *t)
{
	memset(t, 0, sizeof *t);
	t->industry = xstrdup("");
	t->title = xstrdup("");
}

void timer_state_clear(struct timer_state *t)
{
	free(t->industry);
	free(t->title);
	for (size_t i = 0; i < t->n_interruptions; i++)
		free(t->interruptions[i].note);
	free(t->interruptions);
	memset(t, 0, sizeof *t);
}

void timer_state_copy(struct timer_state *dst, const struct timer_state *src)
{
	*dst = *src;
	dst->industry = xstrdup(src->industry != NULL ? src->industry : "");
	dst->title = xstrdup(src->title != NULL ? src->title : "");
	dst->interruptions = NULL;
	if (src->n_interruptions > 0) {
		dst->interruptions = xcalloc(src->n_interruptions, sizeof *dst->interruptions);
		for (size_t i = 0; i < src->n_interruptions; i++) {
			dst->interruptions[i].at = src->interruptions[i].at;
			dst->interruptions[i].note = xstrdup(src->interruptions[i].note);
		}
	}
}

void timer_state_follow(struct timer_state *t, const struct block *b, const struct plan *p)
{
	const struct industry *ind = b->industry ? plan_industry_by_id(p, b->industry) : NULL;

	free(t->industry);
	free(t->title);
	t->industry = xstrdup(ind != NULL ? ind->name : "");
	t->color = ind != NULL ? ind->color : 0;
	t->title = xstrdup(b->title);
	t->kind = b->kind;
	t->planned_end = b->end;
	t->week = date_week_key(b->date);
}
