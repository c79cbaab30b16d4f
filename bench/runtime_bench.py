#!/usr/bin/env python3
"""Benchmarks the runtime commands as whole processes (start-up and loading included):

  simulate  transitions per second, one thread and all threads (targets: 50 million per
            second per core or more)
  conform   events per second on a generated log of about a million events
            (target: 1 million per second or more), and the same log as Salesforce's
            OpportunityHistory read with --from=salesforce (target: at most 20% slower)
  forecast  wall time for 100,000 open deals (target: under 1 s)
  analyze   wall time for a chain of 5,000 stages with loops back (target: under 1 s), and
            check of the same file

  bench/runtime_bench.py [--salesc build/bin/salesc] [--pairs N]

With --pairs N, only the two conform runs, interleaved N times (the plain log, then the
export), and the median of the N ratios: on a machine whose speed drifts from minute to
minute, the ratio of runs taken together is the steadier figure.
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


def timed(cmd, runs=5):
    walls, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        walls.append(time.perf_counter() - t)
        if p.returncode not in (0, 1):
            sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr[:2000]))
        out = p.stdout
    return statistics.median(walls), min(walls), out


def salesforce_history(log, out):
    """The log as Salesforce's OpportunityHistory: quoted API columns, stage labels
    ("Rep Call", "Closed Won"), day-first dates and pound amounts."""
    labels = {"signed": "Closed Won", "lost": "Closed Lost"}
    with open(log) as src, open(out, "w", encoding="utf-8") as dst:
        next(src)
        dst.write('"Id","OpportunityId","CreatedDate","StageName","Amount"\n')
        for i, line in enumerate(src):
            deal, stage, ts = line.rstrip("\n").split(",")
            label = labels.get(stage, stage.replace("_", " ").title())
            when = "%s/%s/%s %s" % (ts[8:10], ts[5:7], ts[0:4], ts[11:16])
            dst.write('"h%d","%s","%s","%s","\u00a312,500.00"\n' % (i, deal, when, label))


def pairs(s, n):
    """conform on the generated log and on its Salesforce export, interleaved n times."""
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "events.csv")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_crm.py"), "events",
                        "--deals", "330000", "-o", log], check=True)
        events = sum(1 for _ in open(log)) - 1
        sf = os.path.join(tmp, "opportunity-history.csv")
        salesforce_history(log, sf)
        plain, export, ratios = [], [], []
        for _ in range(n):
            p, _, _ = timed([s, "conform", "--as-of=2026-11-26", "--events", log, QUICK], 1)
            f, _, _ = timed([s, "conform", "--as-of=2026-11-26", "--from=salesforce", "--events",
                             sf, QUICK], 1)
            plain.append(p)
            export.append(f)
            ratios.append(f / p)
        med = statistics.median
        print("conform %d events, %d pairs: plain median %.3f s (%.2f M/s), best %.3f s "
              "(%.2f M/s); --from=salesforce median %.3f s, best %.3f s; the export against the "
              "plain log: %.2f (median of the pairs' ratios)"
              % (events, n, med(plain), events / med(plain) / 1e6, min(plain),
                 events / min(plain) / 1e6, med(export), min(export), med(ratios)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--salesc", default=os.path.join(ROOT, "build", "bin", "salesc"))
    ap.add_argument("--pairs", type=int, default=0)
    a = ap.parse_args()
    s = a.salesc
    if a.pairs:
        return pairs(s, a.pairs)
    print("%-44s %12s %12s %16s" % ("benchmark", "median s", "best s", "rate"))
    with tempfile.TemporaryDirectory() as tmp:
        # A 12-stage process with loops back (about 7 transitions per prospect), so the
        # figure measures transitions rather than per-prospect setup.
        twelve = os.path.join(tmp, "twelve.sales")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--processes", "1",
                        "--stages", "12", "-o", twelve], check=True)
        for threads in (1, 2):
            n = 2_000_000
            med, best, out = timed([s, "simulate", "--format=json", "--prospects=%d" % n,
                                    "--threads=%d" % threads, "--process=p0", twelve])
            tr = json.loads(out)["processes"][0]["transitions"]
            label = "simulate 2M prospects x 12 stages, %d thread%s" % (threads,
                                                                          "s" if threads > 1 else "")
            print("%-44s %12.3f %12.3f %12.1f M/s" % (label, med, best, tr / best / 1e6))
        log = os.path.join(tmp, "events.csv")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_crm.py"), "events",
                        "--deals", "330000", "-o", log], check=True)
        events = sum(1 for _ in open(log)) - 1
        med, best, _ = timed([s, "conform", "--as-of=2026-11-26", "--events", log, QUICK])
        print("%-44s %12.3f %12.3f %12.2f M/s" % ("conform %d events" % events, med, best,
                                                  events / best / 1e6))
        sf = os.path.join(tmp, "opportunity-history.csv")
        salesforce_history(log, sf)
        med, best, _ = timed([s, "conform", "--as-of=2026-11-26", "--from=salesforce",
                              "--events", sf, QUICK])
        print("%-44s %12.3f %12.3f %12.2f M/s" % ("conform --from=salesforce, same log", med,
                                                  best, events / best / 1e6))
        deals = os.path.join(tmp, "deals.csv")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_crm.py"), "pipeline",
                        "--deals", "100000", "-o", deals], check=True)
        med, best, _ = timed([s, "forecast", "--as-of=2026-11-26", "--pipeline", deals, QUICK])
        print("%-44s %12.3f %12.3f" % ("forecast 100000 deals", med, best))
        chain = os.path.join(tmp, "chain.sales")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_chain.py"), "--stages", "5000",
                        "-o", chain], check=True)
        for command in ("analyze", "check"):
            med, best, _ = timed([s, command, chain])
            print("%-44s %12.3f %12.3f" % ("%s a 5000-stage chain" % command, med, best))


if __name__ == "__main__":
    main()
