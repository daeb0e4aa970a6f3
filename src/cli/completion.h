/* completion.h - shell completions written from the command table
 * (cmd_completion.c), so that they cannot drift from the parser and
 * --help.  Private to src/cli/.
 *
 * A value spec says what a word completes to: "" nothing, literal words
 * ("calls conversations meetings"), or "@KIND": "@files", "@dirs", or the
 * names `focusweek completion words KIND` prints at completion time
 * ("@industries", "@accounts", "@templates", "@blocks", "@themes").
 */
#ifndef FOCUSWEEK_COMPLETION_H
#define FOCUSWEEK_COMPLETION_H

#include <stdbool.h>

#include "buf.h"
#include "cli_int.h"

/* The value spec of option o of cmd (NULL cmd: the planner). */
void completion_option_spec(const struct cli_command *cmd, const struct cli_opt *o,
			    struct buf *out);
/* The value spec of cmd's first argument. */
void completion_arg_spec(const struct cli_command *cmd, struct buf *out);
/* What follows "--name VALUE" in an option's help: its description's
 * first line. */
void completion_opt_text(const struct cli_opt *o, struct buf *out);
/* Does some command's name start with "word "? */
bool completion_is_group(const char *word);
/* Does a command before the i-th start with the word of n bytes at word
 * (as its first word)?  Then that first word was seen already. */
bool completion_first_seen(size_t i, const char *word, size_t n);
/* The second words of the commands from the i-th on whose first word is
 * the n bytes at word, separated by spaces, appended to out. */
void completion_seconds(size_t i, const char *word, size_t n, struct buf *out);

/* The scripts. */
void completion_bash(struct buf *out);
void completion_zsh(struct buf *out);
void completion_fish(struct buf *out);
/* Shared by bash and zsh: the tables as shell functions. */
void completion_sh_tables(struct buf *out);

#endif
