/* cli.h - the command line: `focusweek COMMAND ...`, the surface for
 * scripts, status bars and headless tests.  Exit 0 on success, 1 when an
 * action is refused or fails (one line on stderr), 2 on a usage error. */
#ifndef FOCUSWEEK_CLI_H
#define FOCUSWEEK_CLI_H

enum cli_exit { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* Runs a command; with no command, opens the planner through ui_main. */
int cli_main(int argc, char **argv);

#endif
