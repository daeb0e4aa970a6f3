/* fuzz_busy.c - libFuzzer target for the reader of the busy cache's shards
 * (cache/busy-NN.json).
 *
 * Anything the reader accepts must write back and read again to the same
 * bytes; anything it refuses must say why.  See run.sh and README.md. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *once, *twice;
	struct sync_busy_cache *c, *again;
	struct error err = { 0 };
	size_t n1, n2;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (codec_busy_read(text, size, "busy-00.json", &c, &err) != 0) {
		if (err.code != ERR_DATA || err.msg[0] == '\0')
			abort();
		free(text);
		return 0;
	}
	once = codec_busy_write(c, &n1);
	if (codec_busy_read(once, n1, "busy-00.json", &again, &err) != 0)
		abort();
	twice = codec_busy_write(again, &n2);
	if (n1 != n2 || memcmp(once, twice, n1) != 0)
		abort();
	free(once);
	free(twice);
	sync_busy_cache_free(again);
	sync_busy_cache_free(c);
	free(text);
	return 0;
}
