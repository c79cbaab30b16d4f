#!/usr/bin/env python3
"""Writes one process of N stages, each with K 'next' lines (0.1% each) and a way to win:
the worst case of the checker's lowering and of the tables loader (N x K transitions).

  bench/gen_dense.py --stages 1000 --exits 400 -o /tmp/dense.sales
"""
import argparse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stages", type=int, default=1000)
    ap.add_argument("--exits", type=int, default=400)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    if not 0 < a.exits < a.stages or a.exits > 990:
        ap.error("--exits must be below --stages and at most 990 (0.1% each)")
    lines = ["process dense {"]
    for i in range(a.stages):
        lines.append("  stage s%d {" % i)
        for j in range(1, a.exits + 1):
            lines.append("    next s%d 0.1%%;" % ((i + j) % a.stages))
        lines.append("    next won 1%;")
        lines.append("  }")
    lines += ["  won won;", "  lost lost;", "}"]
    with open(a.output, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
