/* ui_probe.h - the planner driven from a program instead of a terminal, for
 * the benchmark (tests/bench).  The same start, screens, key actions, saves
 * and drawing as ui_main, on a curses screen the caller has made current
 * (newterm on a pseudo-terminal); only the checks that stdin and stdout are a
 * terminal, the signal handlers and the waiting loop are left out. */
#ifndef FOCUSWEEK_UI_PROBE_H
#define FOCUSWEEK_UI_PROBE_H

#include <stdbool.h>

#include "error.h"
#include "ui.h"

struct tui;

/* Opens the planner's state as ui_main does before its first draw. */
struct tui *ui_probe_open(const struct ui_options *opt, struct error *err);
/* One draw of the current screen, flushed (repaint: every cell sent again,
 * as for the first screen). */
void ui_probe_draw(struct tui *ui, bool repaint);
/* One key as the loop handles it: its action, a proposed change saved, then
 * the redraw it asks for.  True when the key proposed a change. */
bool ui_probe_key(struct tui *ui, int code, bool fn);
/* Puts the cursor on block `id` of the week shown (set-up, not a key). */
bool ui_probe_select(struct tui *ui, const char *id);
void ui_probe_close(struct tui *ui);

#endif
