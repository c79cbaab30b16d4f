#!/usr/bin/env python3
"""Benchmarks reporting many diagnostics: `salesc check --format=text|json|sarif` on a
generated process with N unknown names, one per line and all on one line. Reports the
median wall time and the peak memory (max RSS) of each; every renderer should be linear
in the number of diagnostics.

  bench/diagnostics_bench.py [--salesc build/bin/salesc] [--count 100000] [--runs 3]

Issue 8 measured 20,000 errors on one 149 KB line at 11 s (JSON) and 26 s (SARIF), and
SARIF with 100,000 diagnostics at a 3.1 GiB peak.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def source(count, one_line):
    """A process whose one stage learns `count` undeclared knowledge items (N001 each)."""
    learns = ["learn k%d;" % i for i in range(count)]
    body = ("    " + " ".join(learns)) if one_line else "\n".join("    " + l for l in learns)
    return ('process p "P" {\n  start a;\n  stage a "A" {\n    time 1 days;\n%s\n'
            '    next won 50%%;\n    next lost 50%%;\n  }\n}\n' % body)


def run_once(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 1:  # errors found, as expected
        sys.exit("salesc exited %d on %s" % (os.waitstatus_to_exitcode(status), cmd))
    return wall, usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--salesc", default=os.path.join(ROOT, "build", "bin", "salesc"))
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    print("%-10s %-14s %10s %12s %10s" % ("format", "layout", "bytes", "median s", "peak MiB"))
    with tempfile.TemporaryDirectory() as tmp:
        for one_line in (False, True):
            path = os.path.join(tmp, "one-line.sales" if one_line else "lines.sales")
            with open(path, "w") as f:
                f.write(source(a.count, one_line))
            for fmt in ("text", "json", "sarif"):
                cmd = [a.salesc, "check", "--format=" + fmt, path]
                walls, peak = [], 0
                for _ in range(a.runs):
                    w, rss = run_once(cmd)
                    walls.append(w)
                    peak = max(peak, rss)
                print("%-10s %-14s %10d %12.2f %10.1f" % (
                    fmt, "one line" if one_line else "line each", os.path.getsize(path),
                    statistics.median(walls), peak / 1024))


if __name__ == "__main__":
    main()
