/* app_remind.c - the lock and the notes of `focusweek remind`. */
#include "app_remind.h"

#include "app_int.h"

int app_remind_claim(struct app *app, char **state, struct error *err)
{
	/* Its lock lives in the folder: a folder not made yet is made (empty:
	 * the first start is still to come, and is noticed when it comes). */
	*state = NULL;
	if (app->boot.store == NULL && boot_create(&app->boot, err) != 0)
		return -1;
	return store_claim_remind(app->boot.store, state, err);
}

int app_remind_note(struct app *app, const char *state, struct error *err)
{
	return store_remind_save(app->boot.store, state, err);
}
