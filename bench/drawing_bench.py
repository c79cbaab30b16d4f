#!/usr/bin/env python3
"""Benchmarks drawing flowcharts: `salesc emit --to=svg` on the quickstart and on dense
processes (bench/gen_dense.py: N stages with K links each) that the dot layout cannot
finish, reporting the wall time and which drawing was made (the warning said).

  bench/drawing_bench.py [--salesc build/bin/salesc] [--layout-seconds 5]

Issue 8 measured 133 s for 50 stages x 11 links and over 240 s for 100 stages.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--salesc", default=os.path.join(ROOT, "build", "bin", "salesc"))
    ap.add_argument("--layout-seconds", default="5")
    a = ap.parse_args()
    cases = [("quickstart", os.path.join(ROOT, "examples", "quickstart.sales"))]
    print("%-22s %10s  %s" % ("input", "wall s", "drawing"))
    with tempfile.TemporaryDirectory() as tmp:
        for stages, links in ((50, 11), (100, 11), (300, 11)):
            path = os.path.join(tmp, "dense-%d.sales" % stages)
            subprocess.run([sys.executable, os.path.join(HERE, "gen_dense.py"), "--stages",
                            str(stages), "--exits", str(links), "-o", path], check=True)
            cases.append(("%d stages x %d links" % (stages, links), path))
        for name, path in cases:
            start = time.perf_counter()
            r = subprocess.run([a.salesc, "emit", "--to=svg", "--layout-seconds=" +
                                a.layout_seconds, path], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
            wall = time.perf_counter() - start
            drawing = ("error" if r.returncode else "sketch" if "sketch" in r.stderr else
                       "straight lines" if "straight" in r.stderr else "full layout")
            print("%-22s %10.2f  %s" % (name, wall, drawing))


if __name__ == "__main__":
    main()
