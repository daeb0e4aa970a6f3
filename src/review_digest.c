/* review_digest.c - a week's figures, kept between reviews. */
#include "review.h"

#include <stdlib.h>

void review_digest_free(struct review_digest *d)
{
	if (d == NULL) return;
	free(d->industries); free(d->accounts); free(d->interruptions);
	free(d->sales); free(d->unfinished); free(d->carried_from); free(d);
}
