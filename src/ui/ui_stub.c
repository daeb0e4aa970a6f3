/* ui_stub.c - placeholder until the week view lands. */
#include <stdio.h>

#include "ui.h"

int ui_main(const struct ui_options *opt)
{
	(void)opt;
	fprintf(stderr, "focusweek: the full-screen planner is not built yet; try 'focusweek week'\n");
	return 1;
}
