/* actions.c - keys to named actions; key names for help and hints. */
#include "actions.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "modal.h"
#include "screens.h"

const struct action_table *const action_tables[] = {
	&week_action_table,
	&review_action_table,
	&focus_action_table,
	&help_action_table,
	&planning_action_table,
	NULL,
};

static bool actions_binds(const struct action *act, struct key k)
{
	if (k.fn) {
		for (int i = 0; i < 3 && act->fns[i]; i++)
			if (act->fns[i] == k.code)
				return true;
		return false;
	}
	for (int i = 0; i < 4 && act->chars[i]; i++)
		if (act->chars[i] == k.code)
			return true;
	return false;
}

const struct action *actions_find(enum tui_context ctx, struct key k)
{
	for (size_t t = 0; action_tables[t] != NULL; t++) {
		if (!(action_tables[t]->ctx & ctx))
			continue;
		for (const struct action *act = action_tables[t]->actions; act->name; act++)
			if (actions_binds(act, k))
				return act;
	}
	return NULL;
}

unsigned actions_dispatch(struct tui *ui, struct key k)
{
	const struct action *act;

	if (ui->modal != NULL)
		return modal_key(ui, k);
	act = actions_find(ui->context, k);
	if (act == NULL) {
		char name[32];

		if (k.fn && k.code == KEY_RESIZE)
			return TUI_REDRAW;
		actions_key_name(k, ui->mode, name, sizeof name);
		tui_message(ui, ROLE_STATUS, "%s does nothing here; ? shows the keys", name);
		return TUI_REDRAW;
	}
	return act->run(ui);
}

void actions_key_name(struct key k, enum text_mode mode, char *out, size_t size)
{
	static const struct {
		int code;
		const char *utf8, *ascii;
	} fn_names[] = {
		{ KEY_UP, "\xe2\x86\x91", "Up" },      { KEY_DOWN, "\xe2\x86\x93", "Down" },
		{ KEY_LEFT, "\xe2\x86\x90", "Left" },  { KEY_RIGHT, "\xe2\x86\x92", "Right" },
		{ KEY_NPAGE, "PgDn", "PgDn" },         { KEY_PPAGE, "PgUp", "PgUp" },
		{ KEY_HOME, "Home", "Home" },          { KEY_END, "End", "End" },
		{ KEY_DC, "Del", "Del" },              { KEY_BACKSPACE, "BkSp", "BkSp" },
		{ KEY_ENTER, "Enter", "Enter" },       { KEY_BTAB, "S-Tab", "S-Tab" },
		{ KEY_F(1), "F1", "F1" },
	};

	if (k.fn) {
		for (size_t i = 0; i < sizeof fn_names / sizeof fn_names[0]; i++)
			if (fn_names[i].code == k.code) {
				snprintf(out, size, "%s", mode == TEXT_UTF8 ? fn_names[i].utf8
									    : fn_names[i].ascii);
				return;
			}
		snprintf(out, size, "key %d", k.code);
		return;
	}
	switch (k.code) {
	case ' ':
		snprintf(out, size, "Space");
		return;
	case '\r':
	case '\n':
		snprintf(out, size, "Enter");
		return;
	case KEY_ESC:
		snprintf(out, size, "Esc");
		return;
	case '\t':
		snprintf(out, size, "Tab");
		return;
	case KEY_DEL_CHAR:
		snprintf(out, size, "BkSp");
		return;
	default:
		break;
	}
	if (k.code > 0 && k.code < 32) {
		snprintf(out, size, "^%c", k.code + '@');
		return;
	}
	if (mode == TEXT_ASCII && k.code >= TEXT_ASCII_END) {
		snprintf(out, size, "?");
		return;
	}
	{
		char mb[8];
		mbstate_t st = { 0 };
		size_t n = wcrtomb(mb, (wchar_t)k.code, &st);

		snprintf(out, size, "%.*s", n == (size_t)-1 ? 1 : (int)n, n == (size_t)-1 ? "?" : mb);
	}
}

void actions_keys_label(const struct action *act, enum text_mode mode, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (int i = 0; i < 4 && act->chars[i] && len < size; i++) {
		char name[32];

		/* "\r" and "\n" both mean Enter: name it once. */
		if (act->chars[i] == '\n' && i > 0 && act->chars[i - 1] == '\r')
			continue;
		actions_key_name((struct key){ act->chars[i], false }, mode, name, sizeof name);
		len += (size_t)snprintf(out + len, size - len, "%s%s", len ? " " : "", name);
	}
	for (int i = 0; i < 3 && act->fns[i] && len < size; i++) {
		char name[32];

		if (act->fns[i] == KEY_ENTER && strstr(out, "Enter"))
			continue;
		actions_key_name((struct key){ act->fns[i], true }, mode, name, sizeof name);
		len += (size_t)snprintf(out + len, size - len, "%s%s", len ? " " : "", name);
	}
}

unsigned actions_help(struct tui *ui)
{
	return screen_help(ui);
}

unsigned actions_repaint(struct tui *ui)
{
	(void)ui;
	return TUI_REPAINT | TUI_REDRAW;
}
