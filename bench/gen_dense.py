#!/usr/bin/env python3
"""Writes one process of N stages, each with K 'next' lines (0.1% each) and a way to win:
the worst case of the checker's lowering and of the tables loader (N x K transitions).

  bench/gen_dense.py --stages 1000 --exits 400 -o /tmp/dense.sales
"""
import argparse

import one_process


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stages", type=int, default=1000)
    ap.add_argument("--exits", type=int, default=400)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    if not 0 < a.exits < a.stages or a.exits > 990:
        ap.error("--exits must be below --stages and at most 990 (0.1% each)")
    stages = []
    for i in range(a.stages):
        body = ["next s%d 0.1%%;" % ((i + j) % a.stages) for j in range(1, a.exits + 1)]
        stages.append(("s%d" % i, body + ["next won 1%;"]))
    one_process.write(a.output, "dense", stages)


if __name__ == "__main__":
    main()
