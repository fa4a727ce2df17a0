#!/usr/bin/env python3
"""Derives this testflow's input and expected output from the core's qPCR reference data (Python 3 stdlib only).

Only subsets and renames: every value is copied as text, nothing is computed.

  data/input.csv   = RDML_stepone_std_cq.csv: the Cq table of PCRuniversum/RDML inst/extdata/stepone_std.rdml
                     (StepOne Software v2.3 "Standard Curve Example", RNase P: 5 standards x 3, 2 unknowns x 3,
                     NTC x 3), extracted with R's xml2: well, sample, type, quantity, target, cq. R's NA is written
                     as an empty field (a missing value for KNIME's CSV Reader, which reads "NA" as text).
  expected/0.csv   = the rows "stepone_std", "standard curve", "std", "RNase P" of expected_qpcr.csv (R 4.2.2,
                     make_expected.R: lm(cq ~ log10(quantity)) on the standards), one column per quantity.
  expected/1.csv   = expected_stepone_unknowns_interpolated.csv (R, same script): well, sample, target, cq,
                     log10_quantity, and quantity_interpolated renamed to quantity.

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
CURVE = ["slope", "intercept", "r_squared", "se_slope", "se_intercept", "amplification_factor",
         "efficiency_percent"]


def rows(name):
    with open(os.path.join(REF, name), newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def write(path, header, data):
    with open(os.path.join(HERE, path), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(data)
    print("wrote", path, len(data), "rows")


cq = rows("RDML_stepone_std_cq.csv")
assert cq[0] == ["well", "sample", "type", "quantity", "target", "cq"], cq[0]
write("data/input.csv", cq[0], [["" if v == "NA" else v for v in r] for r in cq[1:]])

ref = {r[4]: r[5] for r in rows("expected_qpcr.csv")[1:]
       if r[0] == "stepone_std" and r[1] == "standard curve" and r[2] == "std" and r[3] == "RNase P"}
write("expected/0.csv", ["target"] + CURVE, [["RNase P"] + [ref[q] for q in CURVE]])

unk = rows("expected_stepone_unknowns_interpolated.csv")
h = unk[0]
keep = [("well", "well"), ("sample", "sample"), ("target", "target"), ("cq", "cq"),
        ("log10_quantity", "log10_quantity"), ("quantity_interpolated", "quantity")]
write("expected/1.csv", [n for _, n in keep], [[r[h.index(o)] for o, _ in keep] for r in unk[1:]])
