/* app_remind.c - the lock and the notes of `focusweek remind`. */
#include "app_remind.h"

#include "app_int.h"

int app_remind_claim(struct app *app, char **state, struct error *err)
{
	return store_claim_remind(app->boot.store, state, err);
}

int app_remind_note(struct app *app, const char *state, struct error *err)
{
	return store_remind_save(app->boot.store, state, err);
}
