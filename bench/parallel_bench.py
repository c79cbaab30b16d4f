#!/usr/bin/env python3
"""Benchmarks `salesc check -j N` on many files: 200 generated files of one 25-stage process
each (bench/gen_corpus.py, each importing std/tactics), checked as one folder with -j 1 and
-j 2 (and every core), median wall time of several runs, whole processes. With --bpmnlint,
the same 200 processes written as BPMN (`salesc emit --to=bpmn`) are linted by bpmnlint's
recommended rules (tests/js), as one run over all 200 files, for comparison. The machine's
load average is printed before and after: on a shared machine, figures taken under load
mean little.

  bench/parallel_bench.py [--salesc build/bin/salesc] [--files 200] [--stages 25] [--runs 7]
                          [--bpmnlint tests/js/node_modules/.bin/bpmnlint]

Targets (issue 13): -j 2 at least 1.7x faster than -j 1 on a 2-core machine; salesc at least
30x faster than bpmnlint on the same processes.
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
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402


def wall(cmd, cwd=None):
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if r.returncode != 0:
        sys.exit("%s failed (%d):\n%s" % (cmd[0], r.returncode, r.stderr.decode()[:2000]))
    return took


def median_of(cmd, runs, cwd=None):
    wall(cmd, cwd)  # warm the page cache
    times = [wall(cmd, cwd) for _ in range(runs)]
    return statistics.median(times), min(times)


def load():
    return "%.2f %.2f %.2f" % os.getloadavg()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--salesc", default=os.path.join(ROOT, "build", "bin", "salesc"))
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--stages", type=int, default=25)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--bpmnlint", help="bpmnlint's CLI, to compare with (tests/js)")
    a = ap.parse_args()
    if not os.path.exists(a.salesc):
        sys.exit("no salesc at %s; run 'make build' first" % a.salesc)
    print("load average before: %s (%d cores)" % (load(), os.cpu_count()))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "processes")
        os.makedirs(src)
        paths = []
        for i in range(a.files):
            path = os.path.join(src, "p%03d.sales" % i)
            with open(path, "w") as f:
                f.write(gen_corpus.generate(1, a.stages, i + 1))
            paths.append(path)
        size = sum(os.path.getsize(p) for p in paths)
        print("%d files of %d stages, %.1f MB" % (a.files, a.stages, size / 1e6))
        rows = []
        for jobs in (1, 2, 0):
            med, best = median_of([a.salesc, "check", "-j%d" % jobs, src], a.runs)
            rows.append(("salesc check -j %s" % (jobs or "0 (every core)"), med, best))
        serial = rows[0][1]
        if a.bpmnlint:
            bpmn = os.path.join(tmp, "bpmn")
            os.makedirs(bpmn)
            files = []
            for p in paths:
                out = os.path.join(bpmn, os.path.basename(p)[:-6] + ".bpmn")
                subprocess.run([a.salesc, "emit", "--to=bpmn", "--process", "p0", p, "-o", out],
                               check=True)
                files.append(out)
            rc = os.path.join(ROOT, "tests", "bpmnlint", ".bpmnlintrc")
            med, best = median_of([a.bpmnlint, "--config", rc] + files, max(3, a.runs // 2))
            rows.append(("bpmnlint (recommended rules)", med, best))
        print("%-32s %10s %10s %14s" % ("command", "median s", "best s", "vs -j 1"))
        for name, med, best in rows:
            print("%-32s %10.3f %10.3f %13.2fx" % (name, med, best, serial / med))
        if a.bpmnlint:
            print("bpmnlint / salesc -j 2: %.1fx" % (rows[-1][1] / rows[1][1]))
    print("load average after: %s" % load())


if __name__ == "__main__":
    main()
