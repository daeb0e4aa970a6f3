/* bench_sync.c - the calendar sync (app_sync.h), timed beside its floors,
 * against the budgets of its issue: with 10 years of blocks and a busy vdir
 * of 20,000 events (2,000 a year of history, about ten years of a real work
 * calendar),
 *   a sync with nothing changed            <= 30 ms
 *   a sync after one busy event changed    <= 40 ms
 *   one changed block's file written       <= 3 ms
 *   the first read of the whole busy vdir  <= 1 s
 *
 * Each set's data folder is linked (hard links: every save renames a new
 * file in, so the set itself never changes) into <set>/sync/data, beside a
 * blocks vdir and the generated busy vdir, and synced once before timing.
 */
#include "bench.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "app_block.h"
#include "app_settings.h"
#include "app_sync.h"
#include "fsio.h"
#include "ics.h"
#include "store.h"
#include "store_sync.h"
#include "xalloc.h"

#define BUSY_PER_YEAR 2000
#define BUSY_AHEAD_DAYS 56       /* events booked up to 8 weeks ahead */
#define FULL_READ_RUNS 5         /* the first full read takes about a second */
#define BUSY_VERSION 1           /* of the generated events: remade when changed */

struct sync_budget {
	const char *name;
	double seconds;
};

static const struct sync_budget budgets[] = {
	{ "sync, nothing changed", 0.030 },
	{ "sync, one busy event changed", 0.040 },
	{ "one changed block's file written", 0.003 },
	{ "the planner: a change saved, its file written", -1 },
	{ "first read of the whole busy vdir", 1.0 },
};
#define N_ROWS (sizeof budgets / sizeof budgets[0])
#define BUDGET_YEARS 10

struct sync_set {
	int years;
	size_t busy_events;
	char dir[BENCH_PATH], data[BENCH_PATH], blocks[BENCH_PATH], busy[BENCH_PATH];
	struct app *app;         /* a command's session */
	struct app *planner;     /* the planner's (opened for its row only) */
	int busy_fd, blocks_fd;
	unsigned tick;           /* alternates what the changing rows change */
	char block_id[MODEL_ID_MAX]; /* this week's first block of its own */
	struct error err;
};

/* ---------------------------------------------------------------- the events */

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static const char berlin[] =
	"BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\n"
	"TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\n"
	"TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/* One event as a CalDAV server gives it: mostly single meetings in the
 * user's zone, some in UTC, all-day ones, weekly series, free time. */
static void busy_event(struct buf *b, size_t i, date_t day, int hour, unsigned variant)
{
	uint64_t s = 0x9e3779b97f4a7c15ULL ^ (uint64_t)(i + 1) * 0xbf58476d1ce4e5b9ULL;
	unsigned kind = (unsigned)(rng_next(&s) % 100);
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	buf_addf(b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook "
		 "16.0 MIMEDIR//EN\r\n%sBEGIN:VEVENT\r\nUID:%016llx-%zu@example.com\r\n"
		 "DTSTAMP:20240101T000000Z\r\nSEQUENCE:%u\r\n", kind < 90 ? berlin : "",
		 (unsigned long long)rng_next(&s), i, variant);
	if (kind < 3)
		buf_addf(b, "DTSTART;VALUE=DATE:%04d%02d%02d\r\n", y, m, d);
	else if (kind < 90)
		buf_addf(b, "DTSTART;TZID=Europe/Berlin:%04d%02d%02dT%02d%02d00\r\n"
			 "DTEND;TZID=Europe/Berlin:%04d%02d%02dT%02d%02d00\r\n", y, m, d, hour,
			 kind % 2 ? 30 : 0, y, m, d, hour + 1, kind % 2 ? 30 : 0);
	else
		buf_addf(b, "DTSTART:%04d%02d%02dT%02d0000Z\r\nDURATION:PT45M\r\n", y, m, d,
			 hour - 1);
	if (kind >= 5 && kind < 10)
		buf_addf(b, "RRULE:FREQ=WEEKLY;COUNT=%d\r\n", 4 + (int)(rng_next(&s) % 20));
	if (kind == 10)
		buf_adds(b, "TRANSP:TRANSPARENT\r\n");
	buf_addf(b, "SUMMARY:%s %zu\r\nLOCATION:Room %u\r\nDESCRIPTION:Agenda: pricing\\, "
		 "next steps\\, questions from the customer about the contract renewal\r\n"
		 "ORGANIZER;CN=Ann Example:mailto:ann@example.com\r\n"
		 "ATTENDEE;CN=Bo Example;PARTSTAT=ACCEPTED:mailto:bo@example.com\r\n"
		 "STATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		 kind < 50 ? "Customer call" : "Internal meeting", i,
		 (unsigned)(rng_next(&s) % 40));
}

/* The day and hour of event i of n, spread over the years up to 8 weeks ahead. */
static void busy_when(size_t i, size_t n, date_t today, int years, date_t *day, int *hour)
{
	uint64_t s = 0x2545f4914f6cdd1dULL ^ (uint64_t)(i + 7) * 0x94d049bb133111ebULL;
	date_t first = today - years * 365, span = today + BUSY_AHEAD_DAYS - first;

	*day = first + (date_t)((uint64_t)span * i / n);
	while (date_weekday(*day) >= DATE_SATURDAY)
		(*day)--;
	*hour = 8 + (int)(rng_next(&s) % 9);
}

static int busy_write(struct sync_set *ss, size_t i, date_t today, unsigned variant)
{
	struct buf b = BUF_INIT;
	char name[64];
	date_t day;
	int hour, rc;

	busy_when(i, ss->busy_events, today, ss->years, &day, &hour);
	busy_event(&b, i, day, variant % 2 ? hour - 1 : hour, variant);
	snprintf(name, sizeof name, "%08zx-4c1e-9b2f-event.ics", i);
	rc = fsio_put_quick(&fsio_real, ss->busy_fd, name, b.data, b.len);
	buf_free(&b);
	return rc == 0 ? 0 : error_sys(&ss->err, errno, "cannot write %s/%s", ss->busy, name);
}

/* The generated vdir, when it is not there for today already. */
static int busy_make(struct sync_set *ss, date_t today)
{
	char mark[BENCH_PATH], want[64], have[64] = "";
	FILE *f;

	bench_path(mark, "%s/.made", ss->busy);
	snprintf(want, sizeof want, "%d %zu %d", BUSY_VERSION, ss->busy_events, today);
	if ((f = fopen(mark, "r")) != NULL) {
		if (fgets(have, sizeof have, f) == NULL)
			have[0] = '\0';
		fclose(f);
	}
	if (strcmp(have, want) == 0)
		return 0;
	fprintf(stderr, "fwbench: writing a busy vdir of %zu events ...\n", ss->busy_events);
	for (size_t i = 0; i < ss->busy_events; i++)
		if (busy_write(ss, i, today, 0) != 0)
			return -1;
	f = fopen(mark, "w");
	if (f == NULL)
		return error_sys(&ss->err, errno, "cannot write %s", mark);
	fprintf(f, "%s", want);
	fclose(f);
	return 0;
}

/* ---------------------------------------------------------------- the set */

static const char *link_from, *link_to;

static int link_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	char to[BENCH_PATH];

	(void)ftw;
	bench_path(to, "%s%s", link_to, path + strlen(link_from));
	if (flag == FTW_D)
		return mkdir(to, sb->st_mode & 0777) == 0 || errno == EEXIST ? 0 : -1;
	return S_ISREG(sb->st_mode) && link(path, to) != 0 ? -1 : 0;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* data/: the set's folder, linked file by file. */
static int sync_link_data(struct sync_set *ss, const char *set)
{
	char from[BENCH_PATH];

	bench_path(from, "%s/focusweek", set);
	nftw(ss->data, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	link_from = from;
	link_to = ss->data;
	if (nftw(from, link_one, 16, FTW_PHYS) != 0)
		return error_sys(&ss->err, errno, "cannot link %s into %s", from, ss->data);
	return 0;
}

static int sync_settings(struct sync_set *ss)
{
	struct app_options o = { .data_flag = ss->data };
	struct app_result res;

	if (app_open(&ss->app, &o, &ss->err) != 0 ||
	    app_settings_set(ss->app, "sync.blocks", ss->blocks, false, &res, &ss->err) != 0 ||
	    app_settings_set(ss->app, "sync.busy", ss->busy, false, &res, &ss->err) != 0)
		return -1;
	return 0;
}

/* The block the rows change: today in the slot every generated week keeps
 * free, and no busy event reaches (they end by 17:30). */
static int sync_add_block(struct sync_set *ss, date_t today)
{
	struct app_result res;
	struct block b;
	int rc;

	block_init(&b);
	b.date = today;
	b.start = BENCH_ADD_START;
	b.end = BENCH_ADD_END;
	b.kind = KIND_ADMIN;
	block_set_title(&b, "Call list");
	rc = app_block_add(ss->app, &b, &res, &ss->err);
	block_clear(&b);
	if (rc == 0)
		snprintf(ss->block_id, sizeof ss->block_id, "%s", res.id);
	return rc;
}

static int sync_open(struct sync_set *ss, const char *set, const struct gen_stats *st)
{
	struct app_sync_report rep;
	struct app_result res;
	int rc;

	memset(ss, 0, sizeof *ss);
	ss->busy_fd = ss->blocks_fd = -1;
	ss->years = st->years;
	ss->busy_events = (size_t)st->years * BUSY_PER_YEAR;
	bench_path(ss->dir, "%s/sync", set);
	bench_path(ss->data, "%s/data", ss->dir);
	bench_path(ss->blocks, "%s/blocks", ss->dir);
	bench_path(ss->busy, "%s/busy", ss->dir);
	nftw(ss->blocks, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	if ((mkdir(ss->dir, 0700) != 0 && errno != EEXIST) ||
	    (mkdir(ss->busy, 0700) != 0 && errno != EEXIST))
		return error_sys(&ss->err, errno, "cannot create %s", ss->busy);
	if (ics_vdir_open(ss->busy, false, &ss->busy_fd, &ss->err) != 0 ||
	    busy_make(ss, st->today) != 0 || sync_link_data(ss, set) != 0 ||
	    sync_settings(ss) != 0 || sync_add_block(ss, st->today) != 0)
		return -1;
	/* The first sync, untimed: every file written and read once. */
	rc = app_sync(ss->app, &rep, &res, &ss->err);
	app_sync_report_clear(&rep);
	if (rc != 0)
		return -1;
	return ics_vdir_open(ss->blocks, false, &ss->blocks_fd, &ss->err);
}

static void sync_close(struct sync_set *ss)
{
	app_close(ss->app);
	app_close(ss->planner);
	if (ss->busy_fd >= 0)
		close(ss->busy_fd);
	if (ss->blocks_fd >= 0)
		close(ss->blocks_fd);
	nftw(ss->data, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	nftw(ss->blocks, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---------------------------------------------------------------- the rows */

static int row_sync(struct sync_set *ss)
{
	struct app_sync_report rep;
	struct app_result res;
	int rc = app_sync(ss->app, &rep, &res, &ss->err);

	if (rc == 0 && rep.n_kind[SYNC_PROBLEM] > 0)
		rc = error_set(&ss->err, ERR_DATA, "the sync had a problem: %s", rep.items[0].text);
	app_sync_report_clear(&rep);
	return rc;
}

/* One event of the window moved upstream (as vdirsyncer writes it: a temp
 * file renamed in), then the sync. */
static int row_busy_changed(struct sync_set *ss, date_t today)
{
	size_t i = ss->busy_events - ss->busy_events / 200; /* a few weeks before today */

	if (busy_write(ss, i, today, ++ss->tick) != 0)
		return -1;
	return row_sync(ss);
}

/* A block's file rendered and written atomically over its last version. */
static int row_write_block(struct sync_set *ss, struct buf *text)
{
	const struct plan *p = app_plan(ss->app);
	char uid[ICS_UID_MAX], name[ICS_UID_MAX + 8], zone[80];
	struct stamp now, fresh;
	struct week *w;
	struct block b;
	int rc;

	if (app_find_block(ss->app, ss->block_id, &w, &ss->err) != 0)
		return -1;
	block_copy(&b, week_block_by_id(w, ss->block_id));
	week_free(w);
	block_set_title(&b, ++ss->tick % 2 ? "Call list: renamed" : "Call list");
	ics_block_uid(p, b.id, uid, sizeof uid);
	snprintf(name, sizeof name, "%s.ics", uid);
	buf_reset(text);
	rc = ics_block_render(p, &b, 0, ics_local_zone(zone, sizeof zone), MODEL_ALARM_OFF,
			      clock_now(), text, &ss->err);
	block_clear(&b);
	if (rc != 0 || ics_vdir_stat(ss->blocks_fd, name, &now) != 0)
		return -1;
	return ics_vdir_write(ss->blocks_fd, name, name, text->data, text->len,
			      now.exists ? &now : NULL, &fresh, &ss->err);
}

/* The same bytes, the durable write alone. */
static int floor_write(struct sync_set *ss, const struct buf *text)
{
	struct stamp fresh;

	return fsio_save(&fsio_real, ss->blocks_fd, ".floor.bench", "floor", text->data,
			 text->len, NULL, false, &fresh, &ss->err);
}

/* The planner: a block renamed, saved, and its file written at once. */
static int row_planner(struct sync_set *ss)
{
	struct app_options o = { .data_flag = ss->data, .planner = true };
	struct app_result res;
	struct week *w;
	struct block b;
	int rc;

	if (ss->planner == NULL && app_open(&ss->planner, &o, &ss->err) != 0)
		return -1;
	if (app_find_block(ss->planner, ss->block_id, &w, &ss->err) != 0)
		return -1;
	block_copy(&b, week_block_by_id(w, ss->block_id));
	week_free(w);
	block_set_title(&b, ++ss->tick % 2 ? "Call list: renamed" : "Call list");
	rc = app_block_update(ss->planner, &b, &res, &ss->err);
	block_clear(&b);
	if (rc == 0 && res.notice[0])
		rc = error_set(&ss->err, ERR_IO, "%s", res.notice);
	return rc;
}

/* Every file of both vdirs listed with its stamp, as a sync looks. */
static int floor_list(struct sync_set *ss)
{
	struct ics_vdir_list a, b;

	if (ics_vdir_list(ss->busy_fd, ss->busy, &a, &ss->err) != 0)
		return -1;
	if (ics_vdir_list(ss->blocks_fd, ss->blocks, &b, &ss->err) != 0) {
		ics_vdir_list_free(&a);
		return -1;
	}
	ics_vdir_list_free(&a);
	ics_vdir_list_free(&b);
	return 0;
}

/* Before a first full read (untimed): no cache of what was read, and no
 * record in sync.json of the busy files seen, as before a first sync. */
static int prep_full_read(struct sync_set *ss)
{
	char cache[BENCH_PATH];
	struct store *st;
	struct sync_state *s;
	int rc;

	for (int k = 0; k < SYNC_BUSY_SHARDS; k++) {
		bench_path(cache, "%s/cache/busy-%02x.json", ss->data, (unsigned)k);
		if (unlink(cache) != 0 && errno != ENOENT)
			return error_sys(&ss->err, errno, "cannot remove %s", cache);
	}
	if (store_open(&st, ss->data, false, &ss->err) != 0)
		return -1;
	rc = store_load_sync(st, &s, &ss->err);
	if (rc == 0) {
		s->busy_digest = 0;
		memset(s->busy_shards, 0, sizeof s->busy_shards);
		rc = store_save_sync(st, s, &ss->err);
		sync_state_free(s);
	}
	store_close(st);
	return rc;
}

/* Every busy file opened, read and closed. */
static int floor_read_all(struct sync_set *ss)
{
	struct ics_vdir_list l;

	if (ics_vdir_list(ss->busy_fd, ss->busy, &l, &ss->err) != 0)
		return -1;
	for (size_t i = 0; i < l.n; i++) {
		char *data;
		size_t len;
		struct stamp st;

		if (fsio_read(ss->busy_fd, l.files[i].name, l.files[i].name, ICS_FILE_MAX, &data,
			      &len, &st, &ss->err) != 0) {
			ics_vdir_list_free(&l);
			return -1;
		}
		free(data);
	}
	ics_vdir_list_free(&l);
	return 0;
}

/* ---------------------------------------------------------------- timing */

struct row_result {
	double figure, floor;  /* medians; floor < 0: none */
	int n;
};

/* One timed run of row r on ss (and its floor): the seconds of each. */
static int row_run(struct sync_set *ss, size_t r, date_t today, struct buf *text, double *fig,
		   double *flo)
{
	double t0;
	int rc;

	if (r == 4 && prep_full_read(ss) != 0)
		return -1;
	t0 = bench_now();
	switch (r) {
	case 0: rc = row_sync(ss); break;
	case 1: rc = row_busy_changed(ss, today); break;
	case 2: rc = row_write_block(ss, text); break;
	case 3: rc = row_planner(ss); break;
	default: rc = row_sync(ss); break;
	}
	*fig = bench_now() - t0;
	t0 = bench_now();
	if (rc == 0)
		rc = r == 2 ? floor_write(ss, text) : r == 3 ? 0 : r == 4 ? floor_read_all(ss)
							: floor_list(ss);
	*flo = r == 3 ? -1 : bench_now() - t0;
	return rc;
}

static int row_measure(struct sync_set *ss, size_t r, const struct bench_opts *o, date_t today,
		       struct row_result *out)
{
	int runs = r == 4 ? (o->runs < FULL_READ_RUNS ? o->runs : FULL_READ_RUNS) : o->runs;
	int warmup = r == 4 ? 0 : o->warmup;
	double *fig = xcalloc((size_t)runs, sizeof *fig), *flo = xcalloc((size_t)runs, sizeof *flo);
	struct buf text = BUF_INIT;
	int rc = 0;

	for (int i = -warmup; i < runs && rc == 0; i++) {
		double f = 0, l = 0;

		rc = row_run(ss, r, today, &text, &f, &l);
		if (i >= 0) {
			fig[i] = f;
			flo[i] = l;
		}
	}
	out->n = runs;
	out->figure = bench_median(fig, (size_t)runs);
	out->floor = r == 3 ? -1 : bench_median(flo, (size_t)runs);
	free(fig);
	free(flo);
	buf_free(&text);
	return rc;
}

static const char *const floors[N_ROWS] = {
	"readdir and stat of every file of both vdirs",
	"readdir and stat of every file of both vdirs",
	"the durable write of the same bytes (temp, write, fsync, rename, fsync folder)",
	"(none: a week saved and a file written, the figure is the whole)",
	"open, read and close of every file of the busy vdir",
};

static void row_print(size_t r, int years, size_t events, const struct row_result *res,
		      int *missed)
{
	char fig[16], flo[16] = "-", budget[16] = "-", ratio[16] = "-";
	const char *verdict = "";

	bench_format(res->figure, fig);
	if (res->floor >= 0) {
		bench_format(res->floor, flo);
		if (res->floor > 0)
			snprintf(ratio, sizeof ratio, "%.2fx", res->figure / res->floor);
	}
	if (budgets[r].seconds > 0 && years == BUDGET_YEARS) {
		bench_format(budgets[r].seconds, budget);
		verdict = res->figure <= budgets[r].seconds ? "  met" : "  MISSED";
		*missed += res->figure > budgets[r].seconds;
	}
	printf("%-46s %4dy %6zu %4d %10s %10s %7s %9s%s\n", budgets[r].name, years, events,
	       res->n, fig, flo, ratio, budget, verdict);
}

int bench_sync_run(const struct bench_opts *o, const struct gen_stats *sets,
		   char dirs[][BENCH_PATH], struct error *err)
{
	static struct row_result res[N_ROWS][BENCH_MAX_SETS];
	static struct sync_set ss[BENCH_MAX_SETS];
	int rc = 0, missed = 0;

	for (size_t s = 0; s < o->n_years && rc == 0; s++)
		if ((rc = sync_open(&ss[s], dirs[s], &sets[s])) != 0)
			*err = ss[s].err;
	for (size_t r = 0; r < N_ROWS && rc == 0; r++)
		for (size_t s = 0; s < o->n_years && rc == 0; s++)
			if ((rc = row_measure(&ss[s], r, o, sets[s].today, &res[r][s])) != 0)
				*err = ss[s].err;
	for (size_t s = 0; s < o->n_years; s++)
		sync_close(&ss[s]);
	if (rc != 0)
		return -1;
	printf("\ncalendar sync: each set's folder with sync.blocks and a busy vdir of %d events "
	       "a year of history; budgets at %d years\n", BUSY_PER_YEAR, BUDGET_YEARS);
	printf("%-46s %5s %6s %4s %10s %10s %7s %9s\n", "operation", "set", "events", "n",
	       "median", "floor", "ratio", "budget");
	for (size_t r = 0; r < N_ROWS; r++) {
		for (size_t s = 0; s < o->n_years; s++)
			row_print(r, sets[s].years, ss[s].busy_events, &res[r][s], &missed);
		printf("  floor: %s\n", floors[r]);
	}
	printf("\nsync budgets: %s\n", missed ? "MISSED (marked above)" : "all met");
	return 0;
}
