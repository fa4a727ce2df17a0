#!/usr/bin/env python3
"""Generate the qPCR benchmark input: RUNS plates of 384 wells each, one long CSV.

Each run (plate) holds 16 samples x 6 targets x 4 technical replicates = 384 wells:
4 groups (DMSO, nutlin_0.1uM, nutlin_1uM, nutlin_10uM) x 4 biological samples, targets
GAPDH and ACTB (references) and CDKN1A, BBC3, MDM2, GDF15 (p53 targets induced by the
MDM2 inhibitor). Cq = target baseline + sample input effect - log2 fold change + replicate
noise (SD 0.15); about 0.5 % of wells are 'Undetermined' and a few replicates are outliers.
Sample names are unique per run (r0001_s01 ...). Python 3 standard library only; seeded, so
the same arguments always give the same bytes.

usage: python3 generate.py [--runs 1000] [--seed 4] [--output ../results/qpcr_bench_1000x384.csv]
(the default output folder bench/results/ is git-ignored)
"""
import argparse
import os
import random

TARGETS = ["GAPDH", "ACTB", "CDKN1A", "BBC3", "MDM2", "GDF15"]
BASE = {"GAPDH": 18.0, "ACTB": 17.2, "CDKN1A": 26.5, "BBC3": 29.0, "MDM2": 25.0, "GDF15": 27.8}
# log2 fold change per group (induction by the MDM2 inhibitor)
LFC = {
    "DMSO": {t: 0.0 for t in TARGETS},
    "nutlin_0.1uM": {"GAPDH": 0, "ACTB": 0, "CDKN1A": 0.8, "BBC3": 0.4, "MDM2": 0.6, "GDF15": 1.0},
    "nutlin_1uM": {"GAPDH": 0, "ACTB": 0, "CDKN1A": 2.0, "BBC3": 1.1, "MDM2": 1.5, "GDF15": 2.6},
    "nutlin_10uM": {"GAPDH": 0, "ACTB": 0, "CDKN1A": 3.3, "BBC3": 1.8, "MDM2": 2.4, "GDF15": 4.1},
}
GROUPS = list(LFC)
ROWS = "ABCDEFGHIJKLMNOP"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--output", default=None)
    a = ap.parse_args()
    out = a.output or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "results",
                                   "qpcr_bench_%dx384.csv" % a.runs)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    rnd = random.Random(a.seed)
    with open(out, "w", newline="\n") as f:
        f.write("run,well,sample,group,target,cq\n")
        for r in range(1, a.runs + 1):
            run = "r%04d" % r
            w = 0
            for gi, g in enumerate(GROUPS):
                for b in range(4):
                    sample = "%s_s%02d" % (run, gi * 4 + b + 1)
                    inp = rnd.gauss(0.0, 0.4)            # RNA input / RT efficiency of the sample
                    bio = {t: rnd.gauss(0.0, 0.25) for t in TARGETS}  # biological variation
                    for t in TARGETS:
                        mean = BASE[t] + inp + bio[t] - LFC[g][t]
                        for _ in range(4):
                            well = "%s%d" % (ROWS[w // 24], w % 24 + 1)
                            w += 1
                            u = rnd.random()
                            if u < 0.005 and t not in ("GAPDH", "ACTB"):
                                cq = "Undetermined"
                            else:
                                v = mean + rnd.gauss(0.0, 0.15)
                                if u > 0.997:
                                    v += 1.5                   # an outlying replicate
                                cq = "%.3f" % v
                            f.write("%s,%s,%s,%s,%s,%s\n" % (run, well, sample, g, t, cq))
    print(out)


if __name__ == "__main__":
    main()
