/* app_install.c - the install id: random letters and digits kept in
 * plan.json, given on a folder's first write (model.h: plan_install). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "app_int.h"
#include "clock.h"

#define INSTALL_LEN 10 /* 36^10: some 3.6e15 ids */

static const char install_alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";

/* Random bytes from the kernel; the clock and pid when it has none. */
static void install_bytes(unsigned char *b, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom(b + got, n - got, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (got < n) {
		uint64_t x = (uint64_t)clock_now_ms() ^ ((uint64_t)getpid() << 32);

		for (size_t i = got; i < n; i++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			b[i] = (unsigned char)(x >> 56);
		}
	}
}

/* A fresh id, or FOCUSWEEK_INSTALL_ID's (for tests: the same id every run). */
static void install_new(char out[MODEL_INSTALL_MAX])
{
	const char *pinned = getenv("FOCUSWEEK_INSTALL_ID");
	unsigned char b[INSTALL_LEN];
	struct plan *probe;

	if (pinned != NULL) {
		probe = plan_new();
		if (plan_set_install(probe, pinned, NULL) == 0) {
			snprintf(out, MODEL_INSTALL_MAX, "%s", pinned);
			plan_free(probe);
			return;
		}
		plan_free(probe);
	}
	install_bytes(b, sizeof b);
	for (size_t i = 0; i < INSTALL_LEN; i++)
		out[i] = install_alphabet[b[i] % (sizeof install_alphabet - 1)];
	out[INSTALL_LEN] = '\0';
}

void app_install_ensure(struct app *app)
{
	char id[MODEL_INSTALL_MAX];
	struct plan *p;

	if (plan_install(app->boot.plan)[0] != '\0' || store_readonly(app->boot.store, NULL))
		return;
	install_new(id);
	p = plan_clone(app->boot.plan);
	if (plan_set_install(p, id, NULL) == 0 && store_save_plan(app->boot.store, p, NULL) == 0) {
		plan_free(app->boot.plan);
		app->boot.plan = p;
		return;
	}
	plan_free(p);
}

void txn_install_ensure(struct app_txn *tx)
{
	char id[MODEL_INSTALL_MAX];

	if (plan_install(txn_plan_now(tx))[0] != '\0')
		return;
	if (tx->plan == NULL) {
		app_install_ensure(tx->app);
		return;
	}
	install_new(id);
	plan_set_install(tx->plan, id, NULL);
}
