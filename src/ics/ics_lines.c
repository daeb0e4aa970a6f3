/* ics_lines.c - a calendar file as content lines: unfolding, line numbers,
 * and the checks of its shape that libical would let pass silently.  A line
 * that fails them is left out (and noted, or kept as the fault of its
 * event); only text that is no calendar at all is refused. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ics_int.h"
#include "text.h"
#include "xalloc.h"

#define LINE_WHY_MAX 200  /* bytes of why a line was left out */
#define SHOWN_MAX 40      /* bytes of a line quoted in a message */

/* The properties that decide when an event is busy: one that cannot be read
 * keeps its event from being imported. */
static const char *const time_props[] = {
	"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID",
	"STATUS", "TRANSP", "X-MICROSOFT-CDO-BUSYSTATUS",
};

const char *ics_line_text(const struct ics_lines *l, size_t i)
{
	return l->text + l->lines[i].off;
}

static size_t name_span(const char *s)
{
	size_t n = 0;

	while ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z') ||
	       (s[n] >= '0' && s[n] <= '9') || s[n] == '-')
		n++;
	return n;
}

static bool name_is(const char *s, const char *name)
{
	size_t n = strlen(name);

	return strncasecmp(s, name, n) == 0 && (s[n] == ';' || s[n] == ':');
}

bool ics_line_is(const struct ics_lines *l, size_t i, const char *name)
{
	return name_is(ics_line_text(l, i), name);
}

bool ics_prop_is_time(const char *line)
{
	size_t n = name_span(line);

	for (size_t k = 0; k < sizeof time_props / sizeof time_props[0]; k++)
		if (strlen(time_props[k]) == n && strncasecmp(line, time_props[k], n) == 0)
			return true;
	return false;
}

long ics_lines_find(const struct ics_lines *l, int node, const char *name)
{
	const struct ics_node *nd = &l->nodes[node];

	for (size_t i = nd->first + 1; i < nd->last; i++)
		if (l->lines[i].node == node && ics_line_is(l, i, name))
			return (long)i;
	return -1;
}

int ics_lines_no(const struct ics_lines *l, int node, const char *name)
{
	long i = ics_lines_find(l, node, name);

	return l->lines[i >= 0 ? (size_t)i : l->nodes[node].first].no;
}

void ics_node_fault(struct ics_lines *l, int node, int no, const char *fmt, ...)
{
	struct ics_node *nd = &l->nodes[node];
	char why[LINE_WHY_MAX * 2];
	va_list ap;

	if (nd->fault != NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	nd->fault = xstrdup(why);
	nd->fault_line = no;
}

/* ---- the shape of a line ---- */

/* Checks "NAME *(;PARAM=VALUE[,VALUE]) :VALUE"; *value points after the
 * colon.  On failure why says what is wrong. */
static bool line_shape(const char *s, const char **value, char *why, size_t size)
{
	size_t n = name_span(s);
	const char *p = s + n;

	if (n == 0) {
		snprintf(why, size, "expected NAME:VALUE, found \"%.*s\"", SHOWN_MAX, s);
		return false;
	}
	while (*p == ';') {
		size_t pn = name_span(++p);

		if (pn == 0) {
			snprintf(why, size, "%.*s has a parameter without a name", (int)n, s);
			return false;
		}
		p += pn;
		if (*p != '=') {
			snprintf(why, size, "the parameter %.*s of %.*s has no value", (int)pn, p - pn,
				 (int)n, s);
			return false;
		}
		do {
			p++;
			if (*p == '"') {
				const char *q = strchr(p + 1, '"');

				if (q == NULL) {
					snprintf(why, size, "a quoted parameter of %.*s is never "
						 "closed", (int)n, s);
					return false;
				}
				p = q + 1;
			} else {
				p += strcspn(p, ";:,\"");
				if (*p == '"') {
					snprintf(why, size, "a stray quote in a parameter of %.*s",
						 (int)n, s);
					return false;
				}
			}
		} while (*p == ',');
	}
	if (*p != ':') {
		snprintf(why, size, "%.*s has no ':' before its value", (int)n, s);
		return false;
	}
	*value = p + 1;
	return true;
}

const char *ics_line_value(const struct ics_lines *l, size_t i)
{
	const char *value = "";
	char why[LINE_WHY_MAX];

	line_shape(ics_line_text(l, i), &value, why, sizeof why);
	return value;
}

static bool line_chars(const char *s, char *why, size_t size)
{
	size_t n = strlen(s);

	if (!text_utf8_valid(s, n)) {
		snprintf(why, size, "is not valid UTF-8; save the calendar as UTF-8");
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f) {
			snprintf(why, size, "contains the control character 0x%02X", c);
			return false;
		}
	}
	return true;
}

/* ---- reading ---- */

struct reader {
	struct ics_lines *l;
	struct ics_calendar *cal; /* where notes go */
	struct buf text;
	bool open;          /* a logical line is being unfolded */
	int stack[ICS_DEPTH_MAX];
	int depth;
	int skip_depth;     /* > 0: inside a component that is left out */
	int flat;           /* VCALENDARs open inside the calendar, read as part of it */
	struct error *err;
};

static void reader_note(struct reader *r, int no, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void reader_note(struct reader *r, int no, const char *fmt, ...)
{
	char why[LINE_WHY_MAX * 2];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	ics_note_add(r->cal, ICS_NOTE_IGNORED, no, NULL, "%s", why);
}

/* Starts a logical line at physical line `no`. */
static void reader_start(struct reader *r, int no)
{
	struct ics_lines *l = r->l;

	l->lines = xgrow(l->lines, &l->cap_lines, l->n_lines + 1, sizeof *l->lines);
	l->lines[l->n_lines].off = r->text.len;
	l->lines[l->n_lines].no = no;
	l->lines[l->n_lines].node = -1;
	l->lines[l->n_lines].cut = false;
	l->n_lines++;
	r->open = true;
}

static void reader_close(struct reader *r)
{
	if (r->open)
		buf_add(&r->text, "", 1); /* the NUL that ends it */
	r->open = false;
}

/* Adds a physical line's text to the logical line being unfolded; past
 * ICS_LINE_MAX the line is cut to nothing (and noted as it is read). */
static void reader_add(struct reader *r, const char *p, size_t n)
{
	struct ics_line *line = &r->l->lines[r->l->n_lines - 1];

	if (line->cut)
		return;
	if (r->text.len - line->off + n > ICS_LINE_MAX) {
		/* Its beginning is kept, to name it. */
		size_t had = r->text.len - line->off;

		line->cut = true;
		if (had > SHOWN_MAX)
			r->text.len = line->off + SHOWN_MAX;
		else
			buf_add(&r->text, p, SHOWN_MAX - had < n ? SHOWN_MAX - had : n);
		return;
	}
	buf_add(&r->text, p, n);
}

/* Splits the file into logical lines, unfolding continuation lines. */
static int reader_split(struct reader *r, const char *p, const char *end)
{
	int no = 0;

	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl != NULL ? nl : end) - p);

		no++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (memchr(p, '\0', n) != NULL)
			return error_set(r->err, ERR_DATA, "line %d: contains a NUL byte; this is "
					 "not a text file", no);
		if (n == 0) {
			reader_close(r);
		} else if ((p[0] == ' ' || p[0] == '\t') && r->open) {
			reader_add(r, p + 1, n - 1);
		} else if (p[0] == ' ' || p[0] == '\t') {
			/* Continues nothing: an indented line (a calendar pasted with
			 * its indentation), read without its blanks. */
			size_t k = strspn(p, " \t");

			reader_note(r, no, "a line starting with blanks continues nothing: read "
				    "without them");
			reader_close(r);
			reader_start(r, no);
			reader_add(r, p + (k < n ? k : n), k < n ? n - k : 0);
		} else {
			reader_close(r);
			reader_start(r, no);
			reader_add(r, p, n);
		}
		p = nl != NULL ? nl + 1 : end;
	}
	reader_close(r);
	return 0;
}

/* ---- components ---- */

static int reader_top(const struct reader *r)
{
	return r->depth > 0 ? r->stack[r->depth - 1] : -1;
}

static void feed_add(struct ics_lines *l, size_t line, int end_of)
{
	l->feed = xgrow(l->feed, &l->cap_feed, l->n_feed + 1, sizeof *l->feed);
	l->feed[l->n_feed].line = line;
	l->feed[l->n_feed].end_of = end_of;
	l->n_feed++;
}

/* The VEVENT or VTIMEZONE a line of `node` bears on, or -1. */
static int fault_owner(const struct ics_lines *l, int node, bool time_prop)
{
	for (int n = node; n >= 0; n = l->nodes[n].parent) {
		if (strcmp(l->nodes[n].name, "VTIMEZONE") == 0)
			return n;
		if (strcmp(l->nodes[n].name, "VEVENT") == 0)
			return n == node && time_prop ? n : -1;
	}
	return -1;
}

/* A line that cannot be read: the fault of its event or zone when it bears
 * on time there, else a note. */
static void reader_bad(struct reader *r, size_t i, const char *why)
{
	struct ics_lines *l = r->l;
	const char *s = ics_line_text(l, i);
	int no = l->lines[i].no, owner;

	if (r->skip_depth > 0)
		return;
	owner = r->depth > 0 ? fault_owner(l, reader_top(r), ics_prop_is_time(s)) : -1;
	if (owner >= 0)
		ics_node_fault(l, owner, no, "\"%.*s\" cannot be read: %s", SHOWN_MAX, s, why);
	else
		reader_note(r, no, "\"%.*s\" cannot be read: %s", SHOWN_MAX, s, why);
}

/* A component the file never closes, closed at line index i. */
static void reader_unclosed(struct reader *r, size_t i)
{
	struct ics_lines *l = r->l;
	int node = r->stack[--r->depth];
	struct ics_node *nd = &l->nodes[node];
	int no = l->lines[nd->first].no;

	nd->last = i;
	feed_add(l, i, node);
	if (strcmp(nd->name, "VEVENT") == 0 || strcmp(nd->name, "VTIMEZONE") == 0)
		ics_node_fault(l, node, no, "BEGIN:%s is never closed (no END:%s)", nd->name,
			       nd->name);
	else if (strcmp(nd->name, "VCALENDAR") == 0)
		reader_note(r, no, "BEGIN:VCALENDAR is never closed (no END:VCALENDAR); read "
			    "to the end of the file");
}

static void reader_begin(struct reader *r, size_t i, const char *name)
{
	struct ics_lines *l = r->l;
	int no = l->lines[i].no;
	struct ics_node *nd;

	if (r->skip_depth == 0 && r->depth > 0 && strcasecmp(name, "VCALENDAR") == 0) {
		r->flat++; /* its contents are read as the outer calendar's */
		reader_note(r, no, "BEGIN:VCALENDAR inside a VCALENDAR: its events are read as "
			    "the outer calendar's");
		return;
	}
	if (r->skip_depth > 0 || (r->depth == 0 && strcasecmp(name, "VCALENDAR") != 0) ||
	    r->depth == ICS_DEPTH_MAX) {
		if (r->skip_depth++ > 0)
			return;
		if (r->depth == 0)
			reader_note(r, no, "BEGIN:%.31s outside BEGIN:VCALENDAR: left out up to "
				    "its END", name);
		else
			reader_note(r, no, "BEGIN:%.31s nested more than %d deep: left out up "
				    "to its END", name, ICS_DEPTH_MAX);
		return;
	}
	l->nodes = xgrow(l->nodes, &l->cap_nodes, l->n_nodes + 1, sizeof *l->nodes);
	nd = &l->nodes[l->n_nodes];
	memset(nd, 0, sizeof *nd);
	for (size_t k = 0; k <= strlen(name); k++)
		nd->name[k] = (char)(name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32 : name[k]);
	nd->parent = reader_top(r);
	nd->first = i;
	nd->last = i;
	l->lines[i].node = (int)l->n_nodes;
	feed_add(l, i, -1);
	r->stack[r->depth++] = (int)l->n_nodes++;
}

/* Is this the name of a component RFC 5545 or its extensions define? */
static bool component_known(const char *name)
{
	static const char *const known[] = {
		"VCALENDAR", "VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE", "STANDARD",
		"DAYLIGHT", "VALARM", "VAVAILABILITY", "AVAILABLE", "VLOCATION", "VRESOURCE",
		"PARTICIPANT", "VPOLL", "VVOTER",
	};

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcasecmp(name, known[i]) == 0)
			return true;
	return false;
}

/* The open component named `name`, counted from the top, or -1. */
static int reader_open_at(const struct reader *r, const char *name)
{
	for (int k = r->depth - 1; k >= 0; k--)
		if (strcasecmp(r->l->nodes[r->stack[k]].name, name) == 0)
			return k;
	return -1;
}

static void reader_end(struct reader *r, size_t i, const char *name)
{
	struct ics_lines *l = r->l;
	int no = l->lines[i].no, at;

	if (r->skip_depth > 0) {
		r->skip_depth--;
		return;
	}
	if (r->flat > 0 && strcasecmp(name, "VCALENDAR") == 0 && r->depth > 0 &&
	    strcmp(l->nodes[reader_top(r)].name, "VCALENDAR") == 0) {
		r->flat--; /* the end of a VCALENDAR read as part of the one around it */
		return;
	}
	at = reader_open_at(r, name);
	if (at < 0 && r->depth > 1 && !component_known(name)) {
		/* A misspelt END ("END:VTOOD") ends the component open inside the
		 * calendar, as a reader that ignores the name does; a stray END of a
		 * component that is not open is left out. */
		const struct ics_node *top = &l->nodes[reader_top(r)];

		reader_note(r, no, "END:%.31s, but BEGIN:%s on line %d is open: taken as its END",
			    name, top->name, l->lines[top->first].no);
		at = r->depth - 1;
	} else if (at < 0) {
		reader_note(r, no, "END:%.31s without its BEGIN", name);
		return;
	}
	while (r->depth - 1 > at)
		reader_unclosed(r, i);
	l->nodes[r->stack[at]].last = i;
	l->lines[i].node = r->stack[--r->depth];
	feed_add(l, i, -1);
}

/* An RRULE as some writers spoil it: "RRULE:RRULE:FREQ=...", or a part
 * without "=" ("RRULE:AnythingRandom;FREQ=WEEKLY").  What is not a rule
 * is taken out (the line only gets shorter) and noted. */
static void reader_rrule(struct reader *r, size_t i, char *value)
{
	int no = r->l->lines[i].no;
	char *p = value, *out = value;

	if (strncasecmp(value, "RRULE:", strlen("RRULE:")) == 0) {
		reader_note(r, no, "the RRULE's value begins with a second \"RRULE:\": read "
			    "without it");
		p += strlen("RRULE:");
	}
	while (*p != '\0') {
		size_t n = strcspn(p, ";");

		if (memchr(p, '=', n) == NULL && n > 0) {
			reader_note(r, no, "\"%.*s\" in the RRULE is no part of a rule: left out",
				    (int)(n < SHOWN_MAX ? n : SHOWN_MAX), p);
		} else if (n > 0) {
			if (out != value)
				*out++ = ';';
			memmove(out, p, n);
			out += n;
		}
		p += n + (p[n] == ';');
	}
	*out = '\0';
}

/* One logical line: its characters, its shape, and where it belongs. */
static void reader_line(struct reader *r, size_t i)
{
	const char *s = ics_line_text(r->l, i), *value = NULL;
	char why[LINE_WHY_MAX];
	bool begin = ics_line_is(r->l, i, "BEGIN"), end = ics_line_is(r->l, i, "END");

	if (r->l->lines[i].cut) {
		snprintf(why, sizeof why, "longer than %u bytes", ICS_LINE_MAX);
		reader_bad(r, i, why);
		return;
	}
	if (!line_chars(s, why, sizeof why) || !line_shape(s, &value, why, sizeof why)) {
		reader_bad(r, i, why);
		return;
	}
	if (begin || end) {
		size_t n = name_span(value);

		if (s[begin ? 5 : 3] != ':' || n == 0 || value[n] != '\0' || n >= 32)
			reader_bad(r, i, begin ? "expected BEGIN:NAME" : "expected END:NAME");
		else if (begin)
			reader_begin(r, i, value);
		else
			reader_end(r, i, value);
		return;
	}
	if (r->skip_depth > 0)
		return;
	if (r->depth == 0) {
		reader_note(r, r->l->lines[i].no, "\"%.*s\" is outside BEGIN:VCALENDAR", SHOWN_MAX,
			    s);
		return;
	}
	if (name_is(s, "RRULE") && strcmp(r->l->nodes[reader_top(r)].name, "VEVENT") == 0)
		reader_rrule(r, i, r->l->text + r->l->lines[i].off + (size_t)(value - s));
	r->l->lines[i].node = reader_top(r);
	feed_add(r->l, i, -1);
}

static int reader_finish(struct reader *r, struct error *err)
{
	struct ics_lines *l = r->l;

	while (r->depth > 0)
		reader_unclosed(r, l->n_lines);
	for (size_t k = 0; k < l->n_nodes; k++)
		if (l->nodes[k].parent < 0)
			return 0;
	return error_set(err, ERR_DATA, "line 1: not a calendar file: there is no "
			 "BEGIN:VCALENDAR");
}

int ics_lines_read(struct ics_lines *l, const char *text, size_t len, struct ics_calendar *cal,
		   struct error *err)
{
	struct reader r = { .l = l, .cal = cal, .err = err };

	memset(l, 0, sizeof *l);
	if (reader_split(&r, text, text + len) != 0) {
		buf_free(&r.text);
		ics_lines_free(l);
		return -1;
	}
	l->text = buf_take(&r.text);
	if (l->text == NULL)
		l->text = xstrdup("");
	for (size_t i = 0; i < l->n_lines; i++)
		reader_line(&r, i);
	if (reader_finish(&r, err) != 0) {
		ics_lines_free(l);
		return -1;
	}
	return 0;
}

void ics_lines_free(struct ics_lines *l)
{
	for (size_t i = 0; i < l->n_nodes; i++)
		free(l->nodes[i].fault);
	free(l->text);
	free(l->lines);
	free(l->nodes);
	free(l->feed);
	memset(l, 0, sizeof *l);
}
