#!/usr/bin/env python3
"""Derives this testflow's input and expected output from the core's qPCR reference data (Python 3 stdlib only).

Only reshapes, subsets and renames: every value is copied as text, nothing is computed.

  data/input.csv   = pcr_ct1.csv (R package pcr 1.2.2, inst/extdata; ABI User Bulletin #2 / Livak & Schmittgen
                     2001: c-myc and GAPDH Ct, brain vs kidney, 6 each, separate tubes) in the long layout the node
                     reads: sample, group, target, cq. Groups as in pcr's vignette, rep(c("brain", "kidney"),
                     each = 6); row i of each gene column is sample s<i>.
  expected/0.csv   = the rows "ct1", "ddCt separate_tube", gene c_myc of expected_qpcr.csv (R 4.2.2,
                     make_expected.R: pcr::pcr_ddct(ct1, group_var, reference_gene = "GAPDH",
                     reference_group = "brain", mode = "separate_tube")), one row per group, quantities renamed to
                     the node's columns: normalized -> delta_cq, calibrated -> delta_delta_cq, error,
                     relative_expression, lower, upper.

Run from anywhere:  python3 make_expected.py [QPCR_REFERENCE_DIR]
(default: plugins/org.benchtop.core/src/test/resources/org/benchtop/core/qpcr of this repository).
The build never runs this script; its output is committed.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "plugins", "org.benchtop.core", "src",
                                                         "test", "resources", "org", "benchtop", "core", "qpcr")
GROUPS = ["brain"] * 6 + ["kidney"] * 6
COLUMNS = [("normalized", "delta_cq"), ("calibrated", "delta_delta_cq"), ("error", "error"),
           ("relative_expression", "relative_expression"), ("lower", "lower"), ("upper", "upper")]


def rows(name):
    with open(os.path.join(REF, name), newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def write(path, header, data):
    with open(os.path.join(HERE, path), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(data)
    print("wrote", path, len(data), "rows")


wide = rows("pcr_ct1.csv")
genes, values = wide[0], wide[1:]
assert genes == ["c_myc", "GAPDH"] and len(values) == len(GROUPS), genes
write("data/input.csv", ["sample", "group", "target", "cq"],
      [["s%d" % (i + 1), GROUPS[i], gene, row[c]] for c, gene in enumerate(genes) for i, row in enumerate(values)])

ref = {}
for r in rows("expected_qpcr.csv")[1:]:
    if r[0] == "ct1" and r[1] == "ddCt separate_tube" and r[3] == "c_myc":
        ref[(r[2], r[4])] = r[5]
write("expected/0.csv", ["group", "target"] + [c for _, c in COLUMNS],
      [[g, "c_myc"] + [ref[(g, q)] for q, _ in COLUMNS] for g in ["brain", "kidney"]])
