/* fuzz_plan.c - libFuzzer target for the plan.json loader.
 *
 * Anything the loader accepts must write back and load again to the same
 * bytes (a save and a reload change nothing); anything it refuses must say
 * why.  Sanitizers catch the rest.  See run.sh and README.md. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *once, *twice;
	struct plan *p = NULL, *again = NULL;
	struct error err = { 0 };
	size_t n1, n2;
	bool newer;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (codec_plan_read(text, size, "plan.json", &p, &newer, &err) != 0) {
		if (err.code != ERR_DATA || err.msg[0] == '\0')
			abort(); /* refused without saying why */
		free(text);
		return 0;
	}
	once = codec_plan_write(p, &n1);
	if (codec_plan_read(once, n1, "plan.json", &again, &newer, &err) != 0)
		abort(); /* what we write we must read */
	twice = codec_plan_write(again, &n2);
	if (n1 != n2 || memcmp(once, twice, n1) != 0)
		abort(); /* a save and a reload changed the plan */
	free(once);
	free(twice);
	plan_free(again);
	plan_free(p);
	free(text);
	return 0;
}
