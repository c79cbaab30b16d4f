#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format makes of it with the checked-in
# .clang-format; `make format` rewrites them. Run by ctest as FormatCheck.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find compiler runtime tests bench examples fuzz -name '*.cpp' -o -name '*.h' 2>/dev/null | sort)
bad=()
for f in "${files[@]}"; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    bad+=("$f")
  fi
done
if [ ${#bad[@]} -ne 0 ]; then
  echo "check-format: ${#bad[@]} of ${#files[@]} files differ from .clang-format; run 'make format':"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "check-format: ${#files[@]} files follow .clang-format"
