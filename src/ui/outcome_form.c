/* outcome_form.c - finishing a block: the counters, what was sold, the
 * minutes it really took, a note, done or cut short.
 *
 * Two ways in.  With the timer (the focus screen's x) the counters and the
 * minutes come from the timer; saving first brings the timer's counters to
 * the numbers typed, then stops it: each step is one durable change, so a
 * failure halfway leaves the timer running with what was saved, and the
 * form says why.  Without it (the week's x on a prospecting or account
 * block) the counters start at the block's and the minutes at its length;
 * saving records it done through the application layer, as `focusweek done`
 * does.  Every field is an ordinary input (textfield.h), checked as it is
 * left and again on Enter, which accepts the form as it stands. */
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_block.h"
#include "draw.h"
#include "duration.h"
#include "focus.h"
#include "modal.h"
#include "textfield.h"
#include "xalloc.h"

#define SECONDS_HALF_MINUTE 30
#define COUNT_DIGITS 7  /* MODEL_COUNT_MAX */
#define MONEY_DIGITS 12 /* MODEL_MONEY_MAX */
#define MINUTE_DIGITS 4 /* MODEL_WORKED_MAX */

enum outcome_field { O_CALLS, O_CONV, O_MEET, O_SOLD, O_MINUTES, O_NOTE, O_END, O_N };

static const char *const field_names[O_N] = {
	"Calls", "Conversations", "Meetings", "Sold", "Minutes", "Note", "Result",
};

struct outcome_form {
	bool timed;                     /* finishing the timer's block, else by hand */
	char stop_at[32];               /* timed: when the work stopped, as typed, or "" */
	char id[MODEL_ID_MAX];          /* the block */
	char title[MODEL_TITLE_MAX + 1];
	char head[160];                 /* the line under the title */
	bool ahead;                     /* by hand: the block has not started yet */
	int length;                     /* its planned minutes */
	int64_t have[3];                /* the counts it (or the timer) has now */
	int minutes;                    /* the minutes the form starts with */
	struct textfield field[O_END];  /* the text fields, by enum outcome_field */
	enum session_end end;           /* done or cut short */
	enum outcome_field focus;
	char error[640];
};

/* ---- drawing ---- */

static void outcome_draw(struct tui *ui, void *state)
{
	struct outcome_form *f = state;
	int w = COLS - 4 < 64 ? COLS - 4 : 64, h = 15, y, x;
	attr_t dlg = colors_role(&ui->colors, ROLE_DIALOG), in = colors_role(&ui->colors, ROLE_INPUT);
	attr_t on = colors_role(&ui->colors, ROLE_CURSOR);
	char title[256], line[128];

	snprintf(title, sizeof title, "%s %s %s", f->timed ? "Finish" : "Done", ui->g->dot,
		 f->title);
	modal_frame(ui, h, w, title, &y, &x);
	ui->cur_y = ui->cur_x = -1;
	draw_text(y + 1, x + 2, w - 4, f->head,
		  f->ahead ? colors_role(&ui->colors, ROLE_WARNING) : dlg, ui->mode);
	for (int i = 0; i < O_N; i++) {
		int row = y + 3 + i, vx = x + 17, vw = i == O_NOTE ? w - 19 : 14;

		draw_text(row, x + 2, 15, field_names[i], f->focus == (enum outcome_field)i ? on : dlg,
			  ui->mode);
		if (i == O_END) {
			snprintf(line, sizeof line, "%s %s %s", ui->g->prev,
				 f->end == SESSION_DONE ? "done" : "cut short", ui->g->next);
			draw_text(row, vx, w - 19, line, f->focus == O_END ? on : dlg, ui->mode);
			continue;
		}
		int cx = textfield_draw(&f->field[i], row, vx, vw, in,
					f->focus == (enum outcome_field)i, ui->mode);

		if (f->focus == (enum outcome_field)i)
			ui->cur_y = row, ui->cur_x = cx;
	}
	if (f->error[0])
		draw_wrap(y + h - 4, x + 2, w - 4, 2, f->error, colors_role(&ui->colors, ROLE_ERROR),
			  ui->mode);
	draw_text(y + h - 2, x + 2, w - 4, "Tab next  Left/Right result  Enter save  Esc cancel",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

/* ---- the values ---- */

/* A whole number 0..max from field i ("" is 0); false with the error said. */
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

static int64_t field_max(enum outcome_field i)
{
	return i == O_SOLD ? MODEL_MONEY_MAX : i == O_MINUTES ? MODEL_WORKED_MAX : MODEL_COUNT_MAX;
}

/* The minutes said: fewer than planned make it cut short, as many done. */
static void outcome_follow_minutes(struct outcome_form *f)
{
	int64_t m;

	if (outcome_number(f, O_MINUTES, MODEL_WORKED_MAX, &m) && m != f->minutes)
		f->end = m < f->length ? SESSION_CUT_SHORT : SESSION_DONE;
}

/* Leaving a field: its value is checked (and said when wrong). */
static bool outcome_leave(struct outcome_form *f)
{
	int64_t v;

	if (f->focus >= O_NOTE)
		return true;
	if (!outcome_number(f, f->focus, field_max(f->focus), &v))
		return false;
	if (f->focus == O_MINUTES)
		outcome_follow_minutes(f);
	return true;
}

/* Everything typed, checked: counts, sold, the minutes to record (0 when
 * they say nothing new), the note.  False with the error said. */
static bool outcome_values(struct outcome_form *f, int64_t want[3], int64_t *sold, int *minutes)
{
	int64_t m;
	const char *problem;

	for (int i = O_CALLS; i <= O_MEET; i++)
		if (!outcome_number(f, (enum outcome_field)i, MODEL_COUNT_MAX, &want[i]))
			return false;
	if (!outcome_number(f, O_SOLD, MODEL_MONEY_MAX, sold) ||
	    !outcome_number(f, O_MINUTES, MODEL_WORKED_MAX, &m))
		return false;
	if ((problem = text_check(f->field[O_NOTE].s, MODEL_NOTE_MAX)) != NULL) {
		snprintf(f->error, sizeof f->error, "the note %s", problem);
		f->focus = O_NOTE;
		return false;
	}
	*minutes = m == f->minutes ? 0 : (int)m;
	if ((m == 0 && *minutes != 0) || (!f->timed && f->end == SESSION_CUT_SHORT && *minutes == 0)) {
		snprintf(f->error, sizeof f->error, "Minutes: how long did it really take? Cut "
			 "short, it took less than its %d planned", f->length);
		f->focus = O_MINUTES;
		return false;
	}
	return true;
}

/* ---- saving with the timer ---- */

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
static void outcome_say(struct tui *ui, const struct timer_result *res, int64_t sold,
			int minutes)
{
	const struct outcome *o = &res->state.counted;
	struct timer_view v;
	char worked[DURATION_TEXT];

	timer_view(&res->state, res->ended, &v);
	if (minutes > 0)
		duration_format(minutes, worked);
	else
		duration_format_secs(v.elapsed, worked);
	tui_message(ui, ROLE_OK, "finished \"%s\": %s %s %lld %s, %lld conv, %lld mtg, %lld sold "
		    "%s %s worked", res->state.title, model_session_end_name(res->end), ui->g->dot,
		    (long long)o->calls, text_noun(o->calls, "call", "calls"),
		    (long long)o->conversations, (long long)o->meetings, (long long)sold, ui->g->dot,
		    worked);
}

static unsigned outcome_save_timed(struct tui *ui, struct outcome_form *f, const int64_t want[3],
				   int64_t sold, int minutes)
{
	struct timer_action act = { .op = TIMER_OP_STOP, .end_given = true };
	struct timer_result res;

	if (!outcome_counts(ui, f, want))
		return TUI_REDRAW;
	act.end = f->end;
	act.sold = sold;
	act.minutes = minutes;
	act.stop_at = f->stop_at[0] ? f->stop_at : NULL;
	act.note = f->field[O_NOTE].s[0] ? f->field[O_NOTE].s : NULL;
	if (focus_timer_apply(ui, &act, &res) != 0) {
		if (ui->timer_on)
			snprintf(f->error, sizeof f->error, "%s", ui->message);
		timer_state_clear(&res.state);
		return TUI_REDRAW;
	}
	ui->context = CTX_WEEK;
	cursor_to_block(ui, f->id);
	outcome_say(ui, &res, sold, minutes);
	timer_state_clear(&res.state);
	modal_close(ui);
	return TUI_REDRAW;
}

/* ---- saving by hand ---- */

static unsigned outcome_save_hand(struct tui *ui, struct outcome_form *f, const int64_t want[3],
				  int64_t sold, int minutes)
{
	struct timer_outcome o = { .end = f->end, .sold = sold, .minutes = minutes };
	int64_t *add[3] = { &o.add.calls, &o.add.conversations, &o.add.meetings };
	struct app_result res;
	struct error err;
	int rc;

	for (int i = 0; i < 3; i++) {
		if (want[i] < f->have[i]) {
			snprintf(f->error, sizeof f->error, "%s: the block already has %lld; it "
				 "cannot have fewer", field_names[i], (long long)f->have[i]);
			f->focus = (enum outcome_field)i;
			return TUI_REDRAW;
		}
		*add[i] = want[i] - f->have[i];
	}
	o.note = f->field[O_NOTE].s[0] ? f->field[O_NOTE].s : NULL;
	rc = app_block_record(ui->app, f->id, &o, &res, &err);
	if (rc != 0 && err.code != ERR_READONLY && err.code != ERR_IO) {
		snprintf(f->error, sizeof f->error, "%s", err.msg);
		return TUI_REDRAW;
	}
	modal_close(ui);
	return change_shown(ui, rc, &res, &err);
}

static unsigned outcome_save(struct tui *ui, struct outcome_form *f)
{
	int64_t want[3], sold;
	int minutes;

	outcome_follow_minutes(f);
	if (!outcome_values(f, want, &sold, &minutes))
		return TUI_REDRAW;
	if (f->timed)
		return outcome_save_timed(ui, f, want, sold, minutes);
	return outcome_save_hand(ui, f, want, sold, minutes);
}

/* ---- keys ---- */

static unsigned outcome_key(struct tui *ui, void *state, struct key k)
{
	struct outcome_form *f = state;
	bool next = (!k.fn && k.code == '\t') || (k.fn && k.code == KEY_DOWN);
	bool prev = k.fn && (k.code == KEY_BTAB || k.code == KEY_UP);

	f->error[0] = '\0';
	if (!k.fn && k.code == KEY_ESC) {
		tui_message(ui, ROLE_STATUS, f->timed ? "not finished; the timer runs on"
						      : "not marked done");
		modal_close(ui);
		return TUI_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER))
		return outcome_save(ui, f);
	if (next || prev) {
		if (outcome_leave(f))
			f->focus = (enum outcome_field)((f->focus + (next ? 1 : O_N - 1)) % O_N);
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

/* The fields, from the counts and minutes the form starts with. */
static void outcome_fill(struct outcome_form *f)
{
	char n[24];

	for (int c = 0; c < 3; c++) {
		snprintf(n, sizeof n, "%lld", (long long)f->have[c]);
		textfield_set(&f->field[c], n, COUNT_DIGITS);
	}
	textfield_set(&f->field[O_SOLD], "", MONEY_DIGITS);
	snprintf(n, sizeof n, "%d", f->minutes);
	textfield_set(&f->field[O_MINUTES], n, MINUTE_DIGITS);
	textfield_set(&f->field[O_NOTE], "", MODEL_NOTE_MAX);
	f->focus = O_CALLS;
}

void outcome_form_open(struct tui *ui)
{
	outcome_form_open_at(ui, NULL, ui->now);
}

void outcome_form_open_at(struct tui *ui, const char *stop_at, instant_t at)
{
	struct outcome_form *f;
	struct timer_view v;
	char worked[DURATION_TEXT], budget[DURATION_TEXT];

	if (!ui->timer_on) {
		tui_message(ui, ROLE_STATUS, "no timer is running");
		return;
	}
	if (stop_at == NULL && timer_forgotten(&ui->timer, ui->now)) {
		stop_prompt_open(ui); /* when did the work stop, first */
		return;
	}
	timer_view(&ui->timer, at, &v);
	f = xcalloc(1, sizeof *f);
	f->timed = true;
	snprintf(f->stop_at, sizeof f->stop_at, "%s", stop_at != NULL ? stop_at : "");
	snprintf(f->id, sizeof f->id, "%s", ui->timer.block);
	snprintf(f->title, sizeof f->title, "%s", ui->timer.title);
	duration_format_secs(v.elapsed, worked);
	duration_format_secs(v.budget + SECONDS_HALF_MINUTE, budget);
	snprintf(f->head, sizeof f->head, "Worked %s of %s %s %zu interruption%s%s%s", worked,
		 budget, ui->g->dot, ui->timer.n_interruptions,
		 ui->timer.n_interruptions == 1 ? "" : "s", stop_at ? ", stopped at " : "",
		 stop_at ? stop_at : "");
	f->length = (int)((v.budget + SECONDS_HALF_MINUTE) / SECONDS_PER_MINUTE);
	f->have[0] = ui->timer.counted.calls;
	f->have[1] = ui->timer.counted.conversations;
	f->have[2] = ui->timer.counted.meetings;
	f->minutes = (int)(v.elapsed / SECONDS_PER_MINUTE);
	f->end = timer_default_end(&ui->timer, at);
	outcome_fill(f);
	modal_open(ui, &outcome_ops, f);
}

void outcome_form_open_block(struct tui *ui, const struct block *b)
{
	struct outcome_form *f = xcalloc(1, sizeof *f);
	char when[16], s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX], len[DURATION_TEXT];

	snprintf(f->id, sizeof f->id, "%s", b->id);
	snprintf(f->title, sizeof f->title, "%s", b->title[0] ? b->title : model_kind_name(b->kind));
	f->length = block_minutes(b);
	f->ahead = b->date > ui->today || (b->date == ui->today && b->start > ui->now_minute);
	date_format_short(b->date, when);
	date_time_show(b->start, s);
	date_time_show(b->end, e);
	duration_format(f->length, len);
	snprintf(f->head, sizeof f->head, "%s %s%s%s %s %s planned%s", when, s, ui->g->dash, e,
		 ui->g->dot, len, f->ahead ? ": it has not started yet" : "");
	f->have[0] = b->out.calls;
	f->have[1] = b->out.conversations;
	f->have[2] = b->out.meetings;
	f->minutes = f->length;
	f->end = SESSION_DONE;
	outcome_fill(f);
	modal_open(ui, &outcome_ops, f);
}
