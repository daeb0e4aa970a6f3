/* bench_stats.c - the clock, medians and figures of the benchmark. */
#include "bench.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double bench_median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, bench_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void bench_format(double seconds, char out[16])
{
	if (seconds < 1e-3)
		snprintf(out, 16, "%.1f us", seconds * 1e6);
	else if (seconds < 1)
		snprintf(out, 16, "%.2f ms", seconds * 1e3);
	else
		snprintf(out, 16, "%.2f s", seconds);
}

void bench_path(char *out, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, BENCH_PATH, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= BENCH_PATH) {
		fprintf(stderr, "fwbench: a path is longer than %d bytes\n", BENCH_PATH);
		abort();
	}
}
