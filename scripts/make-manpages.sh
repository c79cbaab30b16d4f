#!/usr/bin/env bash
# Writes a man page per command from the built salesc's own help, so the pages say what
# `salesc help` and `salesc COMMAND --help` say (cmake/Install.cmake runs it at build time):
#   scripts/make-manpages.sh SALESC OUTDIR VERSION
# salesc.1 holds `salesc help`; salesc-COMMAND.1 holds `salesc COMMAND --help`. Each is
# gzipped (-n: no time stamp, so the pages are reproducible).
set -euo pipefail
salesc=$1
out=$2
version=$3
mkdir -p "$out"

# roff-safe text: backslashes doubled, a leading '.' or "'" protected.
roff() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

page() { # page NAME SECTION-TITLE SUMMARY HELP-TEXT
  local name=$1 summary=$2 help=$3
  {
    printf '.TH %s 1 "" "salesc %s" "User Commands"\n' "$(echo "$name" | tr a-z A-Z)" "$version"
    printf '.SH NAME\n%s \\- %s\n' "$name" "$summary"
    printf '.SH DESCRIPTION\n.nf\n'
    printf '%s\n' "$help" | roff
    printf '.fi\n.SH SEE ALSO\n'
    printf 'The documentation in docs/ of the salesc sources: cli.md, ci.md, diagnostics.md,\nformatting.md, language.md.\n'
  } | gzip -9n > "$out/$name.1.gz"
}

page salesc "compile and check sales-process definitions (.sales files)" "$("$salesc" help)"
# The commands as `salesc help` lists them: "  salesc NAME SYNOPSIS", the summary from
# column 46 (Driver.cpp pads the name and synopsis to 36 characters).
"$salesc" help | awk '/^  salesc / && $2 != "help" { print $2 "\t" substr($0, 46) }' |
  while IFS=$'\t' read -r command summary; do
    page "salesc-$command" "$summary" "$("$salesc" "$command" --help)"
  done
