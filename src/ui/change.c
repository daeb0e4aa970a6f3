/* change.c - what a change did, shown.
 *
 * Handlers make every change through the application layer (app.h), which
 * checks the rules, saves and notes it for undo.  This file shows its
 * answer once: the message, the week as the app has it now, the block
 * followed into the week it moved to.  A save the disk refused is kept by
 * the app; the bottom line says so, and Ctrl-S retries.
 */
#include <stdio.h>
#include <string.h>

#include "tui.h"

/* The week the change ended in, with the cursor on its block. */
static void change_follow(struct tui *ui, const struct app_result *res)
{
	int key = res->week != 0 ? res->week : tui_week_key(ui);

	tui_show_week(ui, key);
	if (res->id[0])
		cursor_to_block(ui, res->id);
}

unsigned change_shown(struct tui *ui, int rc, const struct app_result *res, const struct error *err)
{
	if (rc != 0 && err->committed) {
		/* Saved, but the disk did not confirm it: said, not undone. */
		change_follow(ui, res);
		tui_message(ui, ROLE_WARNING, "%s", err->msg);
		return TUI_CHANGE | TUI_REDRAW;
	}
	if (rc != 0) {
		/* What is on disk is the truth: show that, then why not. */
		tui_show_week(ui, tui_week_key(ui));
		if (err->code == ERR_READONLY)
			tui_message(ui, ROLE_WARNING, "%s", err->msg);
		else if (err->code == ERR_REFUSED || err->code == ERR_NOTFOUND ||
			 err->code == ERR_USAGE)
			tui_message(ui, ROLE_ERROR, "%s", err->msg); /* a rule: it says why */
		else
			tui_message(ui, ROLE_ERROR, "not changed: %s", err->msg);
		return TUI_REDRAW;
	}
	if (res->changed == 0)
		return TUI_REDRAW;
	change_follow(ui, res);
	if (res->unsaved)
		tui_message(ui, ROLE_ERROR, "NOT SAVED: %s. Your change is kept; Ctrl-S retries",
			    res->notice);
	else if (res->notice[0])
		tui_message(ui, ROLE_WARNING, "%s", res->notice);
	else
		tui_message(ui, ROLE_STATUS, "%s%s", res->label,
			    res->undoable ? "  (u undoes)" : "");
	return TUI_CHANGE | TUI_REDRAW;
}

/* Undo, redo: "nothing to undo" is said plainly, not as a failure. */
static unsigned change_step(struct tui *ui, bool undo)
{
	struct app_result res;
	struct error err;
	int rc = undo ? app_undo(ui->app, &res, &err) : app_redo(ui->app, &res, &err);
	unsigned flags;

	if (rc != 0 && err.code == ERR_NOTFOUND) {
		tui_message(ui, ROLE_STATUS, "%s", err.msg);
		return TUI_REDRAW;
	}
	if (rc != 0 && err.code == ERR_CONFLICT) {
		tui_message(ui, ROLE_WARNING, "%s", err.msg);
		return TUI_REDRAW;
	}
	flags = change_shown(ui, rc, &res, &err);
	if (rc == 0 && !res.unsaved && !res.notice[0] && res.changed)
		tui_message(ui, ROLE_STATUS, "%s: %s", undo ? "undone" : "redone", res.label);
	return flags;
}

unsigned change_undo(struct tui *ui)
{
	return change_step(ui, true);
}

unsigned change_redo(struct tui *ui)
{
	return change_step(ui, false);
}

unsigned change_retry(struct tui *ui)
{
	struct app_result res;
	struct error err;
	int rc = app_retry(ui->app, &res, &err);
	unsigned flags;

	if (rc != 0 && err.code == ERR_NOTFOUND) {
		tui_message(ui, ROLE_STATUS, "%s", err.msg);
		return TUI_REDRAW;
	}
	flags = change_shown(ui, rc, &res, &err);
	if (rc == 0 && !res.unsaved && !res.notice[0] && res.changed)
		tui_message(ui, ROLE_OK, "saved");
	return flags;
}
