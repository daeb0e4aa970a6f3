/* help.h - the help overlay, written from the action tables. */
#ifndef FOCUSWEEK_HELP_H
#define FOCUSWEEK_HELP_H

#include "tui.h"

void help_draw(struct tui *ui);

#endif
