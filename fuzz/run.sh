#!/usr/bin/env bash
# Runs each libFuzzer target of the sanitized build for SECONDS, JOBS at a time (make fuzz;
# make test runs it for 60 seconds). See docs/security.md.
#
#   fuzz/run.sh BUILD_DIR SECONDS [JOBS] [TARGET...]
#
# Before the run, fuzz/seeds.py gathers the seeds from the tests and examples into
# BUILD_DIR/fuzz/seeds/TARGET and makes the dictionaries. Each target grows its corpus in
# BUILD_DIR/fuzz/corpus/TARGET, kept from run to run; its output is in
# BUILD_DIR/fuzz/logs/TARGET.log. An input that crashes, leaks, trips a sanitizer, breaks a
# property (fuzz/Oracles.h) or runs over 30 seconds fails the run and is saved as
# BUILD_DIR/fuzz/crashes/TARGET-crash-HASH (or -leak-, -timeout-, -oom-); replay it with
# BUILD_DIR/fuzz/fuzz_TARGET FILE. FUZZ_SEED sets libFuzzer's random seed (make test: 1).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: fuzz/run.sh BUILD_DIR SECONDS [JOBS] [TARGET...]" >&2
  exit 2
fi
build=$1
seconds=$2
jobs=${3:-$(nproc 2>/dev/null || echo 2)}
shift $(($# < 3 ? $# : 3))
src=$(cd "$(dirname "$0")/.." && pwd)
work=$build/fuzz

python3 "$src/fuzz/seeds.py" "$src" "$work"
mkdir -p "$work/logs" "$work/crashes"
declare -A dict=() # every target (fuzz/seeds.py's list) -> its dictionary
while read -r t d; do dict[$t]=$d; done <"$work/targets"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cut -d' ' -f1 "$work/targets")
fi

run() {
  local t=$1
  mkdir -p "$work/corpus/$t"
  "$work/fuzz_$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
    -seed="${FUZZ_SEED:-0}" -print_final_stats=1 -dict="$work/dict/${dict[$t]}" \
    -artifact_prefix="$work/crashes/$t-" "$work/corpus/$t" "$work/seeds/$t" \
    >"$work/logs/$t.log" 2>&1
}

# Says how a finished target went, from its log: executions, coverage, corpus.
summary() {
  local t=$1 status=$2 log=$work/logs/$t.log
  local runs cov corpus
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  corpus=$(find "$work/corpus/$t" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    echo "fuzz_$t: ok, ${runs:-?} runs in ${seconds} s, coverage ${cov:-?}, corpus $corpus"
  else
    echo "fuzz_$t: FAILED (status $status); the end of $log:"
    tail -n 60 "$log" | sed 's/^/  /'
    sed -n 's/.*Test unit written to /  saved: /p' "$log"
  fi
}

declare -A pids=()
passed=0
failed=0
finish() { # waits for one target to end
  local pid status=0 t
  wait -n -p pid "${!pids[@]}" || status=$?
  t=${pids[$pid]}
  unset "pids[$pid]"
  summary "$t" "$status"
  if [ "$status" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

echo "fuzz: ${#targets[@]} targets for $seconds s each, $jobs at a time"
for t in "${targets[@]}"; do
  if [ -z "${dict[$t]:-}" ]; then
    echo "fuzz: no target '$t' (targets: ${!dict[*]})" >&2
    exit 2
  fi
  while [ ${#pids[@]} -ge "$jobs" ]; do finish; done
  run "$t" &
  pids[$!]=$t
done
while [ ${#pids[@]} -gt 0 ]; do finish; done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
