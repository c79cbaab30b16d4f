#!/usr/bin/env python3
"""Writes one process of N stages in a row: stage i goes on to stage i+1 (the last one to won)
with a share between 55% and 65%, every Kth stage also loops back to the one before it (5%),
and the rest is lost. The sparse chain of issue 8: its analysis must grow with the chain, not
with its cube.

  bench/gen_chain.py --stages 5000 -o /tmp/chain.sales
"""
import argparse

import one_process


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stages", type=int, default=5000)
    ap.add_argument("--loop-every", type=int, default=10,
                    help="every Kth stage loops back to the one before (0: none)")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    if a.stages < 1 or a.loop_every < 0:
        ap.error("--stages must be at least 1 and --loop-every at least 0")
    stages = []
    for i in range(a.stages):
        nxt = "s%d" % (i + 1) if i + 1 < a.stages else "won"
        body = ["time %d to %d days;" % (1 + i % 3, 4 + i % 5),
                "next %s %d%%;" % (nxt, 55 + (i * 7) % 11)]
        if a.loop_every and i > 0 and i % a.loop_every == 0:
            body.append("next s%d 5%%;" % (i - 1))
        stages.append(("s%d" % i, body))
    one_process.write(a.output, "chain", stages, start="s0")


if __name__ == "__main__":
    main()
