/* test_model.c - the plan's catalogue (industries, accounts), settings and
 * quota, templates, and a week's copies, comparison, sales and banners. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "testutil.h"

#define KEY 202649

static struct error err;

static void assert_err(enum error_code code, const char *words)
{
	assert_int_equal(err.code, code);
	if (strstr(err.msg, words) == NULL)
		fail_msg("\"%s\" not in: %s", words, err.msg);
}

/* ---- industries ---- */

static void test_industry_add_and_names(void **state)
{
	struct plan *p = plan_new();
	char name[MODEL_NAME_MAX + 2];

	(void)state;
	assert_int_equal(plan_industry_add(p, "Healthcare", 0, &err), 1);
	assert_int_equal(plan_industry_add(p, "Retail", 0, &err), 2);
	assert_int_equal(plan_industry_count(p), 2);
	/* Names are unique whatever their case. */
	assert_int_equal(plan_industry_add(p, "RETAIL", 0, &err), -1);
	assert_err(ERR_REFUSED, "there is already an industry named Retail");
	assert_int_equal(plan_industry_add(p, "", 0, &err), -1);
	assert_err(ERR_USAGE, "industry name is empty");
	assert_int_equal(plan_industry_add(p, " Retail", 0, &err), -1);
	assert_err(ERR_USAGE, "starts or ends with a space");
	assert_int_equal(plan_industry_add(p, "Energy ", 0, &err), -1);
	assert_int_equal(plan_industry_add(p, "Ener\x1bgy", 0, &err), -1);
	assert_err(ERR_USAGE, "contains a control character");
	assert_int_equal(plan_industry_add(p, "Ener\xc3gy", 0, &err), -1);
	assert_err(ERR_USAGE, "not valid UTF-8");
	memset(name, 'x', MODEL_NAME_MAX + 1);
	name[MODEL_NAME_MAX + 1] = '\0';
	assert_int_equal(plan_industry_add(p, name, 0, &err), -1);
	assert_err(ERR_USAGE, "too long");
	name[MODEL_NAME_MAX] = '\0';
	assert_int_equal(plan_industry_add(p, name, 0, &err), 3);
	assert_int_equal(plan_industry_add(p, "Energy", 17, &err), -1);
	assert_err(ERR_USAGE, "colour 17 is not a palette slot (1..16)");
	assert_int_equal(plan_industry_add(p, "Energy", -1, &err), -1);
	assert_int_equal(plan_industry_count(p), 3);
	/* Lookup: exact first, then the one case-insensitive match. */
	assert_int_equal(plan_industry_by_name(p, "retail", false)->id, 2);
	assert_int_equal(plan_industry_by_name(p, "Healthcare", false)->id, 1);
	assert_null(plan_industry_by_name(p, "Retai", false));
	assert_int_equal(plan_industry_by_id(p, 2)->id, 2);
	assert_null(plan_industry_by_id(p, 9));
	assert_string_equal(plan_industry_at(p, 0)->name, "Healthcare");
	assert_null(plan_industry_at(p, 3));
	plan_free(p);
}

static void test_industry_rename_archive_remove(void **state)
{
	struct plan *p = plan_new();
	int hc = plan_industry_add(p, "Healthcare", 5, &err);
	int rt = plan_industry_add(p, "Retail", 0, &err);

	(void)state;
	/* A new case of its own name is fine; another's name is not. */
	assert_int_equal(plan_industry_rename(p, rt, "RETAIL", &err), 0);
	assert_string_equal(plan_industry_by_id(p, rt)->name, "RETAIL");
	assert_int_equal(plan_industry_rename(p, rt, "healthcare", &err), -1);
	assert_err(ERR_REFUSED, "already an industry named Healthcare");
	assert_int_equal(plan_industry_rename(p, rt, "", &err), -1);
	assert_int_equal(plan_industry_rename(p, 99, "Energy", &err), -1);
	assert_err(ERR_NOTFOUND, "no industry with id 99");
	assert_int_equal(plan_industry_rename(p, hc, "Clinics", &err), 0);
	assert_int_equal(plan_industry_by_id(p, hc)->color, 5);
	assert_int_equal(plan_industry_by_name(p, "Clinics", false)->id, hc);
	assert_null(plan_industry_by_name(p, "Healthcare", true));
	/* Colours. */
	assert_int_equal(plan_industry_set_color(p, hc, 16, &err), 0);
	assert_int_equal(plan_industry_by_id(p, hc)->color, 16);
	assert_int_equal(plan_industry_set_color(p, hc, 0, &err), -1);
	assert_int_equal(plan_industry_set_color(p, hc, 17, &err), -1);
	assert_int_equal(plan_industry_by_id(p, hc)->color, 16);
	/* Archived: hidden from lookups unless asked, but its name stays taken. */
	assert_int_equal(plan_industry_archive(p, rt, true, &err), 0);
	assert_true(plan_industry_by_id(p, rt)->archived);
	assert_null(plan_industry_by_name(p, "RETAIL", false));
	assert_int_equal(plan_industry_by_name(p, "retail", true)->id, rt);
	assert_int_equal(plan_industry_add(p, "Retail", 0, &err), -1);
	assert_err(ERR_REFUSED, "already an industry named RETAIL (archived)");
	assert_int_equal(plan_industry_archive(p, rt, false, &err), 0);
	assert_int_equal(plan_industry_by_name(p, "retail", false)->id, rt);
	assert_int_equal(plan_industry_archive(p, 42, true, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	/* Removed: gone for good, the others keep their ids. */
	assert_int_equal(plan_industry_remove(p, hc, &err), 0);
	assert_int_equal(plan_industry_count(p), 1);
	assert_null(plan_industry_by_id(p, hc));
	assert_int_equal(plan_industry_at(p, 0)->id, rt);
	assert_int_equal(plan_industry_remove(p, hc, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_int_equal(plan_industry_add(p, "Healthcare", 0, &err), 3);
	plan_free(p);
}

static void test_industry_colors(void **state)
{
	struct plan *p = plan_new();
	char name[16];

	(void)state;
	assert_int_equal(plan_industry_add(p, "A", 0, &err), 1);
	assert_int_equal(plan_industry_add(p, "B", 0, &err), 2);
	assert_int_equal(plan_industry_add(p, "C", 0, &err), 3);
	assert_int_equal(plan_industry_by_id(p, 1)->color, 1);
	assert_int_equal(plan_industry_by_id(p, 2)->color, 2);
	assert_int_equal(plan_industry_by_id(p, 3)->color, 3);
	/* A slot given up is taken next; an explicit colour may be shared. */
	assert_int_equal(plan_industry_set_color(p, 2, 7, &err), 0);
	assert_int_equal(plan_industry_add(p, "D", 0, &err), 4);
	assert_int_equal(plan_industry_by_id(p, 4)->color, 2);
	assert_int_equal(plan_industry_add(p, "E", 0, &err), 5);
	assert_int_equal(plan_industry_by_id(p, 5)->color, 4);
	assert_int_equal(plan_industry_add(p, "F", 3, &err), 6);
	assert_int_equal(plan_industry_by_id(p, 6)->color, 3);
	/* An archived industry's slot is free again. */
	assert_int_equal(plan_industry_archive(p, 1, true, &err), 0);
	assert_int_equal(plan_industry_add(p, "G", 0, &err), 7);
	assert_int_equal(plan_industry_by_id(p, 7)->color, 1);
	/* All sixteen in use: colours go round. */
	for (int c = 5; c <= MODEL_COLOR_MAX; c++) {
		if (c == 7)
			continue;
		snprintf(name, sizeof name, "Slot %d", c);
		assert_true(plan_industry_add(p, name, 0, &err) > 0);
		assert_int_equal(plan_industry_at(p, plan_industry_count(p) - 1)->color, c);
	}
	assert_int_equal(plan_industry_count(p), 18);
	assert_int_equal(plan_industry_add(p, "Wrapped", 0, &err), 19);
	assert_int_equal(plan_industry_by_id(p, 19)->color, 18 % MODEL_COLOR_MAX + 1);
	/* At most 64. */
	while (plan_industry_count(p) < MODEL_INDUSTRY_MAX) {
		snprintf(name, sizeof name, "More %zu", plan_industry_count(p));
		assert_true(plan_industry_add(p, name, 0, &err) > 0);
	}
	assert_int_equal(plan_industry_add(p, "One too many", 0, &err), -1);
	assert_err(ERR_REFUSED, "at most 64 industries");
	plan_free(p);
}

static void test_industry_restore(void **state)
{
	struct plan *p = plan_new();
	struct industry ind = { .id = 7, .name = "Energy", .color = 3, .archived = true };

	(void)state;
	assert_int_equal(plan_industry_restore(p, &ind, &err), 0);
	assert_true(plan_industry_by_id(p, 7)->archived);
	assert_int_equal(plan_industry_add(p, "Retail", 0, &err), 8);
	ind.name = "Other";
	assert_int_equal(plan_industry_restore(p, &ind, &err), -1);
	assert_err(ERR_DATA, "industry id 7 is used twice");
	ind.id = 0;
	assert_int_equal(plan_industry_restore(p, &ind, &err), -1);
	assert_err(ERR_DATA, "positive");
	ind.id = 9;
	ind.color = 0;
	assert_int_equal(plan_industry_restore(p, &ind, &err), -1);
	assert_err(ERR_DATA, "colour must be a palette slot");
	ind.color = 1;
	ind.name = "energy";
	assert_int_equal(plan_industry_restore(p, &ind, &err), -1);
	assert_int_equal(plan_industry_count(p), 2);
	plan_free(p);
}

/* ---- accounts ---- */

static void test_accounts(void **state)
{
	struct plan *p = plan_new();
	char name[16];

	(void)state;
	assert_int_equal(plan_account_add(p, "Acme", 120, &err), 1);
	assert_int_equal(plan_account_add(p, "Globex", 0, &err), 2);
	assert_int_equal(plan_account_add(p, "acme", 0, &err), -1);
	assert_err(ERR_REFUSED, "there is already an account named Acme");
	assert_int_equal(plan_account_add(p, "Initech", -1, &err), -1);
	assert_err(ERR_USAGE, "baseline is minutes a week, 0..10080");
	assert_int_equal(plan_account_add(p, "Initech", 7 * 1440 + 1, &err), -1);
	assert_int_equal(plan_account_add(p, "Initech", 7 * 1440, &err), 3);
	assert_int_equal(plan_account_add(p, "", 0, &err), -1);
	assert_int_equal(plan_account_add(p, "Tab\tCo", 0, &err), -1);
	assert_int_equal(plan_account_count(p), 3);
	assert_int_equal(plan_account_by_name(p, "GLOBEX", false)->id, 2);
	assert_int_equal(plan_account_by_id(p, 1)->baseline, 120);
	assert_int_equal(plan_account_set_baseline(p, 1, 240, &err), 0);
	assert_int_equal(plan_account_by_id(p, 1)->baseline, 240);
	assert_int_equal(plan_account_set_baseline(p, 1, -5, &err), -1);
	assert_int_equal(plan_account_by_id(p, 1)->baseline, 240);
	assert_int_equal(plan_account_set_baseline(p, 9, 5, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	/* Archive, restore, remove. */
	assert_int_equal(plan_account_archive(p, 2, true, &err), 0);
	assert_null(plan_account_by_name(p, "Globex", false));
	assert_int_equal(plan_account_by_name(p, "Globex", true)->id, 2);
	assert_int_equal(plan_account_add(p, "Globex", 0, &err), -1);
	assert_err(ERR_REFUSED, "(archived)");
	assert_int_equal(plan_account_archive(p, 2, false, &err), 0);
	assert_int_equal(plan_account_remove(p, 1, &err), 0);
	assert_null(plan_account_by_id(p, 1));
	assert_int_equal(plan_account_at(p, 0)->id, 2);
	assert_int_equal(plan_account_remove(p, 1, &err), -1);
	assert_int_equal(plan_account_add(p, "Acme", 0, &err), 4);
	/* Restoring as loaded keeps the id; twins are refused. */
	{
		struct account a = { .id = 10, .name = "Hooli", .baseline = 30 };

		assert_int_equal(plan_account_restore(p, &a, &err), 0);
		a.name = "Other";
		assert_int_equal(plan_account_restore(p, &a, &err), -1);
		assert_err(ERR_DATA, "account id 10 is used twice");
		assert_int_equal(plan_account_add(p, "Umbrella", 0, &err), 11);
	}
	while (plan_account_count(p) < MODEL_ACCOUNT_MAX) {
		snprintf(name, sizeof name, "Acc %zu", plan_account_count(p));
		assert_true(plan_account_add(p, name, 0, &err) > 0);
	}
	assert_int_equal(plan_account_add(p, "One too many", 0, &err), -1);
	assert_err(ERR_REFUSED, "at most 500 accounts");
	plan_free(p);
}

/* ---- settings and quota ---- */

static void test_settings_and_quota(void **state)
{
	struct plan *p = plan_new();
	struct settings s = *plan_settings(p), bad;
	struct quota q = *plan_quota(p), badq;

	(void)state;
	assert_int_equal(s.day_start, 8 * 60);
	assert_int_equal(s.day_end, 18 * 60);
	assert_int_equal(s.slot, 30);
	assert_int_equal(s.work_days, 0x1F);
	assert_int_equal(s.focus, FOCUS_DAY);
	assert_int_equal(s.midday, 12 * 60);
#define REFUSED(field, value, words)                                         \
	do {                                                                 \
		bad = s;                                                     \
		bad.field = value;                                           \
		assert_int_equal(plan_set_settings(p, &bad, &err), -1);      \
		assert_err(ERR_REFUSED, words);                              \
		assert_int_equal(plan_settings(p)->field, s.field);          \
	} while (0)
	REFUSED(slot, 45, "slot is 45 minutes; use 15, 30 or 60");
	REFUSED(slot, 0, "use 15, 30 or 60");
	REFUSED(day_start, 18 * 60, "the day must start before it ends");
	REFUSED(day_end, 24 * 60 + 30, "the day must start before it ends");
	REFUSED(day_start, -30, "start before it ends");
	REFUSED(day_start, 8 * 60 + 15, "on the 30-minute grid");
	REFUSED(midday, 8 * 60, "midday must lie inside the day");
	REFUSED(midday, 18 * 60, "midday must lie inside the day");
	REFUSED(midday, 12 * 60 + 5, "on a quarter hour");
	REFUSED(work_days, 0, "at least one work day");
	REFUSED(work_days, 0x80, "at least one work day");
	REFUSED(focus, (enum focus_rule)7, "unknown focus rule");
#undef REFUSED
	bad = s;
	bad.theme[0] = '\0';
	assert_int_equal(plan_set_settings(p, &bad, &err), -1);
	memset(bad.theme, 'x', sizeof bad.theme);
	assert_int_equal(plan_set_settings(p, &bad, &err), -1);
	assert_string_equal(plan_settings(p)->theme, "default");
	/* The whole week, 15-minute slots, 00:00-24:00. */
	bad = s;
	bad.work_days = 0x7F;
	bad.slot = 15;
	bad.day_start = 0;
	bad.day_end = 1440;
	bad.midday = 12 * 60 + 45;
	strcpy(bad.theme, "solarized");
	assert_int_equal(plan_set_settings(p, &bad, &err), 0);
	assert_int_equal(plan_settings(p)->work_days, 0x7F);
	assert_string_equal(plan_settings(p)->theme, "solarized");

	badq = q;
	badq.target = -1;
	assert_int_equal(plan_set_quota(p, &badq, &err), -1);
	badq.target = MODEL_MONEY_MAX + 1;
	assert_int_equal(plan_set_quota(p, &badq, &err), -1);
	assert_err(ERR_REFUSED, "the quota target must be 0..");
	badq = q;
	badq.currency[0] = '\0';
	assert_int_equal(plan_set_quota(p, &badq, &err), -1);
	assert_err(ERR_REFUSED, "1 to 7 characters");
	strcpy(badq.currency, "E R");
	assert_int_equal(plan_set_quota(p, &badq, &err), -1);
	assert_err(ERR_REFUSED, "printable ASCII");
	strcpy(badq.currency, "\xe2\x82\xac");
	assert_int_equal(plan_set_quota(p, &badq, &err), -1);
	badq = q;
	badq.period = (enum quota_period)5;
	assert_int_equal(plan_set_quota(p, &badq, &err), -1);
	assert_string_equal(plan_quota(p)->currency, "USD");
	badq = q;
	badq.period = QUOTA_QUARTER;
	badq.target = MODEL_MONEY_MAX;
	strcpy(badq.currency, "EUR");
	assert_int_equal(plan_set_quota(p, &badq, &err), 0);
	assert_int_equal(plan_quota(p)->target, MODEL_MONEY_MAX);
	assert_string_equal(plan_quota(p)->currency, "EUR");
	plan_free(p);
}

/* ---- templates ---- */

static void test_templates(void **state)
{
	struct plan *p = plan_new();
	int acme = plan_account_add(p, "Acme", 0, NULL);
	struct template_block tb[2] = {
		{ 0, 9 * 60, 11 * 60, KIND_PROSPECTING, 0, "Call block", true },
		{ 4, 14 * 60, 15 * 60, KIND_ACCOUNT, 0, "Check-in", false },
	};
	struct template t = { "Standard week", tb, 2 }, t2;
	char title[] = "Call block";

	(void)state;
	tb[0].title = title;
	tb[1].account = acme;
	assert_int_equal(plan_template_put(p, &t, &err), 0);
	assert_int_equal(plan_template_count(p), 1);
	/* A deep copy: changing ours later does not reach the plan's. */
	title[0] = 'X';
	tb[0].start = 0;
	assert_string_equal(plan_template_by_name(p, "Standard week")->blocks[0].title,
			    "Call block");
	assert_int_equal(plan_template_at(p, 0)->blocks[0].start, 9 * 60);
	assert_int_equal(plan_template_at(p, 0)->blocks[1].account, acme);
	/* The same name replaces. */
	tb[0].start = 8 * 60;
	t.n_blocks = 1;
	assert_int_equal(plan_template_put(p, &t, &err), 0);
	assert_int_equal(plan_template_count(p), 1);
	assert_int_equal(plan_template_at(p, 0)->n_blocks, 1);
	assert_int_equal(plan_template_at(p, 0)->blocks[0].start, 8 * 60);
	/* Names are exact; a second one is added. */
	t2 = t;
	t2.name = "Quarter end";
	t2.n_blocks = 0;
	assert_int_equal(plan_template_put(p, &t2, &err), 0);
	assert_int_equal(plan_template_count(p), 2);
	assert_null(plan_template_by_name(p, "standard week"));
	assert_null(plan_template_at(p, 2));
	/* Bad ones are refused and leave the plan's as they were. */
	t.n_blocks = 2;
#define BAD(stmt, words)                                                     \
	do {                                                                 \
		struct template_block keep[2] = { tb[0], tb[1] };            \
		stmt;                                                        \
		assert_int_equal(plan_template_put(p, &t, &err), -1);        \
		assert_err(ERR_REFUSED, words);                              \
		tb[0] = keep[0];                                             \
		tb[1] = keep[1];                                             \
	} while (0)
	BAD(tb[1].weekday = 7, "template block 2 is not a valid block");
	BAD(tb[1].weekday = -1, "template block 2 is not a valid block");
	BAD(tb[0].end = tb[0].start, "template block 1 is not a valid block");
	BAD(tb[0].end = 1441, "template block 1 is not a valid block");
	BAD(tb[0].start = -15, "template block 1 is not a valid block");
	BAD(tb[1].kind = KIND_MEETING, "template block 2 is not a valid block");
	BAD(tb[1].kind = KIND_COUNT, "template block 2 is not a valid block");
	BAD(tb[1].title = "bell\a", "template block 2: title contains a control character");
	BAD(tb[1].account = 99, "template block 2: no account 99");
#undef BAD
	t.name = "";
	assert_int_equal(plan_template_put(p, &t, &err), -1);
	t.name = "Standard week";
	assert_int_equal(plan_template_at(p, 0)->n_blocks, 1);
	assert_int_equal(plan_template_at(p, 0)->blocks[0].start, 8 * 60);
	/* A NULL title is an empty one. */
	tb[1].title = NULL;
	assert_int_equal(plan_template_put(p, &t, &err), 0);
	assert_string_equal(plan_template_at(p, 0)->blocks[1].title, "");
	/* Removal by exact name. */
	assert_int_equal(plan_template_remove(p, "Standard Week", &err), -1);
	assert_err(ERR_NOTFOUND, "no template named Standard Week");
	assert_int_equal(plan_template_remove(p, "Standard week", &err), 0);
	assert_int_equal(plan_template_count(p), 1);
	assert_string_equal(plan_template_at(p, 0)->name, "Quarter end");
	/* At most 50. */
	for (int i = 1; i < MODEL_TEMPLATE_MAX; i++) {
		char name[16];

		snprintf(name, sizeof name, "T%d", i);
		t2.name = name;
		assert_int_equal(plan_template_put(p, &t2, &err), 0);
	}
	t2.name = "One too many";
	assert_int_equal(plan_template_put(p, &t2, &err), -1);
	assert_err(ERR_REFUSED, "at most 50 templates");
	assert_int_equal(plan_template_count(p), MODEL_TEMPLATE_MAX);
	plan_free(p);
}

static void test_plan_clone(void **state)
{
	struct plan *p = plan_new(), *c;
	struct template_block tb = { 1, 600, 660, KIND_ADMIN, 0, "Admin", true };
	struct template t = { "Week", &tb, 1 };

	(void)state;
	plan_industry_add(p, "Retail", 0, NULL);
	plan_account_add(p, "Acme", 30, NULL);
	plan_template_put(p, &t, NULL);
	plan_set_last_planned_week(p, KEY);
	c = plan_clone(p);
	assert_int_equal(plan_last_planned_week(c), KEY);
	assert_int_equal(plan_schema(c), PLAN_SCHEMA);
	assert_int_equal(plan_industry_rename(c, 1, "Stores", &err), 0);
	assert_int_equal(plan_account_add(c, "Globex", 0, &err), 2);
	assert_int_equal(plan_template_remove(c, "Week", &err), 0);
	assert_string_equal(plan_industry_by_id(p, 1)->name, "Retail");
	assert_int_equal(plan_account_count(p), 1);
	assert_int_equal(plan_template_count(p), 1);
	assert_string_equal(plan_template_at(p, 0)->blocks[0].title, "Admin");
	/* The clone grows on its own. */
	for (int i = 0; i < 20; i++) {
		char name[16];

		snprintf(name, sizeof name, "I%d", i);
		assert_true(plan_industry_add(c, name, 0, &err) > 0);
	}
	assert_int_equal(plan_industry_count(p), 1);
	plan_free(c);
	plan_free(p);
}

/* ---- a week: clone and equality ---- */

enum mutation {
	M_NONE, M_KEY, M_FOCUS, M_MIDDAY, M_SEQ, M_NICHE,
	M_B_ID, M_B_DATE, M_B_START, M_B_END, M_B_KIND, M_B_INDUSTRY, M_B_ACCOUNT,
	M_B_TITLE, M_B_QUOTA, M_B_STATUS, M_B_CUT, M_B_CALLS, M_B_CONV, M_B_MEET,
	M_B_WORKED, M_B_NOTE, M_B_CARRIED, M_B_UID_NULL, M_B_UID, M_B_EXTRA,
	M_S_BLOCK, M_S_STARTED, M_S_ENDED, M_S_PAUSED, M_S_EXTENDED, M_S_END,
	M_S_CALLS, M_S_N_INT, M_S_INT_AT, M_S_INT_NOTE, M_S_EXTRA,
	M_SALE_ID, M_SALE_DATE, M_SALE_AMOUNT, M_SALE_INDUSTRY, M_SALE_ACCOUNT,
	M_SALE_NOTE, M_SALE_BLOCK, M_SALE_EXTRA,
	M_BN_DATE, M_BN_TITLE, M_BN_UID, M_BN_UID_NULL, M_BN_EXTRA,
	M_DECLINED, M_DECLINED_EXTRA,
	M_COUNT
};

/* A week holding one of everything, with one field changed by `m`. */
static struct week *build_week(const struct plan *p, enum mutation m)
{
	struct week *w = week_new(p, m == M_KEY ? KEY + 1 : KEY);
	date_t mon = week_monday(w);
	struct block b;
	struct interruption in[2] = { { 1000, (char *)"phone" }, { 1200, (char *)"boss" } };
	struct session s = { .block = "2026W49-1", .started = 900, .ended = 4500,
			     .paused = 60, .extended = 300, .end = SESSION_DONE,
			     .counted = { 10, 3, 1 }, .interruptions = in,
			     .n_interruptions = 2 };
	struct sale sale = { .id = "2026W49-s2", .date = mon + 1, .amount = 1200,
			     .industry = 1, .account = 1, .note = (char *)"first order" };
	struct banner bn = { mon + 2, (char *)"Trade fair", (char *)"fair@cal" };

	week_restore_focus(w, m == M_FOCUS ? FOCUS_HALF_DAY : FOCUS_DAY,
			   m == M_MIDDAY ? 13 * 60 : 12 * 60);
	week_set_next_seq(w, m == M_SEQ ? 4 : 3);
	week_restore_niche(w, mon + 1, PART_DAY, m == M_NICHE ? 2 : 1);

	block_init(&b);
	strcpy(b.id, m == M_B_ID ? "2026W49-9" : "2026W49-1");
	b.date = mon + (m == M_B_DATE ? 2 : 1);
	b.start = m == M_B_START ? 510 : 540;
	b.end = m == M_B_END ? 630 : 600;
	b.kind = m == M_B_KIND ? KIND_OTHER : KIND_ACCOUNT;
	b.industry = m == M_B_INDUSTRY ? 2 : 1;
	b.account = m == M_B_ACCOUNT ? 0 : 1;
	block_set_title(&b, m == M_B_TITLE ? "Review!" : "Review");
	b.for_quota = m != M_B_QUOTA;
	b.status = m == M_B_STATUS ? STATUS_SKIPPED : STATUS_DONE;
	b.cut_short = m == M_B_CUT;
	b.out = (struct outcome){ m == M_B_CALLS ? 6 : 5, m == M_B_CONV ? 3 : 2,
				  m == M_B_MEET ? 2 : 1 };
	b.worked = m == M_B_WORKED ? 45 : 50;
	block_set_note(&b, m == M_B_NOTE ? "went well" : "went fine");
	strcpy(b.carried_from, m == M_B_CARRIED ? "2026W48-3" : "2026W48-2");
	block_set_uid(&b, m == M_B_UID_NULL ? NULL : m == M_B_UID ? "u2" : "u1");
	week_block_restore(w, &b);
	if (m == M_B_EXTRA) {
		strcpy(b.id, "2026W49-2");
		b.start = 700;
		b.end = 760;
		week_block_restore(w, &b);
	}
	block_clear(&b);

	if (m == M_S_BLOCK)
		strcpy(s.block, "2026W49-2");
	s.started += m == M_S_STARTED;
	s.ended += m == M_S_ENDED;
	s.paused += m == M_S_PAUSED;
	s.extended += m == M_S_EXTENDED;
	if (m == M_S_END)
		s.end = SESSION_CUT_SHORT;
	s.counted.calls += m == M_S_CALLS;
	if (m == M_S_N_INT)
		s.n_interruptions = 1;
	if (m == M_S_INT_AT)
		in[1].at++;
	if (m == M_S_INT_NOTE)
		in[1].note = (char *)"Boss";
	week_session_add(w, &s);
	if (m == M_S_EXTRA)
		week_session_add(w, &s);

	if (m == M_SALE_ID)
		strcpy(sale.id, "2026W49-s5");
	sale.date += m == M_SALE_DATE;
	sale.amount += m == M_SALE_AMOUNT;
	sale.industry += m == M_SALE_INDUSTRY;
	sale.account -= m == M_SALE_ACCOUNT;
	if (m == M_SALE_NOTE)
		sale.note = (char *)"first order!";
	if (m == M_SALE_BLOCK)
		strcpy(sale.block, "2026W49-1");
	assert_int_equal(week_sale_add(w, &sale, NULL, &err), 0);
	if (m == M_SALE_EXTRA) {
		sale.id[0] = '\0';
		assert_int_equal(week_sale_add(w, &sale, NULL, &err), 0);
	}

	bn.date += m == M_BN_DATE;
	if (m == M_BN_TITLE)
		bn.title = (char *)"Trade fair (day 2)";
	if (m == M_BN_UID)
		bn.uid = (char *)"fair2@cal";
	if (m == M_BN_UID_NULL)
		bn.uid = NULL;
	week_banner_add(w, &bn);
	if (m == M_BN_EXTRA)
		week_banner_add(w, &bn);
	week_decline_carry(w, m == M_DECLINED ? "2026W48-5" : "2026W48-4", true);
	if (m == M_DECLINED_EXTRA)
		week_decline_carry(w, "2026W48-6", true);
	return w;
}

static void test_week_clone_and_equal(void **state)
{
	struct plan *p = plan_new();
	struct week *base, *again, *clone;

	(void)state;
	plan_industry_add(p, "Healthcare", 0, NULL);
	plan_industry_add(p, "Retail", 0, NULL);
	plan_account_add(p, "Acme", 0, NULL);
	base = build_week(p, M_NONE);
	again = build_week(p, M_NONE);
	assert_true(week_equal(base, again));
	assert_true(week_equal(base, base));
	/* Every field counts. */
	for (int m = M_NONE + 1; m < M_COUNT; m++) {
		struct week *other = build_week(p, (enum mutation)m);
		struct week *copy = week_clone(other);

		if (week_equal(base, other) || week_equal(other, base))
			fail_msg("mutation %d not seen by week_equal", m);
		/* ... and the clone copies every field. */
		if (!week_equal(copy, other) || week_equal(copy, base))
			fail_msg("mutation %d not carried by week_clone", m);
		week_free(copy);
		week_free(other);
	}
	/* A clone is deep: changing it leaves the original. */
	clone = week_clone(base);
	assert_ptr_not_equal(week_block_at(clone, 0)->title, week_block_at(base, 0)->title);
	assert_ptr_not_equal(week_session_at(clone, 0)->interruptions,
			     week_session_at(base, 0)->interruptions);
	assert_ptr_not_equal(week_sale_at(clone, 0)->note, week_sale_at(base, 0)->note);
	assert_ptr_not_equal(week_banner_at(clone, 0)->title, week_banner_at(base, 0)->title);
	assert_int_equal(week_block_remove(clone, "2026W49-1", &err), 0);
	assert_int_equal(week_sale_remove(clone, "2026W49-s2", &err), 0);
	week_banner_clear_uid(clone, "fair@cal");
	assert_true(week_equal(base, again));
	assert_int_equal(week_block_count(base), 1);
	assert_false(week_is_empty(clone)); /* the niche and the session */
	week_free(clone);
	week_free(again);
	week_free(base);
	plan_free(p);
}

static void test_week_basics(void **state)
{
	struct plan *p = plan_new();
	struct week *w = week_new(p, 202653);
	struct settings s = *plan_settings(p);

	(void)state;
	assert_int_equal(week_key(w), 202653);
	assert_int_equal(week_monday(w), date_from_ymd(2026, 12, 28));
	assert_int_equal(week_focus(w), FOCUS_DAY);
	assert_int_equal(week_midday(w), 12 * 60);
	assert_int_equal(week_next_seq(w), 1);
	assert_true(week_is_empty(w));
	assert_null(week_block_at(w, 0));
	assert_null(week_block_by_id(w, "2026W53-1"));
	assert_int_equal(week_block_index(w, "2026W53-1"), -1);
	assert_int_equal(week_niche(w, date_from_ymd(2027, 1, 4), PART_DAY), 0);
	week_restore_niche(w, date_from_ymd(2027, 1, 3), PART_DAY, 1);
	assert_false(week_is_empty(w));
	week_free(w);
	/* A new week follows the plan's rule of the day it is made. */
	s.focus = FOCUS_HALF_DAY;
	s.midday = 13 * 60;
	assert_int_equal(plan_set_settings(p, &s, &err), 0);
	w = week_new(p, KEY);
	assert_int_equal(week_focus(w), FOCUS_HALF_DAY);
	assert_int_equal(week_midday(w), 13 * 60);
	assert_int_equal(week_niche_at(w, week_monday(w), 0), 0);
	week_free(w);
	plan_free(p);
}

static void test_blocks_sorted(void **state)
{
	struct plan *p = plan_new();
	struct week *w = week_new(p, KEY);
	struct block b;
	static const struct { int day, start; const char *id; } in[] = {
		{ 3, 600, "2026W49-1" }, { 0, 900, "2026W49-2" }, { 3, 540, "2026W49-3" },
		{ 0, 900, "2026W49-10" }, { 6, 0, "2026W49-5" },
	};
	static const char *const want[] = { "2026W49-10", "2026W49-2", "2026W49-3", "2026W49-1",
					    "2026W49-5" };

	(void)state;
	block_init(&b);
	for (size_t i = 0; i < 5; i++) {
		b.date = week_monday(w) + in[i].day;
		b.start = in[i].start;
		b.end = b.start + 30;
		b.kind = KIND_ADMIN;
		strcpy(b.id, in[i].id);
		week_block_restore(w, &b);
	}
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(week_block_at(w, i)->id, want[i]);
	/* An update that moves a block keeps the order. */
	block_clear(&b);
	block_copy(&b, week_block_by_id(w, "2026W49-5"));
	b.date = week_monday(w);
	b.start = 8 * 60;
	b.end = 9 * 60;
	assert_int_equal(week_block_update(w, p, &b, &err), 0);
	assert_string_equal(week_block_at(w, 0)->id, "2026W49-5");
	assert_int_equal(week_block_index(w, "2026W49-1"), 4);
	strcpy(b.id, "2026W49-77");
	assert_int_equal(week_block_update(w, p, &b, &err), -1);
	assert_err(ERR_NOTFOUND, "no block 2026W49-77 in this week");
	block_clear(&b);
	week_free(w);
	plan_free(p);
}

/* ---- sales and banners ---- */

static void test_sales(void **state)
{
	struct plan *p = plan_new();
	struct week *w = week_new(p, KEY);
	struct sale s = { .date = week_monday(w) + 2, .amount = 500, .note = NULL };
	char id[MODEL_ID_MAX];

	(void)state;
	assert_int_equal(week_sale_add(w, &s, id, &err), 0);
	assert_string_equal(id, "2026W49-s1");
	assert_string_equal(week_sale_at(w, 0)->note, "");
	/* Sales and blocks count from one sequence, so ids never meet. */
	{
		struct block b;

		block_init(&b);
		b.date = week_monday(w);
		b.start = 9 * 60;
		b.end = 10 * 60;
		b.kind = KIND_ADMIN;
		assert_int_equal(week_block_add(w, p, &b, id, &err), 0);
		assert_string_equal(id, "2026W49-2");
		block_clear(&b);
	}
	s.note = (char *)"renewal";
	assert_int_equal(week_sale_add(w, &s, id, &err), 0);
	assert_string_equal(id, "2026W49-s3");
	assert_int_equal(week_sale_remove(w, "2026W49-s3", &err), 0);
	assert_int_equal(week_sale_add(w, &s, id, &err), 0);
	assert_string_equal(id, "2026W49-s4");
	/* Amounts are whole units, 1 up to the money cap. */
	s.amount = 0;
	assert_int_equal(week_sale_add(w, &s, id, &err), -1);
	assert_err(ERR_USAGE, "a sale's amount must be 1..999999999999");
	s.amount = -20;
	assert_int_equal(week_sale_add(w, &s, id, &err), -1);
	s.amount = MODEL_MONEY_MAX + 1;
	assert_int_equal(week_sale_add(w, &s, id, &err), -1);
	s.amount = MODEL_MONEY_MAX;
	/* Dated inside the week. */
	s.date = week_monday(w) - 1;
	assert_int_equal(week_sale_add(w, &s, id, &err), -1);
	assert_err(ERR_USAGE, "that date is not in this week");
	s.date = week_monday(w) + 7;
	assert_int_equal(week_sale_add(w, &s, id, &err), -1);
	s.date = week_monday(w) + 6;
	/* Text is checked like a block's note. */
	s.note = (char *)"paid\x1b[2J";
	assert_int_equal(week_sale_add(w, &s, id, &err), -1);
	assert_err(ERR_USAGE, "the note contains a control character");
	s.note = (char *)"paid";
	/* An id given is kept, and must be new. */
	strcpy(s.id, "2026W49-s1");
	assert_int_equal(week_sale_add(w, &s, id, &err), -1);
	assert_string_equal(week_sale_at(w, 0)->id, "2026W49-s1");
	strcpy(s.id, "2026W48-s9");
	assert_int_equal(week_sale_add(w, &s, id, &err), 0);
	assert_string_equal(id, "2026W48-s9");
	assert_int_equal(week_sale_count(w), 3);
	assert_int_equal(week_sale_at(w, 2)->amount, MODEL_MONEY_MAX);
	assert_null(week_sale_at(w, 3));
	assert_int_equal(week_sale_remove(w, "2026W49-s3", &err), -1);
	assert_err(ERR_NOTFOUND, "no sale 2026W49-s3");
	assert_int_equal(week_sale_remove(w, "2026W49-s1", &err), 0);
	assert_string_equal(week_sale_at(w, 0)->id, "2026W49-s4");
	week_free(w);
	plan_free(p);
}

static void test_banners(void **state)
{
	struct plan *p = plan_new();
	struct week *w = week_new(p, KEY);
	char title[] = "Holiday";
	struct banner a = { week_monday(w), title, (char *)"h@cal" };
	struct banner b = { week_monday(w) + 1, (char *)"Fair", (char *)"f@cal" };
	struct banner c = { week_monday(w) + 1, (char *)"Own note", NULL };

	(void)state;
	week_banner_add(w, &a);
	week_banner_add(w, &b);
	week_banner_add(w, &c);
	week_banner_add(w, &a);
	title[0] = 'X';
	assert_int_equal(week_banner_count(w), 4);
	assert_string_equal(week_banner_at(w, 0)->title, "Holiday");
	assert_null(week_banner_at(w, 2)->uid);
	/* Clearing a calendar's event removes every copy of it, and only it. */
	week_banner_clear_uid(w, "h@cal");
	assert_int_equal(week_banner_count(w), 2);
	assert_string_equal(week_banner_at(w, 0)->title, "Fair");
	assert_string_equal(week_banner_at(w, 1)->title, "Own note");
	week_banner_clear_uid(w, "nope@cal");
	assert_int_equal(week_banner_count(w), 2);
	assert_null(week_banner_at(w, 2));
	week_free(w);
	plan_free(p);
}

/* ---- names and value helpers ---- */

static void test_names(void **state)
{
	enum block_kind k;
	enum block_status st;
	enum focus_rule f;
	enum session_end e;

	(void)state;
	for (int i = 0; i < KIND_COUNT; i++) {
		assert_int_equal(model_kind_parse(model_kind_name((enum block_kind)i), &k), 0);
		assert_int_equal(k, i);
	}
	assert_string_equal(model_kind_name(KIND_PROSPECTING), "prospecting");
	assert_string_equal(model_kind_name(KIND_COUNT), "?");
	/* As typed, any case. */
	assert_int_equal(model_kind_parse("Prospecting", &k), 0);
	assert_int_equal(k, KIND_PROSPECTING);
	assert_int_equal(model_kind_parse("ACCOUNT", &k), 0);
	assert_int_equal(k, KIND_ACCOUNT);
	assert_int_equal(model_kind_parse("prospect", &k), -1);
	assert_int_equal(model_kind_parse("", &k), -1);
	for (int i = 0; i < STATUS_COUNT; i++) {
		assert_int_equal(model_status_parse(model_status_name((enum block_status)i), &st), 0);
		assert_int_equal(st, i);
	}
	assert_int_equal(model_status_parse("finished", &st), -1);
	assert_int_equal(model_focus_parse("half-day", &f), 0);
	assert_int_equal(f, FOCUS_HALF_DAY);
	assert_int_equal(model_focus_parse("day", &f), 0);
	assert_int_equal(f, FOCUS_DAY);
	assert_int_equal(model_focus_parse("halfday", &f), -1);
	assert_string_equal(model_focus_name(FOCUS_HALF_DAY), "half-day");
	assert_string_equal(model_part_name(PART_AM), "am");
	assert_string_equal(model_part_name(PART_PM), "pm");
	assert_string_equal(model_part_name(PART_DAY), "day");
	for (int i = SESSION_DONE; i <= SESSION_ABANDONED; i++) {
		assert_int_equal(model_session_end_parse(model_session_end_name((enum session_end)i),
							 &e), 0);
		assert_int_equal(e, i);
	}
	assert_string_equal(model_session_end_name(SESSION_CUT_SHORT), "cut-short");
	assert_int_equal(model_session_end_parse("cut short", &e), -1);
}

static void test_block_values(void **state)
{
	struct block a, b;

	(void)state;
	block_init(&a);
	assert_string_equal(a.title, "");
	assert_string_equal(a.note, "");
	assert_null(a.uid);
	assert_true(a.for_quota);
	assert_int_equal(a.status, STATUS_PLANNED);
	a.start = 9 * 60;
	a.end = 10 * 60 + 30;
	assert_int_equal(block_minutes(&a), 90);
	block_set_title(&a, "Calls");
	block_set_uid(&a, "x@cal");
	block_copy(&b, &a);
	assert_ptr_not_equal(a.title, b.title);
	assert_ptr_not_equal(a.uid, b.uid);
	assert_string_equal(b.uid, "x@cal");
	block_set_title(&a, "Other");
	assert_string_equal(b.title, "Calls");
	block_set_uid(&b, NULL);
	assert_null(b.uid);
	block_clear(&a);
	block_clear(&b);
	assert_null(a.title);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_industry_add_and_names),
		cmocka_unit_test(test_industry_rename_archive_remove),
		cmocka_unit_test(test_industry_colors),
		cmocka_unit_test(test_industry_restore),
		cmocka_unit_test(test_accounts),
		cmocka_unit_test(test_settings_and_quota),
		cmocka_unit_test(test_templates),
		cmocka_unit_test(test_plan_clone),
		cmocka_unit_test(test_week_clone_and_equal),
		cmocka_unit_test(test_week_basics),
		cmocka_unit_test(test_blocks_sorted),
		cmocka_unit_test(test_sales),
		cmocka_unit_test(test_banners),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_block_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
