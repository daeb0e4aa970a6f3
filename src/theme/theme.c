/* theme.c - colour roles and the built-in theme. */
#include "theme.h"

#include <string.h>

static const char *const role_names[ROLE_COUNT] = {
	[ROLE_NORMAL] = "normal",
	[ROLE_HEADER] = "header",
	[ROLE_QUESTION] = "question",
	[ROLE_STATUS] = "status",
	[ROLE_HINT] = "hint",
	[ROLE_HINT_KEY] = "hint-key",
	[ROLE_RULER] = "ruler",
	[ROLE_GRID] = "grid",
	[ROLE_DAY] = "day",
	[ROLE_TODAY] = "today",
	[ROLE_NOW] = "now",
	[ROLE_CURSOR] = "cursor",
	[ROLE_SELECTED] = "selected",
	[ROLE_BLOCK] = "block",
	[ROLE_BLOCK_ACCOUNT] = "block-account",
	[ROLE_BLOCK_MEETING] = "block-meeting",
	[ROLE_BLOCK_DONE] = "block-done",
	[ROLE_BLOCK_SKIPPED] = "block-skipped",
	[ROLE_NOT_QUOTA] = "not-quota",
	[ROLE_BANNER] = "banner",
	[ROLE_TIMER] = "timer",
	[ROLE_PAUSED] = "paused",
	[ROLE_OVERTIME] = "overtime",
	[ROLE_BAR] = "bar",
	[ROLE_OK] = "ok",
	[ROLE_WARNING] = "warning",
	[ROLE_ERROR] = "error",
	[ROLE_TITLE] = "title",
	[ROLE_DIALOG] = "dialog",
	[ROLE_INPUT] = "input",
	[ROLE_HELP] = "help",
	[ROLE_HELP_KEY] = "help-key",
};

const char *theme_role_name(enum theme_role role)
{
	return role < ROLE_COUNT ? role_names[role] : NULL;
}

int theme_role_parse(const char *name, enum theme_role *out)
{
	for (int i = 0; i < ROLE_COUNT; i++) {
		if (strcmp(role_names[i], name) == 0) {
			*out = (enum theme_role)i;
			return 0;
		}
	}
	return -1;
}

#define S(f, b, a) { (f), (b), (a) }
#define D THEME_DEFAULT_COLOR

void theme_builtin(struct theme *t)
{
	/* Industry blocks: dark text on a mid colour, distinct in 8 colours too. */
	static const struct theme_style palette[MODEL_COLOR_MAX] = {
		S(0, 6, 0),   S(0, 3, 0),   S(0, 5, 0),   S(0, 2, 0),
		S(0, 4, 0),   S(0, 1, 0),   S(0, 7, 0),   S(7, 8, 0),
		S(0, 80, 0),  S(0, 179, 0), S(0, 141, 0), S(0, 114, 0),
		S(0, 75, 0),  S(0, 210, 0), S(0, 252, 0), S(0, 216, 0),
	};
	static const struct theme_style roles[ROLE_COUNT] = {
		[ROLE_NORMAL] = S(D, D, 0),
		[ROLE_HEADER] = S(7, 4, THEME_BOLD),
		[ROLE_QUESTION] = S(3, 4, THEME_BOLD),
		[ROLE_STATUS] = S(7, 8, 0),
		[ROLE_HINT] = S(7, 8, 0),
		[ROLE_HINT_KEY] = S(3, 8, THEME_BOLD),
		[ROLE_RULER] = S(6, D, 0),
		[ROLE_GRID] = S(8, D, 0),
		[ROLE_DAY] = S(D, D, THEME_BOLD),
		[ROLE_TODAY] = S(3, D, THEME_BOLD | THEME_UNDERLINE),
		[ROLE_NOW] = S(1, D, THEME_BOLD),
		[ROLE_CURSOR] = S(0, 7, 0),
		[ROLE_SELECTED] = S(D, D, THEME_REVERSE | THEME_BOLD),
		[ROLE_BLOCK] = S(0, 7, 0),
		[ROLE_BLOCK_ACCOUNT] = S(7, 4, 0),
		[ROLE_BLOCK_MEETING] = S(7, 8, THEME_ITALIC),
		[ROLE_BLOCK_DONE] = S(2, D, THEME_BOLD),
		[ROLE_BLOCK_SKIPPED] = S(8, D, THEME_DIM),
		[ROLE_NOT_QUOTA] = S(1, D, THEME_BOLD),
		[ROLE_BANNER] = S(0, 3, 0),
		[ROLE_TIMER] = S(2, D, THEME_BOLD),
		[ROLE_PAUSED] = S(3, D, THEME_BOLD),
		[ROLE_OVERTIME] = S(1, D, THEME_BOLD),
		[ROLE_BAR] = S(2, D, 0),
		[ROLE_OK] = S(2, D, 0),
		[ROLE_WARNING] = S(3, D, THEME_BOLD),
		[ROLE_ERROR] = S(1, D, THEME_BOLD),
		[ROLE_TITLE] = S(D, D, THEME_BOLD),
		[ROLE_DIALOG] = S(D, D, 0),
		[ROLE_INPUT] = S(D, D, THEME_UNDERLINE),
		[ROLE_HELP] = S(D, D, 0),
		[ROLE_HELP_KEY] = S(3, D, THEME_BOLD),
	};

	memset(t, 0, sizeof *t);
	strcpy(t->name, "default");
	strcpy(t->description, "dark, the built-in look");
	memcpy(t->role, roles, sizeof roles);
	memcpy(t->industry, palette, sizeof palette);
}

#define B THEME_BOLD
#define DI THEME_DIM
#define U THEME_UNDERLINE
#define R THEME_REVERSE
#define I THEME_ITALIC
#define M(a) { D, D, (a) }

void theme_builtin_mono(struct theme *t)
{
	/* Blocks are reversed so they stand out from empty slots; industries
	 * differ by attribute as far as attributes go, then by letter. */
	static const struct theme_style palette[MODEL_COLOR_MAX] = {
		M(R),         M(R | B),     M(R | U),     M(R | B | U),
		M(R | I),     M(R | B | I), M(R | U | I), M(R | DI),
		M(U),         M(B | U),     M(U | I),     M(B | U | I),
		M(B),         M(I),         M(B | I),     M(DI | U),
	};
	static const struct theme_style roles[ROLE_COUNT] = {
		[ROLE_NORMAL] = M(0),
		[ROLE_HEADER] = M(R | B),
		[ROLE_QUESTION] = M(B),
		[ROLE_STATUS] = M(R),
		[ROLE_HINT] = M(R),
		[ROLE_HINT_KEY] = M(R | B),
		[ROLE_RULER] = M(0),
		[ROLE_GRID] = M(DI),
		[ROLE_DAY] = M(B),
		[ROLE_TODAY] = M(B | U),
		[ROLE_NOW] = M(B),
		[ROLE_CURSOR] = M(R),
		[ROLE_SELECTED] = M(R | B),
		[ROLE_BLOCK] = M(R),
		[ROLE_BLOCK_ACCOUNT] = M(R | U),
		[ROLE_BLOCK_MEETING] = M(U | I),
		[ROLE_BLOCK_DONE] = M(B),
		[ROLE_BLOCK_SKIPPED] = M(DI),
		[ROLE_NOT_QUOTA] = M(B),
		[ROLE_BANNER] = M(R),
		[ROLE_TIMER] = M(B),
		[ROLE_PAUSED] = M(U),
		[ROLE_OVERTIME] = M(R | B),
		[ROLE_BAR] = M(R),
		[ROLE_OK] = M(B),
		[ROLE_WARNING] = M(B | U),
		[ROLE_ERROR] = M(R | B),
		[ROLE_TITLE] = M(B),
		[ROLE_DIALOG] = M(0),
		[ROLE_INPUT] = M(U),
		[ROLE_HELP] = M(0),
		[ROLE_HELP_KEY] = M(B),
	};

	memset(t, 0, sizeof *t);
	strcpy(t->name, "mono");
	strcpy(t->description, "no colour: attributes only");
	memcpy(t->role, roles, sizeof roles);
	memcpy(t->industry, palette, sizeof palette);
}

bool theme_equal(const struct theme *a, const struct theme *b)
{
	return strcmp(a->name, b->name) == 0 && strcmp(a->description, b->description) == 0 &&
	       a->light == b->light && memcmp(a->role, b->role, sizeof a->role) == 0 &&
	       memcmp(a->industry, b->industry, sizeof a->industry) == 0;
}

char theme_industry_letter(int slot)
{
	return slot >= 1 && slot <= MODEL_COLOR_MAX ? (char)('A' + slot - 1) : '?';
}

char theme_industry_fill(int slot)
{
	static const char fills[MODEL_COLOR_MAX + 1] = " .:-=+~/\\|*o#%^x";

	return slot >= 1 && slot <= MODEL_COLOR_MAX ? fills[slot - 1] : '?';
}

static bool theme_name_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool theme_name_valid(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > THEME_NAME_MAX || !theme_name_alnum(name[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!theme_name_alnum(name[i]) && name[i] != '-' && name[i] != '_')
			return false;
	return true;
}
