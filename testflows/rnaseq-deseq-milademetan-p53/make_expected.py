#!/usr/bin/env python3
"""Derives this testflow's input and reference from the SIMULATED milademetan RNA-seq example
(examples/milademetan/, see its README: 2,000 genes, 3 DMSO + 3 milademetan samples, negative binomial counts).
Python 3 stdlib only. The reference is the simulation truth, never Benchtop's output.

  data/counts.csv        = examples/milademetan/rnaseq_counts.csv, copied verbatim
  data/samples.csv       = examples/milademetan/rnaseq_samples.csv, copied verbatim
  expected/0.csv         = the 23 named genes of truth_rnaseq.csv (10 p53 targets up, 10 cell-cycle genes down,
                           GAPDH, ACTB, TP53 unchanged): gene_id, log2_fold_change -> log2FoldChange (copied as text);
                           compared by gene_id (expected.0.key) with the absolute tolerance printed below
  expected/p53_truth.csv = the same genes with their role, the simulated DMSO mean and dispersion, and the tolerance
                           of each gene's estimated log2 fold change (used by DeseqNodeModelTest)

Tolerance: 4 standard deviations of the maximum-likelihood log2 fold change that the simulation implies for the gene.
With mean mu_j = s_j * m * fc (s_j the simulated size factors 0.90, 1.10, 1.00 | 0.85, 1.15, 1.05; m the DMSO mean;
fc the fold change in treated samples) and dispersion a, the Fisher information of a group's log mean under the
negative binomial is I = sum_j mu_j / (1 + a mu_j), so SD(log2 FC) = sqrt(1/I_DMSO + 1/I_treated) / ln 2.
testflow.properties uses the largest 4 SD of the 23 genes, rounded up to 0.01 (one tolerance per column).

Run from anywhere:  python3 make_expected.py [EXAMPLE_DIR]
The build never runs this script; its output is committed.
"""
import csv
import math
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "examples", "milademetan")

# examples/milademetan/generate.py: P53_TARGETS, REPRESSED, UNCHANGED_NAMED, SIZE_FACTORS, RNA_SAMPLES
P53_TARGETS = ["CDKN1A", "BBC3", "MDM2", "GDF15", "TP53I3", "SESN1", "RRM2B", "FAS", "ZMAT3", "TNFRSF10B"]
REPRESSED = ["CCNB1", "CDC20", "PLK1", "E2F1", "MKI67", "TOP2A", "BUB1", "AURKA", "CDK1", "FOXM1"]
UNCHANGED = ["GAPDH", "ACTB", "TP53"]
SIZE_FACTORS_DMSO = [0.90, 1.10, 1.00]
SIZE_FACTORS_TREATED = [0.85, 1.15, 1.05]
SDS = 4


def write(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)


def sd_log2(mean, fc, disp):
    info = lambda sfs, mu: sum(s * mu / (1 + disp * s * mu) for s in sfs)
    return math.sqrt(1 / info(SIZE_FACTORS_DMSO, mean) + 1 / info(SIZE_FACTORS_TREATED, mean * fc)) / math.log(2)


def main():
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    shutil.copyfile(os.path.join(SRC, "rnaseq_counts.csv"), os.path.join(HERE, "data", "counts.csv"))
    shutil.copyfile(os.path.join(SRC, "rnaseq_samples.csv"), os.path.join(HERE, "data", "samples.csv"))
    with open(os.path.join(SRC, "truth_rnaseq.csv"), newline="", encoding="utf-8") as f:
        truth = {r["gene_id"]: r for r in csv.DictReader(f)}
    roles = [(g, "p53_target") for g in P53_TARGETS] + [(g, "repressed") for g in REPRESSED] + \
        [(g, "unchanged") for g in UNCHANGED]
    expected = [["gene_id", "log2FoldChange"]]
    detail = [["gene_id", "role", "mean_dmso", "fold_change", "dispersion", "log2_fold_change", "sd_log2",
               "tolerance"]]
    worst = 0.0
    for g, role in roles:
        t = truth[g]
        sd = sd_log2(float(t["mean_dmso"]), float(t["fold_change"]), float(t["dispersion"]))
        worst = max(worst, SDS * sd)
        expected.append([g, t["log2_fold_change"]])
        detail.append([g, role, t["mean_dmso"], t["fold_change"], t["dispersion"], t["log2_fold_change"],
                       "%.4f" % sd, "%.4f" % (SDS * sd)])
    write(os.path.join(HERE, "expected", "0.csv"), expected)
    write(os.path.join(HERE, "expected", "p53_truth.csv"), detail)
    print("expected/0.csv: %d genes; largest %d SD = %.4f -> tolerance.absolute.0.log2FoldChange = %.2f"
          % (len(roles), SDS, worst, math.ceil(worst * 100) / 100))


if __name__ == "__main__":
    main()
