/* review_pen.c - the pen the review's panels draw with, and the pieces of
 * text they share. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "review_pen.h"

static bool pen_shows(const struct pen *p)
{
	int y = p->y0 + p->row;

	return y >= p->top && y < p->bottom;
}

int pen_text(struct pen *p, int dx, int w, const char *s, attr_t at)
{
	int tw;

	if (dx < 0 || dx >= p->w || w <= 0)
		return 0;
	if (dx + w > p->w)
		w = p->w - dx;
	if (pen_shows(p))
		return draw_text(p->y0 + p->row, p->x + dx, w, s, at, p->ui->mode);
	tw = text_width(s, p->ui->mode);
	return tw < w ? tw : w;
}


void pen_wrap(struct pen *p, int dx, const char *s, attr_t at, int lines)
{
	int w = p->w - dx;

	for (int row = 0; *s && row < lines; row++) {
		const char *cut = draw_wrap_cut(s, w, p->ui->mode);
		char line[512];

		if (cut == NULL || row == lines - 1 || *cut == '\0') {
			/* A word longer than the row, the last row, or the rest fits. */
			pen_text(p, dx, w, s, at);
			pen_nl(p);
			return;
		}
		snprintf(line, sizeof line, "%.*s", (int)(cut - s), s);
		pen_text(p, dx, w, line, at);
		pen_nl(p);
		s = cut;
		while (*s == ' ')
			s++;
	}
}

void pen_right(struct pen *p, int dx, int w, const char *s, attr_t at)
{
	int tw = text_width(s, p->ui->mode);

	if (tw < w)
		pen_text(p, dx + w - tw, tw, s, at);
	else
		pen_text(p, dx, w, s, at);
}

void pen_bar(struct pen *p, int dx, int cells, int64_t value, int64_t scale)
{
	const struct glyphs *g = p->ui->g;
	int64_t full = scale > 0 ? value * cells / scale : 0;
	struct buf b = BUF_INIT;

	if (cells <= 0)
		return;
	full = full < 0 ? 0 : full > cells ? cells : full;
	buf_repeat(&b, g->bar_full, (int)full);
	pen_text(p, dx, (int)full, buf_str(&b), colors_role(&p->ui->colors, ROLE_BAR));
	buf_reset(&b);
	buf_repeat(&b, g->bar_empty, cells - (int)full);
	pen_text(p, dx + (int)full, cells - (int)full, buf_str(&b),
		 colors_role(&p->ui->colors, ROLE_GRID));
	buf_free(&b);
}

void pen_title(struct pen *p, const char *title)
{
	attr_t at = colors_role(&p->ui->colors, ROLE_TITLE) | A_BOLD;
	int used = pen_text(p, 0, p->w, title, at);

	if (pen_shows(p) && used + 1 < p->w)
		draw_rule(p->y0 + p->row, p->x + used + 1, p->w - used - 1,
			  colors_role(&p->ui->colors, ROLE_GRID), p->ui->mode);
	pen_nl(p);
}

void pen_nl(struct pen *p)
{
	p->row++;
}

const char *pen_pct(const struct pen *p, int pct, char out[16])
{
	if (pct < 0)
		return p->ui->g->none;
	snprintf(out, 16, "%d%%", pct);
	return out;
}

const char *pen_yield(const struct pen *p, int64_t x100, char out[32])
{
	if (x100 < 0)
		return p->ui->g->none;
	snprintf(out, 32, "%lld.%02lld", (long long)(x100 / 100), (long long)(x100 % 100));
	return out;
}

attr_t pen_industry(const struct pen *p, int id)
{
	const struct industry *ind = id ? plan_industry_by_id(tui_plan(p->ui), id) : NULL;

	if (ind == NULL)
		return colors_role(&p->ui->colors, ROLE_NORMAL);
	return colors_industry(&p->ui->colors, ind->color);
}

enum theme_role review_pen_pace(const struct review_quota *q, bool brief, char *out,
				size_t size)
{
	const char *verdict = q->projection >= q->target ? "on pace" : "behind pace";

	if (q->target <= 0) {
		snprintf(out, size, brief ? "Quota: no target" : "Quota: no target set; sold %lld %s",
			 (long long)q->sold, q->currency);
		return ROLE_NORMAL;
	}
	if (q->gap == 0) {
		snprintf(out, size, brief ? "Quota reached" : "Quota reached: %lld of %lld %s",
			 (long long)q->sold, (long long)q->target, q->currency);
		return ROLE_OK;
	}
	if (q->pace < 0)
		snprintf(out, size, "Quota %d%%: %lld %s short as the period ends", q->progress_pct,
			 (long long)q->gap, q->currency);
	else if (brief)
		snprintf(out, size, "Quota %d%%, %s (%lld/wk)", q->progress_pct, verdict,
			 (long long)q->pace);
	else
		snprintf(out, size, "Quota %d%% of %lld %s, need %lld a week: %s", q->progress_pct,
			 (long long)q->target, q->currency, (long long)q->pace, verdict);
	return q->pace >= 0 && q->projection >= q->target ? ROLE_OK : ROLE_WARNING;
}
