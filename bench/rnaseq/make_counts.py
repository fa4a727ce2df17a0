#!/usr/bin/env python3
"""Simulated RNA-seq counts for the DESeq2 benchmark (Python standard library only).

Usage: python3 make_counts.py GENES SAMPLES OUTDIR [--seed N]

Writes OUTDIR/counts_<G>x<S>.csv (gene_id + one column per sample) and OUTDIR/samples_<S>.csv
(sample, condition, batch). Counts are negative binomial (gamma-Poisson) with log-normal means,
the dispersion trend 0.02 + 2/mean, size factors exp(N(0, 0.25)), 10 % of genes differential
(log2 fold change N(0, 1.5)) between condition 'control' and 'treated', a mild batch effect, and
a handful of all-zero genes. Deterministic for a given seed.
"""
import math
import os
import random
import sys


def poisson(rng, lam):
    if lam < 30:
        L = math.exp(-lam)
        k, p = 0, 1.0
        while True:
            p *= rng.random()
            if p <= L:
                return k
            k += 1
    # normal approximation with continuity correction is too crude; use transformed rejection (PTRS, Hormann 1993)
    slam = math.sqrt(lam)
    loglam = math.log(lam)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    invalpha = 1.1239 + 1.1328 / (b - 3.4)
    vr = 0.9277 - 3.6224 / (b - 2)
    while True:
        u = rng.random() - 0.5
        v = rng.random()
        us = 0.5 - abs(u)
        k = math.floor((2 * a / us + b) * u + lam + 0.43)
        if us >= 0.07 and v <= vr:
            return k
        if k < 0 or (us < 0.013 and v > us):
            continue
        if (math.log(v) + math.log(invalpha) - math.log(a / (us * us) + b)) <= (-lam + k * loglam - math.lgamma(k + 1)):
            return k


def main():
    args = sys.argv[1:]
    seed = 12345
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    genes, samples, out = int(args[0]), int(args[1]), args[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    cond = ["control" if j < samples // 2 else "treated" for j in range(samples)]
    batch = ["b%d" % (j % 3 + 1) for j in range(samples)]
    sf = [math.exp(rng.gauss(0, 0.25)) for _ in range(samples)]
    names = ["s%04d" % (j + 1) for j in range(samples)]
    with open(os.path.join(out, "samples_%d.csv" % samples), "w") as f:
        f.write("sample,condition,batch\n")
        for j in range(samples):
            f.write("%s,%s,%s\n" % (names[j], cond[j], batch[j]))
    path = os.path.join(out, "counts_%dx%d.csv" % (genes, samples))
    with open(path, "w") as f:
        f.write("gene_id," + ",".join(names) + "\n")
        for g in range(genes):
            base = math.exp(rng.gauss(3.5, 2.0))
            disp = 0.02 + 2.0 / base
            lfc = rng.gauss(0, 1.5) if rng.random() < 0.1 else 0.0
            bfx = [0.0, rng.gauss(0, 0.2), rng.gauss(0, 0.2)]
            row = []
            zero = g % 997 == 0
            for j in range(samples):
                if zero:
                    row.append("0")
                    continue
                mu = sf[j] * base * 2 ** ((lfc if cond[j] == "treated" else 0.0) + bfx[j % 3])
                shape = 1.0 / disp
                lam = rng.gammavariate(shape, mu / shape)
                row.append(str(poisson(rng, lam)))
            f.write("g%06d," % (g + 1) + ",".join(row) + "\n")
    print(path)


if __name__ == "__main__":
    main()
