/* bench_ops.c - each measured operation and its floor, one run per call.
 *
 * The operations go through the public store API (and, for the breakdown
 * rows, the store's private codec, as the unit tests do).  A floor is the
 * least any program must do for the same result: cJSON on the same bytes,
 * the bare system calls of a durable save of the same bytes.
 */
#include "bench.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "codec.h"
#include "store.h"
#include "timer.h"
#include "xalloc.h"

/* open, fstat, read, close: what any loader does before parsing. */
static char *ops_read(int dirfd, const char *rel, size_t *len, struct error *err)
{
	int fd = openat(dirfd, rel, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	char *p;
	ssize_t n;

	if (fd < 0 || fstat(fd, &sb) != 0) {
		error_sys(err, errno, "cannot read %s", rel);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	p = xmalloc((size_t)sb.st_size + 1);
	n = read(fd, p, (size_t)sb.st_size);
	close(fd);
	if (n != sb.st_size) {
		free(p);
		error_set(err, ERR_IO, "short read of %s", rel);
		return NULL;
	}
	p[n] = '\0';
	*len = (size_t)n;
	return p;
}

static int ops_parse(const char *text, size_t len, struct error *err)
{
	cJSON *root = cJSON_ParseWithLength(text, len);

	if (root == NULL)
		return error_set(err, ERR_DATA, "cJSON refused the text");
	cJSON_Delete(root);
	return 0;
}

/* A running timer as the focus screen writes it, for the status floor. */
static char *ops_timer_text(const struct bench_ctx *c, size_t *len)
{
	struct timer_state t;
	const struct block *b = week_block_count(c->week) ? week_block_at(c->week, 0) : NULL;
	struct interruption in[2] = { { 0, (char *)"phone" }, { 0, (char *)"" } };
	char *text;

	timer_state_init(&t);
	snprintf(t.block, sizeof t.block, "%s", b ? b->id : "2026W48-1");
	t.week = c->st.now_week;
	free(t.industry);
	free(t.title);
	t.industry = xstrdup("Healthcare");
	t.title = xstrdup(b ? b->title : "Call list");
	t.color = 1;
	t.planned_end = b ? b->end : 600;
	t.started = clock_now() - 1200;
	t.planned = 5400;
	t.counted.calls = 12;
	t.counted.conversations = 3;
	in[0].at = t.started + 300;
	in[1].at = t.started + 900;
	t.changed = in[1].at;
	t.interruptions = in;
	t.n_interruptions = 2;
	text = codec_timer_write(&t, len);
	t.interruptions = NULL;
	t.n_interruptions = 0;
	timer_state_clear(&t);
	return text;
}

static int ops_write_text(int dirfd, const char *rel, const char *text, size_t len,
			  struct error *err)
{
	int fd = openat(dirfd, rel, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || write(fd, text, len) != (ssize_t)len || close(fd) != 0)
		return error_sys(err, errno, "cannot write %s", rel);
	return 0;
}

static int ops_scratch(struct bench_ctx *c, struct error *err)
{
	bench_path(c->scratch, "%s/scratch", c->set);
	if (mkdir(c->scratch, 0700) != 0 && errno != EEXIST)
		return error_sys(err, errno, "cannot create %s", c->scratch);
	c->scratch_fd = open(c->scratch, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (c->scratch_fd < 0)
		return error_sys(err, errno, "cannot open %s", c->scratch);
	c->timer_text = ops_timer_text(c, &c->timer_len);
	return ops_write_text(c->scratch_fd, "timer.json", c->timer_text, c->timer_len, err);
}

/* A run cut short may have left the bench block in: take it out first. */
static int ops_clear_slot(struct bench_ctx *c, struct error *err)
{
	for (size_t i = week_block_count(c->week); i-- > 0;) {
		const struct block *b = week_block_at(c->week, i);

		if (b->date == c->st.today && b->start == BENCH_ADD_START &&
		    (week_block_remove(c->week, b->id, err) != 0 ||
		     store_save_week(c->store, c->week, err) != 0))
			return -1;
	}
	return 0;
}

int bench_ctx_open(struct bench_ctx *c, const char *set, const struct gen_stats *st,
		   struct error *err)
{
	char wk[9];
	int dirfd;

	memset(c, 0, sizeof *c);
	c->scratch_fd = -1;
	c->st = *st;
	bench_path(c->set, "%s", set);
	bench_path(c->fw, "%s/focusweek", set);
	date_week_format(st->now_week, wk);
	snprintf(c->week_rel, sizeof c->week_rel, "weeks/%s.json", wk);
	if (store_open(&c->store, c->fw, false, err) != 0 ||
	    store_load_plan(c->store, &c->plan, err) != 0 ||
	    store_load_week(c->store, c->plan, st->now_week, &c->week, err) != 0 ||
	    ops_clear_slot(c, err) != 0 || hooks_spans(c, err) != 0)
		return -1;
	dirfd = open(c->fw, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	c->plan_text = ops_read(dirfd, "plan.json", &c->plan_len, err);
	c->week_text = ops_read(dirfd, c->week_rel, &c->week_len, err);
	if (dirfd >= 0)
		close(dirfd);
	if (c->plan_text == NULL || c->week_text == NULL)
		return -1;
	c->week_tree = cJSON_ParseWithLength(c->week_text, c->week_len);
	if (c->week_tree == NULL)
		return error_set(err, ERR_DATA, "cJSON refused %s", c->week_rel);
	return ops_scratch(c, err) != 0 ? -1 : bench_ics_open(c, err);
}

void bench_ctx_close(struct bench_ctx *c)
{
	hooks_close(c);
	bench_ics_close(c);
	if (c->bench_id[0] != '\0' && c->week != NULL) {
		/* The planner may have saved this week since: start from the file. */
		struct week *w;

		if (store_load_week(c->store, c->plan, c->st.now_week, &w, NULL) == 0) {
			week_free(c->week);
			c->week = w;
		}
		if (week_block_remove(c->week, c->bench_id, NULL) == 0)
			store_save_week(c->store, c->week, NULL);
	}
	offscreen_free(c->screen);
	offscreen_free(c->floor_screen);
	cJSON_Delete(c->week_tree);
	free(c->plan_text);
	free(c->week_text);
	free(c->timer_text);
	week_free(c->week);
	plan_free(c->plan);
	store_close(c->store);
	if (c->scratch_fd >= 0)
		close(c->scratch_fd);
	memset(c, 0, sizeof *c);
}

/* ---------------------------------------------------------------- load */

int op_load_week(struct bench_ctx *c)
{
	struct plan *p;
	struct week *w;

	if (store_load_plan(c->store, &p, &c->err) != 0)
		return -1;
	if (store_load_week(c->store, p, c->st.now_week, &w, &c->err) != 0) {
		plan_free(p);
		return -1;
	}
	week_free(w);
	plan_free(p);
	return 0;
}

int op_load_floor(struct bench_ctx *c)
{
	int dirfd = open(c->fw, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	const char *rel[2] = { "plan.json", c->week_rel };
	int rc = 0;

	for (int i = 0; i < 2 && rc == 0; i++) {
		size_t len;
		char *text = ops_read(dirfd, rel[i], &len, &c->err);

		rc = text != NULL ? ops_parse(text, len, &c->err) : -1;
		free(text);
	}
	close(dirfd);
	return rc;
}

int op_decode(struct bench_ctx *c)
{
	struct plan *p;
	struct week *w;
	bool newer;

	if (codec_plan_read(c->plan_text, c->plan_len, "plan.json", &p, &newer, &c->err) != 0)
		return -1;
	if (codec_week_read(c->week_text, c->week_len, c->week_rel, p, c->st.now_week, &w,
			    &newer, &c->err) != 0) {
		plan_free(p);
		return -1;
	}
	week_free(w);
	plan_free(p);
	return 0;
}

int op_parse_floor(struct bench_ctx *c)
{
	if (ops_parse(c->plan_text, c->plan_len, &c->err) != 0)
		return -1;
	return ops_parse(c->week_text, c->week_len, &c->err);
}

/* ---------------------------------------------------------------- save */

/* Adds the bench block to this week, or takes it away again, and saves:
 * one change per run, and the file does not grow. */
int op_save_week(struct bench_ctx *c)
{
	struct block b;
	int rc;

	if (c->bench_id[0] != '\0') {
		if (week_block_remove(c->week, c->bench_id, &c->err) != 0)
			return -1;
		c->bench_id[0] = '\0';
		return store_save_week(c->store, c->week, &c->err);
	}
	block_init(&b);
	b.date = c->st.today;
	b.start = BENCH_ADD_START;
	b.end = BENCH_ADD_END;
	b.kind = KIND_ADMIN;
	block_set_title(&b, "Bench block");
	rc = week_block_add(c->week, c->plan, &b, c->bench_id, &c->err);
	block_clear(&b);
	return rc == 0 ? store_save_week(c->store, c->week, &c->err) : -1;
}

/* temp file, write, fsync, close, rename: with or without the folder's fsync. */
static int ops_durable(struct bench_ctx *c, const char *text, size_t len, bool sync_dir)
{
	int fd = openat(c->scratch_fd, ".week.tmp", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0)
		return error_sys(&c->err, errno, "cannot create a temp file in %s", c->scratch);
	if (write(fd, text, len) != (ssize_t)len || fsync(fd) != 0) {
		error_sys(&c->err, errno, "cannot write a temp file in %s", c->scratch);
		close(fd);
		return -1;
	}
	if (close(fd) != 0 || renameat(c->scratch_fd, ".week.tmp", c->scratch_fd, "week.json") != 0)
		return error_sys(&c->err, errno, "cannot rename in %s", c->scratch);
	if (sync_dir && fsync(c->scratch_fd) != 0)
		return error_sys(&c->err, errno, "cannot fsync %s", c->scratch);
	return 0;
}

int op_save_floor(struct bench_ctx *c)
{
	char *text = cJSON_Print(c->week_tree);
	int rc;

	if (text == NULL)
		return error_set(&c->err, ERR_IO, "cJSON_Print failed");
	rc = ops_durable(c, text, strlen(text), true);
	cJSON_free(text);
	return rc;
}

int op_encode(struct bench_ctx *c)
{
	size_t len;

	free(codec_week_write(c->week, &len));
	return 0;
}

int op_print_floor(struct bench_ctx *c)
{
	char *text = cJSON_Print(c->week_tree);

	if (text == NULL)
		return error_set(&c->err, ERR_IO, "cJSON_Print failed");
	cJSON_free(text);
	return 0;
}

int op_durable_floor(struct bench_ctx *c)
{
	return ops_durable(c, c->week_text, c->week_len, true);
}

int op_bare_write(struct bench_ctx *c)
{
	return ops_durable(c, c->week_text, c->week_len, false);
}

/* ---------------------------------------------------------------- floors of later work */

int ops_screen(struct bench_ctx *c)
{
	if (c->screen == NULL && (c->screen = offscreen_new(200, 50, &c->err)) == NULL)
		return -1;
	offscreen_use(c->screen);
	return 0;
}

/* On a terminal of its own: the planner's screen keeps what it showed, so
 * a key redraws only what it changed, as on a real terminal. */
int op_frame_floor(struct bench_ctx *c)
{
	static int frame;

	if (c->floor_screen == NULL &&
	    (c->floor_screen = offscreen_new(200, 50, &c->err)) == NULL)
		return -1;
	offscreen_fill_frame(c->floor_screen, frame++);
	return 0;
}

/* A key that saves: a frame, and a durable save of the week. */
int op_frame_save_floor(struct bench_ctx *c)
{
	return op_frame_floor(c) != 0 ? -1 : op_save_floor(c);
}

/* A review reads plan.json and, for each week of its span (review_span: the
 * trend's 8 weeks or the range, the quota period's, the week after), the
 * week's file when full[i] (NULL: every week), else its digest. */
static int ops_review_floor(struct bench_ctx *c, const int *keys, const bool *full, size_t n)
{
	int dirfd = open(c->fw, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	size_t len;
	char *text = ops_read(dirfd, "plan.json", &len, &c->err);
	int rc = text != NULL ? ops_parse(text, len, &c->err) : -1;

	free(text);
	for (size_t i = 0; i < n && rc == 0; i++) {
		char rel[40], wk[9];

		date_week_format(keys[i], wk);
		snprintf(rel, sizeof rel, "%s/%s.json", full == NULL || full[i] ? "weeks" : "cache",
			 wk);
		text = ops_read(dirfd, rel, &len, &c->err);
		rc = text != NULL ? ops_parse(text, len, &c->err) : -1;
		free(text);
	}
	close(dirfd);
	return rc;
}

int op_review_week_floor(struct bench_ctx *c)
{
	return ops_review_floor(c, c->span_keys[0], c->span_full[0], c->n_span[0]);
}

int op_review_year_floor(struct bench_ctx *c)
{
	return ops_review_floor(c, c->span_keys[1], c->span_full[1], c->n_span[1]);
}

int op_review_year_all_floor(struct bench_ctx *c)
{
	return ops_review_floor(c, c->span_keys[1], NULL, c->n_span[1]);
}

int op_timer_floor(struct bench_ctx *c)
{
	size_t len;
	char *text = ops_read(c->scratch_fd, "timer.json", &len, &c->err);
	int rc = text != NULL ? ops_parse(text, len, &c->err) : -1;

	free(text);
	return rc;
}
