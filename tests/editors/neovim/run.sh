#!/usr/bin/env bash
# NeovimClient: salesc lsp in a real editor. Debian's Neovim (0.7, its built-in LSP client),
# headless, configured with the Lua docs/editors.md gives for Neovim 0.7, opens a copy of
# examples/quickstart.sales with a mistake and a line out of layout; test.lua then checks,
# through Neovim's Lua API, diagnostics, hover, go to definition, rename and format on save.
# Usage: run.sh SALESC SOURCE_DIR
set -euo pipefail
salesc=$(realpath "$1")
src=$(realpath "$2")
here=$(dirname "$(realpath "$0")")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/project" "$work/config/nvim" "$work/data" "$work/state"
# `salesc` on the PATH, as the configuration expects it (the standard library is found
# beside the real binary).
ln -s "$salesc" "$work/bin/salesc"

# The configuration exactly as docs/editors.md writes it: the Lua block after "Neovim 0.7".
python3 - "$src/docs/editors.md" "$work/config/nvim/init.lua" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
after = text[text.index("\nNeovim 0.7 "):]
block = re.search(r"```lua\n(.*?)```", after, re.S)
open(sys.argv[2], "w").write(block.group(1))
PY

# The example, with an unused knowledge (N008, a warning: the predictions stay) and the
# brand's `values` line indented by four instead of two.
sed -e 's|^knowledge proof |knowledge budget "The budget the prospect has";\nknowledge proof |' \
    -e 's|^  values professional|    values professional|' \
    "$src/examples/quickstart.sales" >"$work/project/quickstart.sales"
grep -q '^knowledge budget' "$work/project/quickstart.sales"
grep -q '^    values' "$work/project/quickstart.sales"

cd "$work/project"
# The stage the test hovers, as salesc analyze predicts it.
SALESC_DEMO_WIN=$("$salesc" analyze quickstart.sales 2>/dev/null |
                  awk '$1 == "demo" { print $2; exit }')
[ -n "$SALESC_DEMO_WIN" ]
export SALESC_DEMO_WIN
export PATH="$work/bin:$PATH" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
       XDG_STATE_HOME="$work/state"
# -u: only this configuration (no user's, no plugins); test.lua quits with 0 or 1.
nvim --headless -u "$work/config/nvim/init.lua" -i NONE -n quickstart.sales \
     -c "luafile $here/test.lua"
