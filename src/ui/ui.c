/* ui.c - the planner's main loop: wait, read keys, act once, draw once. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app_hooks.h"
#include "tui.h"
#include "focus.h"
#include "screens.h"
#include "modal.h"
#include "planning_view.h"
#include "sync_status.h"
#include "term.h"
#include "theme_load.h"
#include "ui.h"
#include "ui_probe.h"
#include "week_view.h"
#include "xalloc.h"

static void ui_draw(struct tui *ui, bool repaint)
{
	if (repaint)
		clearok(curscr, TRUE);
	ui->cur_y = ui->cur_x = -1;
	screen_for(ui->context)->draw(ui);
	if (ui->cur_y >= 0) {
		move(ui->cur_y, ui->cur_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* A mouse click selects a slot (and the block on it); the wheel scrolls. */
static unsigned ui_mouse(struct tui *ui)
{
	MEVENT ev;
	int day, slot;

	if (getmouse(&ev) != OK || ui->modal != NULL)
		return TUI_NONE;
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED)))
		return TUI_NONE; /* releases, other buttons */
	if (ui->context == CTX_REVIEW && (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED))) {
		/* The wheel scrolls the review's panels (drawing clamps it). */
		ui->review.scroll += ev.bstate & BUTTON4_PRESSED ? -3 : 3;
		if (ui->review.scroll < 0)
			ui->review.scroll = 0;
		return TUI_REDRAW;
	}
	if (ui->context != CTX_WEEK)
		return TUI_NONE;
	if (ev.bstate & BUTTON4_PRESSED) {
		ui->top -= 3;
		ui->slot -= 3;
	} else if (ev.bstate & BUTTON5_PRESSED) {
		ui->top += 3;
		ui->slot += 3;
	} else if (week_view_hit(ui, ev.y, ev.x, &day, &slot)) {
		ui->day = day;
		ui->slot = slot;
	}
	cursor_clamp(ui);
	return TUI_REDRAW;
}

/* A hook that failed after a change (app_hooks.h): its first line said. */
static unsigned ui_hooks_said(struct tui *ui)
{
	struct buf b = BUF_INIT;
	const char *nl;

	if (!app_hooks_report(ui->app, &b))
		return TUI_NONE;
	nl = strchr(buf_str(&b), '\n');
	tui_message(ui, ROLE_WARNING, "%.*s%s", (int)(nl != NULL ? nl - b.data : (long)b.len),
		    buf_str(&b), nl != NULL && nl[1] ? " (and more)" : "");
	buf_free(&b);
	return TUI_REDRAW;
}

/* One key: its action.  The flags keep TUI_CHANGE when it changed data. */
static unsigned ui_key(struct tui *ui, struct key k)
{
	ui->message[0] = '\0';
	if (k.fn && k.code == KEY_MOUSE)
		return ui_mouse(ui);
	return actions_dispatch(ui, k) | ui_hooks_said(ui);
}

/* Reads every pending key and acts on each, in order: each change is saved
 * by its handler before the next key is handled. */
static unsigned ui_keys(struct tui *ui)
{
	unsigned flags = TUI_NONE;
	wint_t ch;
	int rc, n = 0;

	while ((rc = get_wch(&ch)) != ERR) {
		n++;
		flags |= ui_key(ui, (struct key){ (int)ch, rc == KEY_CODE_YES }) & ~TUI_CHANGE;
		if (flags & TUI_QUIT)
			break;
	}
	term_note_keys(n);
	return flags;
}

static int ui_timeout(const struct tui *ui)
{
	return screen_for(ui->context)->tick_ms(ui);
}

static void ui_loop(struct tui *ui)
{
	unsigned flags = TUI_REDRAW;
	for (;;) {
		/* Asked each time: the demo may have taken the folder's place. */
		int watch = app_watch_fd(ui->app);
		unsigned wake;

		if (flags & TUI_QUIT)
			return;
		if (ui->planning_record)
			flags |= planning_screen_record(ui);
		if (flags & (TUI_REDRAW | TUI_REPAINT))
			ui_draw(ui, flags & TUI_REPAINT);
		flags = TUI_NONE;
		wake = term_wait(watch, ui_timeout(ui));
		ui->now = clock_now();
		clock_to_local(ui->now, &ui->today, &ui->now_minute, NULL);
		if (wake & (TERM_WAKE_SIGNAL | TERM_WAKE_GONE)) {
			/* Save what can be saved, then leave: never spin on a dead tty. */
			if (app_unsaved_count(ui->app) > 0)
				change_retry(ui);
			return;
		}
		if (wake & TERM_WAKE_WATCH) {
			unsigned reloaded;

			app_watch_drain(ui->app);
			reloaded = tui_reload_changed(ui);
			if (reloaded)   /* a planning made from the old data closes */
				reloaded |= planning_screen_reloaded(ui);
			flags |= reloaded;
		}
		if (wake & TERM_WAKE_TIMEOUT)
			flags |= TUI_REDRAW;
		if (wake & TERM_WAKE_INPUT)
			flags |= ui_keys(ui);
		/* The bell when the time is up, a suspend or a clock jump. */
		flags |= focus_timer_wake(ui);
	}
}

/* The theme from --theme or the plan; a broken one falls back, and says so. */
/* Everything between the terminal's start and the first draw. */
static int ui_start(struct tui *ui, const struct ui_options *opt, const struct term_caps *caps,
		    struct error *err)
{
	if (tui_open(ui, opt, err) != 0)
		return -1;
	ui->caps = *caps;
	ui->mode = caps->utf8 ? TEXT_UTF8 : TEXT_ASCII;
	ui->g = glyphs_for(ui->mode);
	ui->context = CTX_WEEK;
	tui_theme(ui, opt->theme);
	if (app_is_new(ui->app))
		setup_first_start(ui);
	else
		planning_screen_auto(ui);
	focus_timer_load(ui);
	focus_timer_wake(ui); /* the first reading of the clocks */
	sync_status_load(ui, 0);
	return 0;
}

int ui_main(const struct ui_options *opt)
{
	struct tui *ui = xcalloc(1, sizeof *ui);
	struct term_caps caps;
	struct error err;
	int rc = 0;

	if (term_start(&caps, &err) != 0) {
		fprintf(stderr, "focusweek: %s\n", err.msg);
		free(ui);
		return 1;
	}
	xalloc_set_panic_hook(term_stop);
	if (ui_start(ui, opt, &caps, &err) != 0) {
		term_stop();
		fprintf(stderr, "focusweek: %s\n", err.msg);
		free(ui);
		return 1;
	}
	ui_loop(ui);
	term_stop();
	planning_screen_close(ui);
	if (term_pending_signal() == TERM_SIG_NONE && app_unsaved_count(ui->app) > 0)
		rc = 1;
	if (app_unsaved_count(ui->app) > 0)
		fprintf(stderr, "focusweek: %zu week(s) could not be saved: %s\n",
			app_unsaved_count(ui->app), ui->message);
	tui_close(ui);
	free(ui);
	return rc;
}

const char *ui_curses_version(void)
{
	return curses_version();
}

/* ---------------------------------------------------------------- probe */

struct tui *ui_probe_open(const struct ui_options *opt, struct error *err)
{
	struct tui *ui = xcalloc(1, sizeof *ui);
	struct term_caps caps;

	term_setup(&caps);
	if (ui_start(ui, opt, &caps, err) != 0) {
		free(ui);
		return NULL;
	}
	return ui;
}

void ui_probe_draw(struct tui *ui, bool repaint)
{
	ui_draw(ui, repaint);
}

bool ui_probe_key(struct tui *ui, int code, bool fn)
{
	unsigned flags = ui_key(ui, (struct key){ code, fn });

	if (flags & (TUI_REDRAW | TUI_REPAINT))
		ui_draw(ui, flags & TUI_REPAINT);
	return flags & TUI_CHANGE;
}

bool ui_probe_select(struct tui *ui, const char *id)
{
	return cursor_to_block(ui, id);
}

void ui_probe_close(struct tui *ui)
{
	if (ui == NULL)
		return;
	planning_screen_close(ui);
	tui_close(ui);
	free(ui);
}
