/* fwkill.c - runs a command and kills it with SIGKILL after a random delay.
 *
 *   fwkill MAX_US COMMAND [ARGS...]
 *
 * The delay is uniform in [0, MAX_US) microseconds (FWKILL_SEED seeds it).
 * Exits with the command's exit code if it ended first, 137 when the kill
 * landed, 126/127 when it could not be run.  Used by the kill -9 soak to
 * kill real saves at random points, by pid, never by name.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t seed_state;

static uint64_t next_random(void)
{
	/* splitmix64: good enough to spread delays, and reproducible. */
	uint64_t z = (seed_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static void seed(void)
{
	const char *s = getenv("FWKILL_SEED");
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	seed_state = s != NULL ? strtoull(s, NULL, 10)
			       : (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20);
	seed_state ^= (uint64_t)getpid() << 32;
}

static int status_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
	sigset_t chld;
	struct timespec delay;
	long max_us;
	uint64_t us;
	pid_t pid;
	int status;

	if (argc < 3 || (max_us = strtol(argv[1], NULL, 10)) <= 0) {
		fprintf(stderr, "usage: fwkill MAX_US COMMAND [ARGS...]\n");
		return 2;
	}
	seed();
	us = next_random() % (uint64_t)max_us;
	delay.tv_sec = (time_t)(us / 1000000);
	delay.tv_nsec = (long)(us % 1000000) * 1000;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid = fork();
	if (pid < 0) {
		perror("fwkill: fork");
		return 126;
	}
	if (pid == 0) {
		sigprocmask(SIG_UNBLOCK, &chld, NULL);
		execvp(argv[2], argv + 2);
		fprintf(stderr, "fwkill: cannot run %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	/* Wait for the child or the delay, whichever comes first. */
	while (sigtimedwait(&chld, NULL, &delay) < 0) {
		if (errno == EAGAIN) {
			kill(pid, SIGKILL); /* a zombie ignores it: its own status stands */
			break;
		}
		if (errno != EINTR)
			break;
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			perror("fwkill: waitpid");
			return 126;
		}
	}
	return status_code(status);
}
