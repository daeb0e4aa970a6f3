/* cmd_settings.c - `focusweek settings` and `settings set`: every setting
 * with its value and meaning, and changing one. */
#include <stdio.h>
#include <string.h>

#include "app_settings.h"
#include "cli_int.h"
#include "jsonw.h"
#include "settings.h"

#define KEY_COLUMN 16   /* "quota.currency" and a space */
#define VALUE_COLUMN 22 /* "mon,tue,wed,thu,fri" and a space */
#define TEXT_COLUMN (KEY_COLUMN + VALUE_COLUMN + 1) /* where the meaning starts */
#define LINE_COLUMNS 80 /* the meanings wrap to fit a terminal this wide */

static const struct cli_opt show_opts[] = {
	{ "json", false, "--json     every value as one JSON object, for scripts" },
	{ NULL, false, NULL },
};

static const struct cli_opt set_opts[] = {
	{ "force", false, "--force    change it even when planned blocks would then lie outside\n"
			  "             the day's hours, slots or work days (they stay where they are)" },
	{ NULL, false, NULL },
};

static void show_text(struct cli *c, const struct setting *only, struct buf *out)
{
	for (size_t i = 0; i < settings_count(); i++) {
		const struct setting *s = settings_at(i);
		struct buf v = BUF_INIT;

		if (only != NULL && s != only)
			continue;
		settings_format(cli_plan(c), s, &v);
		text_pad(out, s->key, KEY_COLUMN, c->out_mode);
		if (text_width(buf_str(&v), c->out_mode) < VALUE_COLUMN) {
			text_pad(out, buf_str(&v), VALUE_COLUMN, c->out_mode);
			buf_addc(out, ' ');
		} else { /* never cut: in full, the meaning under it */
			text_safe(out, buf_str(&v), c->out_mode);
			buf_addf(out, "\n%*s", TEXT_COLUMN, "");
		}
		text_wrap(out, s->meaning, LINE_COLUMNS - TEXT_COLUMN, TEXT_COLUMN, c->out_mode);
		buf_reset(&v);
		buf_addf(&v, "(%s)", s->values);
		buf_addf(out, "%*s", TEXT_COLUMN, "");
		text_wrap(out, buf_str(&v), LINE_COLUMNS - TEXT_COLUMN, TEXT_COLUMN, c->out_mode);
		buf_free(&v);
	}
	if (only == NULL)
		buf_adds(out, "\nChange one with: focusweek settings set KEY VALUE\n");
}

static void show_json(struct cli *c, struct buf *out)
{
	struct jsonw j;

	jsonw_init(&j, out);
	jsonw_object(&j, NULL);
	for (size_t i = 0; i < settings_count(); i++) {
		const struct setting *s = settings_at(i);
		struct buf v = BUF_INIT, safe = BUF_INIT;

		settings_format(cli_plan(c), s, &v);
		text_safe(&safe, buf_str(&v), TEXT_UTF8);
		jsonw_str(&j, s->key, buf_str(&safe));
		buf_free(&v);
		buf_free(&safe);
	}
	jsonw_end(&j);
}

static int show_run(struct cli *c)
{
	const struct setting *only = NULL;
	struct buf out = BUF_INIT, keys = BUF_INIT;

	if (c->n_args > 0 && (only = settings_find(c->args[0])) == NULL) {
		settings_keys(&keys);
		cli_usage(c, "no setting named \"%s\" (settings: %s)", c->args[0], buf_str(&keys));
		buf_free(&keys);
		return CLI_USAGE;
	}
	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	if (cli_flag(c, "json")) {
		show_json(c, &out);
		fputs(buf_str(&out), stdout);
	} else {
		show_text(c, only, &out);
		cli_print(c, buf_str(&out));
	}
	buf_free(&out);
	return CLI_OK;
}

static int set_run(struct cli *c)
{
	struct app_result res;

	if (cli_boot(c) != 0 ||
	    app_settings_set(c->app, c->args[0], c->args[1], cli_flag(c, "force"), &res,
			     &c->err) != 0) {
		if (res.forceable)
			return cli_refuse(c, "%s (--force changes it and leaves the blocks where "
					  "they are)", c->err.msg);
		return cli_fail(c, &c->err);
	}
	cli_print(c, res.label);
	cli_print(c, "\n");
	if (res.notice[0]) {
		cli_print(c, res.notice);
		cli_print(c, "\n");
	}
	return CLI_OK;
}

const struct cli_command cli_cmd_settings = {
	.name = "settings",
	.args = "[KEY]",
	.summary = "every setting with its value and meaning (or one)",
	.opts = show_opts,
	.max_args = 1,
	.run = show_run,
};

const struct cli_command cli_cmd_settings_set = {
	.name = "settings set",
	.args = "KEY VALUE",
	.summary = "change a setting, checked as the data files are",
	.opts = set_opts,
	.min_args = 2,
	.max_args = 2,
	.run = set_run,
};
