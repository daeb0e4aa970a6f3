/* plan_sample.c - the sample plan's marks: its industries and accounts,
 * the ids of its blocks, its quota; all forgotten at once. */
#include <stdio.h>
#include <string.h>

#include "plan_int.h"
#include "xalloc.h"

int plan_mark_sample(struct plan *p, int industry, int account, struct error *err)
{
	struct industry *ind = NULL;
	struct account *acc = NULL;

	for (size_t i = 0; i < p->n_industries; i++)
		if (industry && p->industries[i].id == industry)
			ind = &p->industries[i];
	for (size_t i = 0; i < p->n_accounts; i++)
		if (account && p->accounts[i].id == account)
			acc = &p->accounts[i];
	if (ind != NULL)
		ind->sample = true;
	if (acc != NULL)
		acc->sample = true;
	if (ind != NULL || acc != NULL)
		return 0;
	return error_set(err, ERR_NOTFOUND, "no industry %d or account %d to mark", industry,
			 account);
}

int plan_note_sample_block(struct plan *p, const char *id, struct error *err)
{
	if (strlen(id) >= MODEL_ID_MAX || id[0] == '\0')
		return error_set(err, ERR_USAGE, "\"%s\" is not a block id", id);
	if (p->n_sample_blocks >= MODEL_WEEK_BLOCKS_MAX)
		return error_set(err, ERR_REFUSED, "the sample notes at most %d blocks",
				 MODEL_WEEK_BLOCKS_MAX);
	p->sample_blocks = xrealloc(p->sample_blocks,
				    (p->n_sample_blocks + 1) * sizeof *p->sample_blocks);
	snprintf(p->sample_blocks[p->n_sample_blocks++], MODEL_ID_MAX, "%s", id);
	return 0;
}

void plan_note_sample_quota(struct plan *p, bool set)
{
	p->sample_quota = set;
}

bool plan_sample_quota(const struct plan *p)
{
	return p->sample_quota;
}

size_t plan_sample_block_count(const struct plan *p)
{
	return p->n_sample_blocks;
}

const char *plan_sample_block_at(const struct plan *p, size_t i)
{
	return i < p->n_sample_blocks ? p->sample_blocks[i] : NULL;
}

bool plan_has_sample(const struct plan *p)
{
	for (size_t i = 0; i < p->n_industries; i++)
		if (p->industries[i].sample)
			return true;
	for (size_t i = 0; i < p->n_accounts; i++)
		if (p->accounts[i].sample)
			return true;
	return p->n_sample_blocks > 0 || p->sample_quota;
}

void plan_forget_sample(struct plan *p)
{
	for (size_t i = 0; i < p->n_industries; i++)
		p->industries[i].sample = false;
	for (size_t i = 0; i < p->n_accounts; i++)
		p->accounts[i].sample = false;
	p->n_sample_blocks = 0;
	p->sample_quota = false;
}
