/* cmd_completion.c - `focusweek completion bash|zsh|fish` writes a shell's
 * completion script from the command table (completion.h); `focusweek
 * completion words KIND` prints the names those scripts complete, read at
 * completion time.  Both are left out of --help: the build runs the first,
 * the scripts the second. */
#include <stdio.h>
#include <string.h>

#include "app_words.h"
#include "completion.h"
#include "settings.h"
#include "theme_load.h"

#define WORD_MAX 64

/* Values of options by name, the same in every command unless a command
 * is named.  "@kinds", "@rules" and "@settings" are written out here from
 * the model; the other "@KIND"s are read when completing. */
static const struct {
	const char *cmd;    /* NULL: any command */
	const char *opt;
	const char *spec;
} opt_specs[] = {
	{ NULL, "industry", "@industries" },
	{ NULL, "account", "@accounts" },
	{ NULL, "template", "@templates" },
	{ NULL, "theme", "@themes" },
	{ NULL, "use", "@themes" },
	{ NULL, "ics", "@files" },
	{ NULL, "data", "@dirs" },
	{ NULL, "kind", "@kinds" },
	{ NULL, "rule", "@rules" },
	{ "review", "format", "text md csv json" },
	{ "timer status", "format", "json" },
	{ "sales", "period", "month quarter year" },
	{ "themes", "color", "auto always never" },
};

/* "@kinds" and the like, written out; others as they are. */
static void spec_expand(const char *spec, struct buf *out)
{
	if (strcmp(spec, "@kinds") == 0) {
		for (int k = 0; k < KIND_COUNT; k++)
			buf_addf(out, "%s%s", k ? " " : "", model_kind_name((enum block_kind)k));
	} else if (strcmp(spec, "@rules") == 0) {
		buf_addf(out, "%s %s", model_focus_name(FOCUS_DAY), model_focus_name(FOCUS_HALF_DAY));
	} else if (strcmp(spec, "@settings") == 0) {
		for (size_t i = 0; i < settings_count(); i++)
			buf_addf(out, "%s%s", i ? " " : "", settings_at(i)->key);
	} else {
		buf_adds(out, spec);
	}
}

void completion_option_spec(const struct cli_command *cmd, const struct cli_opt *o,
			    struct buf *out)
{
	const char *found = NULL;

	if (!o->has_arg)
		return;
	for (size_t i = 0; i < sizeof opt_specs / sizeof opt_specs[0]; i++) {
		if (strcmp(opt_specs[i].opt, o->name) != 0)
			continue;
		if (opt_specs[i].cmd == NULL && found == NULL)
			found = opt_specs[i].spec;
		else if (opt_specs[i].cmd != NULL && cmd != NULL && strcmp(opt_specs[i].cmd, cmd->name) == 0)
			found = opt_specs[i].spec;
	}
	if (found != NULL)
		spec_expand(found, out);
}

/* The name a NAME argument is, by the command's first word. */
static const char *arg_group_spec(const char *name)
{
	static const char *const groups[][2] = {
		{ "industry", "@industries" }, { "account", "@accounts" },
		{ "template", "@templates" },  { "themes", "@themes" },
	};
	size_t n = strcspn(name, " ");

	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
		if (strlen(groups[i][0]) == n && strncmp(name, groups[i][0], n) == 0)
			return groups[i][1];
	return "";
}

void completion_arg_spec(const struct cli_command *cmd, struct buf *out)
{
	char word[WORD_MAX];
	const char *a = cmd->args;
	size_t n;

	if (a == NULL)
		return;
	a += strspn(a, "[");
	n = strcspn(a, " ]");
	if (n == 0 || n >= sizeof word)
		return;
	memcpy(word, a, n);
	word[n] = '\0';
	if (strchr(word, '|') != NULL) {
		for (char *p = word; *p; p++)
			if (*p == '|')
				*p = ' ';
		buf_adds(out, word);
	} else if (strcmp(word, "ID") == 0) {
		buf_adds(out, "@blocks");
	} else if (strcmp(word, "INDUSTRY") == 0) {
		buf_adds(out, "@industries");
	} else if (strcmp(word, "KEY") == 0) {
		spec_expand("@settings", out);
	} else if (strcmp(word, "NAME") == 0 || strcmp(word, "OLD") == 0) {
		buf_adds(out, arg_group_spec(cmd->name));
	}
}

void completion_opt_text(const struct cli_opt *o, struct buf *out)
{
	const char *h = o->help;

	h += strcspn(h, " ");                  /* "--name" */
	if (o->has_arg) {
		h += strspn(h, " ");
		h += strcspn(h, " ");          /* "VALUE" */
	}
	h += strspn(h, " ");
	buf_add(out, h, strcspn(h, "\n"));
}

bool completion_is_group(const char *word)
{
	size_t n = strlen(word);

	for (size_t i = 0; i < cli_command_count(); i++) {
		const struct cli_command *c = cli_command_at(i);

		if (!c->hidden && strncmp(c->name, word, n) == 0 && c->name[n] == ' ')
			return true;
	}
	return false;
}

/* Does an earlier command (before i) start with the n bytes of word? */
bool completion_first_seen(size_t i, const char *word, size_t n)
{
	for (size_t k = 0; k < i; k++) {
		const struct cli_command *c = cli_command_at(k);

		if (!c->hidden && strncmp(c->name, word, n) == 0 &&
		    (c->name[n] == ' ' || c->name[n] == '\0'))
			return true;
	}
	return false;
}

/* The second words of the commands from i on whose first word is word[0..n). */
void completion_seconds(size_t i, const char *word, size_t n, struct buf *out)
{
	for (size_t k = i; k < cli_command_count(); k++) {
		const struct cli_command *c = cli_command_at(k);

		if (!c->hidden && strncmp(c->name, word, n) == 0 && c->name[n] == ' ')
			buf_addf(out, "%s%s", out->len ? " " : "", c->name + n + 1);
	}
}

/* ---------------------------------------------------------------- commands */

static int completion_run(struct cli *c)
{
	static const struct {
		const char *shell;
		void (*write)(struct buf *out);
	} shells[] = { { "bash", completion_bash }, { "zsh", completion_zsh },
		       { "fish", completion_fish } };
	struct buf out = BUF_INIT;

	for (size_t i = 0; i < sizeof shells / sizeof shells[0]; i++) {
		if (strcmp(c->args[0], shells[i].shell) != 0)
			continue;
		shells[i].write(&out);
		fputs(buf_str(&out), stdout);
		buf_free(&out);
		return CLI_OK;
	}
	return cli_usage(c, "\"%s\" is not bash, zsh or fish", c->args[0]);
}

static int words_themes(struct cli *c, struct buf *out)
{
	struct theme_dirs d;
	struct theme_list l;

	theme_dirs_default(&d);
	if (theme_list_load(&d, &l, &c->err) != 0) {
		theme_dirs_free(&d);
		return -1;
	}
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].valid_name && !l.v[i].shadowed)
			buf_addf(out, "%s\t%s theme\n", l.v[i].name, theme_origin_name(l.v[i].origin));
	theme_list_free(&l);
	theme_dirs_free(&d);
	return 0;
}

/* "WORD\tDESCRIPTION" lines, each part made safe for a terminal (the tab
 * itself is kept: the shells split on it). */
static void words_print(const struct cli *c, const char *text)
{
	struct buf safe = BUF_INIT;

	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\t\n");

		text_safe_n(&safe, p, n, c->out_mode);
		p += n;
		if (*p)
			buf_addc(&safe, *p++);
	}
	fputs(buf_str(&safe), stdout);
	buf_free(&safe);
}

static int words_run(struct cli *c)
{
	static const struct {
		const char *name;
		enum app_words kind;
	} kinds[] = { { "industries", APP_WORDS_INDUSTRIES }, { "accounts", APP_WORDS_ACCOUNTS },
		      { "templates", APP_WORDS_TEMPLATES },   { "blocks", APP_WORDS_BLOCKS } };
	struct buf out = BUF_INIT;
	int rc = -1;

	if (strcmp(c->args[0], "themes") == 0)
		rc = words_themes(c, &out);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(c->args[0], kinds[i].name) == 0)
			rc = c->demo ? 0 : app_words(c->data_flag, kinds[i].kind, cli_today(), &out,
						     &c->err);
	if (rc == 0)
		words_print(c, buf_str(&out));
	buf_free(&out);
	if (rc == 0)
		return CLI_OK;
	if (c->err.msg[0])
		return cli_fail(c, &c->err);
	return cli_usage(c, "\"%s\" is not industries, accounts, templates, blocks or themes",
			 c->args[0]);
}

const struct cli_command cli_cmd_completion = {
	.name = "completion",
	.args = "bash|zsh|fish",
	.summary = "the shell's completion script, from the command table",
	.min_args = 1,
	.max_args = 1,
	.run = completion_run,
	.hidden = true,
};

const struct cli_command cli_cmd_completion_words = {
	.name = "completion words",
	.args = "industries|accounts|templates|blocks|themes",
	.summary = "the names a shell completes, one per line with a description",
	.min_args = 1,
	.max_args = 1,
	.run = words_run,
	.hidden = true,
};
