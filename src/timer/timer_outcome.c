/* timer_outcome.c - ending a block: its outcome, its status, the session log. */
#include <stdio.h>
#include <string.h>

#include "rules.h"
#include "timer.h"
#include "xalloc.h"

enum session_end timer_default_end(const struct timer_state *t, instant_t now)
{
	struct timer_view v;

	timer_view(t, now, &v);
	return v.remaining <= 0 ? SESSION_DONE : SESSION_CUT_SHORT;
}

void timer_session(const struct timer_state *t, enum session_end end, instant_t now,
		   struct session *out)
{
	struct timer_view v;

	timer_view(t, now, &v);
	memset(out, 0, sizeof *out);
	snprintf(out->block, sizeof out->block, "%s", t->block);
	out->started = t->started;
	out->ended = v.at;
	/* A hand-edited file may claim more pause than time passed. */
	out->paused = v.paused < v.at - t->started ? v.paused : v.at - t->started;
	out->extended = t->extended;
	out->end = end;
	out->counted = t->counted;
	if (t->n_interruptions > 0) {
		out->interruptions = xcalloc(t->n_interruptions, sizeof *out->interruptions);
		for (size_t i = 0; i < t->n_interruptions; i++) {
			out->interruptions[i].at = t->interruptions[i].at;
			out->interruptions[i].note = xstrdup(t->interruptions[i].note);
		}
		out->n_interruptions = t->n_interruptions;
	}
}

int timer_check_block(const struct timer_state *t, const struct week *w, struct error *err)
{
	const struct block *b = w != NULL ? week_block_by_id(w, t->block) : NULL;

	if (b == NULL)
		return error_set(err, ERR_NOTFOUND, "the timer was on %s \"%s\", which no longer "
				 "exists", t->block, t->title);
	if (b->status == STATUS_DONE)
		return error_set(err, ERR_NOTFOUND, "the timer was on %s \"%s\", which is already "
				 "done", t->block, b->title);
	return 0;
}

/* Adds one count to another, refusing what would pass the limit. */
static int outcome_add(int64_t *to, int64_t add, int64_t max, const char *what,
		       struct error *err)
{
	if (add < 0 || *to + add > max)
		return error_set(err, ERR_REFUSED, "%s would come to %lld; the most a block "
				 "holds is %lld", what, (long long)(*to + add), (long long)max);
	*to += add;
	return 0;
}

/* The block with its outcome recorded; refuses what breaks a limit. */
static int outcome_apply(struct block *b, const struct timer_outcome *o, struct error *err)
{
	if (outcome_add(&b->out.calls, o->add.calls, MODEL_COUNT_MAX, "calls", err) ||
	    outcome_add(&b->out.conversations, o->add.conversations, MODEL_COUNT_MAX,
			"conversations", err) ||
	    outcome_add(&b->out.meetings, o->add.meetings, MODEL_COUNT_MAX, "meetings", err))
		return -1;
	if (o->note != NULL && o->note[0]) {
		const char *problem = text_check(o->note, MODEL_NOTE_MAX);
		struct buf note = BUF_INIT;

		if (problem != NULL)
			return error_set(err, ERR_USAGE, "the note %s", problem);
		buf_addf(&note, "%s%s%s", b->note, b->note[0] ? "; " : "", o->note);
		if (note.len > MODEL_NOTE_MAX) {
			buf_free(&note);
			return error_set(err, ERR_REFUSED, "the block's note would pass %d bytes; "
					 "write a shorter note", MODEL_NOTE_MAX);
		}
		block_set_note(b, buf_str(&note));
		buf_free(&note);
	}
	if (o->end != SESSION_ABANDONED) {
		b->status = STATUS_DONE;
		b->cut_short = o->end == SESSION_CUT_SHORT;
		b->worked = 0;
	}
	if (o->end != SESSION_ABANDONED && o->minutes > 0) {
		/* The minutes said decide: fewer than planned is cut short. */
		b->worked = o->minutes;
		b->cut_short = o->minutes < block_minutes(b);
	}
	return 0;
}

/* What was sold on b, as a sale of its day, industry and account (the
 * amount checked before: nothing else can refuse it). */
static void outcome_sale(struct week *w, const struct block *b, int64_t sold)
{
	struct sale s = { .date = b->date, .amount = sold, .industry = b->industry,
			  .account = b->account, .note = b->title };

	snprintf(s.block, sizeof s.block, "%s", b->id);
	week_sale_add(w, &s, NULL, NULL);
}

/* Records o on block id of w, checking everything before changing w. */
static int outcome_record(struct week *w, const struct plan *p, const char *id,
			  const struct timer_outcome *o, struct error *err)
{
	const struct block *old = week_block_by_id(w, id);
	struct block b;
	int rc;

	if (old == NULL)
		return error_set(err, ERR_NOTFOUND, "no block with id %s", id);
	if (rules_check_own(old, err) != 0)
		return -1;
	if (o->minutes < 0 || o->minutes > MODEL_WORKED_MAX)
		return error_set(err, ERR_USAGE, "the minutes worked must be 1..%d",
				 MODEL_WORKED_MAX);
	if (o->sold < 0 || o->sold > MODEL_MONEY_MAX)
		return error_set(err, ERR_USAGE, "an amount sold must be 0..%lld", MODEL_MONEY_MAX);
	block_copy(&b, old);
	rc = outcome_apply(&b, o, err);
	if (rc == 0)
		rc = week_block_update(w, p, &b, err);
	if (rc == 0 && o->sold > 0)
		outcome_sale(w, &b, o->sold);
	block_clear(&b);
	return rc;
}

int timer_finish(const struct timer_state *t, struct week *w, const struct plan *p,
		 const struct timer_outcome *o, instant_t now, struct error *err)
{
	struct timer_outcome all = *o;
	struct session s;

	if (timer_clock_ok(now, err) != 0 || timer_check_block(t, w, err) != 0)
		return -1;
	all.add.calls += t->counted.calls;
	all.add.conversations += t->counted.conversations;
	all.add.meetings += t->counted.meetings;
	if (outcome_record(w, p, t->block, &all, err) != 0)
		return -1;
	timer_session(t, o->end, now, &s);
	week_session_add(w, &s);
	session_clear(&s);
	return 0;
}

/* Did a timer run on block id (its runs are the minutes a cut short counts)? */
static bool outcome_timed(const struct week *w, const char *id)
{
	for (size_t i = 0; i < week_session_count(w); i++)
		if (strcmp(week_session_at(w, i)->block, id) == 0)
			return true;
	return false;
}

int timer_record(struct week *w, const struct plan *p, const char *id,
		 const struct timer_outcome *o, struct error *err)
{
	const struct block *b = week_block_by_id(w, id);

	if (b != NULL && b->status == STATUS_DONE)
		return error_set(err, ERR_REFUSED, "%s \"%s\" is already done; nothing was "
				 "changed", id, b->title);
	if (o->end == SESSION_ABANDONED)
		return error_set(err, ERR_USAGE, "only a running timer can be abandoned");
	if (b != NULL && o->end == SESSION_CUT_SHORT && o->minutes == 0 && !outcome_timed(w, id))
		return error_set(err, ERR_USAGE, "%s \"%s\" cut short: say how many minutes it "
				 "really took (--minutes N); no timer ran on it, so nothing "
				 "else says", id, b->title);
	return outcome_record(w, p, id, o, err);
}

int timer_skip(struct week *w, const struct plan *p, const char *id, struct error *err)
{
	const struct block *old = week_block_by_id(w, id);
	struct block b;
	int rc;

	if (old == NULL)
		return error_set(err, ERR_NOTFOUND, "no block with id %s", id);
	if (rules_check_own(old, err) != 0)
		return -1;
	if (old->status == STATUS_DONE)
		return error_set(err, ERR_REFUSED, "%s \"%s\" is already done; it cannot be "
				 "skipped", id, old->title);
	if (old->status == STATUS_SKIPPED)
		return 0;
	block_copy(&b, old);
	b.status = STATUS_SKIPPED;
	rc = week_block_update(w, p, &b, err);
	block_clear(&b);
	return rc;
}
