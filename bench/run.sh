#!/usr/bin/env bash
# Runs every benchmark; `make bench` calls this after building.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== salesc check (bench/check_bench.py)"
python3 bench/check_bench.py "$@"
echo; echo "== runtime commands (bench/runtime_bench.py)"; python3 bench/runtime_bench.py
echo; echo "== many diagnostics (bench/diagnostics_bench.py)"; python3 bench/diagnostics_bench.py
echo; echo "== drawing (bench/drawing_bench.py)"; python3 bench/drawing_bench.py
echo; echo "== many files, check -j (bench/parallel_bench.py)"; python3 bench/parallel_bench.py
echo; echo "== backtest (bench/backtest_bench.py)"; python3 bench/backtest_bench.py
echo; echo "== the language server (bench/lsp_bench.py)"; python3 bench/lsp_bench.py
