#!/usr/bin/env python3
"""Derives data/ and expected/ of the milademetan-demo testflow from ../../examples/milademetan.

The example data are SIMULATED (see examples/milademetan/README.md), so the reference is the
simulation truth, never Benchtop's output:

- data/plates.csv, data/qpcr.csv, data/qpcr_efficiencies.csv, data/rnaseq_counts.csv,
  data/rnaseq_samples.csv: copied byte for byte.
- expected/0.csv: the qPCR Quantification node's port 0 as simulated: group, target,
  relative_expression (1 for the calibrator DMSO, the simulated fold change for milademetan), in the
  node's row order (targets in input order, DMSO then milademetan). Tolerance in
  testflow.properties.
- expected/ic50.csv: per cell line the simulated IC50 (empty = no effect) and the tolerance on
  |ln(IC50_fit / IC50_true)|: 4 asymptotic standard errors of ln IC50 that the simulated noise
  implies at the simulated design (inverse Fisher information of the true LL.4 curve; 30 sample
  wells at 10 doses, 16 DMSO wells at dose 0; SD of each well 5 % of its true mean). Checked by
  MilademetanDemoTestflowTest on the Dose-Response Fitter (#4) downstream of the Plate Normalizer (#3).
- expected/rnaseq_p53.csv: the 23 named genes of truth_rnaseq.csv (10 p53 targets up, 10 repressed cell-cycle
  genes, GAPDH, ACTB, TP53 unchanged) with their role, simulated log2 fold change and tolerance: 4 standard
  deviations of the maximum-likelihood log2 fold change under the simulated noise, computed by the script of
  ../rnaseq-deseq-milademetan-p53 (imported, so both scenarios use one formula). Checked on the DESeq2
  Differential Expression (#9).

    python3 testflows/milademetan-demo/make_expected.py
"""

import csv
import importlib.util
import math
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "examples", "milademetan")
WELL_CV = 0.05      # examples/milademetan/generate.py CV_WELL
N_SE = 4


def doses():
    # examples/milademetan/generate.py: 10 half-log doses from 30 uM, written with 6 significant digits
    return [float("%.6g" % (30000.0 * 10.0 ** (-k / 2.0))) for k in range(10)]


def inverse(a):
    n = len(a)
    m = [row[:] + [1.0 if i == j else 0.0 for j in range(n)] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        m[c] = [v / piv for v in m[c]]
        for r in range(n):
            if r != c:
                f = m[r][c]
                m[r] = [v - f * w for v, w in zip(m[r], m[c])]
    return [row[n:] for row in m]


def se_log_ic50(e, b, c, d):
    """Asymptotic SE of ln(e) of y = c + (d - c) / (1 + exp(b (ln x - ln e))), parameters (b, c, d, ln e)."""
    info = [[0.0] * 4 for _ in range(4)]
    design = [(0.0, 16)] + [(x, 3) for x in doses()]
    for x, wells in design:
        if x == 0:
            mean, grad = d, [0.0, 0.0, 1.0, 0.0]
        else:
            u = math.exp(b * (math.log(x) - math.log(e)))
            g = 1.0 / (1.0 + u)
            mean = c + (d - c) * g
            grad = [-(d - c) * g * g * u * (math.log(x) - math.log(e)), 1.0 - g, g, (d - c) * g * g * u * b]
        w = wells / (WELL_CV * mean) ** 2
        for p in range(4):
            for q in range(4):
                info[p][q] += w * grad[p] * grad[q]
    return math.sqrt(inverse(info)[3][3])


def main():
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    for f in ("plates.csv", "qpcr.csv", "qpcr_efficiencies.csv", "rnaseq_counts.csv", "rnaseq_samples.csv"):
        shutil.copyfile(os.path.join(EXAMPLE, f), os.path.join(HERE, "data", f))

    with open(os.path.join(EXAMPLE, "truth_qpcr.csv"), newline="") as f:
        truth = list(csv.DictReader(f))
    with open(os.path.join(EXAMPLE, "qpcr.csv"), newline="") as f:
        order = []
        for r in csv.DictReader(f):
            if r["target"] not in order:
                order.append(r["target"])
    fc = {r["target"]: r["fold_change"] for r in truth}
    references = {"GAPDH", "ACTB"}
    with open(os.path.join(HERE, "expected", "0.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["group", "target", "relative_expression"])
        for t in order:
            if t in references:
                continue
            w.writerow(["DMSO", t, "1"])
            w.writerow(["milademetan", t, fc[t]])

    with open(os.path.join(EXAMPLE, "truth_ic50.csv"), newline="") as f:
        lines = list(csv.DictReader(f))
    with open(os.path.join(HERE, "expected", "ic50.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["cell_line", "ic50_nM", "tolerance_ln"])
        for r in lines:
            if r["ic50_nM"] == "":
                w.writerow([r["cell_line"], "", ""])
            else:
                se = se_log_ic50(float(r["ic50_nM"]), float(r["hill_slope"]), float(r["bottom"]), float(r["top"]))
                w.writerow([r["cell_line"], r["ic50_nM"], "%.4f" % (N_SE * se)])

    rnaseq_p53()


def rnaseq_p53():
    spec = importlib.util.spec_from_file_location(
        "p53", os.path.join(HERE, "..", "rnaseq-deseq-milademetan-p53", "make_expected.py"))
    p53 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(p53)
    with open(os.path.join(EXAMPLE, "truth_rnaseq.csv"), newline="") as f:
        truth = {r["gene_id"]: r for r in csv.DictReader(f)}
    roles = [(g, "p53_target") for g in p53.P53_TARGETS] + [(g, "repressed") for g in p53.REPRESSED] + \
        [(g, "unchanged") for g in p53.UNCHANGED]
    with open(os.path.join(HERE, "expected", "rnaseq_p53.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["gene_id", "role", "log2_fold_change", "tolerance"])
        for g, role in roles:
            t = truth[g]
            sd = p53.sd_log2(float(t["mean_dmso"]), float(t["fold_change"]), float(t["dispersion"]))
            w.writerow([g, role, t["log2_fold_change"], "%.4f" % (p53.SDS * sd)])


if __name__ == "__main__":
    main()
