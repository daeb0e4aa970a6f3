/* ui.c - the planner's main loop: wait, read keys, act once, draw once. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "focus.h"
#include "screens.h"
#include "modal.h"
#include "plan_view.h"
#include "store.h"
#include "term.h"
#include "theme_load.h"
#include "ui.h"
#include "ui_probe.h"
#include "week_view.h"
#include "xalloc.h"

static void ui_draw(struct app *a, bool repaint)
{
	if (repaint)
		clearok(curscr, TRUE);
	a->cur_y = a->cur_x = -1;
	screen_for(a->context)->draw(a);
	if (a->cur_y >= 0) {
		move(a->cur_y, a->cur_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* A mouse click selects a slot (and the block on it); the wheel scrolls. */
static unsigned ui_mouse(struct app *a)
{
	MEVENT ev;
	int day, slot;

	if (getmouse(&ev) != OK || a->modal != NULL)
		return APP_NONE;
	if (a->context == CTX_REVIEW && (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED))) {
		/* The wheel scrolls the review's panels (drawing clamps it). */
		a->review.scroll += ev.bstate & BUTTON4_PRESSED ? -3 : 3;
		if (a->review.scroll < 0)
			a->review.scroll = 0;
		return APP_REDRAW;
	}
	if (a->context != CTX_WEEK)
		return APP_NONE;
	if (ev.bstate & BUTTON4_PRESSED) {
		a->top -= 3;
		a->slot -= 3;
	} else if (ev.bstate & BUTTON5_PRESSED) {
		a->top += 3;
		a->slot += 3;
	} else if (week_view_hit(a, ev.y, ev.x, &day, &slot)) {
		a->day = day;
		a->slot = slot;
	}
	cursor_clamp(a);
	return APP_REDRAW;
}

/* One key: its action, and the change it proposed saved at once.  The
 * flags keep APP_CHANGE when there was one. */
static unsigned ui_key(struct app *a, struct key k)
{
	unsigned f;

	a->message[0] = '\0';
	if (k.fn && k.code == KEY_MOUSE)
		f = ui_mouse(a);
	else
		f = actions_dispatch(a, k);
	if (f & APP_CHANGE)
		f |= change_commit(a);
	return f;
}

/* Reads every pending key and acts on each; a proposed change is saved
 * before the next key is handled. */
static unsigned ui_keys(struct app *a)
{
	unsigned flags = APP_NONE;
	wint_t ch;
	int rc, n = 0;

	while ((rc = get_wch(&ch)) != ERR) {
		n++;
		flags |= ui_key(a, (struct key){ (int)ch, rc == KEY_CODE_YES }) & ~APP_CHANGE;
		if (flags & APP_QUIT)
			break;
	}
	term_note_keys(n);
	return flags;
}

static int ui_timeout(const struct app *a)
{
	return screen_for(a->context)->tick_ms(a);
}

static void ui_loop(struct app *a)
{
	unsigned flags = APP_REDRAW;
	int watch = store_watch_fd(a->boot.store);

	for (;;) {
		unsigned wake;

		if (flags & APP_QUIT)
			return;
		if (a->plan_record)
			flags |= plan_screen_record(a);
		if (flags & (APP_REDRAW | APP_REPAINT))
			ui_draw(a, flags & APP_REPAINT);
		flags = APP_NONE;
		wake = term_wait(watch, ui_timeout(a));
		a->now = clock_now();
		clock_to_local(a->now, &a->today, &a->now_minute, NULL);
		if (wake & (TERM_WAKE_SIGNAL | TERM_WAKE_GONE)) {
			/* Save what can be saved, then leave: never spin on a dead tty. */
			if (a->n_unsaved > 0)
				change_retry(a);
			return;
		}
		if (wake & TERM_WAKE_WATCH) {
			unsigned reloaded;

			store_watch_drain(a->boot.store);
			reloaded = app_reload_changed(a);
			if (reloaded)   /* a planning made from the old data closes */
				reloaded |= plan_screen_reloaded(a);
			flags |= reloaded;
		}
		if (wake & TERM_WAKE_TIMEOUT)
			flags |= APP_REDRAW;
		if (wake & TERM_WAKE_INPUT)
			flags |= ui_keys(a);
		/* The bell when the time is up, a suspend or a clock jump. */
		flags |= focus_timer_wake(a);
	}
}

/* The theme from --theme or the plan; a broken one falls back, and says so. */
static void ui_theme(struct app *a, const char *flag)
{
	struct theme_dirs d;
	struct error err;
	const char *name = flag != NULL ? flag : plan_settings(a->boot.plan)->theme;

	theme_dirs_default(&d);
	if (theme_load_or_default(&d, name, &a->theme, &err) != 0)
		app_message(a, ROLE_WARNING, "%s", err.msg);
	theme_dirs_free(&d);
	colors_init(&a->colors, &a->theme, &a->caps);
}

/* Everything between the terminal's start and the first draw. */
static int ui_start(struct app *a, const struct ui_options *opt, const struct term_caps *caps,
		    struct error *err)
{
	if (app_open(a, opt, err) != 0)
		return -1;
	a->caps = *caps;
	a->mode = caps->utf8 ? TEXT_UTF8 : TEXT_ASCII;
	a->g = glyphs_for(a->mode);
	a->context = CTX_WEEK;
	ui_theme(a, opt->theme);
	plan_screen_auto(a);
	focus_timer_load(a);
	focus_timer_wake(a); /* the first reading of the clocks */
	return 0;
}

int ui_main(const struct ui_options *opt)
{
	struct app *a = xcalloc(1, sizeof *a);
	struct term_caps caps;
	struct error err;
	int rc = 0;

	if (term_start(&caps, &err) != 0) {
		fprintf(stderr, "focusweek: %s\n", err.msg);
		free(a);
		return 1;
	}
	xalloc_set_panic_hook(term_stop);
	if (ui_start(a, opt, &caps, &err) != 0) {
		term_stop();
		fprintf(stderr, "focusweek: %s\n", err.msg);
		free(a);
		return 1;
	}
	ui_loop(a);
	term_stop();
	plan_screen_close(a);
	if (term_pending_signal() == TERM_SIG_NONE && a->n_unsaved > 0)
		rc = 1;
	if (a->n_unsaved > 0)
		fprintf(stderr, "focusweek: %zu week(s) could not be saved: %s\n", a->n_unsaved,
			a->message);
	app_close(a);
	free(a);
	return rc;
}

const char *ui_curses_version(void)
{
	return curses_version();
}

/* ---------------------------------------------------------------- probe */

struct app *ui_probe_open(const struct ui_options *opt, struct error *err)
{
	struct app *a = xcalloc(1, sizeof *a);
	struct term_caps caps;

	term_setup(&caps);
	if (ui_start(a, opt, &caps, err) != 0) {
		free(a);
		return NULL;
	}
	return a;
}

void ui_probe_draw(struct app *a, bool repaint)
{
	ui_draw(a, repaint);
}

bool ui_probe_key(struct app *a, int code, bool fn)
{
	unsigned flags = ui_key(a, (struct key){ code, fn });

	if (flags & (APP_REDRAW | APP_REPAINT))
		ui_draw(a, flags & APP_REPAINT);
	return flags & APP_CHANGE;
}

bool ui_probe_select(struct app *a, const char *id)
{
	return cursor_to_block(a, id);
}

void ui_probe_close(struct app *a)
{
	if (a == NULL)
		return;
	plan_screen_close(a);
	app_close(a);
	free(a);
}
