/* fuzz_week.c - libFuzzer target for the weeks/YYYY-Www.json loader.
 *
 * The week is read against the starter plan as 2026-W49.  Anything the
 * loader accepts must write back and load again equal, to the same bytes;
 * anything it refuses must say why.  See run.sh and README.md. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "starter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define KEY 202649

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct plan *plan;
	char *text = malloc(size + 1), *once, *twice;
	struct week *w = NULL, *again = NULL;
	struct error err = { 0 };
	size_t n1, n2;
	bool newer;

	if (plan == NULL)
		plan = starter_plan(); /* industries 1-4, accounts 1-2; kept for the run */
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (codec_week_read(text, size, "week.json", plan, KEY, &w, &newer, &err) != 0) {
		if (err.code != ERR_DATA || err.msg[0] == '\0')
			abort();
		free(text);
		return 0;
	}
	once = codec_week_write(w, &n1);
	if (codec_week_read(once, n1, "week.json", plan, KEY, &again, &newer, &err) != 0)
		abort();
	if (!week_equal(w, again))
		abort();
	twice = codec_week_write(again, &n2);
	if (n1 != n2 || memcmp(once, twice, n1) != 0)
		abort();
	free(once);
	free(twice);
	week_free(again);
	week_free(w);
	free(text);
	return 0;
}
