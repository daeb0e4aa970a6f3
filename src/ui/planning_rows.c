/* planning_rows.c - what each page of the planning screen lists, row by row,
 * and each row in words: the verb (what will happen), the line, and the
 * details of the selected one. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "planning_view.h"
#include "xalloc.h"

static const char *const page_names[PLANNING_PAGE_COUNT] = {
	"Last week", "Rotation", "Layout", "Carry over", "Account time", "Quota", "Summary",
};

const char *planning_rows_page_name(enum planning_page page)
{
	return page < PLANNING_PAGE_COUNT ? page_names[page] : "?";
}

static const char *industry_name(const struct planning_state *ps, int id)
{
	const struct industry *ind = plan_industry_by_id(ps->ap->plan, id);

	return ind != NULL ? ind->name : "?";
}

/* ---- rows ---- */

static struct planning_row *rows_push(struct planning_rows *r, enum planning_row_kind kind, size_t ref)
{
	struct planning_row *row;

	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	row = &r->v[r->n++];
	row->kind = kind;
	row->ref = ref;
	row->text = NULL;
	if (kind == PLANNING_ROW_ITEM || kind == PLANNING_ROW_SLOT)
		r->entries++;
	return row;
}

static void rows_text(struct planning_rows *r, enum planning_row_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void rows_text(struct planning_rows *r, enum planning_row_kind kind, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	rows_push(r, kind, 0)->text = b.data != NULL ? buf_take(&b) : xstrdup("");
}

/* Each line of a text (several lines) as a row. */
static void rows_lines(struct planning_rows *r, const char *s)
{
	while (*s) {
		const char *nl = strchrnul(s, '\n');

		rows_text(r, PLANNING_ROW_TEXT, "%.*s", (int)(nl - s), s);
		s = *nl ? nl + 1 : nl;
	}
}

/* The items of step as rows (only the chosen ones when chosen_only). */
static size_t rows_items(struct planning_rows *r, const struct planning *pl, enum planning_step step,
			 bool chosen_only)
{
	size_t n = 0;

	for (size_t i = 0; i < planning_item_count(pl); i++) {
		const struct planning_item *it = planning_item_at(pl, i);

		if (it->step != step || (chosen_only && !it->chosen))
			continue;
		rows_push(r, PLANNING_ROW_ITEM, i);
		n++;
	}
	return n;
}

static void rows_last(const struct planning_state *ps, struct planning_rows *r)
{
	struct buf b = BUF_INIT;
	char wk[9];
	size_t n = week_block_count(ps->ap->week);

	planning_last_week_text(ps->ap->pl, &b);
	rows_lines(r, buf_str(&b));
	buf_free(&b);
	rows_text(r, PLANNING_ROW_TEXT, "%s", "");
	date_week_format(week_key(ps->ap->week), wk);
	if (n == 0)
		rows_text(r, PLANNING_ROW_TEXT, "%s holds no blocks yet.", wk);
	else
		rows_text(r, PLANNING_ROW_TEXT, "%s holds %zu block%s so far.", wk, n, n == 1 ? "" : "s");
	rows_text(r, PLANNING_ROW_TEXT, "Each step proposes changes; nothing changes until the summary "
				    "applies them, all as one change.");
}

static void rows_rotation(const struct planning_state *ps, struct planning_rows *r)
{
	const struct planning *pl = ps->ap->pl;

	if (!ps->by_yield) {
		rows_text(r, PLANNING_ROW_TEXT, "Order: continuing last week's rotation");
	} else {
		struct buf b = BUF_INIT;

		rows_text(r, PLANNING_ROW_TEXT, "Order: best yield first (meetings per prospecting hour, "
					    "last %d weeks)", PLANNING_YIELD_WEEKS);
		for (size_t i = 0; i < planning_yield_count(pl); i++) {
			const struct planning_yield *y = planning_yield_at(pl, i);

			buf_addf(&b, "%s%s ", i ? ", " : "  ", industry_name(ps, y->industry));
			if (y->minutes == 0)
				buf_adds(&b, "(none done)");
			else
				buf_addf(&b, "%.2f/h", (double)y->meetings * 60 / y->minutes);
		}
		rows_text(r, PLANNING_ROW_TEXT, "%s", buf_str(&b));
		buf_free(&b);
	}
	rows_text(r, PLANNING_ROW_TEXT, "%s", "");
	for (size_t i = 0; i < planning_slot_count(pl); i++)
		rows_push(r, PLANNING_ROW_SLOT, i);
	if (planning_slot_count(pl) == 0)
		rows_text(r, PLANNING_ROW_TEXT, "No work day to give a niche.");
}

static void rows_layout(const struct planning_state *ps, struct planning_rows *r)
{
	size_t nt = plan_template_count(ps->ap->plan);
	char wk[9];

	date_week_format(date_week_add(week_key(ps->ap->week), -1), wk);
	if (ps->layout >= 0)
		rows_text(r, PLANNING_ROW_TEXT, "From: template \"%s\" (%d of %zu)",
			  plan_template_at(ps->ap->plan, (size_t)ps->layout)->name, ps->layout + 1, nt);
	else if (ps->layout == PLANNING_LAYOUT_COPY)
		rows_text(r, PLANNING_ROW_TEXT, "From: last week's blocks (%s), fresh", wk);
	else
		rows_text(r, PLANNING_ROW_TEXT, "From: nothing; the week keeps the blocks it has");
	rows_text(r, PLANNING_ROW_TEXT, "Stagger: %s", ps->stagger ? "on: prospecting starts 0, 1, 2 "
								 "slots later day by day" : "off");
	rows_text(r, PLANNING_ROW_TEXT, "%s", "");
	if (ps->layout == PLANNING_LAYOUT_NONE) {
		if (nt == 0)
			rows_text(r, PLANNING_ROW_TEXT, "No saved templates yet ('focusweek template save "
						    "NAME' keeps a week's pattern).");
		return;
	}
	if (rows_items(r, ps->ap->pl, PLANNING_LAYOUT, false) == 0)
		rows_text(r, PLANNING_ROW_TEXT, "Nothing to lay out: %s.",
			  ps->layout >= 0 ? "the template has no blocks" : "last week had no blocks");
}

static void rows_carry(const struct planning_state *ps, struct planning_rows *r)
{
	char wk[9];

	date_week_format(date_week_add(week_key(ps->ap->week), -1), wk);
	rows_text(r, PLANNING_ROW_TEXT, "What %s left unfinished, in free time on its industry's day:",
		  wk);
	rows_text(r, PLANNING_ROW_TEXT, "%s", "");
	if (rows_items(r, ps->ap->pl, PLANNING_CARRY, false) == 0)
		rows_text(r, PLANNING_ROW_TEXT, "Nothing was left unfinished.");
}

static void rows_accounts(const struct planning_state *ps, struct planning_rows *r)
{
	const struct planning *pl = ps->ap->pl;
	char freed[16];

	rows_text(r, PLANNING_ROW_HEAD, "Account time this week, against the baseline and the target "
				    "(the baseline less %d%%):", MODEL_ACCOUNT_CUT);
	for (size_t i = 0; i < planning_account_count(pl); i++)
		rows_push(r, PLANNING_ROW_ACCOUNT, i);
	if (planning_account_count(pl) == 0)
		rows_text(r, PLANNING_ROW_TEXT, "  no accounts");
	rows_text(r, PLANNING_ROW_TEXT, "%s", "");
	planning_format_minutes(planning_freed_minutes(pl), freed);
	if (!ps->trimmed) {
		rows_text(r, PLANNING_ROW_TEXT, "Not trimmed: account blocks keep their length.");
		return;
	}
	rows_text(r, PLANNING_ROW_HEAD, "Trimmed by %d%% to the slot grid: %s freed", MODEL_ACCOUNT_CUT,
		  freed);
	if (rows_items(r, pl, PLANNING_TRIM, false) == 0)
		rows_text(r, PLANNING_ROW_TEXT, "  no account block to trim");
	if (planning_freed_minutes(pl) > 0) {
		rows_text(r, PLANNING_ROW_HEAD, "The freed time, as prospecting for the day's niche:");
		if (rows_items(r, pl, PLANNING_FREED, false) == 0)
			rows_text(r, PLANNING_ROW_TEXT, "  nowhere to place it");
	}
}

static void rows_quota(const struct planning_state *ps, struct planning_rows *r)
{
	rows_text(r, PLANNING_ROW_TEXT, "Blocks answered \"not for quota\": keep them, or drop them.");
	rows_text(r, PLANNING_ROW_TEXT, "%s", "");
	if (rows_items(r, ps->ap->pl, PLANNING_QUOTA, false) == 0)
		rows_text(r, PLANNING_ROW_TEXT, "None: every block answers yes.");
}

static void rows_summary(const struct planning_state *ps, struct planning_rows *r)
{
	static const char *const steps[PLANNING_STEP_COUNT] = {
		"Rotation", "Layout", "Carry over", "Account time: trims",
		"Account time: freed time as prospecting", "Quota: dropped",
	};
	size_t n = planning_change_count(ps->ap->pl);
	char wk[9];

	date_week_format(week_key(ps->ap->week), wk);
	if (n == 0) {
		rows_text(r, PLANNING_ROW_TEXT, "Nothing to change in %s.", wk);
		return;
	}
	rows_text(r, PLANNING_ROW_TEXT, "%zu change%s to %s, applied together as one change:", n,
		  n == 1 ? "" : "s", wk);
	for (int s = 0; s < PLANNING_STEP_COUNT; s++) {
		size_t k = 0;

		for (size_t i = 0; i < planning_item_count(ps->ap->pl); i++)
			k += planning_item_at(ps->ap->pl, i)->step == (enum planning_step)s &&
			     planning_item_at(ps->ap->pl, i)->chosen;
		if (k == 0)
			continue;
		rows_text(r, PLANNING_ROW_HEAD, "%s (%zu)", steps[s], k);
		rows_items(r, ps->ap->pl, (enum planning_step)s, true);
	}
}

void planning_rows_build(const struct tui *ui, struct planning_rows *rows)
{
	const struct planning_state *ps = ui->planning_state;

	memset(rows, 0, sizeof *rows);
	switch (ps->page) {
	case PLANNING_PAGE_LAST:
		rows_last(ps, rows);
		break;
	case PLANNING_PAGE_ROTATION:
		rows_rotation(ps, rows);
		break;
	case PLANNING_PAGE_LAYOUT:
		rows_layout(ps, rows);
		break;
	case PLANNING_PAGE_CARRY:
		rows_carry(ps, rows);
		break;
	case PLANNING_PAGE_ACCOUNTS:
		rows_accounts(ps, rows);
		break;
	case PLANNING_PAGE_QUOTA:
		rows_quota(ps, rows);
		break;
	default:
		rows_summary(ps, rows);
		break;
	}
	if (ps->warning[0])
		rows_text(rows, PLANNING_ROW_HEAD, "Note: %s", ps->warning);
}

void planning_rows_free(struct planning_rows *rows)
{
	for (size_t i = 0; i < rows->n; i++)
		free(rows->v[i].text);
	free(rows->v);
	memset(rows, 0, sizeof *rows);
}

long planning_rows_entry(const struct planning_rows *rows, int entry)
{
	int k = 0;

	for (size_t i = 0; i < rows->n; i++) {
		if (rows->v[i].kind != PLANNING_ROW_ITEM && rows->v[i].kind != PLANNING_ROW_SLOT)
			continue;
		if (k++ == entry)
			return (long)i;
	}
	return -1;
}

/* ---- one row in words ---- */

static void slot_text(const struct tui *ui, const struct planning_slot *s, struct buf *out)
{
	const struct planning_state *ps = ui->planning_state;
	char day[16], len[16];

	if (s->item >= 0) {
		planning_item_text(ps->ap->pl, planning_item_at(ps->ap->pl, (size_t)s->item), out);
	} else {
		date_format_short(s->day, day);
		buf_addf(out, "%s%s%s: %s", day, s->part == PART_DAY ? "" : " ",
			 s->part == PART_AM ? "morning" : s->part == PART_PM ? "afternoon" : "",
			 industry_name(ps, s->current));
	}
	if (s->by_hand)
		buf_adds(out, " (by hand)");
	if (s->meetings > 0) {
		planning_format_minutes(s->meeting_minutes, len);
		buf_addf(out, " %s holds %d real meeting%s (%s)", ui->g->dot, s->meetings,
			 s->meetings == 1 ? "" : "s", len);
	}
}

static void account_text(const struct planning_state *ps, size_t i, enum text_mode mode,
			 struct buf *out)
{
	const struct planning_account *acc = planning_account_at(ps->ap->pl, i);
	const struct account *ac = plan_account_by_id(ps->ap->plan, acc->account);

	buf_adds(out, "  ");
	text_pad(out, ac != NULL ? ac->name : "(no account)", 20, mode);
	buf_addc(out, ' ');
	planning_account_text(ps->ap->pl, i, out);
}

/* What the toggle key would do to an item. */
static const char *toggle_phrase(const struct planning_item *it)
{
	if (it->chosen)
		return it->n_conflicts > 0 || it->old_industry != 0 ? "keeps what is there"
								    : "leaves it out";
	if (it->n_conflicts > 0 || it->old_industry != 0)
		return "replaces what is there";
	if (it->step == PLANNING_QUOTA)
		return "drops it";
	if (it->step == PLANNING_TRIM)
		return "trims it";
	return "adds it";
}

/* Why the selected entry is as it is: conflicts, blocks, meetings. */
void planning_rows_detail(const struct tui *ui, const struct planning_row *row, struct buf *out)
{
	const struct planning_state *ps = ui->planning_state;
	const struct planning_item *it = NULL;
	char keys[64];

	planning_view_keys(ui, CTX_PLANNING, "plan-toggle", keys, sizeof keys);
	*strchrnul(keys, ' ') = '\0';
	if (row->kind == PLANNING_ROW_SLOT) {
		const struct planning_slot *s = planning_slot_at(ps->ap->pl, row->ref);

		if (s->item < 0) {
			buf_addf(out, "keeps %s, as it is", industry_name(ps, s->current));
			return;
		}
		it = planning_item_at(ps->ap->pl, (size_t)s->item);
	} else if (row->kind == PLANNING_ROW_ITEM) {
		it = planning_item_at(ps->ap->pl, row->ref);
	} else {
		return;
	}
	if (it->why[0])
		buf_addf(out, "%s", it->why);
	if (it->blocked)
		return;
	if (it->action == PLANNING_SET_NICHE && it->old_industry != 0)
		buf_addf(out, "%s%s is there now: %s", out->len ? "; " : "",
			 industry_name(ps, it->old_industry), it->chosen ? "replaced" : "kept");
	else if (it->n_conflicts > 0)
		buf_addf(out, "%s%s", out->len ? "; " : "", it->chosen ? "replaced" : "skipped");
	if (ps->page != PLANNING_PAGE_SUMMARY && keys[0])
		buf_addf(out, "%s%s %s", out->len ? "; " : "", keys, toggle_phrase(it));
}


const struct planning_item *planning_rows_item(const struct tui *ui, const struct planning_row *row)
{
	const struct planning *pl = ui->planning_state->ap->pl;

	if (row->kind == PLANNING_ROW_ITEM)
		return planning_item_at(pl, row->ref);
	if (row->kind == PLANNING_ROW_SLOT && planning_slot_at(pl, row->ref)->item >= 0)
		return planning_item_at(pl, (size_t)planning_slot_at(pl, row->ref)->item);
	return NULL;
}

const char *planning_rows_verb(const struct tui *ui, const struct planning_row *row)
{
	const struct planning_item *it = planning_rows_item(ui, row);

	if (it != NULL)
		return planning_item_verb(it);
	return row->kind == PLANNING_ROW_SLOT ? "keep" : NULL;
}

void planning_rows_line(const struct tui *ui, const struct planning_row *row, struct buf *out)
{
	const struct planning_state *ps = ui->planning_state;

	switch (row->kind) {
	case PLANNING_ROW_TEXT:
	case PLANNING_ROW_HEAD:
		buf_adds(out, row->text);
		break;
	case PLANNING_ROW_ITEM:
		planning_item_text(ps->ap->pl, planning_item_at(ps->ap->pl, row->ref), out);
		break;
	case PLANNING_ROW_SLOT:
		slot_text(ui, planning_slot_at(ps->ap->pl, row->ref), out);
		break;
	case PLANNING_ROW_ACCOUNT:
		account_text(ps, row->ref, ui->mode, out);
		break;
	}
}
