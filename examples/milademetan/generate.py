#!/usr/bin/env python3
"""Generates the SIMULATED milademetan (DS-3032b) example data of Benchtop's demo.

Python 3 standard library only, seeded: running it again writes byte-identical files.

    python3 examples/milademetan/generate.py        # writes the CSV files beside this script

Every number below is a simulation parameter; README.md lists them with their sources. Nothing here
is a measurement.
"""

import csv
import math
import os
import random

SEED = 20240601
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------
# 1. 384-well viability screen (CellTiter-Glo-like luminescence, RLU)
# ---------------------------------------------------------------------------------------------

# cell line -> (TP53 status, DMSO luminescence in RLU, LL.4 parameters of the viability in percent of
# DMSO: midpoint e = IC50 in nM, hill slope h, bottom in percent; top = 100). e = None: no effect.
CELL_LINES = [
    ("SJSA-1", "wild-type", 180000, 25.0, 1.3, 15.0),
    ("93T449", "wild-type", 95000, 40.0, 1.2, 25.0),
    ("JAR", "wild-type", 150000, 55.0, 1.5, 10.0),
    ("CCF-STTG1", "wild-type", 120000, 80.0, 1.1, 30.0),
    ("MDA-MB-231", "mutant", 200000, 2000.0, 1.6, 5.0),
    ("MDA-MB-468", "mutant", 140000, 7600.0, 1.8, 5.0),
    ("QGP1", "mutant", 80000, None, None, None),
    ("NCI-H2126", "mutant", 110000, None, None, None),
]
TOP_DOSE_NM = 30000.0
N_DOSES = 10            # half-log (10^0.5-fold) dilution series: 30 uM down to 0.95 nM
REPLICATES = 3          # wells per dose
CV_WELL = 0.05          # multiplicative (log-normal) well-to-well noise of DMSO and sample wells
POS_FRACTION = 0.05     # the cytotoxic reference leaves 5 % of the DMSO signal
CV_POS = 0.15           # its well-to-well noise
ROWS = "ABCDEFGHIJKLMNOP"
NEG_COLUMN = 2          # DMSO: all 16 wells of column 2
POS_COLUMN = 23         # staurosporine: all 16 wells of column 23
SAMPLE_ROWS = "CHM"     # replicate 1, 2, 3 of the series in rows C, H and M
FIRST_DOSE_COLUMN = 3   # doses from high (column 3) to low (column 12)


def doses():
    return [TOP_DOSE_NM * 10.0 ** (-k / 2.0) for k in range(N_DOSES)]


def fmt_dose(d):
    return "%.6g" % d


def viability(d, e, h, bottom):
    """Percent of DMSO: LL.4 (drc), top 100."""
    if e is None or d == 0:
        return 100.0
    return bottom + (100.0 - bottom) / (1.0 + (d / e) ** h)


def plates(rng):
    rows = []
    for p, (line, _status, base, e, h, bottom) in enumerate(CELL_LINES, start=1):
        plate = "P%d" % p
        for r in ROWS:
            v = base * math.exp(rng.gauss(0.0, CV_WELL))
            rows.append((plate, "%s%02d" % (r, NEG_COLUMN), "neg", line, "DMSO", "0", "%d" % round(v)))
        for r in ROWS:
            v = base * POS_FRACTION * math.exp(rng.gauss(0.0, CV_POS))
            rows.append((plate, "%s%02d" % (r, POS_COLUMN), "pos", line, "staurosporine", "", "%d" % round(v)))
        for rep, r in enumerate(SAMPLE_ROWS):
            for k, d in enumerate(doses()):
                dose = float(fmt_dose(d))  # the truth at the dose as written
                v = base * viability(dose, e, h, bottom) / 100.0 * math.exp(rng.gauss(0.0, CV_WELL))
                rows.append((plate, "%s%02d" % (r, FIRST_DOSE_COLUMN + k), "sample", line, "milademetan",
                             fmt_dose(d), "%d" % round(v)))
    rows.sort(key=lambda t: (int(t[0][1:]), ROWS.index(t[1][0]), int(t[1][1:])))
    return rows


# ---------------------------------------------------------------------------------------------
# 2. qPCR: SJSA-1, milademetan 100 nM 24 h vs DMSO, 3 biological replicates, technical triplicates
# ---------------------------------------------------------------------------------------------

# target -> (Cq in DMSO, amplification factor E, true fold change treated / DMSO)
QPCR_TARGETS = [
    ("CDKN1A", 24.0, 1.95, 8.0),
    ("BBC3", 27.5, 1.92, 3.0),
    ("MDM2", 21.0, 1.97, 4.0),
    ("GDF15", 25.5, 1.94, 6.0),
    ("GAPDH", 17.5, 1.98, 1.0),
    ("ACTB", 18.2, 1.96, 1.0),
]
QPCR_GROUPS = [("DMSO", "DMSO"), ("milademetan", "MIL")]
QPCR_BIOREPS = 3
QPCR_TECHREPS = 3
SD_INPUT_LOG2 = 0.35    # per sample: RNA/cDNA input, log2 units, shared by all targets (the references cancel it)
SD_BIO_CQ = 0.10        # per sample and target: biological variation, cycles
SD_TECH_CQ = 0.15       # per well: pipetting/technical noise, cycles


def qpcr(rng):
    rows = []
    for group, prefix in QPCR_GROUPS:
        for b in range(1, QPCR_BIOREPS + 1):
            sample = "%s_%d" % (prefix, b)
            input_log2 = rng.gauss(0.0, SD_INPUT_LOG2)
            for target, cq0, eff, fc in QPCR_TARGETS:
                bio = rng.gauss(0.0, SD_BIO_CQ)
                effect = math.log(fc) / math.log(eff) if group == "milademetan" else 0.0
                mean = cq0 - input_log2 * math.log(2.0) / math.log(eff) + bio - effect
                for t in range(1, QPCR_TECHREPS + 1):
                    cq = mean + rng.gauss(0.0, SD_TECH_CQ)
                    rows.append((sample, group, target, "%.3f" % cq, str(t)))
    return rows


# ---------------------------------------------------------------------------------------------
# 3. RNA-seq: SJSA-1, milademetan 100 nM 24 h vs DMSO, 3 + 3 samples, negative binomial counts
# ---------------------------------------------------------------------------------------------

N_GENES = 2000
# p53 targets: (gene, mean count in DMSO at size factor 1, true fold change)
P53_TARGETS = [
    ("CDKN1A", 2000.0, 8.0), ("BBC3", 300.0, 3.0), ("MDM2", 5000.0, 4.0), ("GDF15", 800.0, 6.0),
    ("TP53I3", 600.0, 5.0), ("SESN1", 900.0, 2.5), ("RRM2B", 700.0, 2.5), ("FAS", 400.0, 3.0),
    ("ZMAT3", 500.0, 2.5), ("TNFRSF10B", 1500.0, 3.0),
]
# cell-cycle genes repressed downstream of p21 (illustrative): (gene, mean count, fold change)
REPRESSED = [
    ("CCNB1", 3000.0, 0.4), ("CDC20", 2500.0, 0.4), ("PLK1", 1800.0, 0.45), ("E2F1", 900.0, 0.5),
    ("MKI67", 2200.0, 0.5), ("TOP2A", 4000.0, 0.45), ("BUB1", 1200.0, 0.5), ("AURKA", 1500.0, 0.5),
    ("CDK1", 2600.0, 0.45), ("FOXM1", 1100.0, 0.5),
]
UNCHANGED_NAMED = [("GAPDH", 60000.0), ("ACTB", 80000.0), ("TP53", 1500.0)]
SIZE_FACTORS = [0.90, 1.10, 1.00, 0.85, 1.15, 1.05]
RNA_SAMPLES = [("DMSO_1", "DMSO"), ("DMSO_2", "DMSO"), ("DMSO_3", "DMSO"),
               ("MIL_1", "milademetan"), ("MIL_2", "milademetan"), ("MIL_3", "milademetan")]
LOG10_MEAN_MU, LOG10_MEAN_SD = 2.2, 0.8      # background genes: log10 of the mean count ~ N(2.2, 0.8), in [0, 4.5]
DISP_ASYMPTOTE, DISP_EXTRA_POISSON = 0.03, 2.0  # dispersion trend 0.03 + 2 / mean (DESeq2's parametric form)
DISP_SCATTER_SDLOG = 0.4                      # gene-wise dispersions scatter log-normally around the trend


def poisson(rng, lam):
    """Poisson variate: multiplication method below 10, PTRS (Hoermann 1993) above."""
    if lam <= 0:
        return 0
    if lam < 10:
        limit = math.exp(-lam)
        k, p = 0, rng.random()
        while p > limit:
            k += 1
            p *= rng.random()
        return k
    slam = math.sqrt(lam)
    loglam = math.log(lam)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    inv_alpha = 1.1239 + 1.1328 / (b - 3.4)
    vr = 0.9277 - 3.6224 / (b - 2)
    while True:
        u = rng.random() - 0.5
        v = rng.random()
        us = 0.5 - abs(u)
        k = math.floor((2 * a / us + b) * u + lam + 0.43)
        if us >= 0.07 and v <= vr:
            return int(k)
        if k < 0 or (us < 0.013 and v > us):
            continue
        if (math.log(v) + math.log(inv_alpha) - math.log(a / (us * us) + b)
                <= -lam + k * loglam - math.lgamma(k + 1)):
            return int(k)


def neg_binomial(rng, mean, disp):
    """NB(mean, dispersion) as a gamma-Poisson mixture: variance = mean + disp * mean^2."""
    shape = 1.0 / disp
    return poisson(rng, rng.gammavariate(shape, mean / shape))


def rnaseq(rng):
    genes = []  # (gene_id, mean at size factor 1 in DMSO, fold change, dispersion)
    for g, m, fc in P53_TARGETS + REPRESSED:
        genes.append((g, m, fc))
    for g, m in UNCHANGED_NAMED:
        genes.append((g, m, 1.0))
    for i in range(1, N_GENES - len(genes) + 1):
        lm = min(4.5, max(0.0, rng.gauss(LOG10_MEAN_MU, LOG10_MEAN_SD)))
        genes.append(("SIM%05d" % i, 10.0 ** lm, 1.0))
    # shuffle the named genes into the table, deterministically
    order = list(range(len(genes)))
    rng.shuffle(order)
    genes = [genes[i] for i in order]
    counts, truth = [], []
    for g, m, fc in genes:
        disp = (DISP_ASYMPTOTE + DISP_EXTRA_POISSON / m) * math.exp(rng.gauss(0.0, DISP_SCATTER_SDLOG))
        row = []
        for (sample, cond), sf in zip(RNA_SAMPLES, SIZE_FACTORS):
            mu = sf * m * (fc if cond == "milademetan" else 1.0)
            row.append(neg_binomial(rng, mu, disp))
        counts.append((g, row))
        truth.append((g, "%.6g" % m, "%.6g" % fc, "%.6g" % math.log2(fc), "%.6g" % disp))
    return counts, truth


# ---------------------------------------------------------------------------------------------

def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    rng = random.Random(SEED)
    write("plates.csv", ["plate", "well", "content", "cell_line", "compound", "dose_nM", "value"], plates(rng))
    write("truth_ic50.csv", ["cell_line", "tp53", "dmso_rlu", "ic50_nM", "hill_slope", "bottom", "top"],
          [(c, s, b, "" if e is None else "%g" % e, "" if h is None else "%g" % h,
            "" if bot is None else "%g" % bot, "100") for c, s, b, e, h, bot in CELL_LINES])
    write("qpcr.csv", ["sample", "group", "target", "cq", "replicate"], qpcr(rng))
    write("qpcr_efficiencies.csv", ["target", "amplification_factor"], [(t, "%g" % e) for t, _c, e, _f in QPCR_TARGETS])
    write("truth_qpcr.csv", ["target", "fold_change"], [(t, "%g" % f) for t, _c, _e, f in QPCR_TARGETS])
    counts, truth = rnaseq(rng)
    write("rnaseq_counts.csv", ["gene_id"] + [s for s, _c in RNA_SAMPLES],
          [[g] + [str(c) for c in row] for g, row in counts])
    write("rnaseq_samples.csv", ["sample", "condition"], RNA_SAMPLES)
    write("truth_rnaseq.csv", ["gene_id", "mean_dmso", "fold_change", "log2_fold_change", "dispersion"], truth)


if __name__ == "__main__":
    main()
