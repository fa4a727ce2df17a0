#!/usr/bin/env python3
"""Derives this testflow's input and expected output from the edgeR reference files of the RNA-seq engine
(plugins/org.benchtop.core/src/test/resources/org/benchtop/core/rnaseq/, see the README there). Python 3 stdlib only.

Only selects, reorders and renames: every value is copied as text, nothing is computed. The references were made by
make_expected_edger_cpm.R (edgeR 3.40.2): y <- DGEList(cts, group); keep <- filterByExpr(y, group);
y <- calcNormFactors(y[keep, , keep.lib.sizes = FALSE], method = "TMM"); cpm(y); cpm(y, log = TRUE).

  data/counts.csv  = the rows of pasilla_gene_counts.tsv whose gene is in edger_filtered_gene_ids.csv (the 7,919
                     genes filterByExpr keeps), tab -> comma, sample columns in R's order (treated1..3, untreated1..4)
  expected/0.csv   = edger_norm_factors_filtered_full.csv (17 digits): sample, lib.size -> lib_size, TMM -> norm_factor
  expected/1.csv   = edger_cpm_filtered.csv: gene_id and the CPM of the first 300 kept genes (17 digits)
  expected/2.csv   = edger_logcpm_filtered.csv: the same genes' logCPM (prior.count 2)

Ports 1 and 2 are compared by gene_id (expected.<port>.key in testflow.properties): 300 of the 7,919 output rows.

Run from anywhere:  python3 make_expected.py [REFERENCE_DIR]
The build never runs this script; its output is committed.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "..", "plugins", "org.benchtop.core", "src", "test", "resources", "org", "benchtop", "core", "rnaseq")


def read(name, delimiter=","):
    with open(os.path.join(REF, name), newline="", encoding="utf-8") as f:
        return list(csv.reader(f, delimiter=delimiter))


def write(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)


def main():
    factors = read("edger_norm_factors_filtered_full.csv")
    assert factors[0] == ["sample", "lib.size", "TMM"]
    samples = [r[0] for r in factors[1:]]
    keep = [r[0] for r in read("edger_filtered_gene_ids.csv")[1:]]
    counts = read("pasilla_gene_counts.tsv", "\t")
    header = counts[0]
    idx = [0] + [header.index(s) for s in samples]
    by_gene = {r[0]: r for r in counts[1:]}
    kept = [counts[0]] + [by_gene[g] for g in keep]
    # the kept genes are in the order of the count table, as in R's y[keep, ]
    assert [r[0] for r in kept[1:]] == [r[0] for r in counts[1:] if r[0] in set(keep)]
    write(os.path.join(HERE, "data", "counts.csv"), [[r[i] for i in idx] for r in kept])
    write(os.path.join(HERE, "expected", "0.csv"), [["sample", "lib_size", "norm_factor"]] + factors[1:])
    for port, name in ((1, "edger_cpm_filtered.csv"), (2, "edger_logcpm_filtered.csv")):
        table = read(name)
        assert table[0] == ["gene_id"] + samples
        write(os.path.join(HERE, "expected", "%d.csv" % port), table)
    print("data/counts.csv (%d genes), expected/0.csv, expected/1.csv, expected/2.csv" % len(keep))


if __name__ == "__main__":
    main()
