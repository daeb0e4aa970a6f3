/* cmd_status.c - `focusweek timer status`: the running timer in one line
 * for a status bar or a prompt, as text, in a format of fields, or as a
 * JSON object (waybar, i3blocks), once or (--watch) each time it changes.
 *
 * It reads only timer.json and never creates the data folder.  Watching,
 * it sleeps until the folder changes and, while a timer runs, until the
 * line can next read differently: each second for JSON (it carries
 * seconds) and for %p; for text, as a minute turns (timer_status_next). */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app_status.h"
#include "app_timer.h"
#include "cli_int.h"
#include "clock.h"
#include "jsonw.h"
#include "timer.h"

#define MS_PER_S 1000
#define PERCENT 100
#define STATUS_NEXT_MAX 3600 /* seconds: the longest sleep of a running timer */

static const struct cli_opt status_opts[] = {
	{ "format", true, "--format FMT   json: one JSON object a line (waybar, i3blocks);\n"
			  "                 or fields: %s state glyph,\n"
			  "                   %S running|paused|overtime|forgotten,\n"
			  "                   %i industry, %t title, %b block id, %k kind,\n"
			  "                   %C colour slot, %r remaining, %o overtime,\n"
			  "                   %R \"13 min left\" or \"+3 min over\", %e elapsed,\n"
			  "                   %p progress %, %E planned end, %c calls,\n"
			  "                   %v conversations, %m meetings, %n interruptions, %% %" },
	{ "watch", false, "--watch        keep running: a new line each time it changes" },
	{ NULL, false, NULL },
};

/* What --format asked for: JSON, or text (fmt NULL: the default line). */
struct status_how {
	bool json;
	const char *fmt;
};

/* ---------------------------------------------------------------- JSON */

/* "Call list A (Healthcare) · 12:34 left · ends 11:00" for a tooltip. */
static void status_tooltip(const struct cli *c, const struct timer_state *t, instant_t now,
			   struct buf *out)
{
	const char *fmt = t->industry[0] ? "%t (%i) %R, ends %E; %c calls, %v conv, %m mtg"
					 : "%t %R, ends %E; %c calls, %v conv, %m mtg";

	timer_status_line(out, t, now, fmt, c->out_mode, NULL);
}

static void status_json_timer(const struct cli *c, struct jsonw *j, const struct timer_state *t,
			      instant_t now)
{
	struct buf text = BUF_INIT, tip = BUF_INIT, state = BUF_INIT, end = BUF_INIT;
	struct timer_view v;

	timer_view(t, now, &v);
	timer_status_line(&text, t, now, NULL, c->out_mode, NULL);
	status_tooltip(c, t, now, &tip);
	timer_status_line(&state, t, now, "%S", c->out_mode, NULL);
	timer_status_line(&end, t, now, "%E", c->out_mode, NULL);
	jsonw_str(j, "text", buf_str(&text));
	jsonw_str(j, "tooltip", buf_str(&tip));
	jsonw_str(j, "class", buf_str(&state));
	jsonw_str(j, "alt", buf_str(&state));
	jsonw_int(j, "percentage", (int64_t)(v.progress * PERCENT));
	jsonw_str(j, "full_text", buf_str(&text));
	jsonw_str(j, "short_text", buf_str(&text));
	jsonw_str(j, "state", buf_str(&state));
	jsonw_str(j, "block", t->block);
	jsonw_str(j, "kind", model_kind_name(t->kind));
	jsonw_str(j, "industry", t->industry);
	jsonw_str(j, "title", t->title);
	jsonw_int(j, "color", t->color);
	jsonw_int(j, "remaining", v.remaining > 0 ? v.remaining : 0);
	jsonw_int(j, "overtime", v.overtime);
	jsonw_int(j, "elapsed", v.elapsed);
	jsonw_str(j, "planned_end", buf_str(&end));
	jsonw_int(j, "calls", t->counted.calls);
	jsonw_int(j, "conversations", t->counted.conversations);
	jsonw_int(j, "meetings", t->counted.meetings);
	jsonw_int(j, "interruptions", (int64_t)t->n_interruptions);
	buf_free(&text);
	buf_free(&tip);
	buf_free(&state);
	buf_free(&end);
}

/* No timer: an object all the same, with empty text (a bar hides it). */
static void status_json_idle(struct jsonw *j, const char *problem)
{
	jsonw_str(j, "text", "");
	jsonw_str(j, "tooltip", problem != NULL ? problem : "no focus timer");
	jsonw_str(j, "class", problem != NULL ? "error" : "idle");
	jsonw_str(j, "alt", problem != NULL ? "error" : "idle");
	jsonw_int(j, "percentage", 0);
	jsonw_str(j, "full_text", "");
	jsonw_str(j, "short_text", "");
	jsonw_str(j, "state", problem != NULL ? "error" : "idle");
}

static void status_json(const struct cli *c, const struct timer_state *t, instant_t now,
			const char *problem, struct buf *out)
{
	struct jsonw j;

	jsonw_init(&j, out);
	j.compact = true;
	j.ascii = c->out_mode != TEXT_UTF8;
	jsonw_object(&j, NULL);
	if (t != NULL)
		status_json_timer(c, &j, t, now);
	else
		status_json_idle(&j, problem);
	jsonw_end(&j);
}

/* ---------------------------------------------------------------- lines */

/* The line for timer t (NULL: none runs), with its newline; empty text
 * when none runs. */
static void status_line(const struct cli *c, const struct status_how *how,
			const struct timer_state *t, instant_t now, struct buf *out)
{
	struct buf raw = BUF_INIT;

	if (how->json) {
		status_json(c, t, now, NULL, out);
		return;
	}
	if (t == NULL)
		return;
	timer_status_line(&raw, t, now, how->fmt, c->out_mode, NULL);
	text_safe(out, buf_str(&raw), c->out_mode);
	buf_addc(out, '\n');
	buf_free(&raw);
}

/* Reads the timer and makes its line; false (and err) when timer.json
 * cannot be read.  *next: seconds until the line may change with time
 * alone, -1 never. */
static bool status_make(struct cli *c, const struct status_how *how, struct buf *out,
			int64_t *next)
{
	struct timer_state t;
	bool present = false;
	instant_t now = clock_now();

	*next = -1;
	if (app_timer_peek(c->data_flag, c->demo, &t, &present, &c->err) != 0)
		return false;
	status_line(c, how, present ? &t : NULL, now, out);
	if (present) {
		*next = timer_status_next(&t, now, how->fmt);
		if (how->json && *next > 0)
			*next = 1;
		timer_state_clear(&t);
	}
	return true;
}

static int status_parse(struct cli *c, struct status_how *how)
{
	const char *fmt = cli_opt(c, "format");

	how->json = fmt != NULL && strcmp(fmt, "json") == 0;
	how->fmt = how->json ? NULL : fmt;
	return timer_status_check(how->fmt, &c->err);
}

/* ---------------------------------------------------------------- watch */

/* Milliseconds until `next` seconds after the second that last turned;
 * -1: none. */
static int status_timeout(int64_t next)
{
	if (next > STATUS_NEXT_MAX)
		next = STATUS_NEXT_MAX; /* a clock moved far back: look again later */
	return next > 0 ? (int)(next * MS_PER_S - clock_now_ms() % MS_PER_S) : -1;
}

/* One pass: the line printed if it changed (no timer: an empty line, or
 * the idle object).  -1 when the output is gone. */
static int status_pass(struct cli *c, const struct status_how *how, struct buf *last,
		       struct error *said, int64_t *next)
{
	struct buf line = BUF_INIT;
	int rc = 0;

	if (status_make(c, how, &line, next)) {
		error_clear(said);
	} else {
		if (strcmp(said->msg, c->err.msg) != 0)
			cli_fail(c, &c->err); /* said once, until it changes */
		*said = c->err;
		buf_reset(&line);
		if (how->json)
			status_json(c, NULL, 0, c->err.msg, &line);
	}
	if (line.len == 0)
		buf_addc(&line, '\n');
	if (strcmp(buf_str(&line), buf_str(last)) != 0) {
		buf_reset(last);
		buf_adds(last, buf_str(&line));
		fputs(buf_str(&line), stdout);
		if (fflush(stdout) != 0 || ferror(stdout))
			rc = -1;
	}
	buf_free(&line);
	return rc;
}

static int status_watch(struct cli *c, const struct status_how *how)
{
	struct app_status_watch *w;
	struct buf last = BUF_INIT;
	struct error said = { 0 };
	int64_t next;
	int rc = CLI_OK;

	if (app_status_watch_open(c->data_flag, c->demo, &w, &c->err) != 0) {
		app_status_watch_close(w);
		return cli_fail(c, &c->err);
	}
	buf_adds(&last, "-"); /* no line ends so: the first one is always printed */
	while (status_pass(c, how, &last, &said, &next) == 0) {
		/* The bar that reads the lines going away ends it too. */
		struct pollfd p[2] = { { .fd = app_status_watch_fd(w), .events = POLLIN },
				       { .fd = STDOUT_FILENO, .events = 0 } };

		if (poll(p, 2, status_timeout(next)) < 0 && errno != EINTR) {
			rc = cli_refuse(c, "cannot wait: %s", strerror(errno));
			break;
		}
		if (p[1].revents & (POLLERR | POLLHUP))
			break;
		if (p[0].revents & POLLIN)
			app_status_watch_drain(w);
	}
	app_status_watch_close(w);
	buf_free(&last);
	return rc;
}

/* ---------------------------------------------------------------- run */

static int status_run(struct cli *c)
{
	struct status_how how;
	struct buf line = BUF_INIT;
	int64_t next;

	if (status_parse(c, &how) != 0)
		return cli_fail(c, &c->err);
	if (cli_flag(c, "watch"))
		return status_watch(c, &how);
	if (!status_make(c, &how, &line, &next)) {
		if (c->err.code == ERR_DATA)
			return cli_refuse(c, "%s; repair it, or restore its .bak copy ('focusweek "
					  "check' lists every problem)", c->err.msg);
		return cli_fail(c, &c->err);
	}
	fputs(buf_str(&line), stdout);
	buf_free(&line);
	return CLI_OK;
}

const struct cli_command cli_cmd_timer_status = {
	.name = "timer status",
	.summary = "one line for a status bar; nothing when no timer runs",
	.opts = status_opts,
	.run = status_run,
};
