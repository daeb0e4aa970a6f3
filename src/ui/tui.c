/* tui.c - the planner's data: opening, showing a week, reloading. */
#include "tui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "focus.h"
#include "review_view.h"
#include "sync_status.h"
#include "theme_load.h"

void tui_message(struct tui *ui, enum theme_role role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
	ui->message_role = role;
}

const struct plan *tui_plan(const struct tui *ui)
{
	return app_plan(ui->app);
}

int tui_week_key(const struct tui *ui)
{
	return week_key(ui->week);
}

void tui_show_week(struct tui *ui, int key)
{
	struct week *w;
	struct error err;

	ui->week_error[0] = '\0';
	ui->data_gen++;
	if (app_week(ui->app, key, &w, &err) != 0) {
		/* Shown empty and read-only, with the reason, so nothing is lost. */
		snprintf(ui->week_error, sizeof ui->week_error, "%s", err.msg);
		w = week_new(tui_plan(ui), key);
	}
	week_free(ui->week);
	ui->week = w;
	if (ui->week_error[0])
		tui_message(ui, ROLE_ERROR, "%s", ui->week_error);
	cursor_clamp(ui);
}

bool tui_refuse_edit(struct tui *ui)
{
	const char *why;

	if (ui->week_error[0]) {
		tui_message(ui, ROLE_ERROR, "this week's file is damaged, so it is read-only: %s",
			    ui->week_error);
		return true;
	}
	if (app_readonly(ui->app, &why)) {
		tui_message(ui, ROLE_WARNING, "read-only: %s", why);
		return true;
	}
	return false;
}

/* The cursor on the day shown and the slot of now (or the day's start). */
static void tui_place_cursor(struct tui *ui, date_t day)
{
	const struct settings *s = plan_settings(tui_plan(ui));
	int m = day == ui->today ? ui->now_minute : s->day_start;
	int minute = m < s->day_start ? s->day_start : m >= s->day_end ? s->day_end - 1 : m;

	ui->day = date_week_index(day);
	ui->weekend = cursor_day_off(ui, day);
	ui->slot = (minute - s->day_start) / s->slot;
	ui->top = ui->slot > 2 ? ui->slot - 2 : 0;
}

int tui_open(struct tui *ui, const struct ui_options *opt, struct error *err)
{
	struct app_options o = { .data_flag = opt->data_flag, .demo = opt->demo, .planner = true };
	date_t day;

	memset(ui, 0, sizeof *ui);
	if (app_open(&ui->app, &o, err) != 0)
		return -1;
	ui->now = clock_now();
	clock_to_local(ui->now, &ui->today, &ui->now_minute, NULL);
	day = opt->has_date ? opt->date : ui->today;
	tui_place_cursor(ui, day);
	tui_show_week(ui, date_week_key(day));
	if (app_is_demo(ui->app))
		tui_message(ui, ROLE_OK, "Demo plan: changes are thrown away on quit. ? for help.");
	return 0;
}

void tui_theme(struct tui *ui, const char *name)
{
	struct theme_dirs d;
	struct error err;

	if (name == NULL)
		name = plan_settings(tui_plan(ui))->theme;
	theme_dirs_default(&d);
	if (theme_load_or_default(&d, name, &ui->theme, &err) != 0)
		tui_message(ui, ROLE_WARNING, "%s", err.msg);
	theme_dirs_free(&d);
	colors_init(&ui->colors, &ui->theme, &ui->caps);
}

unsigned tui_open_demo(struct tui *ui)
{
	struct app_options o = { .demo = true, .planner = true };
	struct app *demo;
	struct error err;

	if (app_open(&demo, &o, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "the demo cannot be opened: %s", err.msg);
		return TUI_REDRAW;
	}
	app_close(ui->app);
	ui->app = demo;
	tui_show_week(ui, date_week_key(ui->today));
	tui_message(ui, ROLE_OK, "Demo plan: changes are thrown away on quit. ? for help.");
	return TUI_REDRAW | TUI_REPAINT;
}

void tui_close(struct tui *ui)
{
	review_data_drop(ui);
	week_free(ui->week);
	timer_state_clear(&ui->timer);
	app_close(ui->app);
	ui->app = NULL;
}

/* Re-reads what another program changed: the plan, the week on screen
 * (never over a copy of ours the disk refused: its retry reports the
 * conflict instead), the timer.  The cursor stays on its block. */
unsigned tui_reload_changed(struct tui *ui)
{
	struct error err;
	char id[MODEL_ID_MAX] = "";
	const struct block *b = cursor_block(ui);
	unsigned changed = app_outside_changes(ui->app, tui_week_key(ui), &err), out = TUI_NONE;

	if (changed & (APP_CHANGED_PLAN | APP_CHANGED_WEEKS)) {
		if (b != NULL)
			snprintf(id, sizeof id, "%s", b->id);
		tui_show_week(ui, tui_week_key(ui));
		if (id[0] && !cursor_to_block(ui, id))
			cursor_clamp(ui);
		out |= TUI_REDRAW;
	}
	if (err.code != ERR_NONE)
		tui_message(ui, ROLE_ERROR, "%s", err.msg);
	else if (changed & APP_CHANGED_PLAN)
		tui_message(ui, ROLE_WARNING, "the plan was changed by another program; reloaded");
	else if ((changed & APP_CHANGED_WEEKS) && !ui->week_error[0])
		tui_message(ui, ROLE_WARNING, "this week was changed by another program; reloaded");
	if (changed & APP_CHANGED_TIMER)
		out |= focus_timer_reload(ui);
	if (changed & APP_CHANGED_SYNC)
		out |= sync_status_load(ui, changed);
	return out;
}
