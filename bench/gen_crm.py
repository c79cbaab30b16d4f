#!/usr/bin/env python3
"""Generates CRM data for the quickstart process, deterministic for a seed:

  bench/gen_crm.py events --deals 200 -o examples/data/quickstart-events.csv
  bench/gen_crm.py pipeline --deals 40 -o examples/data/quickstart-pipeline.csv

`events` writes deal,stage,timestamp rows (one per entry into a stage or outcome) by
walking each deal through the quickstart's chain with its stated rates and times, so
`salesc conform` finds the rates it states (with --values, a value column too: each
deal's amount on every row, drawn from a generator of its own so the other columns do
not change); `pipeline` writes deal,stage,entered,value
rows of open deals. Used by the examples and the conform benchmark (1M events).
"""
import argparse
import datetime
import random
import sys

# The quickstart: stage -> (min, typical, max days, [(next, probability)...]); the rest
# is lost.
STAGES = {
    "inquiry": (1, 2, 3, [("rep_call", 0.60)]),
    "rep_call": (2, 3, 7, [("demo", 0.45)]),
    "demo": (7, 10.5, 14, [("proposal", 0.50), ("rep_call", 0.10)]),
    "proposal": (7, 14, 21, [("signed", 0.40)]),
}
START = datetime.datetime(2026, 1, 5, 9, 0, 0)


def walk(rng, deal, start):
    t, stage, rows = start, "inquiry", []
    while True:
        rows.append((deal, stage, t))
        if stage not in STAGES:
            return rows
        lo, mode, hi, exits = STAGES[stage]
        t = t + datetime.timedelta(days=rng.triangular(lo, hi, mode))
        r, acc, nxt = rng.random(), 0.0, "lost"
        for target, p in exits:
            acc += p
            if r < acc:
                nxt = target
                break
        stage = nxt


def events(n, seed, values=False):
    rng, amounts = random.Random(seed), random.Random(seed + 1)
    rows, value = [], {}
    for i in range(n):
        start = START + datetime.timedelta(days=rng.uniform(0, 300))
        deal = "D%06d" % i
        rows.extend(walk(rng, deal, start))
        if values:
            value[deal] = ",%d" % amounts.choice([9000, 12000, 15000, 20000, 35000])
    rows.sort(key=lambda r: (r[2], r[0]))
    out = ["deal,stage,timestamp" + (",value" if values else "")]
    out += ["%s,%s,%s%s" % (d, s, t.strftime("%Y-%m-%dT%H:%M:%S"), value.get(d, ""))
            for d, s, t in rows]
    return "\n".join(out) + "\n"


def pipeline(n, seed, as_of):
    rng = random.Random(seed)
    out = ["deal,stage,entered,value"]
    for i in range(n):
        stage = rng.choice(list(STAGES))
        age = rng.uniform(0, 40)
        entered = (as_of - datetime.timedelta(days=age)).date().isoformat()
        value = "" if rng.random() < 0.3 else str(rng.choice([9000, 12000, 15000, 20000, 35000]))
        out.append("P%04d,%s,%s,%s" % (i, stage, entered, value))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["events", "pipeline"])
    ap.add_argument("--deals", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--as-of", default="2026-11-26")
    ap.add_argument("--values", action="store_true", help="events: add a value column")
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()
    as_of = datetime.datetime.fromisoformat(a.as_of)
    text = events(a.deals, a.seed, a.values) if a.what == "events" else pipeline(a.deals, a.seed, as_of)
    (sys.stdout if a.output == "-" else open(a.output, "w")).write(text)


if __name__ == "__main__":
    main()
