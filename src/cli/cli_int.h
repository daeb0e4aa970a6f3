/* cli_int.h - what the command-line commands share.  Private to src/cli/. */
#ifndef FOCUSWEEK_CLI_INT_H
#define FOCUSWEEK_CLI_INT_H

#include <stdbool.h>
#include <stdio.h>

#include "app.h"
#include "buf.h"
#include "cli.h"
#include "error.h"
#include "glyph.h"
#include "model.h"
#include "text.h"

#define CLI_MAX_OPTS 24
#define CLI_MAX_ARGS 16

/* One option a command accepts. */
struct cli_opt {
	const char *name;   /* without the dashes: "date" */
	bool has_arg;
	const char *help;   /* "--date D  the day (YYYY-MM-DD)" */
};

/* The parsed command line of one command. */
struct cli {
	const char *command;            /* "add", or "industry add" */
	const struct cli_command *cmd;
	const char *values[CLI_MAX_OPTS]; /* per option of cmd->opts: its value, "" for a
					     flag given, NULL when absent */
	const char *args[CLI_MAX_ARGS];   /* positional arguments */
	int n_args;
	const char *data_flag;          /* --data */
	bool demo;                      /* --demo */
	enum text_mode out_mode;        /* stdout: UTF-8 or ASCII */
	enum text_mode err_mode;        /* stderr */
	struct app *app;                /* the data folder, once cli_boot opened it */
	struct error err;
};

struct cli_command {
	const char *name;       /* "week", "industry add" */
	const char *args;       /* positional synopsis: "ID", "NAME" */
	const char *summary;
	const struct cli_opt *opts;
	int min_args, max_args;
	int (*run)(struct cli *c);
	bool hidden;            /* left out of `focusweek --help` and completion */
};

/* The command table (cli.c), which drives parsing, --help and the shell
 * completions alike. */
size_t cli_command_count(void);
const struct cli_command *cli_command_at(size_t i);
/* Options every command takes, and those of the planner (no command). */
const struct cli_opt *cli_global_opts(void);
const struct cli_opt *cli_planner_opts(void);

/* The command table (cli.c); each command file defines its entries. */
extern const struct cli_command cli_cmd_week;
extern const struct cli_command cli_cmd_add;
extern const struct cli_command cli_cmd_edit;
extern const struct cli_command cli_cmd_rm;
extern const struct cli_command cli_cmd_focus;
extern const struct cli_command cli_cmd_industry_add;
extern const struct cli_command cli_cmd_industry_rename;
extern const struct cli_command cli_cmd_industry_color;
extern const struct cli_command cli_cmd_industry_rm;
extern const struct cli_command cli_cmd_industry_list;
extern const struct cli_command cli_cmd_account_add;
extern const struct cli_command cli_cmd_account_rename;
extern const struct cli_command cli_cmd_account_baseline;
extern const struct cli_command cli_cmd_account_rm;
extern const struct cli_command cli_cmd_account_list;
extern const struct cli_command cli_cmd_check;
extern const struct cli_command cli_cmd_themes;
extern const struct cli_command cli_cmd_timer_start;
extern const struct cli_command cli_cmd_timer_pause;
extern const struct cli_command cli_cmd_timer_resume;
extern const struct cli_command cli_cmd_timer_extend;
extern const struct cli_command cli_cmd_timer_stop;
extern const struct cli_command cli_cmd_timer_status;
extern const struct cli_command cli_cmd_count;
extern const struct cli_command cli_cmd_interrupt;
extern const struct cli_command cli_cmd_done;
extern const struct cli_command cli_cmd_skip;
extern const struct cli_command cli_cmd_planning;
extern const struct cli_command cli_cmd_template_save;
extern const struct cli_command cli_cmd_template_list;
extern const struct cli_command cli_cmd_template_show;
extern const struct cli_command cli_cmd_template_rm;
extern const struct cli_command cli_cmd_review;
extern const struct cli_command cli_cmd_sale;
extern const struct cli_command cli_cmd_sale_rm;
extern const struct cli_command cli_cmd_sales;
extern const struct cli_command cli_cmd_init;
extern const struct cli_command cli_cmd_sample_rm;
extern const struct cli_command cli_cmd_settings;
extern const struct cli_command cli_cmd_settings_set;
extern const struct cli_command cli_cmd_export;
extern const struct cli_command cli_cmd_import;
extern const struct cli_command cli_cmd_sync;
extern const struct cli_command cli_cmd_remind;
extern const struct cli_command cli_cmd_completion;
extern const struct cli_command cli_cmd_completion_words;

/* The value of option `name`, or NULL when not given (cli_options.c). */
const char *cli_opt(const struct cli *c, const char *name);
bool cli_flag(const struct cli *c, const char *name);
/* Parses argv[from..] for c->cmd: options anywhere, "--" ends them, -h and
 * --help set *help.  0, or a usage error said (CLI_USAGE). */
int cli_parse(struct cli *c, int argc, char **argv, int from, bool *help);

/* The help (cli_help.c): the program's, a command's, and a group's.  The
 * commands of a group ("industry": "industry add", "industry list"...) are
 * written to out one a line, with synopsis and summary (none when out is
 * NULL); cli_group_list returns how many there are. */
void cli_help_main(void);
void cli_help_command(const struct cli_command *cmd);
size_t cli_group_list(const char *group, FILE *out);
/* A group's word without a command of it (word: what followed, or NULL):
 * its help, or which commands it has, as a usage error. */
int cli_group_run(struct cli *c, const char *group, const char *word, bool help);

/* The standard streams (cli_streams.c): closed ones opened on /dev/null
 * and SIGPIPE ignored, at the start; at the end, what the hooks said and
 * the output written, or why not (the exit code, from the command's rc). */
void cli_std_streams(void);
int cli_finish(struct cli *c, int rc);

/* Opens the data folder (first run, demo) once: c->app. */
int cli_boot(struct cli *c);
/* The plan, once booted. */
const struct plan *cli_plan(const struct cli *c);

/* Message helpers: print "focusweek CMD: msg" safely and return the code
 * (cli_message.c; cli_message only prints). */
void cli_message(const struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cli_fail(struct cli *c, const struct error *err);
int cli_usage(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cli_refuse(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints text (made safe for the terminal) to stdout. */
void cli_print(const struct cli *c, const char *text);

/* Argument parsers that report what is wrong with the value (cli_values.c). */
int cli_parse_date(struct cli *c, const char *opt, const char *s, date_t *out);
int cli_parse_time(struct cli *c, const char *opt, const char *s, int *out);
int cli_parse_int(struct cli *c, const char *opt, const char *s, long long min,
		  long long max, long long *out);
/* --sold N, or its older name --revenue N (an amount sold on a block, a
 * sale): *sold untouched when neither is given. */
int cli_parse_sold(struct cli *c, int64_t *sold);
/* Today, from the (possibly pinned) clock. */
date_t cli_today(void);
/* The date of --date, or today. */
int cli_date_or_today(struct cli *c, date_t *out);

/* Industries and accounts by name, with a helpful message when unknown. */
const struct industry *cli_industry(struct cli *c, const char *name);
const struct account *cli_account(struct cli *c, const char *name);
/* A template of plan p by name, with the known ones when there is none. */
const struct template *cli_template(struct cli *c, const struct plan *p, const char *name);

#endif
