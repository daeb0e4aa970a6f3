/* app_words.c - names for shell completion, read-only. */
#include "app_words.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

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
	struct plan *p = NULL;
	struct stat sb;
	char *dir = store_default_dir(data_flag, err);
	int rc;

	if (dir == NULL)
		return -1;
	if (stat(dir, &sb) != 0 && errno == ENOENT) {
		free(dir);
		return 0;
	}
	rc = store_open(&st, dir, false, err);
	free(dir);
	if (rc != 0)
		return -1;
	if (!store_is_fresh(st) && (rc = store_load_plan(st, &p, err)) == 0) {
		if (kind == APP_WORDS_BLOCKS)
			rc = words_blocks(st, p, today, out, err);
		else
			words_plan(p, kind, out);
	}
	plan_free(p);
	store_close(st);
	return rc;
}
