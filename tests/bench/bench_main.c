/* bench_main.c - fwbench: the benchmark program.
 *
 *   fwbench [--runs N] [--warmup N] [--years 1,10,30] [--root DIR] [--only TEXT]
 *       measures in-process and prints the table (--only: the rows whose
 *       name holds TEXT, e.g. "import")
 *   fwbench gen --years N [--root DIR]
 *       makes (or reuses) the generated set of N years; prints its folder
 *   fwbench unadd DATA-DIR YYYY-MM-DD HH:MM
 *       removes the block starting there (what the comparison's add made)
 *
 * Sets live under --root, by default data/ beside the program, and are made
 * again when the day or the generator changes.
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "clock.h"
#include "store.h"
#include "text.h"

static const char usage[] =
	"usage: fwbench [--runs N] [--warmup N] [--years 1,10,30] [--root DIR] [--only TEXT]\n"
	"       fwbench gen --years N [--root DIR]\n"
	"       fwbench unadd DATA-DIR YYYY-MM-DD HH:MM\n";

static void bench_default_root(char out[BENCH_PATH])
{
	char exe[BENCH_PATH - 8];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0) {
		bench_path(out, "fwbench-data");
		return;
	}
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash != NULL)
		*slash = '\0';
	bench_path(out, "%s/data", exe);
}

static int bench_years(const char *s, struct bench_opts *o)
{
	char *end;

	o->n_years = 0;
	while (*s && o->n_years < sizeof o->years / sizeof o->years[0]) {
		long y = strtol(s, &end, 10);

		if (end == s || y < 1 || y > 60)
			return -1;
		o->years[o->n_years++] = (int)y;
		s = *end == ',' ? end + 1 : end;
		if (*end != ',' && *end != '\0')
			return -1;
	}
	return o->n_years > 0 && *s == '\0' ? 0 : -1;
}

static int bench_int(const char *s, int min, int max, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = (int)v;
	return 0;
}

/* Parses the options shared by run and gen; returns the next argument index. */
static int bench_opts(int argc, char **argv, int i, struct bench_opts *o)
{
	for (; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (v == NULL || a[0] != '-')
			return a[0] == '-' ? -1 : i;
		if (strcmp(a, "--runs") == 0 && bench_int(v, 1, 100000, &o->runs) == 0)
			i++;
		else if (strcmp(a, "--warmup") == 0 && bench_int(v, 0, 10000, &o->warmup) == 0)
			i++;
		else if (strcmp(a, "--years") == 0 && bench_years(v, o) == 0)
			i++;
		else if (strcmp(a, "--root") == 0 && strlen(v) < BENCH_PATH / 2)
			o->root = argv[++i];
		else if (strcmp(a, "--only") == 0)
			o->only = argv[++i];
		else
			return -1;
	}
	return i;
}

static int bench_gen_cmd(const struct bench_opts *o)
{
	char dir[BENCH_PATH];
	struct gen_stats st;
	struct error err = { 0 };

	if (o->n_years != 1) {
		fputs("fwbench gen: give one --years N\n", stderr);
		return 2;
	}
	if (bench_set(o->root, o->years[0], dir, &st, &err) != 0) {
		fprintf(stderr, "fwbench gen: %s\n", err.msg);
		return 1;
	}
	printf("%s\n", dir);
	return 0;
}

/* Removes the block at day/start from the week on disk (not timed). */
static int bench_unadd(const char *dir, const char *day_s, const char *time_s)
{
	struct error err = { 0 };
	struct store *st = NULL;
	struct plan *p = NULL;
	struct week *w = NULL;
	date_t day;
	int start, rc = 1;

	if (date_parse(day_s, &day) != 0 || date_time_parse(time_s, &start) != 0) {
		fputs(usage, stderr);
		return 2;
	}
	if (store_open(&st, dir, false, &err) == 0 && store_load_plan(st, &p, &err) == 0 &&
	    store_load_week(st, p, date_week_key(day), &w, &err) == 0) {
		rc = 0;
		for (size_t i = week_block_count(w); i-- > 0;) {
			const struct block *b = week_block_at(w, i);

			if (b->date == day && b->start == start &&
			    (week_block_remove(w, b->id, &err) != 0 || store_save_week(st, w, &err) != 0))
				rc = 1;
		}
	}
	if (rc != 0)
		fprintf(stderr, "fwbench unadd: %s\n", err.msg);
	week_free(w);
	plan_free(p);
	store_close(st);
	return rc;
}

int main(int argc, char **argv)
{
	struct bench_opts o = { .runs = 200, .warmup = 20, .years = { 1, 10, 30 }, .n_years = 3 };
	char root[BENCH_PATH];
	struct error err = { 0 };
	int i = 1;

	/* The planner draws in UTF-8 when the locale allows, as on most desktops. */
	setlocale(LC_ALL, "");
	if (!text_locale_utf8())
		setlocale(LC_CTYPE, "C.UTF-8");
	if (clock_init(&err) != 0) {
		fprintf(stderr, "fwbench: %s\n", err.msg);
		return 2;
	}
	bench_default_root(root);
	o.root = root;
	if (argc == 5 && strcmp(argv[1], "unadd") == 0)
		return bench_unadd(argv[2], argv[3], argv[4]);
	if (argc > 1 && strcmp(argv[1], "gen") == 0)
		i = 2;
	if (bench_opts(argc, argv, i, &o) != argc) {
		fputs(usage, stderr);
		return 2;
	}
	if (i == 2)
		return bench_gen_cmd(&o);
	if (bench_run(&o, &err) != 0) {
		fprintf(stderr, "fwbench: %s\n", err.msg);
		return 1;
	}
	return 0;
}
