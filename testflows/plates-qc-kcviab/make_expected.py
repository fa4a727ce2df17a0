#!/usr/bin/env python3
"""Derives this testflow's input and expected output from the shared reference data (Python 3 stdlib only).

Only subsets rows and renames/subsets columns: every value is copied as text, nothing is computed.

  data/input.csv   = the rows of plates 1, 2 and 3 (both replicates) of kcviab_raw_long.csv, lines copied verbatim
  expected/0.csv   = expected_per_plate.csv (R, make_expected.R), plates 1-3: the per-plate statistics that the
                     Plate QC table (port 0) also has, renamed to its column names
  expected/2.csv   = expected_medpolish_effects_plates_1_2_3.csv, variant "cellHTS2" (median polish of the sample
                     wells, as the node does): the median-polish effects table (port 1 of KNIME's numbering, index 2
                     here). R's effect labels are rewritten as the node's (effect, position) pair:
                     overall -> (overall, NA), rowK -> (row, K-th letter), colK -> (column, K)

Ports 1 (screen QC, pooled over all 57 plates in the reference: not comparable on 3 plates), 3 (heatmaps) and
4 (overview image) have no reference.

Run from anywhere:  python3 make_expected.py [REFDATA_PLATES_DIR]
(default: ../../../shared/refdata/plates relative to this file: the shared reference data beside the repository).
The build never runs this script; its output is committed.
"""
import csv
import os
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "refdata", "plates")
PLATES = {"1", "2", "3"}

# expected_per_plate.csv column -> Plate QC column (port 0); the others (all_mean, all_sd, *_plain) have no
# counterpart in the node's output
PER_PLATE = [
    ("plate", "plate"),
    ("replicate", "replicate"),
    ("neg", "neg_mean"),
    ("pos", "pos_mean"),
    ("sample_mean", "sample_mean"),
    ("sample_sd", "sample_sd"),
    ("sample_median", "sample_median"),
    ("sample_mad", "sample_mad"),
    ("sample_cv_percent", "sample_cv_percent"),
    ("signal_to_background", "signal_to_background"),
    ("medpolish_overall_cellHTS2", "medpolish_overall"),
    ("mad_residual_cellHTS2", "residual_mad"),
]


def copy_input(src, dst):
    """Header and the lines of plates 1-3, verbatim."""
    with open(src, newline="", encoding="utf-8") as f, open(dst, "w", newline="", encoding="utf-8") as out:
        header = f.readline()
        if header.rstrip("\r\n").split(",")[0] != "plate":
            sys.exit("unexpected header in %s: %s" % (src, header))
        out.write(header)
        n = 0
        for line in f:
            if line.split(",", 1)[0] in PLATES:
                out.write(line)
                n += 1
    return n


def read(src):
    with open(src, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(dst, header, rows):
    with open(dst, "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return len(rows)


def effect_label(effect):
    """R's label -> the node's (effect, position)."""
    if effect == "overall":
        return "overall", "NA"
    if effect.startswith("row"):
        return "row", string.ascii_uppercase[int(effect[3:]) - 1]
    if effect.startswith("col"):
        return "column", effect[3:]
    sys.exit("unknown effect label %r" % effect)


def main():
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    n_in = copy_input(os.path.join(REF, "kcviab_raw_long.csv"), os.path.join(HERE, "data", "input.csv"))

    per_plate = [r for r in read(os.path.join(REF, "expected_per_plate.csv")) if r["plate"] in PLATES]
    n0 = write(os.path.join(HERE, "expected", "0.csv"), [new for _, new in PER_PLATE],
               [[r[old] for old, _ in PER_PLATE] for r in per_plate])

    effects = []
    for r in read(os.path.join(REF, "expected_medpolish_effects_plates_1_2_3.csv")):
        if r["plate"] in PLATES and r["variant"] == "cellHTS2":
            effect, position = effect_label(r["effect"])
            effects.append([r["plate"], r["replicate"], effect, position, r["value"]])
    n2 = write(os.path.join(HERE, "expected", "2.csv"), ["plate", "replicate", "effect", "position", "value"],
               effects)
    print("data/input.csv: %d rows; expected/0.csv: %d plates; expected/2.csv: %d effects" % (n_in, n0, n2))


if __name__ == "__main__":
    main()
