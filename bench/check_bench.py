#!/usr/bin/env python3
"""Benchmarks `salesc check` as a whole process (start-up included): the quickstart,
and generated corpora of about 0.5, 2 and 8 MB. Reports the median wall time of
several runs, throughput in MB/s and peak memory (max RSS) as a multiple of the input.

  bench/check_bench.py [--salesc build/bin/salesc] [--runs 9]

Targets (issue: salesc foundation): quickstart under 10 ms; the 2 MB corpus at
10 MB/s or more; peak memory under 20x the input.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_once(cmd):
    """Wall seconds and max RSS (KiB) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("salesc failed (%d) on %s:\n%s" % (code, cmd[-1], err[:2000]))
    return wall, usage.ru_maxrss


def measure(salesc, path, runs):
    cmd = [salesc, "check", path]
    run_once(cmd)  # warm the page cache
    walls, rss = [], []
    for _ in range(runs):
        w, m = run_once(cmd)
        walls.append(w)
        rss.append(m)
    return statistics.median(walls), min(walls), max(rss)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--salesc", default=os.path.join(ROOT, "build", "bin", "salesc"))
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    if not os.path.exists(a.salesc):
        sys.exit("no salesc at %s; run 'make build' first" % a.salesc)

    rows = []
    quick = os.path.join(ROOT, "examples", "quickstart.sales")
    med, best, rss = measure(a.salesc, quick, max(a.runs, 31))
    rows.append(("quickstart.sales", os.path.getsize(quick), med, best, rss))
    with tempfile.TemporaryDirectory() as tmp:
        for target in (500_000, 2_000_000, 8_000_000):
            path = os.path.join(tmp, "corpus-%d.sales" % target)
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"),
                            "--target-bytes", str(target), "-o", path], check=True)
            med, best, rss = measure(a.salesc, path, a.runs)
            rows.append(("generated %.1f MB" % (os.path.getsize(path) / 1e6),
                         os.path.getsize(path), med, best, rss))

    print("%-22s %10s %10s %10s %10s %10s %8s" % ("input", "bytes", "median ms", "best ms",
                                                  "MB/s", "peak MiB", "x input"))
    for name, size, med, best, rss in rows:
        print("%-22s %10d %10.2f %10.2f %10.1f %10.1f %8.1f" % (
            name, size, med * 1e3, best * 1e3, size / 1e6 / med, rss / 1024,
            rss * 1024 / size))


if __name__ == "__main__":
    main()
