/* app_words.c - names for shell completion, read-only. */
#include "app_words.h"

#include <stdlib.h>

#include "app_int.h"
#include "store.h"

static void words_plan(const struct plan *p, enum app_words kind, struct buf *out)
{
	size_t n = kind == APP_WORDS_INDUSTRIES ? plan_industry_count(p)
		   : kind == APP_WORDS_ACCOUNTS ? plan_account_count(p)
						: plan_template_count(p);

	for (size_t i = 0; i < n; i++) {
		if (kind == APP_WORDS_INDUSTRIES && !plan_industry_at(p, i)->archived)
			buf_addf(out, "%s\tindustry\n", plan_industry_at(p, i)->name);
		else if (kind == APP_WORDS_ACCOUNTS && !plan_account_at(p, i)->archived)
			buf_addf(out, "%s\taccount\n", plan_account_at(p, i)->name);
		else if (kind == APP_WORDS_TEMPLATES)
			buf_addf(out, "%s\ttemplate\n", plan_template_at(p, i)->name);
	}
}

static int words_blocks(struct store *st, const struct plan *p, date_t today, struct buf *out,
			struct error *err)
{
	struct week *w;

	if (store_load_week(st, p, date_week_key(today), &w, err) != 0)
		return -1;
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		char day[16], start[6];

		date_format_short(b->date, day);
		date_time_format(b->start, start);
		buf_addf(out, "%s\t%s %s %s\n", b->id, day, start,
			 b->title[0] ? b->title : model_kind_name(b->kind));
	}
	week_free(w);
	return 0;
}

int app_words(const char *data_flag, enum app_words kind, date_t today, struct buf *out,
	      struct error *err)
{
	struct store *st;
	struct plan *p;
	int rc = 0;

	if (app_folder_peek(data_flag, &st, &p, err) != 0)
		return -1;
	if (p != NULL && kind == APP_WORDS_BLOCKS)
		rc = words_blocks(st, p, today, out, err);
	else if (p != NULL)
		words_plan(p, kind, out);
	plan_free(p);
	store_close(st);
	return rc;
}
