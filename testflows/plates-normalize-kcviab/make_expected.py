#!/usr/bin/env python3
"""Derives this testflow's input and expected output from the shared reference data (Python 3 stdlib only).

Only subsets rows and renames/subsets columns: every value is copied as text, nothing is computed.

  data/input.csv   = the rows of plates 1, 2 and 3 (both replicates) of kcviab_raw_long.csv, lines copied verbatim
  expected/0.csv   = expected_per_well_plates_1_2_3.csv (R, make_expected.R): the identifying columns and the
                     seven normalizations, renamed to the Plate Normalizer's output column names

Run from anywhere:  python3 make_expected.py [REFDATA_PLATES_DIR]
(default: ../../../shared/refdata/plates relative to this file: the shared reference data beside the repository).
The build never runs this script; its output is committed.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "refdata", "plates")
PLATES = {"1", "2", "3"}

# reference column (make_expected.R) -> Plate Normalizer output column; identifying columns keep their names
RENAME = [
    ("plate", "plate"),
    ("replicate", "replicate"),
    ("well", "well"),
    ("content", "content"),
    ("value", "value"),
    ("pct_of_neg", "percent_of_negative"),
    ("pct_of_pos", "percent_of_positive"),
    ("pct_inhibition", "percent_inhibition"),
    ("zscore", "z_score"),
    ("robust_zscore", "robust_z_score"),
    ("bscore_cellHTS2", "b_score"),
    ("plate_median_ratio", "plate_median_ratio"),
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


def rename_columns(src, dst, mapping, keep_row=lambda r: True):
    with open(src, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(dst, "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow([new for _, new in mapping])
        n = 0
        for r in rows:
            if keep_row(r):
                w.writerow([r[old] for old, _ in mapping])
                n += 1
    return n


def main():
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    n_in = copy_input(os.path.join(REF, "kcviab_raw_long.csv"), os.path.join(HERE, "data", "input.csv"))
    n_out = rename_columns(os.path.join(REF, "expected_per_well_plates_1_2_3.csv"),
                           os.path.join(HERE, "expected", "0.csv"), RENAME, lambda r: r["plate"] in PLATES)
    if n_in != n_out:
        sys.exit("input has %d rows but expected output %d" % (n_in, n_out))
    print("data/input.csv: %d rows; expected/0.csv: %d rows" % (n_in, n_out))


if __name__ == "__main__":
    main()
