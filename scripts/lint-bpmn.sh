#!/usr/bin/env bash
# Lints the BPMN of every process of the examples with bpmnlint's recommended rules
# (tests/bpmnlint/.bpmnlintrc); a warning fails as an error does. ctest runs it (BpmnLint):
#   scripts/lint-bpmn.sh SALESC BPMNLINT OUTDIR [FILE.sales...]
# SALESC is the salesc binary, BPMNLINT tests/js/node_modules/.bin/bpmnlint, OUTDIR where
# the BPMN files are written; without files, every examples/*.sales.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 SALESC BPMNLINT OUTDIR [FILE.sales...]" >&2; exit 2; }
salesc=$1 bpmnlint=$2 out=$3
shift 3
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- examples/*.sales
mkdir -p "$out"
files=()
for example in "$@"; do
  processes=$("$salesc" check --emit=model "$example" | sed -n 's/^process \([^ ]*\).*/\1/p')
  [ -n "$processes" ] || { echo "lint-bpmn: $example declares no process" >&2; exit 1; }
  for process in $processes; do
    file="$out/$(basename "$example" .sales)-$process.bpmn"
    "$salesc" emit --to=bpmn --process "$process" "$example" -o "$file"
    files+=("$file")
  done
done
"$bpmnlint" --config tests/bpmnlint/.bpmnlintrc --max-warnings=0 "${files[@]}"
echo "lint-bpmn: ${#files[@]} BPMN files pass bpmnlint's recommended rules"
