/* fuzz_sync.c - libFuzzer target for the sync.json loader.
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
	struct sync_state *s, *again;
	struct error err = { 0 };
	size_t n1, n2;
	bool newer;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (codec_sync_read(text, size, "sync.json", &s, &newer, &err) != 0) {
		if (err.code != ERR_DATA || err.msg[0] == '\0')
			abort();
		free(text);
		return 0;
	}
	once = codec_sync_write(s, &n1);
	if (codec_sync_read(once, n1, "sync.json", &again, &newer, &err) != 0)
		abort();
	twice = codec_sync_write(again, &n2);
	if (n1 != n2 || memcmp(once, twice, n1) != 0)
		abort();
	free(once);
	free(twice);
	sync_state_free(again);
	sync_state_free(s);
	free(text);
	return 0;
}
