/* fuzz_digest.c - libFuzzer target for the digest cache's reader
 * (cache/2026-W49.json, slot length 30).
 *
 * Anything the reader accepts must write back and read again to the same
 * bytes; anything it refuses must say why.  See run.sh and README.md. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"

#define KEY 202649
#define SLOT 30

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *once, *twice, file[CODEC_DIGEST_FILE_MAX];
	struct review_digest *d, *again;
	struct error err = { 0 };
	size_t n1, n2;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (codec_digest_read(text, size, "digest.json", KEY, SLOT, &d, file, &err) != 0) {
		if (err.code != ERR_DATA || err.msg[0] == '\0' || d != NULL)
			abort();
		free(text);
		return 0;
	}
	once = codec_digest_write(d, file, &n1);
	if (codec_digest_read(once, n1, "digest.json", KEY, SLOT, &again, file, &err) != 0)
		abort();
	twice = codec_digest_write(again, file, &n2);
	if (n1 != n2 || memcmp(once, twice, n1) != 0)
		abort();
	free(once);
	free(twice);
	review_digest_free(again);
	review_digest_free(d);
	free(text);
	return 0;
}
