/* outcome_form.c - finishing the timed block: the counters (pre-filled from
 * the timer, editable), the revenue, a note, done or cut short.  Saving
 * first brings the timer's counters to the numbers typed, then stops it:
 * each step is one durable change, so a failure halfway leaves the timer
 * running with what was saved, and the form says why. */
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "duration.h"
#include "focus.h"
#include "modal.h"
#include "textfield.h"
#include "xalloc.h"

#define SECONDS_HALF_MINUTE 30

enum outcome_field { O_CALLS, O_CONV, O_MEET, O_REVENUE, O_NOTE, O_END, O_N };

static const char *const field_names[O_N] = {
	"Calls", "Conversations", "Meetings", "Revenue", "Note", "Result",
};

struct outcome_form {
	struct textfield field[O_END];  /* the text fields, by enum outcome_field */
	enum session_end end;           /* done or cut short */
	enum outcome_field focus;
	char error[640];
};

/* ---- drawing ---- */

static void outcome_draw(struct tui *ui, void *state)
{
	struct outcome_form *f = state;
	int w = COLS - 4 < 64 ? COLS - 4 : 64, h = 13, y, x;
	attr_t dlg = colors_role(&ui->colors, ROLE_DIALOG), in = colors_role(&ui->colors, ROLE_INPUT);
	attr_t on = colors_role(&ui->colors, ROLE_CURSOR);
	char title[96], worked[DURATION_TEXT], budget[DURATION_TEXT], line[128];
	struct timer_view v;

	snprintf(title, sizeof title, "Finish %s %s", ui->g->dot, ui->timer.title);
	modal_frame(ui, h, w, title, &y, &x);
	ui->cur_y = ui->cur_x = -1;
	if (focus_timer_view(ui, &v)) {
		duration_format_secs(v.elapsed, worked);
		duration_format_secs(v.budget + SECONDS_HALF_MINUTE, budget);
		snprintf(line, sizeof line, "Worked %s of %s %s %zu interruption%s", worked, budget,
			 ui->g->dot, ui->timer.n_interruptions, ui->timer.n_interruptions == 1 ? "" : "s");
		draw_text(y + 1, x + 2, w - 4, line, dlg, ui->mode);
	}
	for (int i = 0; i < O_N; i++) {
		int row = y + 3 + i, vx = x + 17, vw = i == O_NOTE ? w - 19 : 12;

		draw_text(row, x + 2, 15, field_names[i], f->focus == (enum outcome_field)i ? on : dlg,
			  ui->mode);
		if (i == O_END) {
			snprintf(line, sizeof line, "%s %s %s", ui->g->prev,
				 f->end == SESSION_DONE ? "done" : "cut short",
				 ui->g->next);
			draw_text(row, vx, w - 19, line, f->focus == O_END ? on : dlg, ui->mode);
			continue;
		}
		{
			int cx = textfield_draw(&f->field[i], row, vx, vw, in, ui->mode);

			if (f->focus == (enum outcome_field)i)
				ui->cur_y = row, ui->cur_x = cx;
		}
	}
	if (f->error[0])
		draw_wrap(y + h - 3, x + 2, w - 4, 1, f->error, colors_role(&ui->colors, ROLE_ERROR),
			  ui->mode);
	draw_text(y + h - 2, x + 2, w - 4, "Tab next  Left/Right result  Enter save  Esc cancel",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

/* ---- saving ---- */

/* A whole number 0..max from a field ("" is 0); false with the error said. */
static bool outcome_number(struct outcome_form *f, enum outcome_field i, int64_t max,
			   int64_t *out)
{
	const char *s = f->field[i].s;
	char *end;
	long long v;

	while (*s == ' ')
		s++;
	errno = 0;
	v = *s ? strtoll(s, &end, 10) : 0;
	if (*s && (errno != 0 || end == s || *end != '\0' || *s == '-' || *s == '+' || v > max)) {
		snprintf(f->error, sizeof f->error, "%s: a whole number from 0 to %lld", field_names[i],
			 (long long)max);
		f->focus = i;
		return false;
	}
	*out = v;
	return true;
}

/* Brings the timer's counters to the numbers typed.  False on a failure
 * (said; the form may be gone if the timer is). */
static bool outcome_counts(struct tui *ui, struct outcome_form *f, const int64_t want[3])
{
	for (int c = 0; c < TIMER_COUNTERS; c++) {
		const int64_t have[] = { ui->timer.counted.calls, ui->timer.counted.conversations,
					 ui->timer.counted.meetings };
		struct timer_action act = { .op = TIMER_OP_COUNT, .counter = (enum timer_counter)c,
					    .amount = want[c] - have[c] };
		struct timer_result res;
		int rc;

		if (act.amount == 0)
			continue;
		rc = focus_timer_apply(ui, &act, &res);
		timer_state_clear(&res.state);
		if (rc != 0) {
			if (ui->timer_on) /* else the form was closed with the focus screen */
				snprintf(f->error, sizeof f->error, "%s", ui->message);
			return false;
		}
	}
	return true;
}

/* What the block got, for the bottom line. */
static void outcome_say(struct tui *ui, const struct timer_result *res, int64_t revenue)
{
	const struct outcome *o = &res->state.counted;
	struct timer_view v;
	char worked[DURATION_TEXT];

	timer_view(&res->state, ui->now, &v);
	duration_format_secs(v.elapsed, worked);
	tui_message(ui, ROLE_OK, "finished \"%s\": %s %s %lld calls, %lld conv, %lld mtg, %lld sold "
		    "%s %s worked", res->state.title, model_session_end_name(res->end), ui->g->dot,
		    (long long)o->calls, (long long)o->conversations, (long long)o->meetings,
		    (long long)revenue, ui->g->dot, worked);
}

static unsigned outcome_save(struct tui *ui, struct outcome_form *f)
{
	int64_t want[3], revenue;
	struct timer_action act = { .op = TIMER_OP_STOP, .end_given = true };
	struct timer_result res;
	const char *problem;
	char id[MODEL_ID_MAX];

	if (!outcome_number(f, O_CALLS, MODEL_COUNT_MAX, &want[0]) ||
	    !outcome_number(f, O_CONV, MODEL_COUNT_MAX, &want[1]) ||
	    !outcome_number(f, O_MEET, MODEL_COUNT_MAX, &want[2]) ||
	    !outcome_number(f, O_REVENUE, MODEL_MONEY_MAX, &revenue))
		return TUI_REDRAW;
	if ((problem = text_check(f->field[O_NOTE].s, MODEL_NOTE_MAX)) != NULL) {
		snprintf(f->error, sizeof f->error, "the note %s", problem);
		f->focus = O_NOTE;
		return TUI_REDRAW;
	}
	if (!outcome_counts(ui, f, want))
		return TUI_REDRAW;
	act.end = f->end;
	act.revenue = revenue;
	act.note = f->field[O_NOTE].s[0] ? f->field[O_NOTE].s : NULL;
	snprintf(id, sizeof id, "%s", ui->timer.block);
	if (focus_timer_apply(ui, &act, &res) != 0) {
		if (ui->timer_on)
			snprintf(f->error, sizeof f->error, "%s", ui->message);
		timer_state_clear(&res.state);
		return TUI_REDRAW;
	}
	modal_close(ui);
	ui->context = CTX_WEEK;
	cursor_to_block(ui, id);
	outcome_say(ui, &res, revenue);
	timer_state_clear(&res.state);
	return TUI_REDRAW;
}

/* ---- keys ---- */

static unsigned outcome_key(struct tui *ui, void *state, struct key k)
{
	struct outcome_form *f = state;

	f->error[0] = '\0';
	if (!k.fn && k.code == KEY_ESC) {
		modal_close(ui);
		tui_message(ui, ROLE_STATUS, "not finished; the timer runs on");
		return TUI_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER))
		return outcome_save(ui, f);
	if ((!k.fn && k.code == '\t') || (k.fn && k.code == KEY_DOWN)) {
		f->focus = (enum outcome_field)((f->focus + 1) % O_N);
		return TUI_REDRAW;
	}
	if (k.fn && (k.code == KEY_BTAB || k.code == KEY_UP)) {
		f->focus = (enum outcome_field)((f->focus + O_N - 1) % O_N);
		return TUI_REDRAW;
	}
	if (f->focus == O_END) {
		if ((k.fn && (k.code == KEY_LEFT || k.code == KEY_RIGHT)) || (!k.fn && k.code == ' '))
			f->end = f->end == SESSION_DONE ? SESSION_CUT_SHORT : SESSION_DONE;
		else if (!k.fn && k.code == 'd')
			f->end = SESSION_DONE;
		else if (!k.fn && k.code == 'c')
			f->end = SESSION_CUT_SHORT;
		return TUI_REDRAW;
	}
	textfield_key(&f->field[f->focus], k);
	return TUI_REDRAW;
}

static void outcome_free(void *state)
{
	free(state);
}

static const struct modal_ops outcome_ops = {
	.draw = outcome_draw, .key = outcome_key, .free = outcome_free,
};

void outcome_form_open(struct tui *ui)
{
	struct outcome_form *f;
	char n[24];
	const int64_t counted[] = { ui->timer.counted.calls, ui->timer.counted.conversations,
				    ui->timer.counted.meetings };

	if (!ui->timer_on) {
		tui_message(ui, ROLE_STATUS, "no timer is running");
		return;
	}
	f = xcalloc(1, sizeof *f);
	for (int c = 0; c < TIMER_COUNTERS; c++) {
		snprintf(n, sizeof n, "%lld", (long long)counted[c]);
		textfield_set(&f->field[c], n, 7);
	}
	textfield_set(&f->field[O_REVENUE], "", 12);
	textfield_set(&f->field[O_NOTE], "", MODEL_NOTE_MAX);
	f->end = timer_default_end(&ui->timer, ui->now);
	f->focus = O_CALLS;
	modal_open(ui, &outcome_ops, f);
}
