/* model.h - the plan: settings, industries, accounts, quota, templates, and
 * weeks of blocks.
 *
 * `struct plan` holds what is small and current (plan.json); `struct week`
 * holds one ISO week (weeks/YYYY-Www.json): its blocks, niches, timer
 * sessions, sales and all-day banners.  Both are opaque: read them through the
 * accessors, change them only through the functions here, which check every
 * rule (rules.h) and leave the object untouched when they refuse.
 *
 * Ownership: every *_new has a *_free; pointers returned by accessors belong
 * to the object and stay valid until its next change.
 */
#ifndef FOCUSWEEK_MODEL_H
#define FOCUSWEEK_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "date.h"
#include "error.h"

#define PLAN_SCHEMA 2   /* plan.json: 2 added week_start and time_format */
#define WEEK_SCHEMA 2   /* weeks/YYYY-Www.json: 2 moved money recorded on blocks
			   into sales, added the minutes worked said by hand and
			   the carry-overs declined */
#define TIMER_SCHEMA 1  /* timer.json */
#define MODEL_NAME_MAX 64     /* bytes in an industry, account or template name */
#define MODEL_TITLE_MAX 200   /* bytes in a block title */
#define MODEL_NOTE_MAX 2000   /* bytes in a note */
#define MODEL_ID_MAX 24       /* bytes in a block or sale id, with the NUL */
#define MODEL_INDUSTRY_MAX 64
#define MODEL_ACCOUNT_MAX 500
#define MODEL_TEMPLATE_MAX 50
#define MODEL_WEEK_BLOCKS_MAX 2000
#define MODEL_COLOR_MAX 16    /* industry colours are slots 1..16 of a theme's palette */
#define MODEL_BASELINE_MAX (7 * DATE_MINUTES_PER_DAY) /* minutes a week with an account */
#define MODEL_ACCOUNT_CUT 20 /* percent: account time is cut to the baseline less this */
#define MODEL_COUNT_MAX 1000000          /* calls, conversations, meetings */
#define MODEL_MONEY_MAX 999999999999LL   /* whole currency units */
#define MODEL_PATH_MAX 1024   /* bytes in a folder's path in the settings, with the NUL */
#define MODEL_BUSY_MAX 8      /* folders of real calendars read as busy time */
#define MODEL_BUSY_LIST_MAX (MODEL_BUSY_MAX * 256) /* their paths, ':' between them */
#define MODEL_SYNC_WEEKS_MAX 52 /* weeks a sync may look back, and ahead */
#define MODEL_ALARM_OFF (-1)    /* no reminder on synced blocks */
#define MODEL_ALARM_MAX DATE_MINUTES_PER_DAY /* minutes a reminder may come before */
#define MODEL_INSTALL_MAX 33  /* bytes in an install id, with the NUL */
#define MODEL_WORKED_MAX DATE_MINUTES_PER_DAY /* minutes a block may be said to take */

enum block_kind {
	KIND_PROSPECTING,
	KIND_ACCOUNT,
	KIND_ADMIN,
	KIND_OTHER,
	KIND_MEETING, /* busy time imported from a calendar; read-only */
	KIND_COUNT
};

enum block_status { STATUS_PLANNED, STATUS_DONE, STATUS_SKIPPED, STATUS_COUNT };

enum focus_rule { FOCUS_DAY, FOCUS_HALF_DAY };

/* Which niche of a day: the whole day, or its morning or afternoon. */
enum day_part { PART_DAY, PART_AM, PART_PM, PART_COUNT };

enum quota_period { QUOTA_MONTH, QUOTA_QUARTER };

/* What a block produced.  Money is not here: what is sold on a block is a
 * sale (struct sale, linked to the block), so it counts toward the quota. */
struct outcome {
	int64_t calls;
	int64_t conversations;
	int64_t meetings;  /* meetings booked */
};

struct block {
	char id[MODEL_ID_MAX];     /* stable, e.g. "2026W49-3" */
	date_t date;               /* local calendar date */
	int start, end;            /* local minutes after midnight, start < end <= 1440 */
	enum block_kind kind;
	int industry;              /* industry id; required for prospecting; 0 = none */
	int account;               /* account id for account blocks; 0 = none */
	char *title;               /* owned, never NULL */
	bool for_quota;            /* "Will this help me make my sales quota?" */
	enum block_status status;
	bool cut_short;            /* done, but finished before its planned end */
	struct outcome out;
	int worked;                /* done: the minutes it really took, as the user said
				      (1..1440), or 0 when not said: then its length, or
				      for a block cut short the minutes its timer tracked */
	char *note;                /* owned, never NULL */
	char carried_from[MODEL_ID_MAX]; /* the unfinished block this continues, or "" */
	char *uid;                 /* external calendar UID (meetings), or NULL */
};

struct industry {
	int id;        /* stable, > 0; blocks refer to it */
	char *name;
	int color;     /* 1..MODEL_COLOR_MAX: slot of the theme's industry palette */
	bool archived; /* removed, but still named by old blocks */
	bool sample;   /* made by the sample plan (plan_forget_sample) */
};

struct account {
	int id;
	char *name;
	int baseline;  /* fixed minutes a week spent with this customer */
	bool archived;
	bool sample;   /* made by the sample plan */
};

enum time_format { TIME_24H, TIME_12H };

/* What `focusweek remind` reminds of (bits of remind_settings.events). */
enum {
	REMIND_ON_START = 1u << 0,  /* a block starts in `before` minutes */
	REMIND_ON_END = 1u << 1,    /* a block ends */
	REMIND_ON_TIMER = 1u << 2,  /* the running timer reaches its planned end */
	REMIND_ON_ALL = 7u,
};
#define REMIND_EVENT_COUNT 3
/* Their names, lowest bit first: in settings and in plan.json. */
extern const char *const model_remind_event_names[REMIND_EVENT_COUNT];
#define MODEL_REMIND_BEFORE_MAX DATE_MINUTES_PER_DAY /* minutes of lead time */
#define MODEL_COMMAND_MAX 512      /* bytes in a command line, with the NUL */
#define MODEL_HOOK_TIMEOUT_MAX 600 /* seconds a hook may run */

/* The reminders when the planner is closed (focusweek remind). */
struct remind_settings {
	int before;                       /* minutes before a block's start */
	unsigned events;                  /* REMIND_ON_* */
	char command[MODEL_COMMAND_MAX];  /* run by sh -c with the block in its
					     environment; "" picks a notifier */
};

/* Programs run after a change (~/.config/focusweek/hooks/). */
struct hook_settings {
	int timeout;                      /* seconds before a hook is stopped */
};

struct settings {
	int day_start, day_end;   /* minutes */
	int slot;                 /* 15, 30 or 60 */
	unsigned work_days;       /* bit 0 = Monday ... bit 6 = Sunday */
	int week_start;           /* the first day shown: 0 Monday, 5 Saturday, 6 Sunday */
	enum focus_rule focus;    /* the rule for weeks created from now on */
	int midday;               /* minutes: the boundary of AM and PM */
	enum time_format clock;   /* how times of day are shown */
	char theme[MODEL_NAME_MAX];
	/* Calendar sync (app_sync.h).  Folders are absolute paths or start
	 * with "~/"; "" is not set. */
	char sync_blocks[MODEL_PATH_MAX];    /* the vdir focusweek writes its blocks into */
	char sync_busy[MODEL_BUSY_LIST_MAX]; /* vdirs read as busy time, ':' between them */
	int sync_back, sync_ahead;           /* the window: weeks before this one, and after */
	int sync_alarm;                      /* minutes before a block its reminder comes,
						or MODEL_ALARM_OFF */
	struct remind_settings remind;
	struct hook_settings hooks;
};

struct quota {
	enum quota_period period;
	int64_t target;           /* whole currency units per period */
	char currency[8];         /* e.g. "USD" */
};

/* One block of a weekly template. */
struct template_block {
	int weekday;              /* 0 = Monday */
	int start, end;
	enum block_kind kind;
	int account;              /* account blocks: account id, or 0 */
	char *title;
	bool for_quota;
};

struct template {
	char *name;
	struct template_block *blocks;
	size_t n_blocks;
};

/* One run of the focus timer on a block, kept for the review. */
enum session_end { SESSION_DONE, SESSION_CUT_SHORT, SESSION_ABANDONED };

struct interruption {
	instant_t at;
	char *note;               /* owned, never NULL */
};

struct session {
	char block[MODEL_ID_MAX];
	instant_t started, ended;
	int64_t paused;           /* seconds spent paused */
	int64_t extended;         /* seconds added with "extend" */
	enum session_end end;
	struct outcome counted;   /* what the timer counted */
	struct interruption *interruptions;
	size_t n_interruptions;
};

/* A sale: what counts toward the quota.  One recorded on a block (done
 * --sold, the finish forms) takes the block's date, industry and account and
 * names the block. */
struct sale {
	char id[MODEL_ID_MAX];
	date_t date;
	int64_t amount;           /* whole currency units, > 0 */
	int industry;             /* 0 = none */
	int account;              /* 0 = none */
	char block[MODEL_ID_MAX]; /* the block it was sold on, or "" */
	char *note;
};

/* An all-day event from a calendar, shown as a day banner. */
struct banner {
	date_t date;
	char *title;
	char *uid;
};

struct plan;
struct week;

/* ---- names of enums, for files, the command line and the screen ---- */
const char *model_kind_name(enum block_kind kind);     /* "prospecting" */
/* A kind as typed, in any case ("Prospecting"). */
int model_kind_parse(const char *s, enum block_kind *out);
const char *model_status_name(enum block_status st);   /* "planned" */
int model_status_parse(const char *s, enum block_status *out);
const char *model_focus_name(enum focus_rule f);       /* "day", "half-day" */
int model_focus_parse(const char *s, enum focus_rule *out);
const char *model_part_name(enum day_part p);          /* "day", "am", "pm" */
const char *model_session_end_name(enum session_end e);
int model_session_end_parse(const char *s, enum session_end *out);

/* ---- the plan ---- */
struct plan *plan_new(void);         /* default settings, nothing else */
void plan_free(struct plan *p);
struct plan *plan_clone(const struct plan *p);

int plan_schema(const struct plan *p);
void plan_set_schema(struct plan *p, int schema);
const struct settings *plan_settings(const struct plan *p);
/* Checks and sets all settings at once. */
int plan_set_settings(struct plan *p, const struct settings *s, struct error *err);
const struct quota *plan_quota(const struct plan *p);
int plan_set_quota(struct plan *p, const struct quota *q, struct error *err);
/*
 * The id of this install: a few random letters and digits kept in
 * plan.json, so that the calendar UIDs of its blocks ("2026W49-3.ID" with
 * ICS_UID_SUFFIX) differ from another install's blocks of the same short
 * id.  "" until the first write gives it one.
 */
const char *plan_install(const struct plan *p);
/* 4..32 of [a-z0-9]; refused otherwise. */
int plan_set_install(struct plan *p, const char *id, struct error *err);
/*
 * The sample plan (the first start's "explore the sample", or `focusweek
 * init --sample`): its industries and accounts carry `sample`, and the ids
 * of its blocks are noted, so that `focusweek sample rm` can take it all
 * back and nothing else.
 */
int plan_mark_sample(struct plan *p, int industry, int account, struct error *err);
int plan_note_sample_block(struct plan *p, const char *id, struct error *err);
/* The quota was set by the sample (a plan without one): sample rm unsets it
 * while it is still the sample's. */
void plan_note_sample_quota(struct plan *p, bool set);
bool plan_sample_quota(const struct plan *p);
size_t plan_sample_block_count(const struct plan *p);
const char *plan_sample_block_at(const struct plan *p, size_t i);
bool plan_has_sample(const struct plan *p);
/* Clears every sample mark and note (the items themselves stay). */
void plan_forget_sample(struct plan *p);

/* The last week the planning screen was shown for (0 = never). */
int plan_last_planned_week(const struct plan *p);
void plan_set_last_planned_week(struct plan *p, int key);

size_t plan_industry_count(const struct plan *p);
const struct industry *plan_industry_at(const struct plan *p, size_t i);
const struct industry *plan_industry_by_id(const struct plan *p, int id);
/* Exact match first, then a unique case-insensitive one; archived ones too
 * when `archived` is set. */
const struct industry *plan_industry_by_name(const struct plan *p, const char *name,
					     bool archived);
/* color 0 picks the first palette slot not in use.  Returns the new id, or -1. */
int plan_industry_add(struct plan *p, const char *name, int color, struct error *err);
int plan_industry_rename(struct plan *p, int id, const char *name, struct error *err);
int plan_industry_set_color(struct plan *p, int id, int color, struct error *err);
/* Archived industries keep their id so old blocks still name them. */
int plan_industry_archive(struct plan *p, int id, bool archived, struct error *err);
/* Removes it for good; the caller made sure nothing refers to it. */
int plan_industry_remove(struct plan *p, int id, struct error *err);

size_t plan_account_count(const struct plan *p);
const struct account *plan_account_at(const struct plan *p, size_t i);
const struct account *plan_account_by_id(const struct plan *p, int id);
const struct account *plan_account_by_name(const struct plan *p, const char *name,
					   bool archived);
int plan_account_add(struct plan *p, const char *name, int baseline, struct error *err);
int plan_account_rename(struct plan *p, int id, const char *name, struct error *err);
int plan_account_set_baseline(struct plan *p, int id, int baseline, struct error *err);
int plan_account_archive(struct plan *p, int id, bool archived, struct error *err);
int plan_account_remove(struct plan *p, int id, struct error *err);

size_t plan_template_count(const struct plan *p);
const struct template *plan_template_at(const struct plan *p, size_t i);
const struct template *plan_template_by_name(const struct plan *p, const char *name);
/* Adds or replaces the template of that name (deep copy). */
int plan_template_put(struct plan *p, const struct template *t, struct error *err);
int plan_template_remove(struct plan *p, const char *name, struct error *err);

/* Used by the loader: restores ids exactly as stored. */
int plan_industry_restore(struct plan *p, const struct industry *ind, struct error *err);
int plan_account_restore(struct plan *p, const struct account *acc, struct error *err);

/* ---- a week ---- */
/* An empty week that follows the plan's current focus rule. */
struct week *week_new(const struct plan *p, int key);
void week_free(struct week *w);
struct week *week_clone(const struct week *w);
/* True when both hold the same data (used by undo to see outside changes). */
bool week_equal(const struct week *a, const struct week *b);

int week_key(const struct week *w);
date_t week_monday(const struct week *w);
enum focus_rule week_focus(const struct week *w);
int week_midday(const struct week *w);
int week_next_seq(const struct week *w);
void week_set_next_seq(struct week *w, int seq);
bool week_is_empty(const struct week *w);

/* Blocks, sorted by date, then start, then id. */
size_t week_block_count(const struct week *w);
const struct block *week_block_at(const struct week *w, size_t i);
const struct block *week_block_by_id(const struct week *w, const char *id);
/* Index of the block, or -1. */
long week_block_index(const struct week *w, const char *id);

/*
 * Adds a copy of *b after checking every rule.  A new id is given when
 * b->id is empty; the id is written back to *id_out (MODEL_ID_MAX bytes) if
 * not NULL.
 */
int week_block_add(struct week *w, const struct plan *p, const struct block *b,
		   char *id_out, struct error *err);
/* Adds a block moved in from another week, keeping its id; `old` is its
 * state before the move, so what it kept (an archived industry) stays
 * allowed as it would within one week. */
int week_block_move_in(struct week *w, const struct plan *p, const struct block *b,
		       const struct block *old, struct error *err);
/* Replaces the block with b->id by a copy of *b after checking every rule. */
int week_block_update(struct week *w, const struct plan *p, const struct block *b,
		      struct error *err);
int week_block_remove(struct week *w, const char *id, struct error *err);
/* Inserts a block as loaded, without rules (the loader checks them all at once). */
void week_block_restore(struct week *w, const struct block *b);
/* The same, taking b's strings instead of copying them: b is left without
 * them (block_clear is still safe on it). */
void week_block_restore_take(struct week *w, struct block *b);

/* The industry niche of a day part (0 = none).  Under the day rule only
 * PART_DAY is used; under the half-day rule only PART_AM and PART_PM. */
int week_niche(const struct week *w, date_t day, enum day_part part);
/* The niche that governs a time of day, under the week's rule. */
int week_niche_at(const struct week *w, date_t day, int minute);
/* Sets (industry > 0) or clears (0) a niche, refusing it when prospecting
 * blocks there belong to another industry. */
int week_set_niche(struct week *w, const struct plan *p, date_t day, enum day_part part,
		   int industry, struct error *err);
/* Switches the week's focus rule (and midday), converting its niches;
 * refused when the blocks would break the new rule. */
int week_set_focus(struct week *w, const struct plan *p, enum focus_rule rule, int midday,
		   struct error *err);
/* Loader use: set without checks. */
void week_restore_focus(struct week *w, enum focus_rule rule, int midday);
void week_restore_niche(struct week *w, date_t day, enum day_part part, int industry);

size_t week_session_count(const struct week *w);
const struct session *week_session_at(const struct week *w, size_t i);
void week_session_add(struct week *w, const struct session *s);
/* The same, taking s's interruptions instead of copying them. */
void week_session_take(struct week *w, struct session *s);

size_t week_sale_count(const struct week *w);
const struct sale *week_sale_at(const struct week *w, size_t i);
/* Gives the sale an id when s->id is empty; returns 0 or -1. */
int week_sale_add(struct week *w, const struct sale *s, char *id_out, struct error *err);
int week_sale_remove(struct week *w, const char *id, struct error *err);
/* What the sales of w recorded on block `id` add up to. */
int64_t week_block_sold(const struct week *w, const char *id);

/* Carry-overs declined: blocks of the week before that the user chose not to
 * carry into this week (the review's c, the planning), so they are not
 * offered again.  By id; a block carried after all is taken off. */
size_t week_declined_count(const struct week *w);
const char *week_declined_at(const struct week *w, size_t i);
bool week_carry_declined(const struct week *w, const char *id);
void week_decline_carry(struct week *w, const char *id, bool declined);

size_t week_banner_count(const struct week *w);
const struct banner *week_banner_at(const struct week *w, size_t i);
void week_banner_add(struct week *w, const struct banner *b);
void week_banner_clear_uid(struct week *w, const char *uid);

/* ---- value helpers ---- */
void block_init(struct block *b);          /* zeroed, empty strings, for_quota */
void block_copy(struct block *dst, const struct block *src); /* deep */
void block_clear(struct block *b);         /* frees the strings */
void block_set_title(struct block *b, const char *title);
void block_set_note(struct block *b, const char *note);
void block_set_uid(struct block *b, const char *uid);
int block_minutes(const struct block *b);
/* The week key an id was created in ("2026W49-3" -> 202649), or 0. */
int model_id_week(const char *id);

void session_copy(struct session *dst, const struct session *src);
void session_clear(struct session *s);
void template_clear(struct template *t);
void template_copy(struct template *dst, const struct template *src);
/* The minutes its blocks add up to. */
int template_minutes(const struct template *t);
/* An account's weekly target: its baseline less MODEL_ACCOUNT_CUT percent,
 * to the nearest minute (halves up). */
int64_t model_account_target(int64_t baseline);

#endif
