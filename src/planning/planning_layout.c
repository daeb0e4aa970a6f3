/* planning_layout.c - a week laid out from a template or from last week's
 * structure, optionally with staggered prospecting starts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "planning_int.h"
#include "xalloc.h"

/* The blocks a layout proposes, before niches and conflicts. */
struct layout {
	struct block *blocks;
	size_t n, cap;
};

static struct block *layout_push(struct layout *l)
{
	struct block *b;

	l->blocks = xgrow(l->blocks, &l->cap, l->n + 1, sizeof *l->blocks);
	b = &l->blocks[l->n++];
	block_init(b);
	return b;
}

static void layout_free(struct layout *l)
{
	for (size_t i = 0; i < l->n; i++)
		block_clear(&l->blocks[i]);
	free(l->blocks);
}

static int layout_order(const void *a, const void *b)
{
	const struct block *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

static void layout_from_template(const struct template *t, date_t monday, struct layout *l)
{
	for (size_t i = 0; i < t->n_blocks; i++) {
		const struct template_block *tb = &t->blocks[i];
		struct block *b = layout_push(l);

		b->date = date_week_day(monday, tb->weekday);
		b->start = tb->start;
		b->end = tb->end;
		b->kind = tb->kind;
		b->account = tb->kind == KIND_ACCOUNT ? tb->account : 0;
		b->for_quota = tb->for_quota;
		block_set_title(b, tb->title != NULL ? tb->title : "");
	}
}

/* Last week's structure: what it planned, without what it did. */
static void layout_from_week(const struct week *last, date_t monday, struct layout *l)
{
	for (size_t i = 0; last != NULL && i < week_block_count(last); i++) {
		const struct block *src = week_block_at(last, i);
		struct block *b;

		if (src->kind == KIND_MEETING || src->carried_from[0] != '\0')
			continue;
		b = layout_push(l);
		b->date = date_week_day(monday, date_weekday(src->date));
		b->start = src->start;
		b->end = src->end;
		b->kind = src->kind;
		b->industry = src->industry;
		b->account = src->account;
		b->for_quota = src->for_quota;
		block_set_title(b, src->title);
	}
}

/* Does day's prospecting, shifted by `shift` minutes, fit the day and miss
 * the layout's other blocks that day? */
static bool layout_shift_fits(const struct layout *l, date_t day, int shift, int day_end)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct block *b = &l->blocks[i];

		if (b->date != day || b->kind != KIND_PROSPECTING)
			continue;
		if (b->end + shift > day_end)
			return false;
		for (size_t j = 0; j < l->n; j++)
			if (l->blocks[j].kind != KIND_PROSPECTING &&
			    planning_overlap(&l->blocks[j], day, b->start + shift, b->end + shift))
				return false;
	}
	return true;
}

static bool layout_has_prospecting(const struct layout *l, date_t day)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->blocks[i].date == day && l->blocks[i].kind == KIND_PROSPECTING)
			return true;
	return false;
}

/* See "Stagger" in planning.h; the blocks are in date order. */
static void layout_stagger(struct layout *l, const struct settings *s)
{
	int k = 0;

	for (size_t i = 0; i < l->n; i++) {
		date_t day = l->blocks[i].date;
		int shift;

		if ((i > 0 && l->blocks[i - 1].date == day) || !layout_has_prospecting(l, day))
			continue;
		shift = (k++ % PLANNING_STAGGER) * s->slot;
		while (shift > 0 && !layout_shift_fits(l, day, shift, s->day_end))
			shift -= s->slot;
		for (size_t j = i; j < l->n && l->blocks[j].date == day; j++)
			if (l->blocks[j].kind == KIND_PROSPECTING) {
				l->blocks[j].start += shift;
				l->blocks[j].end += shift;
			}
	}
}

static const char *layout_block_name(const struct block *b)
{
	return b->title[0] ? b->title : model_kind_name(b->kind);
}

/* Same block already there: nothing to add. */
static bool layout_same(const struct block *a, const struct block *b)
{
	return a->date == b->date && a->start == b->start && a->end == b->end &&
	       a->kind == b->kind && a->industry == b->industry && a->account == b->account &&
	       strcmp(a->title, b->title) == 0;
}

/* Lists the base's blocks under it; blocks it when one may not be replaced. */
static void layout_conflicts(const struct week *base, struct planning_item *it)
{
	const struct block *b = &it->block;
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

	for (size_t i = 0; i < week_block_count(base); i++) {
		const struct block *o = week_block_at(base, i);

		if (!planning_overlap(o, b->date, b->start, b->end))
			continue;
		date_time_show(o->start, s);
		date_time_show(o->end, e);
		if (layout_same(o, b)) {
			planning_item_block(it, "already planned");
			it->present = true;
			return;
		}
		if (o->kind == KIND_MEETING || planning_block_worked(base, o)) {
			char why[320];

			snprintf(why, sizeof why, "overlaps %s \"%.200s\" (%s-%s), which stays",
				 o->kind == KIND_MEETING ? "the meeting" : "the worked block",
				 layout_block_name(o), s, e);
			planning_item_block(it, why);
			return;
		}
		planning_item_add_conflict(it, o->id);
		planning_item_why(it, "%s%soverlaps \"%.200s\" (%s-%s)", it->why,
				  it->why[0] ? "; " : "", layout_block_name(o), s, e);
	}
}

/* s with the first `from` (any case) replaced by `to` into out (free()), or
 * NULL when s does not hold it. */
static char *layout_replace(const char *s, const char *from, const char *to)
{
	size_t n = strlen(from);
	struct buf out = BUF_INIT;

	for (const char *p = s; n > 0 && *p; p++) {
		if (strncasecmp(p, from, n) != 0)
			continue;
		buf_add(&out, s, (size_t)(p - s));
		buf_adds(&out, to);
		buf_adds(&out, p + n);
		return buf_take(&out);
	}
	return NULL;
}

/* The title for industry `id`, the one the block is laid out for: the
 * template's token, or (copied) the name of the industry it had. */
static void layout_title(const struct plan *p, struct block *b, int id, int was)
{
	const struct industry *ind = plan_industry_by_id(p, id);
	const struct industry *old = was != 0 ? plan_industry_by_id(p, was) : NULL;
	char *t = NULL;

	if (ind == NULL)
		return;
	if (old == NULL)
		t = layout_replace(b->title, PLANNING_INDUSTRY_TOKEN, ind->name);
	else if (old->id != ind->id)
		t = layout_replace(b->title, old->name, ind->name);
	if (t != NULL && strlen(t) <= MODEL_TITLE_MAX)
		block_set_title(b, t);
	free(t);
}

/* A block carried over into the week (the review's c, before this
 * planning) that already books the customer of account block b: laying out
 * the routine too would book them twice (planning.h, "booked once"). */
static const struct block *layout_carried_customer(const struct week *base, const struct block *b)
{
	if (b->kind != KIND_ACCOUNT || b->account == 0)
		return NULL;
	for (size_t i = 0; i < week_block_count(base); i++) {
		const struct block *o = week_block_at(base, i);

		if (o->kind == KIND_ACCOUNT && o->account == b->account &&
		    o->carried_from[0] != '\0' && o->status == STATUS_PLANNED)
			return o;
	}
	return NULL;
}

/* Offered, not chosen, when a carried block books its customer already. */
static void layout_once_per_customer(const struct planning *pl, const struct week *base,
				     struct planning_item *it)
{
	const struct block *there = layout_carried_customer(base, &it->block);
	const struct account *acc;
	char when[16];

	if (there == NULL || !it->chosen)
		return;
	acc = plan_account_by_id(pl->plan, there->account);
	date_format_short(there->date, when);
	it->chosen = false;
	planning_item_why(it, "the week already plans %s: \"%.60s\" on %s, carried over",
			  acc != NULL ? acc->name : "this account", there->title, when);
}

/* One proposed block: its niche, its conflicts, a trial on w. */
static void layout_item(struct planning *pl, const struct week *base, struct week *w,
			const struct block *src, bool from_template)
{
	struct planning_item *it = planning_item_new(pl, PLANNING_LAYOUT, PLANNING_ADD);
	char when[16];

	block_clear(&it->block);
	block_copy(&it->block, src);
	if (it->block.kind == KIND_PROSPECTING) {
		int niche = week_niche_at(w, src->date, src->start);

		if (niche != 0 || from_template)
			it->block.industry = niche;
		layout_title(pl->plan, &it->block, it->block.industry,
			     from_template ? 0 : src->industry);
	} else if (from_template) {
		/* Any block may name the day's industry. */
		layout_title(pl->plan, &it->block, week_niche_at(w, src->date, src->start), 0);
	}
	if (it->block.kind == KIND_PROSPECTING && it->block.industry == 0) {
		date_format_short(src->date, when);
		planning_item_block(it, "");
		planning_item_why(it, "%s has no niche for prospecting; give it one first", when);
		return;
	}
	layout_conflicts(base, it);
	if (it->blocked)
		return;
	it->chosen = it->n_conflicts == 0;
	layout_once_per_customer(pl, base, it);
	planning_item_try(pl, w, pl->n_items - 1);
}

int planning_compute_layout(struct planning *pl, struct error *err)
{
	struct week *w = planning_sim(pl, PLANNING_LAYOUT, err);
	struct week *base;
	struct layout l = { 0 };
	bool from_template = pl->tmpl.name != NULL;

	if (w == NULL)
		return -1;
	base = week_clone(w);
	if (from_template)
		layout_from_template(&pl->tmpl, week_monday(w), &l);
	else
		layout_from_week(planning_last(pl), week_monday(w), &l);
	if (l.n > 0)
		qsort(l.blocks, l.n, sizeof *l.blocks, layout_order);
	if (pl->stagger)
		layout_stagger(&l, plan_settings(pl->plan));
	for (size_t i = 0; i < l.n; i++)
		layout_item(pl, base, w, &l.blocks[i], from_template);
	layout_free(&l);
	week_free(base);
	week_free(w);
	return 0;
}

/* A prospecting block's title with its industry's name as the token. */
static char *template_title(const struct plan *p, const struct block *b)
{
	const struct industry *ind = b->kind == KIND_PROSPECTING ? plan_industry_by_id(p, b->industry)
								 : NULL;
	char *t = ind != NULL ? layout_replace(b->title, ind->name, PLANNING_INDUSTRY_TOKEN) : NULL;

	if (t != NULL && strlen(t) <= MODEL_TITLE_MAX)
		return t;
	free(t);
	return xstrdup(b->title);
}

size_t planning_template_from_week(const struct plan *p, const struct week *w, const char *name,
				   struct template *out)
{
	size_t n = 0;

	out->name = xstrdup(name);
	out->blocks = xcalloc(week_block_count(w) + 1, sizeof *out->blocks);
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		struct template_block *tb = &out->blocks[n];

		if (b->kind == KIND_MEETING || b->carried_from[0] != '\0')
			continue;
		tb->weekday = date_weekday(b->date);
		tb->start = b->start;
		tb->end = b->end;
		tb->kind = b->kind;
		tb->account = b->kind == KIND_ACCOUNT ? b->account : 0;
		tb->title = template_title(p, b);
		tb->for_quota = b->for_quota;
		n++;
	}
	out->n_blocks = n;
	return n;
}
