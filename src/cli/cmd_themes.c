/* cmd_themes.c - `focusweek themes`: list the colour themes with a sample,
 * check theme files, choose the plan's theme. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app_catalog.h"
#include "app_folder.h"
#include "cli_int.h"
#include "theme.h"
#include "theme_load.h"

static const struct cli_opt themes_opts[] = {
	{ "check", false, "--check [NAME]  check theme NAME (default: every theme file);\n"
			  "                    exit 1 naming each problem" },
	{ "use", true, "--use NAME      make NAME the plan's theme" },
	{ "color", true, "--color WHEN    colour samples: auto (a terminal without\n"
			 "                    NO_COLOR), always or never" },
	{ NULL, false, NULL },
};

struct themes_ctx {
	struct cli *c;
	struct theme_dirs dirs;
	struct theme_list list;
	char plan_theme[MODEL_NAME_MAX]; /* "" when the plan could not be read */
	bool color;                      /* print colour samples */
	int name_w;                      /* width of the name column */
	struct buf out;
};

/* The plan's theme, creating nothing: "default" before a first run. */
static int themes_plan_theme(struct themes_ctx *k)
{
	return app_plan_theme(k->c->data_flag, k->c->demo, k->plan_theme, sizeof k->plan_theme,
			      &k->c->err);
}

/* A few roles and every industry slot, each drawn in its own style. */
static void themes_sample(struct buf *b, const struct theme *t)
{
	static const struct {
		enum theme_role role;
		const char *text;
	} words[] = {
		{ ROLE_HEADER, " W49 " }, { ROLE_TODAY, "Tue" },   { ROLE_BLOCK, " admin " },
		{ ROLE_BLOCK_DONE, "done" }, { ROLE_TIMER, "25:00" }, { ROLE_WARNING, "late" },
		{ ROLE_ERROR, "error" },
	};
	static const struct theme_style plain = { THEME_DEFAULT_COLOR, THEME_DEFAULT_COLOR, 0 };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		theme_sgr(b, &t->role[words[i].role]);
		buf_adds(b, words[i].text);
		theme_sgr(b, &plain);
		buf_addc(b, ' ');
	}
	for (int slot = 1; slot <= MODEL_COLOR_MAX; slot++) {
		theme_sgr(b, &t->industry[slot - 1]);
		buf_addc(b, theme_industry_letter(slot));
	}
	theme_sgr(b, &plain);
	buf_adds(b, "  ");
}

/* One line: mark, name, where it comes from, sample, description. */
static void themes_row(struct themes_ctx *k, const struct theme_entry *e, size_t i)
{
	struct theme base, t;
	struct error err = { 0 };
	const char *name = e != NULL ? e->name : "default";
	enum theme_origin origin = e != NULL ? e->origin : THEME_BUILTIN;
	bool ok = true;

	theme_builtin(&base);
	if (e != NULL)
		ok = theme_read_file(e->path, &base, &t, &err) == 0;
	else
		t = base;
	buf_addf(&k->out, "%c ", strcmp(name, k->plan_theme) == 0 ? '*' : ' ');
	text_pad(&k->out, name, k->name_w, k->c->out_mode);
	buf_addf(&k->out, "  %-9s  ", theme_origin_name(origin));
	if (ok && k->color)
		themes_sample(&k->out, &t);
	if (!ok)
		buf_addf(&k->out, "broken: 'focusweek themes --check %s' says why", name);
	else
		text_safe(&k->out, t.description, k->c->out_mode);
	if (e != NULL && e->overrides)
		buf_addf(&k->out, " (overrides %s)",
			 theme_origin_name(k->list.v[i + 1].origin));
	buf_addc(&k->out, '\n');
}

static void themes_footer(struct themes_ctx *k, bool plan_listed)
{
	static const char *const labels[] = { "user", "installed", "source" };

	if (k->plan_theme[0] != '\0' && !plan_listed) {
		buf_adds(&k->out, "The plan's theme \"");
		text_safe(&k->out, k->plan_theme, k->c->out_mode);
		buf_adds(&k->out, "\" is not found; the planner uses the built-in default.\n");
	}
	buf_adds(&k->out, "* the plan's theme ('focusweek themes --use NAME' changes it).\n"
			  "Themes are looked for in (the first found wins):\n");
	for (int o = 0; o < THEME_ORIGIN_COUNT; o++) {
		struct stat sb;

		if (k->dirs.dir[o] == NULL)
			continue;
		buf_addf(&k->out, "  %-9s  ", labels[o]);
		text_safe(&k->out, k->dirs.dir[o], k->c->out_mode);
		if (stat(k->dirs.dir[o], &sb) == 0)
			buf_addc(&k->out, '\n');
		else if (o == THEME_USER)
			buf_adds(&k->out, "  (not there yet: make it to add your own)\n");
		else
			buf_adds(&k->out, "  (not there)\n");
	}
}

static int themes_list(struct themes_ctx *k)
{
	bool has_default = false, plan_listed = false;

	k->name_w = 7;
	for (size_t i = 0; i < k->list.n; i++) {
		const struct theme_entry *e = &k->list.v[i];

		if (e->shadowed || !e->valid_name)
			continue;
		if ((int)strlen(e->name) > k->name_w)
			k->name_w = (int)strlen(e->name);
		has_default |= strcmp(e->name, "default") == 0;
	}
	if (!has_default)
		themes_row(k, NULL, 0);
	for (size_t i = 0; i < k->list.n; i++) {
		const struct theme_entry *e = &k->list.v[i];

		if (e->shadowed || !e->valid_name)
			continue;
		themes_row(k, e, i);
		plan_listed |= strcmp(e->name, k->plan_theme) == 0;
	}
	themes_footer(k, plan_listed || (!has_default && strcmp(k->plan_theme, "default") == 0));
	fputs(buf_str(&k->out), stdout);
	return CLI_OK;
}

/* ---------------------------------------------------------------- check */

static int themes_check_file(struct themes_ctx *k, const struct theme_entry *e)
{
	struct theme base, t;
	struct error err = { 0 };

	if (!e->valid_name) {
		error_set(&err, ERR_DATA, "%s: \"%s\" is not a theme name (letters, digits, - and "
			  "_, at most %d); rename the file", e->path, e->name, THEME_NAME_MAX);
		cli_fail(k->c, &err);
		return 1;
	}
	theme_builtin(&base);
	if (theme_read_file(e->path, &base, &t, &err) != 0) {
		cli_fail(k->c, &err);
		return 1;
	}
	return 0;
}

static int themes_check_name(struct themes_ctx *k, const char *name)
{
	struct theme base, t;
	enum theme_origin origin;
	char *path = theme_find(&k->dirs, name, &origin, &k->c->err);
	int rc = CLI_OK;

	theme_builtin(&base);
	if (path == NULL && strcmp(name, "default") == 0) {
		printf("default: ok (the built-in theme; no file)\n");
		return CLI_OK;
	}
	if (path == NULL || theme_read_file(path, &base, &t, &k->c->err) != 0) {
		rc = cli_fail(k->c, &k->c->err);
	} else {
		buf_adds(&k->out, path);
		buf_adds(&k->out, ": ok\n");
		cli_print(k->c, buf_str(&k->out));
	}
	free(path);
	return rc;
}

static int themes_check(struct themes_ctx *k)
{
	int problems = 0;
	size_t files = 0;

	for (size_t i = 0; i < k->list.n; i++, files++)
		problems += themes_check_file(k, &k->list.v[i]);
	if (k->plan_theme[0] != '\0') {
		enum theme_origin o;
		char *path = theme_find(&k->dirs, k->plan_theme, &o, &k->c->err);

		if (path == NULL && strcmp(k->plan_theme, "default") != 0) {
			error_prefix(&k->c->err, "the plan's theme");
			cli_fail(k->c, &k->c->err);
			problems++;
		}
		free(path);
	}
	if (problems > 0)
		return CLI_FAIL;
	printf("%zu theme file%s ok\n", files, files == 1 ? "" : "s");
	return CLI_OK;
}

/* ---------------------------------------------------------------- use */

static int themes_use(struct themes_ctx *k, const char *name)
{
	struct cli *c = k->c;
	struct theme t;

	if (theme_load(&k->dirs, name, &t, &c->err) != 0 || cli_boot(c) != 0 ||
	    app_theme_use(c->app, name, NULL, &c->err) != 0)
		return cli_fail(c, &c->err);
	return CLI_OK;
}

/* ---------------------------------------------------------------- run */

static int themes_color_mode(struct themes_ctx *k)
{
	const char *when = cli_opt(k->c, "color");

	if (when == NULL || strcmp(when, "auto") == 0)
		k->color = isatty(STDOUT_FILENO) && !theme_env_no_color();
	else if (strcmp(when, "always") == 0 || strcmp(when, "never") == 0)
		k->color = when[0] == 'a';
	else
		return cli_usage(k->c, "--color \"%s\" is auto, always or never", when);
	return 0;
}

static int themes_run(struct cli *c)
{
	struct themes_ctx k = { .c = c, .out = BUF_INIT };
	bool check = cli_flag(c, "check");
	const char *use = cli_opt(c, "use");
	int rc;

	if (c->n_args > 0 && !check)
		return cli_usage(c, "a theme NAME goes with --check");
	if (check && use != NULL)
		return cli_usage(c, "choose --check or --use, not both");
	if (themes_color_mode(&k) != 0)
		return CLI_USAGE;
	theme_dirs_default(&k.dirs);
	if (use != NULL) {
		rc = themes_use(&k, use);
		goto out;
	}
	if (check && c->n_args > 0) {
		rc = themes_check_name(&k, c->args[0]);
		goto out;
	}
	if (theme_list_load(&k.dirs, &k.list, &c->err) != 0) {
		rc = cli_fail(c, &c->err);
		goto out;
	}
	if (themes_plan_theme(&k) != 0) {
		/* Still list and check the themes; say why the mark is missing. */
		error_prefix(&c->err, "cannot tell the plan's theme");
		cli_fail(c, &c->err);
		k.plan_theme[0] = '\0';
	}
	rc = check ? themes_check(&k) : themes_list(&k);
out:
	theme_list_free(&k.list);
	theme_dirs_free(&k.dirs);
	buf_free(&k.out);
	return rc;
}

const struct cli_command cli_cmd_themes = {
	.name = "themes",
	.args = "[NAME]",
	.summary = "the colour themes: list with samples, check, choose",
	.opts = themes_opts,
	.max_args = 1,
	.run = themes_run,
};
