/* focus_actions.c - what the keys do on the focus screen, and starting the
 * timer from the week.  Each change is one call of the timer's store
 * functions (durable at once, like a command); a failure is said in the
 * bottom line and the screen shows what is on disk. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "duration.h"
#include "draw.h"
#include "focus.h"
#include "modal.h"
#include "textfield.h"
#include "xalloc.h"

static bool focus_need_timer(struct tui *ui)
{
	if (ui->timer_on)
		return true;
	tui_message(ui, ROLE_STATUS, "no timer is running");
	return false;
}

/* ---- starting, from the week ---- */

static unsigned focus_start_id(struct tui *ui, const char *id, bool do_switch);

static unsigned focus_switch_yes(struct tui *ui)
{
	return focus_start_id(ui, ui->timer_target[0] ? ui->timer_target : NULL, true);
}

/* Another block's timer runs: ask before abandoning it. */
static void focus_ask_switch(struct tui *ui, const char *id, const struct timer_state *old)
{
	const struct block *b = id != NULL ? week_block_by_id(ui->week, id) : NULL;
	char q[300];

	snprintf(ui->timer_target, sizeof ui->timer_target, "%s", id != NULL ? id : "");
	snprintf(q, sizeof q, "Switch the timer to %s%s%s? \"%s\" is abandoned (its log kept).",
		 b != NULL ? "\"" : "", b != NULL ? b->title : "the block happening now",
		 b != NULL ? "\"" : "", old->title);
	confirm_open(ui, q, focus_switch_yes);
}

static unsigned focus_start_id(struct tui *ui, const char *id, bool do_switch)
{
	struct timer_result res;
	struct error err;

	if (app_timer_start(ui->app, id, do_switch, ui->now, &res, &err) != 0) {
		if (res.why == TIMER_REFUSED_BUSY)
			focus_ask_switch(ui, id, &res.state);
		else
			tui_message(ui, err.code == ERR_READONLY ? ROLE_WARNING : ROLE_ERROR, "%s",
				    err.msg);
		timer_state_clear(&res.state);
		return TUI_REDRAW;
	}
	focus_timer_set(ui, &res.state);
	if (do_switch)
		tui_show_week(ui, tui_week_key(ui)); /* the abandoned block's log */
	ui->context = CTX_FOCUS;
	if (res.notice[0])
		tui_message(ui, ROLE_WARNING, "%s", res.notice);
	else
		tui_message(ui, ROLE_OK, "timer started on \"%s\"", res.state.title);
	timer_state_clear(&res.state);
	return TUI_REDRAW;
}

unsigned focus_start(struct tui *ui)
{
	const struct block *b = cursor_block(ui);

	return focus_start_id(ui, b != NULL ? b->id : NULL, false);
}

unsigned focus_open(struct tui *ui)
{
	if (!ui->timer_on) {
		tui_message(ui, ROLE_STATUS, "no timer is running; start one on a block first");
		return TUI_REDRAW;
	}
	ui->context = CTX_FOCUS;
	return TUI_REDRAW;
}

/* ---- the keys of the focus screen ---- */

static unsigned act_toggle(struct tui *ui)
{
	struct timer_action act = { .op = TIMER_OP_TOGGLE };
	struct timer_result res;

	if (!focus_need_timer(ui))
		return TUI_REDRAW;
	if (focus_timer_apply(ui, &act, &res) == 0)
		tui_message(ui, ROLE_STATUS, res.state.paused_at ? "paused" : "resumed");
	timer_state_clear(&res.state);
	return TUI_REDRAW;
}

static unsigned focus_count(struct tui *ui, enum timer_counter c, int delta)
{
	static const char *const one[] = { "call", "conversation", "meeting booked" };
	struct timer_action act = { .op = TIMER_OP_COUNT, .counter = c, .amount = delta };
	struct timer_result res;

	if (!focus_need_timer(ui))
		return TUI_REDRAW;
	if (focus_timer_apply(ui, &act, &res) == 0) {
		const int64_t n[] = { res.state.counted.calls, res.state.counted.conversations,
				      res.state.counted.meetings };

		tui_message(ui, ROLE_STATUS, "%s %s (%lld in this block)",
			    delta > 0 ? "counted a" : "took back a", one[c], (long long)n[c]);
	}
	timer_state_clear(&res.state);
	return TUI_REDRAW;
}

static unsigned act_call(struct tui *ui) { return focus_count(ui, TIMER_CALLS, 1); }
static unsigned act_uncall(struct tui *ui) { return focus_count(ui, TIMER_CALLS, -1); }
static unsigned act_conv(struct tui *ui) { return focus_count(ui, TIMER_CONVERSATIONS, 1); }
static unsigned act_unconv(struct tui *ui) { return focus_count(ui, TIMER_CONVERSATIONS, -1); }
static unsigned act_meeting(struct tui *ui) { return focus_count(ui, TIMER_MEETINGS, 1); }
static unsigned act_unmeeting(struct tui *ui) { return focus_count(ui, TIMER_MEETINGS, -1); }

static unsigned act_extend(struct tui *ui)
{
	struct timer_action act = { .op = TIMER_OP_EXTEND, .amount = 5 };
	struct timer_result res;

	if (!focus_need_timer(ui))
		return TUI_REDRAW;
	if (focus_timer_apply(ui, &act, &res) == 0)
		tui_message(ui, ROLE_STATUS, "5 minutes added");
	timer_state_clear(&res.state);
	return TUI_REDRAW;
}

/* ---- an interruption, with an optional note ---- */

struct note_prompt {
	struct textfield note;
	bool pause;             /* pause the timer too */
};

static void prompt_draw(struct tui *ui, void *state)
{
	struct note_prompt *p = state;
	int w = COLS - 4 < 64 ? COLS - 4 : 64, y, x;

	modal_frame(ui, 8, w, "Interruption", &y, &x);
	draw_text(y + 1, x + 2, w - 4, "What pulled you away? (optional)",
		  colors_role(&ui->colors, ROLE_DIALOG), ui->mode);
	ui->cur_y = y + 3;
	ui->cur_x = textfield_draw(&p->note, y + 3, x + 2, w - 4,
				   colors_role(&ui->colors, ROLE_INPUT), true, ui->mode);
	draw_text(y + 4, x + 2, w - 4, p->pause ? "[x] pause the timer" : "[ ] pause the timer",
		  colors_role(&ui->colors, ROLE_DIALOG), ui->mode);
	draw_text(y + 6, x + 2, w - 4, "Enter log it  Tab pause too  Esc cancel",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

static unsigned prompt_key(struct tui *ui, void *state, struct key k)
{
	struct note_prompt *p = state;
	struct timer_action act = { .op = TIMER_OP_INTERRUPT };
	struct timer_result res;

	if (!k.fn && k.code == KEY_ESC) {
		modal_close(ui);
		tui_message(ui, ROLE_STATUS, "no interruption logged");
		return TUI_REDRAW;
	}
	if (!k.fn && k.code == '\t') {
		p->pause = !p->pause;
		return TUI_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER)) {
		act.note = p->note.s;
		act.pause = p->pause;
		if (focus_timer_apply(ui, &act, &res) == 0)
			tui_message(ui, ROLE_STATUS, "interruption logged (%zu in this block)%s",
				    res.state.n_interruptions,
				    act.pause ? "; paused: Space goes on" : "");
		timer_state_clear(&res.state);
		modal_close(ui); /* frees p: act.note is not used after this */
		return TUI_REDRAW;
	}
	textfield_key(&p->note, k);
	return TUI_REDRAW;
}

static void prompt_free(void *state)
{
	free(state);
}

static const struct modal_ops prompt_ops = {
	.draw = prompt_draw, .key = prompt_key, .free = prompt_free,
};

static unsigned act_interrupt(struct tui *ui)
{
	struct note_prompt *p;

	if (!focus_need_timer(ui))
		return TUI_REDRAW;
	p = xcalloc(1, sizeof *p);
	textfield_set(&p->note, "", 200);
	modal_open(ui, &prompt_ops, p);
	return TUI_REDRAW;
}

/* ---- finishing, abandoning, leaving ---- */

static unsigned act_finish(struct tui *ui)
{
	if (focus_need_timer(ui))
		outcome_form_open(ui);
	return TUI_REDRAW;
}

static unsigned abandon_yes(struct tui *ui)
{
	struct timer_action act = { .op = TIMER_OP_STOP, .end_given = true,
				    .end = SESSION_ABANDONED };
	struct timer_result res;

	if (focus_timer_apply(ui, &act, &res) == 0) {
		struct timer_view v;
		char worked[DURATION_TEXT];

		timer_view(&res.state, ui->now, &v);
		duration_format_secs(v.elapsed, worked);
		ui->context = CTX_WEEK;
		tui_message(ui, ROLE_STATUS, "abandoned \"%s\" after %s: the block stays planned, "
			    "its log is kept", res.state.title, worked);
	}
	timer_state_clear(&res.state);
	return TUI_REDRAW;
}

static unsigned act_abandon(struct tui *ui)
{
	char q[300];

	if (!focus_need_timer(ui))
		return TUI_REDRAW;
	snprintf(q, sizeof q, "Abandon the timer on \"%s\"? The block stays planned.",
		 ui->timer.title);
	confirm_open(ui, q, abandon_yes);
	return TUI_REDRAW;
}

static unsigned act_week(struct tui *ui)
{
	ui->context = CTX_WEEK;
	return TUI_REDRAW;
}

static const struct action focus_actions[] = {
	{ "focus-pause", { ' ' }, { 0 }, "pause or resume", "pause", act_toggle },
	{ "focus-call", { 'c' }, { 0 }, "count a call", "call", act_call },
	{ "focus-conversation", { 'v' }, { 0 }, "count a conversation", "conv", act_conv },
	{ "focus-meeting", { 'm' }, { 0 }, "count a meeting booked", "mtg", act_meeting },
	{ "focus-uncall", { 'C' }, { 0 }, "take back a call", NULL, act_uncall },
	{ "focus-unconversation", { 'V' }, { 0 }, "take back a conversation", NULL, act_unconv },
	{ "focus-unmeeting", { 'M' }, { 0 }, "take back a meeting", NULL, act_unmeeting },
	{ "focus-interrupt", { 'i' }, { 0 }, "log an interruption (with a note)", "interrupt",
	  act_interrupt },
	{ "focus-extend", { 'e' }, { 0 }, "add 5 minutes", "+5", act_extend },
	{ "focus-finish", { 'x' }, { 0 }, "finish: the outcome, done or cut short", "finish",
	  act_finish },
	{ "focus-abandon", { 'a' }, { 0 }, "abandon (the block stays planned, the log is kept)",
	  NULL, act_abandon },
	{ "focus-week", { 'f', KEY_ESC }, { 0 }, "back to the week (the timer runs on)", "week",
	  act_week },
	{ "help", { '?' }, { KEY_F(1) }, "all the keys", "help", actions_help },
	{ "repaint", { CTRL('l') }, { 0 }, "repaint the screen", NULL, actions_repaint },
	{ "quit", { 'q' }, { 0 }, "quit (the timer runs on)", NULL, week_action_quit },
	{ NULL },
};

const struct action_table focus_action_table = {
	.ctx = CTX_FOCUS,
	.title = "Focus timer",
	.actions = focus_actions,
};
