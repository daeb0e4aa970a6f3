/* cli_options.c - a command's options: their values by name, and argv
 * parsed against the command's list and the options every command takes. */
#include "cli_int.h"

#include <string.h>

static const struct cli_opt *cli_find_opt(const struct cli_opt *opts, const char *name,
					  size_t len, int *index)
{
	for (int i = 0; opts != NULL && opts[i].name != NULL; i++) {
		if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0) {
			*index = i;
			return &opts[i];
		}
	}
	return NULL;
}

const char *cli_opt(const struct cli *c, const char *name)
{
	int i;
	size_t len = strlen(name);

	if (c->cmd != NULL && cli_find_opt(c->cmd->opts, name, len, &i) != NULL)
		return c->values[i];
	return NULL;
}

bool cli_flag(const struct cli *c, const char *name)
{
	return cli_opt(c, name) != NULL;
}

/* The long option argv[*i] ("--name" or "--name=value"), of the command
 * or of every command: its value noted in c; a value given as the next
 * word moves *i past it. */
static int cli_parse_long(struct cli *c, int argc, char **argv, int *i, bool *help)
{
	const char *a = argv[*i] + 2, *eq, *value = NULL;
	const struct cli_opt *o;
	int idx, gidx;
	size_t len;

	eq = strchr(a, '=');
	len = eq ? (size_t)(eq - a) : strlen(a);
	o = cli_find_opt(c->cmd->opts, a, len, &idx);
	if (o == NULL && cli_find_opt(cli_global_opts(), a, len, &gidx) == NULL)
		return cli_usage(c, "unknown option --%.*s", (int)len, a);
	if (o == NULL)
		o = cli_find_opt(cli_global_opts(), a, len, &gidx), idx = -1;
	if (o->has_arg) {
		if (eq)
			value = eq + 1;
		else if (*i + 1 < argc)
			value = argv[++*i];
		else
			return cli_usage(c, "--%s needs a value", o->name);
	} else if (eq) {
		return cli_usage(c, "--%s takes no value", o->name);
	} else {
		value = "";
	}
	if (idx < 0) {
		if (strcmp(o->name, "data") == 0)
			c->data_flag = value;
		else if (strcmp(o->name, "demo") == 0)
			c->demo = true;
		else if (strcmp(o->name, "help") == 0)
			*help = true;
	} else {
		c->values[idx] = value;
	}
	return 0;
}

int cli_parse(struct cli *c, int argc, char **argv, int from, bool *help)
{
	bool only_args = false;
	int rc;

	for (int i = from; i < argc; i++) {
		const char *a = argv[i];

		if (only_args || a[0] != '-' || a[1] == '\0' ||
		    (a[1] != '-' && (a[1] < 'a' || a[1] > 'z') && (a[1] < 'A' || a[1] > 'Z'))) {
			/* Positional (negative numbers like -2 included). */
			if (c->n_args == CLI_MAX_ARGS)
				return cli_usage(c, "too many arguments");
			c->args[c->n_args++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = true;
			continue;
		}
		if (strcmp(a, "-h") == 0) {
			*help = true;
			continue;
		}
		if (a[1] != '-')
			return cli_usage(c, "unknown option %s", a);
		rc = cli_parse_long(c, argc, argv, &i, help);
		if (rc != 0)
			return rc;
	}
	return 0;
}
