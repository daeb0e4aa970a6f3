/* ics_lines.c - a calendar file as content lines: unfolding, line numbers,
 * and the checks of its shape that libical would let pass silently. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ics_int.h"
#include "text.h"
#include "xalloc.h"

static int lines_fail(struct error *err, int no, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int lines_fail(struct error *err, int no, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return error_set(err, ERR_DATA, "line %d: %s", no, msg);
}

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

bool ics_line_is(const struct ics_lines *l, size_t i, const char *name)
{
	const char *s = ics_line_text(l, i);
	size_t n = strlen(name);

	return strncasecmp(s, name, n) == 0 && (s[n] == ';' || s[n] == ':');
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

/* ---- reading ---- */

struct reader {
	struct ics_lines *l;
	struct buf text;
	bool open;          /* a logical line is being unfolded */
	int stack[ICS_DEPTH_MAX];
	int depth;
	struct error *err;
};

/* Starts a logical line at physical line `no`. */
static void reader_start(struct reader *r, int no)
{
	struct ics_lines *l = r->l;

	l->lines = xgrow(l->lines, &l->cap_lines, l->n_lines + 1, sizeof *l->lines);
	l->lines[l->n_lines].off = r->text.len;
	l->lines[l->n_lines].no = no;
	l->lines[l->n_lines].node = -1;
	l->n_lines++;
	r->open = true;
}

static void reader_close(struct reader *r)
{
	if (r->open)
		buf_add(&r->text, "", 1); /* the NUL that ends it */
	r->open = false;
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
			return lines_fail(r->err, no, "contains a NUL byte; this is not a text file");
		if (n == 0) {
			reader_close(r);
		} else if (p[0] == ' ' || p[0] == '\t') {
			if (!r->open)
				return lines_fail(r->err, no, "a folded line (starting with a space) "
						  "continues nothing");
			buf_add(&r->text, p + 1, n - 1);
		} else {
			reader_close(r);
			reader_start(r, no);
			buf_add(&r->text, p, n);
		}
		if (r->open && r->text.len - r->l->lines[r->l->n_lines - 1].off > ICS_LINE_MAX)
			return lines_fail(r->err, r->l->lines[r->l->n_lines - 1].no,
					  "a content line longer than %u bytes", ICS_LINE_MAX);
		p = nl != NULL ? nl + 1 : end;
	}
	reader_close(r);
	return 0;
}

/* Checks "NAME *(;PARAM=VALUE[,VALUE]) :VALUE"; *value points after the colon. */
static int line_shape(const char *s, int no, const char **value, struct error *err)
{
	size_t n = name_span(s);
	const char *p = s + n;

	if (n == 0)
		return lines_fail(err, no, "expected NAME:VALUE, found \"%.40s\"", s);
	while (*p == ';') {
		size_t pn = name_span(++p);

		if (pn == 0)
			return lines_fail(err, no, "%.*s has a parameter without a name", (int)n, s);
		p += pn;
		if (*p != '=')
			return lines_fail(err, no, "the parameter %.*s of %.*s has no value",
					  (int)pn, p - pn, (int)n, s);
		do {
			p++;
			if (*p == '"') {
				const char *q = strchr(p + 1, '"');

				if (q == NULL)
					return lines_fail(err, no, "a quoted parameter of %.*s is "
							  "never closed", (int)n, s);
				p = q + 1;
			} else {
				p += strcspn(p, ";:,\"");
				if (*p == '"')
					return lines_fail(err, no, "a stray quote in a parameter "
							  "of %.*s", (int)n, s);
			}
		} while (*p == ',');
	}
	if (*p != ':')
		return lines_fail(err, no, "%.*s has no ':' before its value", (int)n, s);
	*value = p + 1;
	return 0;
}

static int line_chars(const char *s, int no, struct error *err)
{
	size_t n = strlen(s);

	if (!text_utf8_valid(s, n))
		return lines_fail(err, no, "is not valid UTF-8; save the calendar as UTF-8");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return lines_fail(err, no, "contains the control character 0x%02X", c);
	}
	return 0;
}

static int reader_begin(struct reader *r, size_t i, const char *name)
{
	struct ics_lines *l = r->l;
	int no = l->lines[i].no;
	struct ics_node *nd;

	if (r->depth == 0 && strcasecmp(name, "VCALENDAR") != 0)
		return lines_fail(r->err, no, "BEGIN:%.31s outside BEGIN:VCALENDAR", name);
	if (r->depth == ICS_DEPTH_MAX)
		return lines_fail(r->err, no, "components nested more than %d deep",
				  ICS_DEPTH_MAX);
	l->nodes = xgrow(l->nodes, &l->cap_nodes, l->n_nodes + 1, sizeof *l->nodes);
	nd = &l->nodes[l->n_nodes];
	for (size_t k = 0; k <= strlen(name); k++)
		nd->name[k] = (char)(name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32 : name[k]);
	nd->parent = r->depth > 0 ? r->stack[r->depth - 1] : -1;
	nd->first = i;
	nd->last = i;
	l->lines[i].node = (int)l->n_nodes;
	r->stack[r->depth++] = (int)l->n_nodes++;
	return 0;
}

static int reader_end(struct reader *r, size_t i, const char *name)
{
	struct ics_lines *l = r->l;
	int no = l->lines[i].no;
	struct ics_node *nd;

	if (r->depth == 0)
		return lines_fail(r->err, no, "END:%.31s without a BEGIN", name);
	nd = &l->nodes[r->stack[r->depth - 1]];
	if (strcasecmp(nd->name, name) != 0)
		return lines_fail(r->err, no, "END:%.31s, but BEGIN:%s on line %d is still open",
				  name, nd->name, l->lines[nd->first].no);
	nd->last = i;
	l->lines[i].node = r->stack[--r->depth];
	return 0;
}

/* One logical line: its characters, its shape, and where it belongs. */
static int reader_line(struct reader *r, size_t i)
{
	const char *s = ics_line_text(r->l, i), *value = NULL;
	int no = r->l->lines[i].no;
	bool begin = ics_line_is(r->l, i, "BEGIN"), end = ics_line_is(r->l, i, "END");

	if (line_chars(s, no, r->err) != 0 || line_shape(s, no, &value, r->err) != 0)
		return -1;
	if (begin || end) {
		size_t n = name_span(value);

		if (s[begin ? 5 : 3] != ':' || n == 0 || value[n] != '\0' || n >= 32)
			return lines_fail(r->err, no, "expected %s:NAME, found \"%.40s\"",
					  begin ? "BEGIN" : "END", s);
		return begin ? reader_begin(r, i, value) : reader_end(r, i, value);
	}
	if (r->depth == 0)
		return lines_fail(r->err, no, "\"%.40s\" is outside BEGIN:VCALENDAR", s);
	r->l->lines[i].node = r->stack[r->depth - 1];
	return 0;
}

int ics_lines_read(struct ics_lines *l, const char *text, size_t len, struct error *err)
{
	struct reader r = { .l = l, .err = err };

	memset(l, 0, sizeof *l);
	if (reader_split(&r, text, text + len) != 0)
		goto fail;
	l->text = buf_take(&r.text);
	for (size_t i = 0; i < l->n_lines; i++)
		if (reader_line(&r, i) != 0)
			goto fail;
	if (r.depth > 0) {
		const struct ics_node *nd = &l->nodes[r.stack[r.depth - 1]];

		lines_fail(err, l->lines[nd->first].no, "BEGIN:%s is never closed (no END:%s)",
			   nd->name, nd->name);
		goto fail;
	}
	if (l->n_nodes == 0) {
		lines_fail(err, 1, "not a calendar file: there is no BEGIN:VCALENDAR");
		goto fail;
	}
	return 0;
fail:
	buf_free(&r.text);
	ics_lines_free(l);
	return -1;
}

void ics_lines_free(struct ics_lines *l)
{
	free(l->text);
	free(l->lines);
	free(l->nodes);
	memset(l, 0, sizeof *l);
}
