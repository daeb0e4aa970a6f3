#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time from its seed corpus.
#
#   run.sh path/to/fuzz_NAME SEED_DIR [SECONDS]
#
# SECONDS defaults to $FOCUSWEEK_FUZZ_SECONDS, else 30.  Each input must be
# done within $FOCUSWEEK_FUZZ_TIMEOUT seconds (10): a slower one is a
# failure (libFuzzer's -timeout), kept as ./timeout-*.  The words of the
# target's format come from NAME.dict beside this script (fuzz_ics: ics.dict),
# else json.dict.  New inputs go to a temp folder; the seeds are only read.  A crash, leak or failed check keeps
# its input as ./crash-* (or leak-*, timeout-*) in the working folder, prints
# it, and fails; add it to the seeds (and, if it is a damaged file, to
# tests/data/hostile/ with its expected error) once fixed.  The last lines
# are the figures: executions, executions per second, and coverage.
set -u
fuzzer=$1 seeds=$2 secs=${3:-${FOCUSWEEK_FUZZ_SECONDS:-30}}
timeout=${FOCUSWEEK_FUZZ_TIMEOUT:-10}
name=$(basename "$fuzzer")
dict="$(dirname "$0")/${name#fuzz_}.dict"
[ -e "$dict" ] || dict="$(dirname "$0")/json.dict"
work=$(mktemp -d "${TMPDIR:-/tmp}/fwfuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$fuzzer" -max_total_time="$secs" -max_len=65536 -timeout="$timeout" -rss_limit_mb=2048 \
	-dict="$dict" -print_final_stats=1 -artifact_prefix="$PWD/" \
	"$work/corpus" "$seeds" >"$work/log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
cov=$(grep -o 'cov: [0-9]*' "$work/log" | tail -1)
if [ "$rc" -ne 0 ]; then
	tail -60 "$work/log"
	for f in "$PWD"/crash-* "$PWD"/leak-* "$PWD"/timeout-* "$PWD"/oom-*; do
		[ -e "$f" ] || continue
		echo "== input $f:"
		od -c "$f" | head -40
	done
	echo "$name: FAILED after ${runs:-?} executions"
	exit 1
fi
echo "$name: ${runs:-?} executions in ${secs} s (${rate:-?}/s), ${cov:-cov: ?} edges," \
	"$(ls "$work/corpus" | wc -l) new inputs"
echo "figure fuzz_executions_${name#fuzz_} ${runs:-0}"
echo "figure fuzz_exec_per_sec_${name#fuzz_} ${rate:-0}"
