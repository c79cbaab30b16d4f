#!/usr/bin/env bash
# Validates BPMN files against the OMG BPMN 2.0 XML Schema with xmllint. The schema
# files come from the npm package bpmn-moddle (which ships them), installed into
# build/tools on first use; the network is needed once. A developer check, not part
# of `make test` (CI does not depend on the npm registry):
#   scripts/validate-bpmn.sh tests/golden/*/*.bpmn
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- tests/golden/*/*.bpmn
command -v xmllint >/dev/null || { echo "validate-bpmn: needs xmllint (apt-get install libxml2-utils)" >&2; exit 2; }
command -v npm >/dev/null || { echo "validate-bpmn: needs npm" >&2; exit 2; }
tools=build/tools
xsd=$tools/node_modules/bpmn-moddle/resources/bpmn/xsd/BPMN20.xsd
if [ ! -f "$xsd" ]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" bpmn-moddle@9 >/dev/null
fi
[ -f "$xsd" ] || xsd=$(find "$tools/node_modules/bpmn-moddle" -name BPMN20.xsd | head -n 1)
xmllint --noout --schema "$xsd" "$@"
