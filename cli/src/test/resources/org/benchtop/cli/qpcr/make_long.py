#!/usr/bin/env python3
"""Writes the long (one row per well) CLI inputs from R pcr's wide example files, beside this script.

pcr_ct1.csv / pcr_ct2.csv: 12 rows, rows 1-6 brain, 7-12 kidney (pcr's vignette: group_var = rep(c('brain',
'kidney'), each = 6)); pcr_ct4.csv: 24 rows, 1-12 control, 13-24 treatment (rep(c('control', 'treatment'),
each = 12)). Row i of every gene column is sample s<i> (as the core tests' QpcrAnalysisTest.longTable).
Values are copied as text, unchanged. Run: python3 make_long.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
GROUPS = {"pcr_ct1.csv": ["brain"] * 6 + ["kidney"] * 6,
          "pcr_ct2.csv": ["brain"] * 6 + ["kidney"] * 6,
          "pcr_ct4.csv": ["control"] * 12 + ["treatment"] * 12}

for name, groups in GROUPS.items():
    with open(os.path.join(HERE, name), newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    assert len(data) == len(groups), name
    out = os.path.join(HERE, name.replace(".csv", "_long.csv"))
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sample", "group", "target", "cq"])
        for c, gene in enumerate(header):
            for i, row in enumerate(data):
                w.writerow(["s%d" % (i + 1), groups[i], gene, row[c]])
    print("wrote", out)
