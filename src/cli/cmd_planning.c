/* cmd_planning.c - `focusweek plan`: the Monday-morning planning without the
 * screen.  Shows last week, proposes each step asked for, applies the
 * choices as one change to the week and prints what it changed. */
#include <stdlib.h>
#include <string.h>

#include "app_planning.h"
#include "cli_int.h"
#include "planning.h"

static const struct cli_opt planning_opts[] = {
	{ "week", true, "--week D            the week holding day D (default this week)" },
	{ "rotate", false, "--rotate            an industry for each work day, continuing the rotation" },
	{ "by-yield", false, "--by-yield          with --rotate: best meetings per prospecting hour first" },
	{ "template", true, "--template NAME     lay the week out from a saved template" },
	{ "copy-last-week", false, "--copy-last-week    lay it out like last week (fresh blocks)" },
	{ "stagger", false, "--stagger           start prospecting 0, 1, 2 slots later day by day" },
	{ "carry-over", false, "--carry-over        place last week's unfinished blocks" },
	{ "trim-accounts", true, "--trim-accounts PCT cut account blocks by PCT percent" },
	{ "fill-freed", false, "--fill-freed        with --trim-accounts: plan the freed time as prospecting" },
	{ "drop-not-quota", false, "--drop-not-quota    drop the blocks answered \"not for quota\"" },
	{ "replace", false, "--replace           replace blocks and niches in the way (default: skip)" },
	{ "dry-run", false, "--dry-run           show what would change; save nothing" },
	{ NULL, false, NULL },
};

struct planning_run {
	struct cli *c;
	struct app_planning *ap;                  /* the weeks read, and the planning */
	const struct week *week;                  /* the week planned */
	struct planning *pl;
	const struct template *tmpl;
	int trim;                                 /* --trim-accounts, 0 = none */
	struct buf out;
};

/* CLI_OK, or the exit code of a usage error. */
static int planning_check_opts(struct cli *c, int *trim)
{
	const char *v = cli_opt(c, "trim-accounts");
	long long pct = 0;

	if (cli_flag(c, "template") && cli_flag(c, "copy-last-week"))
		return cli_usage(c, "choose --template or --copy-last-week, not both");
	if (cli_flag(c, "by-yield") && !cli_flag(c, "rotate"))
		return cli_usage(c, "--by-yield orders the rotation; add --rotate");
	if (cli_flag(c, "stagger") && !cli_flag(c, "template") && !cli_flag(c, "copy-last-week"))
		return cli_usage(c, "--stagger shifts a layout; add --template NAME or --copy-last-week");
	if (cli_flag(c, "fill-freed") && v == NULL)
		return cli_usage(c, "--fill-freed places the time a trim frees; add --trim-accounts PCT");
	if (v != NULL && cli_parse_int(c, "--trim-accounts", v, 1, 100, &pct) != 0)
		return cli_fail(c, &c->err);
	*trim = (int)pct;
	return CLI_OK;
}

static int planning_load(struct planning_run *r, int key)
{
	struct cli *c = r->c;
	date_t today;
	int minute;

	/* Planning ahead: what of this week is still to come is not unfinished. */
	clock_to_local(clock_now(), &today, &minute, NULL);
	if (app_planning_open(c->app, key, today, minute, true, &r->ap, &c->err) != 0)
		return -1;
	r->week = r->ap->week;
	r->pl = r->ap->pl;
	if (cli_flag(c, "template") &&
	    (r->tmpl = cli_template(c, r->ap->plan, cli_opt(c, "template"))) == NULL)
		return -1;
	return 0;
}

/* Chooses every open item of a step (only those with conflicts, or all). */
static int planning_choose_step(struct planning *pl, enum planning_step step, bool conflicts_only,
			    struct error *err)
{
	for (size_t i = 0; i < planning_item_count(pl); i++) {
		const struct planning_item *it = planning_item_at(pl, i);
		bool conflict = it->n_conflicts > 0 || it->old_industry != 0;

		if (it->step != step || it->blocked || it->chosen || (conflicts_only && !conflict))
			continue;
		if (planning_choose(pl, i, true, err) != 0)
			return -1;
	}
	return 0;
}

static int planning_steps(struct planning_run *r)
{
	struct cli *c = r->c;
	struct planning *pl = r->pl;
	struct error *err = &c->err;
	bool replace = cli_flag(c, "replace");

	if (cli_flag(c, "rotate") &&
	    (planning_rotate(pl, cli_flag(c, "by-yield"), err) != 0 ||
	     (replace && planning_choose_step(pl, PLANNING_ROTATION, true, err) != 0)))
		return -1;
	if ((r->tmpl != NULL || cli_flag(c, "copy-last-week")) &&
	    (planning_layout(pl, r->tmpl, cli_flag(c, "stagger"), err) != 0 ||
	     (replace && planning_choose_step(pl, PLANNING_LAYOUT, true, err) != 0)))
		return -1;
	if (cli_flag(c, "carry-over") && planning_carry_over(pl, err) != 0)
		return -1;
	if (planning_trim_accounts(pl, r->trim, err) != 0)
		return -1;
	if (r->trim > 0 &&
	    (planning_offer_freed(pl, err) != 0 ||
	     (cli_flag(c, "fill-freed") && planning_choose_step(pl, PLANNING_FREED, false, err) != 0)))
		return -1;
	if (planning_quota(pl, err) != 0 ||
	    (cli_flag(c, "drop-not-quota") && planning_choose_step(pl, PLANNING_QUOTA, false, err) != 0))
		return -1;
	return 0;
}

/* ---- printing ---- */

static void planning_print_item(struct planning_run *r, const struct planning_item *it)
{
	bool replaceable = !it->blocked && (it->n_conflicts > 0 || it->old_industry != 0);

	buf_addf(&r->out, "  %-8s", planning_item_verb(it));
	planning_item_text(r->pl, it, &r->out);
	if (it->why[0])
		buf_addf(&r->out, " - %s", it->why);
	if (replaceable && !it->chosen)
		buf_adds(&r->out, it->action == PLANNING_SET_NICHE ? " - kept; --replace changes it"
								   : "; --replace replaces it");
	buf_addc(&r->out, '\n');
}

/* Prints the items of a step; returns how many. */
static size_t planning_print_step(struct planning_run *r, enum planning_step step)
{
	size_t n = 0;

	for (size_t i = 0; i < planning_item_count(r->pl); i++)
		if (planning_item_at(r->pl, i)->step == step) {
			planning_print_item(r, planning_item_at(r->pl, i));
			n++;
		}
	return n;
}

static const char *planning_industry(const struct planning_run *r, int id)
{
	const struct industry *ind = plan_industry_by_id(r->ap->plan, id);

	return ind != NULL ? ind->name : "?";
}

static void planning_print_yield(struct planning_run *r)
{
	buf_addf(&r->out, "  by yield over %d weeks:", PLANNING_YIELD_WEEKS);
	for (size_t i = 0; i < planning_yield_count(r->pl); i++) {
		const struct planning_yield *y = planning_yield_at(r->pl, i);
		char h[16];

		planning_format_minutes(y->minutes, h);
		buf_addf(&r->out, "%s %s ", i ? "," : "", planning_industry(r, y->industry));
		if (y->minutes == 0)
			buf_adds(&r->out, "(no prospecting done)");
		else
			buf_addf(&r->out, "%.2f/h (%lld in %s)", (double)y->meetings * 60 / y->minutes,
				 (long long)y->meetings, h);
	}
	buf_addc(&r->out, '\n');
}

static void planning_print_rotation(struct planning_run *r)
{
	struct buf *o = &r->out;

	buf_addf(o, "\nRotation%s:\n", cli_flag(r->c, "by-yield") ? ", best yield first"
								  : ", continuing last week's");
	if (cli_flag(r->c, "by-yield"))
		planning_print_yield(r);
	for (size_t i = 0; i < planning_slot_count(r->pl); i++) {
		const struct planning_slot *s = planning_slot_at(r->pl, i);
		char day[16], len[16];

		if (s->item >= 0) {
			planning_print_item(r, planning_item_at(r->pl, (size_t)s->item));
		} else {
			date_format_short(s->day, day);
			buf_addf(o, "  %-8s%s%s%s: %s\n", "keep", day, s->part == PART_DAY ? "" : " ",
				 s->part == PART_AM ? "morning" : s->part == PART_PM ? "afternoon" : "",
				 planning_industry(r, s->current));
		}
		if (s->meetings > 0) {
			planning_format_minutes(s->meeting_minutes, len);
			buf_addf(o, "          already holds %d meeting%s (%s)\n", s->meetings,
				 s->meetings == 1 ? "" : "s", len);
		}
	}
}

static void planning_print_layout(struct planning_run *r)
{
	char wk[9];

	date_week_format(date_week_add(week_key(r->week), -1), wk);
	if (r->tmpl != NULL)
		buf_addf(&r->out, "\nLayout from template \"%s\"", r->tmpl->name);
	else
		buf_addf(&r->out, "\nLayout copied from %s", wk);
	buf_addf(&r->out, "%s:\n", cli_flag(r->c, "stagger") ? ", staggered" : "");
	if (planning_print_step(r, PLANNING_LAYOUT) == 0)
		buf_addf(&r->out, "  nothing to lay out: %s\n",
			 r->tmpl != NULL ? "the template has no blocks" : "last week had no blocks");
}

static void planning_print_accounts(struct planning_run *r)
{
	struct buf *o = &r->out;
	char a[16];

	buf_addf(o, "\nAccount time (target: the baseline less %d%%):\n", MODEL_ACCOUNT_CUT);
	for (size_t i = 0; i < planning_account_count(r->pl); i++) {
		const struct planning_account *acc = planning_account_at(r->pl, i);
		const struct account *ac = plan_account_by_id(r->ap->plan, acc->account);

		buf_adds(o, "  ");
		text_pad(o, ac != NULL ? ac->name : "(no account)", 20, r->c->out_mode);
		buf_addc(o, ' ');
		planning_account_text(r->pl, i, o);
		buf_addc(o, '\n');
	}
	if (planning_account_count(r->pl) == 0)
		buf_adds(o, "  no accounts\n");
	if (r->trim == 0)
		return;
	planning_print_step(r, PLANNING_TRIM);
	planning_format_minutes(planning_freed_minutes(r->pl), a);
	buf_addf(o, "  trimming %d%% frees %s%s\n", r->trim, a,
		 cli_flag(r->c, "fill-freed") ? ", planned as prospecting:"
					      : "; --fill-freed plans it as prospecting:");
	planning_print_step(r, PLANNING_FREED);
}

static void planning_print(struct planning_run *r)
{
	struct buf *o = &r->out;
	char label[DATE_WEEK_LABEL_MAX];
	char last[9];

	date_week_label(week_key(r->week), r->c->out_mode == TEXT_UTF8, label);
	date_week_format(date_week_add(week_key(r->week), -1), last);
	buf_addf(o, "Planning %s\n\n", label);
	planning_last_week_text(r->pl, o);
	if (cli_flag(r->c, "rotate"))
		planning_print_rotation(r);
	if (r->tmpl != NULL || cli_flag(r->c, "copy-last-week"))
		planning_print_layout(r);
	if (cli_flag(r->c, "carry-over")) {
		buf_addf(o, "\nCarry-over from %s:\n", last);
		if (planning_print_step(r, PLANNING_CARRY) == 0)
			buf_adds(o, "  nothing was left unfinished\n");
	}
	planning_print_accounts(r);
	buf_addf(o, "\nNot for quota%s:\n",
		 cli_flag(r->c, "drop-not-quota") ? "" : " (kept; --drop-not-quota drops them)");
	if (planning_print_step(r, PLANNING_QUOTA) == 0)
		buf_adds(o, "  none: every block answers yes\n");
}

/* ---- the command ---- */

static int planning_finish(struct planning_run *r, bool dry)
{
	struct cli *c = r->c;
	size_t n = planning_change_count(r->pl);
	struct week *planned;
	char wk[9];

	date_week_format(week_key(r->week), wk);
	if (n > 0 && !dry && app_planning_apply(c->app, r->ap, NULL, NULL, &c->err) != 0)
		return -1;
	if (dry) {
		/* Applied to a copy only: a choice the rules refuse still fails. */
		if (planning_apply(r->pl, &planned, &c->err) != 0)
			return -1;
		week_free(planned);
	}
	if (n == 0)
		buf_addf(&r->out, "\nNothing to change in %s.\n", wk);
	else if (dry)
		buf_addf(&r->out, "\nDry run: %zu change%s to %s; nothing saved.\n", n,
			 n == 1 ? "" : "s", wk);
	else
		buf_addf(&r->out, "\nSaved %s: %zu change%s.\n", wk, n, n == 1 ? "" : "s");
	return 0;
}

static int planning_run(struct cli *c)
{
	struct planning_run r = { .c = c, .out = BUF_INIT };
	bool dry = cli_flag(c, "dry-run");
	date_t day = cli_today();
	int rc;

	if ((rc = planning_check_opts(c, &r.trim)) != CLI_OK)
		return rc;
	if (cli_opt(c, "week") != NULL && cli_parse_date(c, "--week", cli_opt(c, "week"), &day) != 0)
		return cli_fail(c, &c->err);
	if (cli_boot(c) != 0 || planning_load(&r, date_week_key(day)) != 0 || planning_steps(&r) != 0) {
		rc = cli_fail(c, &c->err);
		goto out;
	}
	planning_print(&r);
	rc = planning_finish(&r, dry);
	cli_print(c, buf_str(&r.out));
	rc = rc != 0 ? cli_fail(c, &c->err) : CLI_OK;
out:
	app_planning_free(r.ap);
	buf_free(&r.out);
	return rc;
}

const struct cli_command cli_cmd_planning = {
	.name = "plan",
	.summary = "plan a week: rotation, layout, carry-over, account trim",
	.opts = planning_opts,
	.run = planning_run,
};
