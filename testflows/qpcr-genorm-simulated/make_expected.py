#!/usr/bin/env python3
"""Derives this testflow's input and expected output from the core's geNorm reference (Python 3 stdlib only).

Only subsets and renames: every value is copied as text, nothing is computed.

  data/input.csv   = genorm/genorm_cq.csv: a simulated geNorm panel (seed 20020618; 10 candidate genes, 9
                     bone_marrow and 12 fibroblast samples; group, sample, target, cq), verbatim.
  expected/0.csv   = genorm/expected_genorm_M.csv (base R 4.2.2, make_genorm_reference.R: geNorm from its
                     definition, log2 quantity = -Cq, per group), groups bone_marrow and fibroblast (not "all", the
                     pooled run): group, step, target, m_value.
  expected/1.csv   = genorm/expected_genorm_V.csv, the same groups: group and v (renamed pairwise_variation), in
                     the file's order (V2/3, V3/4, ..., V9/10), which is the node's row order.
  expected/2.csv   = genorm/expected_genorm_ranking.csv, the same groups: group, target (most stable first; the
                     node ranks the last two genes together, so the rank numbers are not compared).

Run from anywhere:  python3 make_expected.py [QPCR_REFERENCE_DIR]
(default: plugins/org.benchtop.core/src/test/resources/org/benchtop/core/qpcr of this repository).
The build never runs this script; its output is committed.
"""
import csv
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "plugins", "org.benchtop.core", "src",
                                                         "test", "resources", "org", "benchtop", "core", "qpcr")
GEN = os.path.join(REF, "genorm")
GROUPS = {"bone_marrow", "fibroblast"}


def rows(name):
    with open(os.path.join(GEN, name), newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def write(path, header, data):
    with open(os.path.join(HERE, path), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(data)
    print("wrote", path, len(data), "rows")


def select(name, columns):
    r = rows(name)
    h = r[0]
    return [[x[h.index(c)] for c in columns] for x in r[1:] if x[0] in GROUPS]


shutil.copyfile(os.path.join(GEN, "genorm_cq.csv"), os.path.join(HERE, "data", "input.csv"))
print("wrote data/input.csv")
write("expected/0.csv", ["group", "step", "target", "m_value"],
      select("expected_genorm_M.csv", ["group", "step", "target", "m_value"]))
write("expected/1.csv", ["group", "pairwise_variation"], select("expected_genorm_V.csv", ["group", "v"]))
write("expected/2.csv", ["group", "target"], select("expected_genorm_ranking.csv", ["group", "target"]))
