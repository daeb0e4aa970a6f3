/* cmd_timer.c - `focusweek timer start|pause|resume|extend|stop`, `count`
 * and `interrupt`: the focus timer from scripts (`timer status` is in
 * cmd_status.c). */
#include <stdlib.h>
#include <string.h>

#include "app_timer.h"
#include "cli_int.h"
#include "clock.h"
#include "duration.h"
#include "timer.h"

static void timer_print_line(struct cli *c, const struct timer_state *t, instant_t now)
{
	struct buf b = BUF_INIT;

	timer_status_line(&b, t, now, NULL, c->out_mode, NULL);
	buf_addc(&b, '\n');
	cli_print(c, buf_str(&b));
	buf_free(&b);
}

static void timer_print_notice(struct cli *c, const struct timer_result *res)
{
	if (res->notice[0]) {
		cli_print(c, res->notice);
		cli_print(c, "\n");
	}
}

/* A damaged file names itself; say how to get past it. */
static int timer_fail_data(struct cli *c)
{
	if (c->err.code == ERR_DATA)
		return cli_refuse(c, "%s; repair it, or restore its .bak copy ('focusweek check' "
				  "lists every problem)", c->err.msg);
	return cli_fail(c, &c->err);
}

/* A refused timer action, with the command that helps. */
static int timer_fail(struct cli *c, const struct timer_result *res)
{
	const struct timer_state *t = &res->state;

	switch (res->why) {
	case TIMER_REFUSED_NONE:
	case TIMER_REFUSED_STALE:
		return cli_refuse(c, "%s; start one with 'focusweek timer start [ID]'",
				  c->err.msg);
	case TIMER_REFUSED_FORGOTTEN:
		return cli_refuse(c, "%s: 'focusweek timer stop --at 17:30' (or --at '2026-12-04 "
				  "17:30', or --at now)", c->err.msg);
	case TIMER_REFUSED_BUSY:
		return cli_refuse(c, "the timer is running on %s \"%s\"; stop it with "
				  "'focusweek timer stop', or add --switch to abandon it and "
				  "start this one", t->block, t->title);
	default:
		return timer_fail_data(c);
	}
}

/* Applies one action to the stored timer; shows the status line after it. */
static int timer_act(struct cli *c, const struct timer_action *a, struct timer_result *res,
		     instant_t now)
{
	if (cli_boot(c) != 0) {
		timer_state_init(&res->state);
		return timer_fail_data(c);
	}
	if (app_timer_act(c->app, a, now, res, &c->err) != 0)
		return timer_fail(c, res);
	return CLI_OK;
}

/* Applies an action, then prints the status line. */
static int timer_act_show(struct cli *c, const struct timer_action *a)
{
	struct timer_result res;
	instant_t now = clock_now();
	int rc = timer_act(c, a, &res, now);

	if (rc == CLI_OK)
		timer_print_line(c, &res.state, now);
	timer_state_clear(&res.state);
	return rc;
}

static int timer_simple(struct cli *c, enum timer_op op, int64_t amount)
{
	struct timer_action a = { .op = op, .amount = amount };

	return timer_act_show(c, &a);
}

/* ---------------------------------------------------------------- start */

static const struct cli_opt start_opts[] = {
	{ "switch", false, "--switch   abandon the running timer (its log is kept) and start "
			   "this one" },
	{ NULL, false, NULL },
};

static int start_run(struct cli *c)
{
	struct timer_result res;
	instant_t now = clock_now();
	int rc;

	if (cli_boot(c) != 0)
		return timer_fail_data(c);
	rc = app_timer_start(c->app, c->n_args ? c->args[0] : NULL, cli_flag(c, "switch"), now,
			     &res, &c->err);
	timer_print_notice(c, &res);
	if (rc == 0)
		timer_print_line(c, &res.state, now);
	rc = rc != 0 ? timer_fail(c, &res) : CLI_OK;
	timer_state_clear(&res.state);
	return rc;
}

static int pause_run(struct cli *c)
{
	return timer_simple(c, TIMER_OP_PAUSE, 0);
}

static int resume_run(struct cli *c)
{
	return timer_simple(c, TIMER_OP_RESUME, 0);
}

static int extend_run(struct cli *c)
{
	int64_t min;

	if (duration_read(c->args[0], TIMER_EXTEND_MAX_MIN, &min, &c->err) != 0)
		return cli_fail(c, &c->err);
	if (min == 0) {
		error_set(&c->err, ERR_USAGE, "extending by no time changes nothing; give minutes "
			  "(10) or hours (1h)");
		return cli_fail(c, &c->err);
	}
	return timer_simple(c, TIMER_OP_EXTEND, min);
}

/* ---------------------------------------------------------------- stop */

static const struct cli_opt stop_opts[] = {
	{ "done", false, "--done          mark the block done (default once the time is up)" },
	{ "cut-short", false, "--cut-short     done, but before its time was up (default "
			      "before)" },
	{ "abandon", false, "--abandon       stop without finishing: the block is not marked\n"
			    "                    done, the log is kept" },
	{ "sold", true, "--sold N        sold on it, in whole currency units: a sale of the\n"
			"                    block's day, industry and account, toward the quota" },
	{ "revenue", true, "--revenue N     the same as --sold" },
	{ "note", true, "--note TEXT     a note, added to the block's" },
	{ "at", true, "--at WHEN       when the work stopped: 17:30 (on the day the timer last\n"
		      "                    changed), '2026-12-04 17:30', or now; asked for when a\n"
		      "                    timer was left running (twice its time, or since an\n"
		      "                    earlier day)" },
	{ NULL, false, NULL },
};

/* "done · Call list: plants · 45:00 worked · 3 calls · 1 interruption". */
static void stop_summary(struct cli *c, const struct timer_result *res, instant_t now,
			 int64_t sold)
{
	static const char *const labels[] = { "done", "done (cut short)", "abandoned" };
	const struct glyphs *g = glyphs_for(c->out_mode);
	const struct timer_state *t = &res->state;
	const struct outcome *o = &t->counted;
	struct buf b = BUF_INIT;
	struct timer_view v;
	char worked[DURATION_TEXT];

	timer_view(t, now, &v);
	duration_format_secs(v.elapsed, worked);
	buf_addf(&b, "%s %s %s %s %s worked", labels[res->end], g->dot,
		 t->title[0] ? t->title : model_kind_name(t->kind), g->dot, worked);
	buf_addf(&b, " %s %lld %s %s %lld conv %s %lld mtg", g->dot, (long long)o->calls,
		 text_noun(o->calls, "call", "calls"), g->dot, (long long)o->conversations, g->dot,
		 (long long)o->meetings);
	if (t->n_interruptions)
		buf_addf(&b, " %s %zu interruption%s", g->dot, t->n_interruptions,
			 t->n_interruptions == 1 ? "" : "s");
	if (sold)
		buf_addf(&b, " %s %lld sold", g->dot, (long long)sold);
	if (res->end == SESSION_ABANDONED)
		buf_adds(&b, "; the block is not marked done");
	buf_addc(&b, '\n');
	cli_print(c, buf_str(&b));
	buf_free(&b);
}

static int stop_parse(struct cli *c, struct timer_action *a)
{
	static const char *const flags[] = { "done", "cut-short", "abandon" };
	static const enum session_end ends[] = { SESSION_DONE, SESSION_CUT_SHORT,
						 SESSION_ABANDONED };
	const char *v;

	for (int i = 0; i < 3; i++) {
		if (!cli_flag(c, flags[i]))
			continue;
		if (a->end_given)
			return error_set(&c->err, ERR_USAGE,
					 "--done, --cut-short and --abandon exclude each other");
		a->end_given = true;
		a->end = ends[i];
	}
	if (cli_parse_sold(c, &a->sold) != 0)
		return -1;
	a->stop_at = cli_opt(c, "at");
	if ((v = cli_opt(c, "note")) != NULL) {
		const char *problem = text_check(v, MODEL_NOTE_MAX);

		if (problem != NULL)
			return error_set(&c->err, ERR_USAGE, "--note %s", problem);
		a->note = v;
	}
	return 0;
}

static int stop_run(struct cli *c)
{
	struct timer_action a = { .op = TIMER_OP_STOP };
	struct timer_result res;
	instant_t now = clock_now();
	int rc;

	if (stop_parse(c, &a) != 0)
		return cli_fail(c, &c->err);
	rc = timer_act(c, &a, &res, now);
	if (rc == CLI_OK)
		stop_summary(c, &res, res.ended, a.sold);
	timer_state_clear(&res.state);
	return rc;
}

/* ---------------------------------------------------------------- count */

static int count_run(struct cli *c)
{
	struct timer_action a = { .op = TIMER_OP_COUNT, .amount = 1 };
	long long n;

	if (timer_counter_parse(c->args[0], &a.counter) != 0)
		return cli_usage(c, "\"%s\" is not a counter: calls, conversations or meetings",
				 c->args[0]);
	if (c->n_args > 1) {
		if (cli_parse_int(c, "N", c->args[1], -MODEL_COUNT_MAX, MODEL_COUNT_MAX, &n) != 0)
			return cli_fail(c, &c->err);
		a.amount = n;
	}
	return timer_act_show(c, &a);
}

/* ---------------------------------------------------------------- interrupt */

static const struct cli_opt interrupt_opts[] = {
	{ "pause", false, "--pause   pause the timer too, until 'focusweek timer resume'" },
	{ NULL, false, NULL },
};

static int interrupt_run(struct cli *c)
{
	struct timer_action a = { .op = TIMER_OP_INTERRUPT, .pause = cli_flag(c, "pause") };
	struct timer_result res;
	struct buf note = BUF_INIT, out = BUF_INIT;
	instant_t now = clock_now();
	int rc;

	for (int i = 0; i < c->n_args; i++)
		buf_addf(&note, "%s%s", i ? " " : "", c->args[i]);
	a.note = buf_str(&note);
	rc = timer_act(c, &a, &res, now);
	if (rc == CLI_OK) {
		const struct interruption *in = &res.state.interruptions[res.state.n_interruptions - 1];
		int minute;
		char hhmm[DATE_TIME_SHOW_MAX];

		clock_to_local(in->at, NULL, &minute, NULL);
		date_time_show(minute, hhmm);
		buf_addf(&out, "interruption %zu logged at %s%s%s%s\n", res.state.n_interruptions,
			 hhmm, in->note[0] ? ": " : "", in->note,
			 a.pause ? "; the timer is paused (timer resume goes on)" : "");
		cli_print(c, buf_str(&out));
	}
	timer_state_clear(&res.state);
	buf_free(&note);
	buf_free(&out);
	return rc;
}

/* ---------------------------------------------------------------- table */

const struct cli_command cli_cmd_timer_start = {
	.name = "timer start",
	.args = "[ID]",
	.summary = "start the focus timer on a block (default: the one now)",
	.opts = start_opts,
	.max_args = 1,
	.run = start_run,
};

const struct cli_command cli_cmd_timer_pause = {
	.name = "timer pause",
	.summary = "pause the focus timer",
	.run = pause_run,
};

const struct cli_command cli_cmd_timer_resume = {
	.name = "timer resume",
	.summary = "resume the paused focus timer",
	.run = resume_run,
};

const struct cli_command cli_cmd_timer_extend = {
	.name = "timer extend",
	.args = "TIME",
	.summary = "give the running block more time: 10, 1h, 1:30",
	.min_args = 1,
	.max_args = 1,
	.run = extend_run,
};

const struct cli_command cli_cmd_timer_stop = {
	.name = "timer stop",
	.summary = "finish the block (done or cut short) or abandon it",
	.opts = stop_opts,
	.run = stop_run,
};

const struct cli_command cli_cmd_count = {
	.name = "count",
	.args = "calls|conversations|meetings [N]",
	.summary = "count on the running timer: one, or N (negative takes back)",
	.min_args = 1,
	.max_args = 2,
	.run = count_run,
};

const struct cli_command cli_cmd_interrupt = {
	.name = "interrupt",
	.args = "[NOTE]",
	.summary = "log an interruption of the running block and its cause",
	.opts = interrupt_opts,
	.max_args = CLI_MAX_ARGS,
	.run = interrupt_run,
};
