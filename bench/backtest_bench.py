#!/usr/bin/env python3
"""Benchmarks `salesc backtest` as a whole process (start-up, CSV loading included):
12 dates over a generated log of about a million events with a value column, 90-day
horizon (target: under 10 s).

  bench/backtest_bench.py [--salesc build/bin/salesc] [--runs 3]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUICK = os.path.join(ROOT, "examples", "quickstart.sales")
# gen_crm.py starts deals from 2026-01-05 to 2026-11-01: the 1st and 15th of February to
# July, the last horizon ending on 2026-10-13.
DATES = ",".join("2026-%02d-%02d" % (m, d) for m in range(2, 8) for d in (1, 15))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--salesc", default=os.path.join(ROOT, "build", "bin", "salesc"))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "events.csv")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_crm.py"), "events", "--values",
                        "--deals", "330000", "-o", log], check=True)
        events = sum(1 for _ in open(log)) - 1
        cmd = [a.salesc, "backtest", "--format=json", "--events", log, "--at", DATES,
               "--horizon=90", QUICK]
        load = os.getloadavg()
        walls, out = [], None
        for _ in range(a.runs):
            t = time.perf_counter()
            p = subprocess.run(cmd, capture_output=True, text=True)
            walls.append(time.perf_counter() - t)
            if p.returncode != 0:
                sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr[:2000]))
            out = json.loads(p.stdout)
        deals = sum(1 for _ in out["points"])
        print("%-44s %12s %12s" % ("benchmark", "median s", "best s"))
        print("%-44s %12.3f %12.3f" % ("backtest 12 dates, %d events" % events,
                                       statistics.median(walls), min(walls)))
        s = out["summary"]
        print("  dates %s" % DATES)
        print("  %d points; MAPE forecast %.4f, weighted %.4f; coverage %.3f; Brier %.4f vs %.4f"
              % (deals, s["mape_forecast"], s["mape_weighted"], s["coverage_p10_p90"],
                 s["brier_forecast"], s["brier_stated"]))
        print("  load average before the runs: %s" % " ".join("%.2f" % x for x in load))


if __name__ == "__main__":
    main()
