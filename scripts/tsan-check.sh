#!/usr/bin/env bash
# Builds salesc with ThreadSanitizer (clang-14, build-tsan/, the salesc target only) and
# checks many files that share imports with -j 8, several times: any data race TSan sees
# fails the run. Slow (a build of its own), so not part of `make test`; `make tsan` runs it.
#   scripts/tsan-check.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-tsan}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang-14 \
  -DCMAKE_CXX_COMPILER=clang++-14 -DSALESC_TSAN=ON >/dev/null
nice cmake --build "$build" -j "${JOBS:-2}" --target salesc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/p"
for i in $(seq 0 39); do
  python3 bench/gen_corpus.py --processes 2 --stages 25 --seed "$i" -o "$work/p/g$i.sales"
done
# Shared imports, an inherited problem for several files, errors, a syntax error.
printf 'knowledge pricing "Price";\nprocess base {\n  start a;\n  stage a { next b 50%%; }\n  stage b { next won 40%%; }\n  won won;\n  lost lost;\n}\n' > "$work/p/lib.sales"
for i in $(seq 0 19); do
  printf 'import "lib";\nimport "std/tactics";\nprocess p%d extends base { stage a { next won %d%%; } }\nprocess q%d {\n  value 5 usd;\n  stage a { learn pricng; next won 40%%; next won 1%%; }\n  won won;\n  lost lost;\n}\n' \
    "$i" "$((10 + i))" "$i" > "$work/p/e$i.sales"
done
printf 'process x {\n  stage a {\n' > "$work/p/broken.sales"
# An import that fails: that file's check waits for the last file to be loaded.
printf 'import "nowhere";\nprocess lost {\n  stage a { learn pricing; next won 40%%; }\n  won won;\n  lost lost;\n}\n' > "$work/p/f0.sales"
"$build/bin/salesc" check -j1 --format=json "$work/p" > "$work/one.json" 2>/dev/null || true
status=0
for round in 1 2 3 4 5; do
  TSAN_OPTIONS="halt_on_error=1 exitcode=66" "$build/bin/salesc" check -j8 --format=json \
    "$work/p" > "$work/many.json" 2> "$work/tsan.txt" || status=$?
  if [ "$status" = 66 ] || grep -q "ThreadSanitizer" "$work/tsan.txt"; then
    cat "$work/tsan.txt"
    echo "tsan-check: ThreadSanitizer reported a data race (round $round)"
    exit 1
  fi
  cmp -s "$work/one.json" "$work/many.json" || { echo "tsan-check: -j8 differs from -j1"; exit 1; }
done
echo "tsan-check: 5 runs of 'salesc check -j8' on $(ls "$work/p" | wc -l) files: no data race, same report as -j1"
