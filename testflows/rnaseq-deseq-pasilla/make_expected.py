#!/usr/bin/env python3
"""Derives this testflow's input and expected output from the DESeq2 reference files of the RNA-seq engine
(plugins/org.benchtop.core/src/test/resources/org/benchtop/core/rnaseq/, see the README there). Python 3 stdlib only.

Only selects, reorders and renames: every value is copied as text, nothing is computed.

  data/counts.csv   = pasilla_gene_counts.tsv (14,599 genes x 7 samples), tab -> comma, the sample columns in the
                      order the R scripts use (cts[, rownames(coldata)]: treated1..3, untreated1..4)
  data/samples.csv  = expected_coldata_used.csv (sample, condition, type), as R used them
  expected/0.csv    = full_pasilla_type_condition_results.csv (DESeq2 1.38.3, make_expected_deseq2_full.R:
                      DESeq(~ type + condition), results(contrast = c("condition", "treated", "untreated")),
                      12 significant digits): columns gene_id, baseMean, log2FoldChange, lfcSE, stat, pvalue, padj,
                      dispersion
  expected/2.csv    = full_pasilla_type_condition_size_factors.csv (17 digits): sample, sizeFactor -> size_factor

Run from anywhere:  python3 make_expected.py [REFERENCE_DIR]
The build never runs this script; its output is committed.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "..", "plugins", "org.benchtop.core", "src", "test", "resources", "org", "benchtop", "core", "rnaseq")

RESULT_COLUMNS = ["gene_id", "baseMean", "log2FoldChange", "lfcSE", "stat", "pvalue", "padj", "dispersion"]


def read(name, delimiter=","):
    with open(os.path.join(REF, name), newline="", encoding="utf-8") as f:
        return list(csv.reader(f, delimiter=delimiter))


def write(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)


def main():
    coldata = read("expected_coldata_used.csv")
    samples = [r[0] for r in coldata[1:]]
    counts = read("pasilla_gene_counts.tsv", "\t")
    header = counts[0]
    idx = [0] + [header.index(s) for s in samples]
    write(os.path.join(HERE, "data", "counts.csv"), [[r[i] for i in idx] for r in counts])
    write(os.path.join(HERE, "data", "samples.csv"), coldata)

    res = read("full_pasilla_type_condition_results.csv")
    cols = [res[0].index(c) for c in RESULT_COLUMNS]
    write(os.path.join(HERE, "expected", "0.csv"), [RESULT_COLUMNS] + [[r[i] for i in cols] for r in res[1:]])
    sf = read("full_pasilla_type_condition_size_factors.csv")
    assert sf[0] == ["sample", "sizeFactor"] and [r[0] for r in sf[1:]] == samples
    write(os.path.join(HERE, "expected", "2.csv"), [["sample", "size_factor"]] + sf[1:])
    print("data/counts.csv (%d genes), data/samples.csv, expected/0.csv, expected/2.csv" % (len(counts) - 1))


if __name__ == "__main__":
    main()
