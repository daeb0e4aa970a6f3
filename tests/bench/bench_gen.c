/* bench_gen.c - realistic plans of many years, written through the store.
 *
 * About 2,500 blocks a year: each work day has one niche (four industries
 * rotated one per day) and about ten blocks (prospecting in the niche,
 * account time, admin, other).  Past blocks are mostly done with outcomes,
 * some skipped or left unfinished; most done blocks carry a timer session,
 * some with pauses and interruptions; about one sale a week.  Each week is
 * drawn from a seed of its own and its niches follow the calendar, so a
 * given week is the same byte for byte in sets of any length: the sets
 * differ only in how much history lies behind it.  Each week is saved twice
 * (as planned, then as lived), so the folder also holds the NAME.bak files
 * a user's folder has.
 */
#include "bench.h"

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "store.h"
#include "xalloc.h"

static const char *const industries[4] = { "Healthcare", "Manufacturing", "Logistics",
					   "Retail" };
static const char *const audiences[4] = { "clinics 50-200 beds", "plant managers",
					  "regional carriers", "store owners" };
static const char *const accounts[12] = {
	"Northwind Clinics", "Contoso Freight", "Fabrikam Stores", "Adventure Works",
	"Tailspin Logistics", "Litware Health", "Proseware Plants", "Wingtip Retail",
	"Lucerne Medical", "Alpine Ski House", "Coho Distribution", "Woodgrove Care",
};
static const char *const notes[6] = {
	"ask for the fleet manager", "send the pricing sheet first",
	"gatekeeper: try after 4pm", "follow up on the pilot",
	"needs a case study from the same niche", "left a voicemail, call back Tuesday",
};
static const char *const interruption_notes[4] = { "", "phone", "colleague", "urgent email" };

/* One block of a generated day. */
struct slot {
	int start, end;
	enum block_kind kind;
	const char *before;  /* the title: before, the niche's audience or the */
	const char *after;   /* account (when `named`), after */
	bool named;
	bool optional;       /* dropped on some days */
	bool for_quota;
};

static const struct slot day_slots[] = {
	{ 8 * 60, 8 * 60 + 30, KIND_ADMIN, "Inbox and CRM", "", false, true, true },
	{ 8 * 60 + 30, 10 * 60, KIND_PROSPECTING, "Call list: ", "", true, false, true },
	{ 10 * 60, 10 * 60 + 30, KIND_OTHER, "Research: ", "", true, true, false },
	{ 10 * 60 + 30, 11 * 60 + 30, KIND_PROSPECTING, "Follow-up emails: ", "", true, false,
	  true },
	{ 11 * 60 + 30, 12 * 60, KIND_ADMIN, "Call notes", "", false, true, true },
	{ 13 * 60, 14 * 60, KIND_ACCOUNT, "", ": check-in", true, false, true },
	{ 14 * 60, 15 * 60, KIND_PROSPECTING, "LinkedIn outreach: ", "", true, false, true },
	{ 15 * 60, 16 * 60, KIND_ACCOUNT, "", ": QBR prep", true, true, true },
	{ 16 * 60, 17 * 60, KIND_PROSPECTING, "Referral calls: ", "", true, false, true },
	{ 17 * 60, 17 * 60 + 30, KIND_ADMIN, "Pipeline update", "", false, true, true },
};
#define N_SLOTS (sizeof day_slots / sizeof day_slots[0])

/* splitmix64: small, fast and the same everywhere. */
static uint64_t rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rng_below(uint64_t *s, int n)
{
	return (int)(rng_next(s) % (uint64_t)n);
}

static struct plan *gen_plan(void)
{
	struct plan *p = plan_new();
	struct quota q = { QUOTA_MONTH, 40000, "USD" };
	struct template t = { 0 };
	struct template_block tb[5 * N_SLOTS];

	for (int i = 0; i < 4; i++)
		plan_industry_add(p, industries[i], i + 1, NULL);
	for (int i = 0; i < 12; i++)
		plan_account_add(p, accounts[i], 60 + 30 * (i % 4), NULL);
	plan_set_quota(p, &q, NULL);
	/* The standard week as a template, as a user would keep it. */
	t.name = (char *)"Standard week";
	for (int d = 0; d < 5; d++) {
		for (size_t i = 0; i < N_SLOTS; i++) {
			struct template_block *b = &tb[t.n_blocks++];

			b->weekday = d;
			b->start = day_slots[i].start;
			b->end = day_slots[i].end;
			b->kind = day_slots[i].kind;
			b->account = day_slots[i].kind == KIND_ACCOUNT ? (int)(i + d) % 12 + 1 : 0;
			b->title = (char *)(day_slots[i].named ? "Planned block" : day_slots[i].before);
			b->for_quota = day_slots[i].for_quota;
		}
	}
	t.blocks = tb;
	plan_template_put(p, &t, NULL);
	return p;
}

/* What happened to a past block: status, outcome, note. */
/* Returns what was sold on the block (a sale naming it), or 0. */
static int64_t gen_outcome(struct block *b, uint64_t *rng)
{
	int r = rng_below(rng, 100), hours = block_minutes(b) / 60 + 1;

	if (r < 78) {
		b->status = STATUS_DONE;
		b->cut_short = rng_below(rng, 10) == 0;
	} else if (r < 88) {
		b->status = STATUS_SKIPPED;
	}
	if (b->status == STATUS_DONE && b->kind == KIND_PROSPECTING) {
		b->out.calls = 8 * hours + rng_below(rng, 9);
		b->out.conversations = 2 * hours + rng_below(rng, 4);
		b->out.meetings = rng_below(rng, 4) == 0 ? 1 + rng_below(rng, 2) : 0;
	}
	if (rng_below(rng, 12) == 0)
		block_set_note(b, notes[rng_below(rng, 6)]);
	if (b->status == STATUS_DONE && b->kind == KIND_ACCOUNT && rng_below(rng, 20) == 0)
		return 500 + 100 * rng_below(rng, 60);
	return 0;
}

/* The focus timer's run on a past block, with pauses and interruptions. */
static void gen_session(struct week *w, const struct block *b, uint64_t *rng,
			struct gen_stats *st)
{
	struct session s = { 0 };
	struct interruption in[2];
	int64_t planned = (int64_t)block_minutes(b) * 60, worked;
	instant_t t0;

	snprintf(s.block, sizeof s.block, "%s", b->id);
	clock_from_local(b->date, b->start, &t0);
	s.started = t0 + 60 * rng_below(rng, 5);
	s.paused = rng_below(rng, 3) == 0 ? 60 * (1 + rng_below(rng, 6)) : 0;
	if (b->status == STATUS_DONE) {
		s.end = b->cut_short ? SESSION_CUT_SHORT : SESSION_DONE;
		worked = b->cut_short ? planned * (50 + rng_below(rng, 40)) / 100 : planned;
	} else {
		s.end = SESSION_ABANDONED;
		worked = planned * (10 + rng_below(rng, 30)) / 100;
	}
	s.extended = s.end == SESSION_DONE && rng_below(rng, 15) == 0 ? 600 : 0;
	s.ended = s.started + worked + s.paused + s.extended;
	s.counted = b->out;
	s.n_interruptions = (size_t)(rng_below(rng, 10) < 6 ? 0 : rng_below(rng, 3) == 0 ? 2 : 1);
	for (size_t i = 0; i < s.n_interruptions; i++) {
		in[i].at = s.started + (int64_t)(i + 1) * worked / 3;
		in[i].note = (char *)interruption_notes[rng_below(rng, 4)];
	}
	s.interruptions = s.n_interruptions ? in : NULL;
	week_session_add(w, &s);
	st->sessions++;
	st->interruptions += (long long)s.n_interruptions;
}

static int gen_block(struct week *w, const struct plan *p, const struct slot *sl, date_t day,
		     int niche, bool past, uint64_t *rng, struct gen_stats *st, struct error *err)
{
	struct block b;
	char title[MODEL_TITLE_MAX], id[MODEL_ID_MAX];
	const char *fill = audiences[niche - 1];
	int64_t sold;
	int rc;

	block_init(&b);
	b.date = day;
	b.start = sl->start;
	b.end = sl->end;
	b.kind = sl->kind;
	b.for_quota = sl->for_quota;
	if (sl->kind == KIND_PROSPECTING)
		b.industry = niche;
	if (sl->kind == KIND_ACCOUNT) {
		b.account = 1 + rng_below(rng, 12);
		fill = accounts[b.account - 1];
	}
	snprintf(title, sizeof title, "%s%s%s", sl->before, sl->named ? fill : "", sl->after);
	block_set_title(&b, title);
	sold = past ? gen_outcome(&b, rng) : 0;
	rc = week_block_add(w, p, &b, id, err);
	if (rc == 0) {
		st->blocks++;
		st->done += b.status == STATUS_DONE;
		snprintf(b.id, sizeof b.id, "%s", id);
		if (sold > 0) {
			struct sale s = { .date = b.date, .amount = sold, .account = b.account };

			memcpy(s.block, b.id, sizeof s.block);
			week_sale_add(w, &s, NULL, NULL);
		}
		if (past && (b.status == STATUS_DONE ? rng_below(rng, 100) < 85
						     : b.status == STATUS_PLANNED &&
							       rng_below(rng, 3) == 0))
			gen_session(w, &b, rng, st);
	}
	block_clear(&b);
	return rc;
}

static void gen_sales(struct week *w, date_t today, uint64_t *rng, struct gen_stats *st)
{
	static const char *const what[3] = { "signed", "renewal", "" };
	int n = rng_below(rng, 3);

	for (int i = 0; i < n; i++) {
		struct sale s = { 0 };

		s.date = week_monday(w) + rng_below(rng, 5);
		if (s.date >= today)
			continue;
		s.amount = 500 + 100 * rng_below(rng, 195);
		s.industry = 1 + rng_below(rng, 4);
		s.account = rng_below(rng, 10) < 3 ? 1 + rng_below(rng, 12) : 0;
		s.note = (char *)what[rng_below(rng, 3)];
		if (week_sale_add(w, &s, NULL, NULL) == 0)
			st->sales++;
	}
}

/* One week: a niche a work day in rotation, about ten blocks a day. */
static struct week *gen_week(const struct plan *p, int key, date_t today, struct gen_stats *st,
			     struct error *err)
{
	struct week *w = week_new(p, key);
	uint64_t rng = 0x5eed0f0c05ULL ^ ((uint64_t)key * 0x9e3779b97f4a7c15ULL);
	/* Work days since a Monday long ago: the rotation runs on over weeks. */
	long workday = (long)(week_monday(w) - date_from_ymd(1900, 1, 1)) / 7 * 5;

	for (int d = 0; d < 5; d++) {
		date_t day = week_monday(w) + d;
		int niche = (int)((workday + d) % 4) + 1;

		if (week_set_niche(w, p, day, PART_DAY, niche, err) != 0)
			goto fail;
		for (size_t i = 0; i < N_SLOTS; i++) {
			if (day_slots[i].optional && rng_below(&rng, 100) < 8)
				continue;
			if (gen_block(w, p, &day_slots[i], day, niche, day < today, &rng, st,
				      err) != 0)
				goto fail;
		}
	}
	gen_sales(w, today, &rng, st);
	return w;
fail:
	week_free(w);
	return NULL;
}

static long long gen_file_size(const char *dir, const char *rel)
{
	char path[BENCH_PATH];
	struct stat sb;

	bench_path(path, "%s/%s", dir, rel);
	return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

static int gen_write_ready(const char *dir, const struct gen_stats *st, struct error *err)
{
	char path[BENCH_PATH], today[11];
	FILE *f;
	int next;

	bench_path(path, "%s/ready", dir);
	f = fopen(path, "w");
	if (f == NULL)
		return error_sys(err, errno, "cannot write %s", path);
	date_format(st->today, today);
	fprintf(f, "version %d\nyears %d\ntoday %s\nfirst_week %d\nlast_week %d\nnow_week %d\n"
		"weeks %d\nblocks %lld\ndone %lld\nsessions %lld\ninterruptions %lld\nsales %lld\n"
		"bytes %lld\nplan_bytes %lld\nnow_week_bytes %lld\n",
		BENCH_DATA_VERSION, st->years, today, st->first_week, st->last_week, st->now_week,
		st->weeks, st->blocks, st->done, st->sessions, st->interruptions, st->sales,
		st->bytes, st->plan_bytes, st->now_week_bytes);
	/* What the comparison script needs to know about the set. */
	fprintf(f, "add_date %s\nadd_start %02d:%02d\nadd_end %02d:%02d\n", today,
		BENCH_ADD_START / 60, BENCH_ADD_START % 60, BENCH_ADD_END / 60, BENCH_ADD_END % 60);
	date_format(st->today - 364, today);
	fprintf(f, "year_from %s\n", today);
	/* A planned block to run a timer on: next week's first. */
	next = date_week_add(st->now_week, 1);
	fprintf(f, "timer_block %04dW%02d-1\n", next / 100, next % 100);
	if (fclose(f) != 0)
		return error_sys(err, errno, "cannot write %s", path);
	return 0;
}

/* The week as planned on its Monday morning, nothing done yet: saved
 * first, so that the final save leaves it as NAME.bak as editing does. */
static int gen_planned(struct store *s, const struct plan *p, int key, struct error *err)
{
	struct gen_stats scratch = { 0 };
	struct week *w = gen_week(p, key, date_week_monday(key), &scratch, err);
	int rc = w != NULL ? store_save_week(s, w, err) : -1;

	week_free(w);
	return rc;
}

static int gen_weeks(struct store *s, struct plan *p, struct exporter *ex, const char *fwdir,
		     struct gen_stats *st, struct error *err)
{
	for (int key = st->first_week;; key = date_week_add(key, 1)) {
		struct week *w = NULL;
		char rel[32], wk[9];

		if (gen_planned(s, p, key, err) != 0 ||
		    (w = gen_week(p, key, st->today, st, err)) == NULL ||
		    store_save_week(s, w, err) != 0 || export_week(ex, p, w, err) != 0) {
			week_free(w);
			return -1;
		}
		week_free(w);
		date_week_format(key, wk);
		snprintf(rel, sizeof rel, "weeks/%s.json", wk);
		st->bytes += gen_file_size(fwdir, rel);
		if (key == st->now_week)
			st->now_week_bytes = gen_file_size(fwdir, rel);
		st->weeks++;
		if (key == st->last_week)
			return 0;
	}
}

static int gen_rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) != 0 && errno != ENOENT ? -1 : 0;
}

/* An empty folder at dir, whatever was there (only ever our own sets). */
static int gen_fresh_dir(const char *dir, struct error *err)
{
	if (nftw(dir, gen_rm_entry, 16, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT)
		return error_sys(err, errno, "cannot empty %s", dir);
	if (mkdir(dir, 0700) != 0)
		return error_sys(err, errno, "cannot create %s", dir);
	return 0;
}

int gen_set(const char *dir, int years, date_t today, struct gen_stats *st, struct error *err)
{
	char fwdir[BENCH_PATH];
	struct store *s = NULL;
	struct plan *p;
	struct exporter *ex;
	int rc = -1;

	memset(st, 0, sizeof *st);
	st->years = years;
	st->today = today;
	st->now_week = date_week_key(today);
	st->first_week = date_week_add(st->now_week, -(years * 52 - 1));
	st->last_week = date_week_add(st->now_week, 2);
	if (gen_fresh_dir(dir, err) != 0)
		return -1;
	bench_path(fwdir, "%s/focusweek", dir);
	ex = export_new(dir, err);
	if (ex == NULL || store_open(&s, fwdir, true, err) != 0) {
		export_free(ex);
		return -1;
	}
	p = gen_plan();
	/* This week was planned already: the planner opens on the week, as a
	 * user's does after Monday's planning. */
	plan_set_last_planned_week(p, st->now_week);
	if (store_save_plan(s, p, err) == 0 && gen_weeks(s, p, ex, fwdir, st, err) == 0) {
		st->plan_bytes = gen_file_size(fwdir, "plan.json");
		rc = export_finish(ex, today, err);
		ex = NULL;
	}
	export_free(ex);
	plan_free(p);
	store_close(s);
	return rc == 0 ? gen_write_ready(dir, st, err) : -1;
}

/* The counters of the ready file, by name. */
static long long *gen_counter(struct gen_stats *st, const char *key)
{
	static const struct {
		const char *name;
		size_t off;
	} counters[] = {
		{ "blocks", offsetof(struct gen_stats, blocks) },
		{ "done", offsetof(struct gen_stats, done) },
		{ "sessions", offsetof(struct gen_stats, sessions) },
		{ "interruptions", offsetof(struct gen_stats, interruptions) },
		{ "sales", offsetof(struct gen_stats, sales) },
		{ "bytes", offsetof(struct gen_stats, bytes) },
		{ "plan_bytes", offsetof(struct gen_stats, plan_bytes) },
		{ "now_week_bytes", offsetof(struct gen_stats, now_week_bytes) },
	};

	for (size_t i = 0; i < sizeof counters / sizeof counters[0]; i++)
		if (strcmp(counters[i].name, key) == 0)
			return (long long *)((char *)st + counters[i].off);
	return NULL;
}

/* The whole numbers of the ready file that are not counters. */
static int *gen_number(struct gen_stats *st, const char *key, int *version)
{
	if (strcmp(key, "version") == 0)
		return version;
	if (strcmp(key, "years") == 0)
		return &st->years;
	if (strcmp(key, "weeks") == 0)
		return &st->weeks;
	if (strcmp(key, "first_week") == 0)
		return &st->first_week;
	if (strcmp(key, "last_week") == 0)
		return &st->last_week;
	return strcmp(key, "now_week") == 0 ? &st->now_week : NULL;
}

int gen_set_load(const char *dir, date_t today, struct gen_stats *st)
{
	char path[BENCH_PATH], key[32], value[64];
	int version = 0;
	FILE *f;

	bench_path(path, "%s/ready", dir);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	memset(st, 0, sizeof *st);
	st->today = -1;
	while (fscanf(f, "%31s %63s", key, value) == 2) {
		long long *c = gen_counter(st, key);
		int *n = gen_number(st, key, &version);

		if (c != NULL)
			*c = strtoll(value, NULL, 10);
		else if (n != NULL)
			*n = (int)strtol(value, NULL, 10);
		else if (strcmp(key, "today") == 0 && date_parse(value, &st->today) != 0)
			st->today = -1;
	}
	fclose(f);
	return version == BENCH_DATA_VERSION && st->today == today ? 0 : -1;
}
