/* sync_status.c - the calendar sync in the planner: a key runs it, the top
 * line keeps when it last ran and what it did (app_sync.h). */
#include "sync_status.h"

#include <stdio.h>
#include <string.h>

unsigned sync_status_load(struct tui *ui, unsigned outside)
{
	struct error err;

	if (app_sync_status(ui->app, &ui->sync, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "%s", err.msg);
		return TUI_REDRAW;
	}
	/* Said over "this week was changed by another program", which it explains. */
	if ((outside & APP_CHANGED_SYNC) && ui->sync.at != 0)
		tui_message(ui, ROLE_STATUS, "synced by another program: %s%s", ui->sync.summary,
			    (outside & APP_CHANGED_WEEKS) ? "; this week reloaded" : "");
	return TUI_REDRAW;
}

void sync_status_text(const struct tui *ui, char *out, size_t size)
{
	date_t day;
	int minute;
	char when[32], t[6];

	out[0] = '\0';
	if (!ui->sync.set)
		return;
	if (ui->sync.at == 0) {
		snprintf(out, size, "not synced yet (C syncs)");
		return;
	}
	clock_to_local(ui->sync.at, &day, &minute, NULL);
	date_time_format(minute, t);
	if (day == ui->today) {
		snprintf(when, sizeof when, "%s", t);
	} else {
		date_format_short(day, when);
		snprintf(when + strlen(when), sizeof when - strlen(when), " %s", t);
	}
	snprintf(out, size, "synced %s: %s", when, ui->sync.summary);
}

unsigned sync_key(struct tui *ui)
{
	struct app_sync_report rep;
	struct app_result res;
	struct error err;
	int rc;
	unsigned flags;

	if (tui_refuse_edit(ui))
		return TUI_REDRAW;
	rc = app_sync(ui->app, &rep, &res, &err);
	app_sync_report_clear(&rep);
	res.week = 0; /* the week on screen stays, as the sync left it */
	flags = change_shown(ui, rc, &res, &err);
	sync_status_load(ui, 0);
	return flags | TUI_REDRAW;
}
