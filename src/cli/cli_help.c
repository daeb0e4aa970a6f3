/* cli_help.c - the help: `focusweek --help`, a command's `--help`, and a
 * group of commands ("industry") listed, or named without one of its
 * commands. */
#include "cli_int.h"

#include <stdio.h>
#include <string.h>

static void cli_help_opts(const struct cli_opt *opts)
{
	for (int i = 0; opts != NULL && opts[i].name != NULL; i++)
		printf("  %s\n", opts[i].help);
}

void cli_help_command(const struct cli_command *cmd)
{
	printf("Usage: focusweek %s%s%s%s\n\n%s\n", cmd->name, cmd->args ? " " : "",
	       cmd->args ? cmd->args : "", cmd->opts && cmd->opts[0].name ? " [OPTIONS]" : "",
	       cmd->summary);
	if (cmd->opts && cmd->opts[0].name) {
		printf("\nOptions:\n");
		cli_help_opts(cmd->opts);
	}
	printf("\nCommon options:\n");
	cli_help_opts(cli_global_opts());
}

void cli_help_main(void)
{
	printf("focusweek - plan the week one industry at a time; every block must answer\n"
	       "\"Will this help me make my sales quota?\"\n\n"
	       "Usage: focusweek [--data DIR] [--demo] [--date D] [--theme NAME]\n"
	       "       focusweek COMMAND [ARGS] [OPTIONS]\n\n"
	       "With no command, opens the full-screen planner.\n\nCommands:\n");
	for (size_t i = 0; i < cli_command_count(); i++) {
		const struct cli_command *cmd = cli_command_at(i);

		if (!cmd->hidden)
			printf("  %-18s %s\n", cmd->name, cmd->summary);
	}
	printf("\nOptions:\n");
	cli_help_opts(cli_planner_opts());
	cli_help_opts(cli_global_opts());
	printf("\n'focusweek COMMAND --help' describes a command.  "
	       "See also focusweek(1).\n");
}

size_t cli_group_list(const char *group, FILE *out)
{
	size_t len = strlen(group), n = 0;

	for (size_t i = 0; i < cli_command_count(); i++) {
		const struct cli_command *cmd = cli_command_at(i);
		char synopsis[64];

		if (strncmp(cmd->name, group, len) != 0 || cmd->name[len] != ' ')
			continue;
		snprintf(synopsis, sizeof synopsis, "%s%s%s", cmd->name + len + 1,
			 cmd->args ? " " : "", cmd->args ? cmd->args : "");
		if (out != NULL)
			fprintf(out, "  %-24s %s\n", synopsis, cmd->summary);
		n++;
	}
	return n;
}

static void cli_help_group(const char *group)
{
	printf("Usage: focusweek %s COMMAND [ARGS] [OPTIONS]\n\nCommands:\n", group);
	cli_group_list(group, stdout);
	printf("\n'focusweek %s COMMAND --help' describes one.\n", group);
}

int cli_group_run(struct cli *c, const char *group, const char *word, bool help)
{
	struct buf names = BUF_INIT;
	size_t len = strlen(group);
	int rc;

	if (help && word == NULL) {
		cli_help_group(group);
		return CLI_OK;
	}
	for (size_t i = 0; i < cli_command_count(); i++) {
		const char *name = cli_command_at(i)->name;

		if (strncmp(name, group, len) == 0 && name[len] == ' ')
			buf_addf(&names, "%s%s", names.len ? ", " : "", name + len + 1);
	}
	c->command = group;
	if (word == NULL)
		rc = cli_usage(c, "which one? %s", buf_str(&names));
	else
		rc = cli_usage(c, "unknown command \"%s %s\" (known: %s)", group, word,
			       buf_str(&names));
	buf_free(&names);
	return rc;
}
