#!/usr/bin/env bash
# SarifValidator (ctest): the SARIF logs salesc writes for many inputs, checked with
# Microsoft's SARIF validator, the one GitHub's code scanning docs point to, with GitHub's
# rules and the SARIF rules (--rule-kind "Gh;Sarif": the 2.1.0 schema, GH*, SARIF*). Any
# result the validator reports, whatever its level, fails the test.
#   tests/sarif/validate.sh SALESC SARIF_MULTITOOL
set -euo pipefail
salesc=$1
# The npm wrapper runs the validator through a shell (spawnSync with shell: true), which
# would split "Gh;Sarif" at the ';': run the native program it wraps.
package=$(dirname "$(readlink -f "$2")")
multitool=$(node -p 'require(process.argv[1])' "$package")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p repo/.git repo/processes # a repository: URIs are relative to repo/
cd repo/processes

cat > clean.sales <<'SALES'
process p {
  stage a { time 1 day; next b 50%; }
  stage b { time 2 days; next won 40%; }
  won won;
  lost lost;
}
SALES
# Errors with a fix-it and a note, a warning.
cat > errors.sales <<'SALES'
knowledge pricing "Price";
knowledge unused "Never used";
process p {
  value 100 usd;
  stage a { learn pricng; next b 30%; next b 10%; }
  stage b { learn pricing; next won 40%; }
  won won;
  lost lost;
}
SALES
# Only warnings.
cat > warnings.sales <<'SALES'
process p {
  stage a { next won 40%; }
  stage island { next won 10%; }
  won won;
  lost lost;
}
SALES
# A note in the standard library: a name std/tactics declares, declared again.
cat > stdlib.sales <<'SALES'
import "std/tactics";
tactic email_follow_up "Again" category outreach;
SALES
# File names that need percent-encoding.
for name in 'hash#x.sales' 'what?.sales' 'a space.sales' 'caf'$'\xc3\xa9''.sales' \
            'br[a]ce{s}.sales' 'pipe|caret^.sales' 'per%cent.sales'; do
  cp errors.sales "$name"
done

logs=()
check() { # check NAME ARGS...: writes the log of `salesc check --format=sarif ARGS` to NAME
  local name=$1
  shift
  "$salesc" check --format=sarif "$@" > "$work/$name.sarif" || true
  logs+=("$name")
}
check clean clean.sales
check errors errors.sales
check warnings warnings.sales
check stdlib stdlib.sales
check odd-names 'hash#x.sales' 'what?.sales' 'a space.sales' 'caf'$'\xc3\xa9''.sales' \
  'br[a]ce{s}.sales' 'pipe|caret^.sales' 'per%cent.sales'
check folder .
check werror -Werror warnings.sales
check root --sarif-root=.. ../processes/errors.sales
check missing-file missing.sales clean.sales
check no-file
check bad-warning-option -Wno-bogus clean.sales
check unknown-option --bogus clean.sales
check emit-and-sarif --emit=ast clean.sales

failed=0
for name in "${logs[@]}"; do
  log="$work/$name.sarif"
  if ! node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$log" 2>/dev/null; then
    echo "FAIL $name: salesc wrote no JSON document"
    head -c 400 "$log"
    failed=1
    continue
  fi
  "$multitool" validate --rule-kind "Gh;Sarif" --level "Error;Warning" --log ForceOverwrite -o "$work/$name.validation.sarif" "$log" >/dev/null 2>&1 || true
  if [ ! -s "$work/$name.validation.sarif" ]; then
    echo "FAIL $name: the validator wrote no report"
    failed=1
    continue
  fi
  found=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const results = r.runs.flatMap(run => run.results || []);
    const notes = r.runs.flatMap(run => (run.invocations || [])
      .flatMap(i => [...(i.toolExecutionNotifications || []), ...(i.toolConfigurationNotifications || [])])
      .filter(n => n.level === "error"));
    for (const x of results)
      console.log(`  ${x.ruleId} ${x.level || "warning"}: ${x.message.text ||
        (x.message.arguments || []).join(" | ")}`);
    for (const n of notes) console.log(`  validator error: ${n.message.text}`);
    console.log(results.length + notes.length);' "$work/$name.validation.sarif")
  count=$(echo "$found" | tail -1)
  if [ "$count" != 0 ]; then
    echo "FAIL $name: $count validator results"
    echo "$found" | head -n -1
    failed=1
  else
    echo "ok   $name"
  fi
done
exit $failed
