#!/usr/bin/env python3
"""Simulated dose-response curves for the Benchtop dose-response benchmark (Python 3 stdlib only).

Each curve: 10 doses (3-fold dilution series from 100 down to 100/3^9 = 0.00508, dose units
arbitrary, e.g. uM) x 2 replicates of a 4-parameter log-logistic (drc LL.4 / Prism 4PL)
    y = c + (d - c) / (1 + exp(b (ln x - ln e)))
with known parameters drawn per curve
    b ~ U(0.8, 2.5)            (falling curves, Prism HillSlope = -b)
    c ~ U(0, 10)               (bottom, % viability)
    d ~ U(90, 110)             (top)
    ln e ~ U(ln 0.05, ln 10)   (EC50 well inside the tested range)
plus Gaussian noise with SD 3 (% viability). Seeded: the same arguments give the same files.

Writes
    <out>            CSV: curve_id, dose, response   (curves x 20 rows)
    <out>.truth.csv  CSV: curve_id, hill_slope, bottom, top, ec50

Usage: python3 generate.py [--curves 100000] [--seed 20240601] [--out curves.csv]
"""
import argparse
import math
import random


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--curves", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--noise", type=float, default=3.0, help="SD of the Gaussian noise")
    ap.add_argument("--out", default="curves.csv")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    doses = [100.0 / 3 ** k for k in range(9, -1, -1)]
    with open(a.out, "w", newline="\n") as f, open(a.out + ".truth.csv", "w", newline="\n") as t:
        f.write("curve_id,dose,response\n")
        t.write("curve_id,hill_slope,bottom,top,ec50\n")
        for cid in range(1, a.curves + 1):
            b = rng.uniform(0.8, 2.5)
            c = rng.uniform(0.0, 10.0)
            d = rng.uniform(90.0, 110.0)
            e = math.exp(rng.uniform(math.log(0.05), math.log(10.0)))
            t.write(f"{cid},{b:.6g},{c:.6g},{d:.6g},{e:.6g}\n")
            rows = []
            for x in doses:
                mean = c + (d - c) / (1.0 + math.exp(b * (math.log(x) - math.log(e))))
                for _ in range(2):
                    rows.append(f"{cid},{x:.6g},{mean + rng.gauss(0.0, a.noise):.4f}\n")
            f.write("".join(rows))


if __name__ == "__main__":
    main()
