/* focus_timer.c - the planner's copy of the running timer: reading it,
 * changing it through the store, the bell, the clocks, when to wake. */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "duration.h"
#include "focus.h"
#include "modal.h"

/* Wake this long after the second (or minute) turns, never just before:
 * poll() sleeps on the monotonic clock, which the wall clock may drift from. */
#define FOCUS_TICK_AFTER_MS 3
#define FOCUS_TICK_MAX_MS 3600000

static instant_t focus_floor_s(int64_t ms)
{
	return ms >= 0 ? ms / 1000 : -((999 - ms) / 1000);
}

void focus_timer_free(struct tui *ui)
{
	timer_state_clear(&ui->timer);
	ui->timer_on = false;
	ui->timer_asked = false;
}

void focus_timer_set(struct tui *ui, const struct timer_state *t)
{
	struct timer_view v;

	/* Another run (a new start, another block): it may be asked about. */
	if (!ui->timer_on || strcmp(ui->timer.block, t->block) != 0 ||
	    ui->timer.started != t->started)
		ui->timer_asked = false;
	timer_state_clear(&ui->timer);
	timer_state_copy(&ui->timer, t);
	ui->timer_on = true;
	timer_view(&ui->timer, ui->now, &v);
	ui->timer_left = v.remaining;
}

void focus_timer_load(struct tui *ui)
{
	struct timer_state t;
	struct error err;
	bool present;

	focus_timer_free(ui);
	if (app_timer_load(ui->app, &t, &present, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "the timer cannot be shown: %s", err.msg);
		return;
	}
	if (present) {
		focus_timer_set(ui, &t);
		timer_state_clear(&t);
	}
}

bool focus_timer_view(const struct tui *ui, struct timer_view *v)
{
	if (!ui->timer_on)
		return false;
	timer_view(&ui->timer, ui->now, v);
	return true;
}

void focus_leave_if_none(struct tui *ui)
{
	if (ui->timer_on)
		return;
	if (ui->context == CTX_FOCUS) {
		modal_close(ui);
		ui->context = CTX_WEEK;
	} else if (ui->context == CTX_HELP && ui->help_return == CTX_FOCUS) {
		ui->help_return = CTX_WEEK;
	}
}

unsigned focus_timer_reload(struct tui *ui)
{
	char was[MODEL_ID_MAX];
	bool had = ui->timer_on;

	snprintf(was, sizeof was, "%s", ui->timer.block);
	focus_timer_load(ui);
	if (ui->timer_on && (!had || strcmp(was, ui->timer.block) != 0))
		tui_message(ui, ROLE_STATUS, "another program started the timer on \"%s\"",
			    ui->timer.title);
	else if (ui->timer_on)
		tui_message(ui, ROLE_STATUS, "the timer was changed by another program");
	else if (had && ui->message_role != ROLE_ERROR)
		tui_message(ui, ROLE_WARNING, "the timer was stopped by another program");
	focus_leave_if_none(ui);
	return TUI_REDRAW;
}

int focus_timer_apply(struct tui *ui, const struct timer_action *act, struct timer_result *res)
{
	struct error err;

	if (app_timer_act(ui->app, act, ui->now, res, &err) != 0) {
		/* What is on disk is the truth: show that, then why. */
		focus_timer_load(ui);
		tui_message(ui, err.code == ERR_READONLY ? ROLE_WARNING : ROLE_ERROR, "%s",
			    err.msg);
		focus_leave_if_none(ui);
		return -1;
	}
	if (act->op == TIMER_OP_STOP) {
		focus_timer_free(ui);
		tui_show_week(ui, tui_week_key(ui));
	} else {
		focus_timer_set(ui, &res->state);
	}
	return 0;
}

/* ---- the clocks ---- */

enum focus_clock_event focus_clock_compare(const struct tui_clocks *before,
					   const struct tui_clocks *after, int64_t *by_ms)
{
	int64_t wall = after->wall_ms - before->wall_ms;
	int64_t mono = after->mono_ms - before->mono_ms;
	int64_t boot = after->boot_ms - before->boot_ms;

	/* Boot time runs through a suspend and never jumps: the reference. */
	*by_ms = wall - boot;
	if (*by_ms < -FOCUS_CLOCK_SLACK_MS) {
		*by_ms = -*by_ms;
		return FOCUS_CLOCK_BACK;
	}
	if (*by_ms > FOCUS_CLOCK_SLACK_MS)
		return FOCUS_CLOCK_FORWARD;
	*by_ms = boot - mono;
	if (*by_ms > FOCUS_CLOCK_SLACK_MS)
		return FOCUS_CLOCK_SUSPENDED;
	*by_ms = 0;
	return FOCUS_CLOCK_STEADY;
}

/* Says what a clock event did to the timer. */
static void focus_clock_say(struct tui *ui, enum focus_clock_event ev, int64_t by_ms,
			    const struct timer_view *v)
{
	char d[DURATION_TEXT];

	duration_format_secs_up(by_ms / 1000, d);
	switch (ev) {
	case FOCUS_CLOCK_BACK:
		if (v->clock_back)
			tui_message(ui, ROLE_WARNING, "clock moved back %s: the timer holds its last "
				    "values until the clock passes them again", d);
		else
			tui_message(ui, ROLE_WARNING, "clock moved back %s; the timer follows it", d);
		break;
	case FOCUS_CLOCK_FORWARD:
		tui_message(ui, ROLE_WARNING, "the clock jumped forward %s; the timer counts it "
			    "as worked", d);
		break;
	case FOCUS_CLOCK_SUSPENDED:
		tui_message(ui, ROLE_WARNING, v->is_paused ? "the computer slept %s; the timer "
			    "stayed paused" : "the computer slept %s; the timer counts it as worked "
			    "(pause it before stepping away)", d);
		break;
	default:
		break;
	}
}

/* The name of the first key bound to the focus action `name`. */
static void focus_key(const struct tui *ui, const char *name, char *out, size_t size)
{
	snprintf(out, size, "?");
	for (const struct action *act = focus_action_table.actions; act->name; act++)
		if (strcmp(act->name, name) == 0) {
			actions_keys_label(act, ui->mode, out, size);
			*strchrnul(out, ' ') = '\0';
		}
}

unsigned focus_timer_wake(struct tui *ui)
{
	struct tui_clocks now = { clock_now_ms(), clock_mono_ms(), clock_boot_ms() };
	enum focus_clock_event ev = FOCUS_CLOCK_STEADY;
	struct timer_view v;
	unsigned out = TUI_NONE;
	int64_t by = 0;

	if (ui->clocks.mono_ms != 0 && !clock_frozen())
		ev = focus_clock_compare(&ui->clocks, &now, &by);
	ui->clocks = now;
	if (!focus_timer_view(ui, &v))
		return TUI_NONE;
	out |= stop_prompt_wake(ui);
	if (ev != FOCUS_CLOCK_STEADY) {
		focus_clock_say(ui, ev, by, &v);
		out |= TUI_REDRAW;
	}
	if (ui->timer_left > 0 && v.remaining <= 0) {
		char fin[16], ext[16];

		/* Once: the bell and a flash, then overtime counts on. */
		beep();
		flash();
		focus_key(ui, "focus-finish", fin, sizeof fin);
		focus_key(ui, "focus-extend", ext, sizeof ext);
		tui_message(ui, ROLE_WARNING, "time is up: %s finishes the block, %s adds 5 minutes",
			    fin, ext);
		out |= TUI_REDRAW;
	}
	ui->timer_left = v.remaining;
	return out;
}

/* ---- when to wake ---- */

int64_t focus_next_change_ms(const struct timer_view *v, int64_t now_ms, bool seconds)
{
	int64_t into = now_ms - focus_floor_s(now_ms) * 1000; /* ms into this second */
	int64_t left_ms, wait;

	if (seconds)
		return 1000 - into;
	if (v->clock_back) {
		/* Frozen until the clock passes the last change. */
		wait = v->at * 1000 - now_ms;
		return wait < 60000 ? (wait > 0 ? wait : 1) : 60000;
	}
	if (v->is_paused)
		return -1;
	/* The remaining minutes turn when the exact remaining time is a whole
	 * number of minutes. */
	left_ms = v->remaining * 1000 - into;
	wait = left_ms % 60000;
	if (wait <= 0)
		wait += 60000;
	return wait;
}

int focus_timer_tick_ms(const struct tui *ui, bool seconds)
{
	int64_t now_ms = clock_now_ms(), ms;
	struct timer_view v;

	if (!ui->timer_on)
		return -1;
	timer_view(&ui->timer, focus_floor_s(now_ms), &v);
	ms = focus_next_change_ms(&v, now_ms, seconds);
	if (ms < 0)
		return -1;
	ms += FOCUS_TICK_AFTER_MS;
	return ms > FOCUS_TICK_MAX_MS ? FOCUS_TICK_MAX_MS : (int)ms;
}

void focus_minutes_left(int64_t remaining, char *out, size_t size)
{
	char d[DURATION_TEXT];

	if (remaining <= 0 && remaining > -SECONDS_PER_MINUTE) {
		snprintf(out, size, "time is up");
		return;
	}
	if (remaining > 0)
		duration_format_secs_up(remaining, d);
	else
		duration_format_secs(-remaining, d);
	snprintf(out, size, "%s%s %s", remaining > 0 ? "" : "+", d,
		 remaining > 0 ? "left" : "over");
}
