/* fuzz_timer.c - libFuzzer target for the timer.json loader.
 *
 * Anything the loader accepts must write back and load again to the same
 * bytes; anything it refuses must say why.  See run.sh and README.md. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *once, *twice;
	struct timer_state t, again;
	struct error err = { 0 };
	size_t n1, n2;
	bool newer;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (codec_timer_read(text, size, "timer.json", &t, &newer, &err) != 0) {
		if (err.code != ERR_DATA || err.msg[0] == '\0')
			abort();
		free(text);
		return 0;
	}
	once = codec_timer_write(&t, &n1);
	if (codec_timer_read(once, n1, "timer.json", &again, &newer, &err) != 0)
		abort();
	twice = codec_timer_write(&again, &n2);
	if (n1 != n2 || memcmp(once, twice, n1) != 0)
		abort();
	free(once);
	free(twice);
	timer_state_clear(&again);
	timer_state_clear(&t);
	free(text);
	return 0;
}
