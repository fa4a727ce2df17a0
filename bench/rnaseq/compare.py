#!/usr/bin/env python3
"""Compares two DESeq2-style result CSVs (ours vs R): max relative deviation per column above an
absolute floor (1e-12 for p-values), NA pattern, and the genes with padj < 0.1."""
import csv
import math
import sys


def load(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return {r["gene_id"]: r for r in rows}


def num(s):
    if s in ("", "NA", "NaN"):
        return math.nan
    return float(s)


ours, ref = load(sys.argv[1]), load(sys.argv[2])
assert set(ours) == set(ref), "gene sets differ"
cols = ["baseMean", "log2FoldChange", "lfcSE", "stat", "pvalue", "padj", "dispersion"]
out = []
for c in cols:
    worst, na = 0.0, 0
    floor = 1e-12 if c in ("pvalue", "padj") else 0.0
    for g in ref:
        a, b = num(ours[g][c]), num(ref[g][c])
        if math.isnan(a) != math.isnan(b):
            na += 1
            continue
        if math.isnan(a) or abs(a - b) <= floor:
            continue
        worst = max(worst, abs(a - b) / abs(b) if b != 0 else math.inf)
    out.append("%s %.2g%s" % (c, worst, "" if na == 0 else " (NA mismatches %d)" % na))
sig = sum(1 for g in ref if (num(ours[g]["padj"]) < 0.1) != (num(ref[g]["padj"]) < 0.1))
print("max relative deviation: " + ", ".join(out) + "; padj<0.1 set differences: %d" % sig)
