#!/usr/bin/env bash
# SarifValidator (ctest): the SARIF logs salesc writes for many inputs, checked with
# Microsoft's SARIF validator, the one GitHub's code scanning docs point to, with GitHub's
# rules and the SARIF rules (--rule-kind "Gh;Sarif": the 2.1.0 schema, GH*, SARIF*). Any
# error or warning the validator reports fails the test (the notes it gives, and why they
# stay, are in docs/cli.md#sarif).
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
cat > inherited.sales <<'SALES'
process base {
  start inquiry;
  stage inquiry { next demo 50%; }
  stage demo { next won 40%; }
  won won;
  lost lost;
}
process web extends base { stage inquiry { next won 30%; } }
process phone extends base { stage inquiry { next won 25%; } }
SALES
cat > stdlib.sales <<'SALES'
import "std/tactics";
tactic email_follow_up "Again" category outreach;
SALES
# Curly quotes: one fix of two replacements (safe), beside a spelling guess (unsafe).
printf 'knowledge pricing \xe2\x80\x9cPrice\xe2\x80\x9d;\nprocess p {\n  value 5 usd;\n  stage a { learn pricng; time 2 hrs; next won 40%%; }\n  won won;\n  lost lost;\n}\n' > fixable.sales
cp fixable.sales fixed.sales
# Suppression comments: results suppressed in the source, with a reason and without one.
cat > suppressed.sales <<'SALES'
knowledge unused "Never used"; // salesc-ignore N008: kept for the spring campaign
process p {
  stage a { next won 40%; }
  stage island { next won 10%; } // salesc-ignore unreachable-stage
  won won;
  lost lost;
}
SALES
# Outside processes/ (the folder log stays as it was): a configuration that makes a warning
# an error, and one with a mistake, reported at its line.
mkdir -p ../configured ../bad
printf 'diagnostics:\n  F006: error\n' > ../configured/.salesc.yaml
cp warnings.sales ../configured/
printf 'diagnostics:\n  N999: off\ncolour: always\n' > ../bad/.salesc.yaml
cp clean.sales ../bad/
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
check inherited inherited.sales
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
check fixable fixable.sales
check fixed --fix fixed.sales # the problems that remain once the safe fixes are written
check unsafe-alone --unsafe-fixes clean.sales
check suppressed suppressed.sales
check configured ../configured/warnings.sales
check config-mistake ../bad/clean.sales
# A baseline: results it covers marked "unchanged", the one beyond it "new".
"$salesc" check --write-baseline="$work/baseline.json" errors.sales warnings.sales > /dev/null 2>&1 || true
cp warnings.sales "$work/warnings.keep"
printf 'process q {\n  stage a { next won 40%%; }\n  stage island { next won 10%%; }\n  won won;\n  lost lost;\n}\n' >> warnings.sales
check baseline --baseline="$work/baseline.json" errors.sales warnings.sales
cp "$work/warnings.keep" warnings.sales
check bad-baseline --baseline=errors.sales clean.sales

failed=0
inputs=()
valid=()
for name in "${logs[@]}"; do
  log="$work/$name.sarif"
  if ! node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$log" 2>/dev/null; then
    echo "FAIL $name: salesc wrote no JSON document"
    head -c 400 "$log"
    failed=1
    continue
  fi
  inputs+=("$log")
  valid+=("$name")
done
[ ${#inputs[@]} -gt 0 ] || exit 1
# One run of the validator over every log (it starts slowly), then its results by log.
"$multitool" validate --rule-kind "Gh;Sarif" --level "Error;Warning" --log ForceOverwrite \
  -o "$work/validation.sarif" "${inputs[@]}" > "$work/validator.txt" 2>&1 || true
if [ ! -s "$work/validation.sarif" ]; then
  echo "FAIL: the validator wrote no report"
  cat "$work/validator.txt"
  exit 1
fi
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const logs = process.argv.slice(2);
  const found = Object.fromEntries(logs.map(l => [l, []]));
  let other = [];
  for (const run of r.runs) {
    for (const x of run.results || []) {
      const uri = decodeURIComponent(x.locations?.[0]?.physicalLocation?.artifactLocation?.uri || "");
      const log = logs.find(l => uri.endsWith("/" + l + ".sarif"));
      const text = `  ${x.ruleId} ${x.level || "warning"}: ` +
        (x.message.text || (x.message.arguments || []).join(" | "));
      (log ? found[log] : other).push(text);
    }
    for (const i of run.invocations || [])
      for (const n of [...(i.toolExecutionNotifications || []), ...(i.toolConfigurationNotifications || [])])
        if (n.level === "error") other.push(`  validator error: ${n.message.text}`);
  }
  let failed = false;
  for (const l of logs) {
    if (found[l].length) { failed = true; console.log(`FAIL ${l}: ${found[l].length} validator results`); console.log(found[l].join("\n")); }
    else console.log(`ok   ${l}`);
  }
  if (other.length) { failed = true; console.log("FAIL: " + other.join("\n")); }
  process.exit(failed ? 1 : 0);' "$work/validation.sarif" "${valid[@]}" || failed=1
exit $failed
