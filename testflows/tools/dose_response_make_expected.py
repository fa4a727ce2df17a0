#!/usr/bin/env python3
"""Derives a dose-response testflow's input and expected output from the R reference files of the dose-response engine
(plugins/org.benchtop.core/src/test/resources/org/benchtop/core/doseresponse/, see the README there). Python 3
stdlib only.

Only selects rows and renames columns: every value is copied as text, nothing is computed. One script serves
every dose-response scenario folder; the folder name says which model (and data set) it is:

  dose-response-ll4-ryegrass            drc_ryegrass.csv, LL.4, Jacobian SEs (make_expected.R)
  dose-response-ll3-ryegrass            drc_ryegrass.csv, LL.3, Hessian (drc) SEs (make_expected.R)
  dose-response-ll5-ryegrass            drc_ryegrass.csv, LL.5, Jacobian SEs (make_expected.R)
  dose-response-ll2-ryegrass-relative   drc_ryegrass_relative.csv (ryegrass / mean of its controls), LL.2,
                                        Jacobian SEs (make_ll2.R)

  data/input.csv   = the data set, copied verbatim
  expected/0.csv   = the fit table (port 0), one row: from the params file the rows of this data set and model,
                     one column per parameter and quantity (b -> hill_slope, c -> bottom, d -> top, e -> ec50,
                     f -> asymmetry; estimate -> <p>, se or se_hessian -> <p>_se, ci_low -> <p>_lower, ci_high ->
                     <p>_upper, except ec50, whose interval the node computes on the log scale; n, df, rss, rse);
                     from the ED file ED -> ed<p>, se or se_hessian -> ed<p>_se for p = 10, 20, 50, 80, 90, and
                     log10ED at p = 50 -> log10_ec50 (ED50 = e for LL.2 to LL.4; not for LL.5)
  expected/1.csv   = the point table (port 1): dose, response, fitted, residual of the fitted-values file
With Hessian SEs the t intervals (ci_low, ci_high: Jacobian-based in R) are left out.

Run from anywhere:  python3 dose_response_make_expected.py SCENARIO_DIR [REFERENCE_DIR]
e.g. python3 testflows/tools/dose_response_make_expected.py testflows/dose-response-ll4-ryegrass
The build never runs this script; its output is committed.
"""
import csv
import os
import shutil
import sys

HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else sys.exit(__doc__)
REF = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "plugins", "org.benchtop.core", "src", "test", "resources", "org", "benchtop", "core",
    "doseresponse")

# scenario folder -> (input file, dataset in the reference, model, SE column, params file, ED file, fitted file)
SCENARIOS = {
    "dose-response-ll4-ryegrass": ("drc_ryegrass.csv", "ryegrass", "LL.4", "se", "expected_dose_response_params.csv",
                                   "expected_dose_response_ED.csv", "expected_dose_response_fitted.csv"),
    "dose-response-ll3-ryegrass": ("drc_ryegrass.csv", "ryegrass", "LL.3", "se_hessian",
                                   "expected_dose_response_params.csv", "expected_dose_response_ED.csv",
                                   "expected_dose_response_fitted.csv"),
    "dose-response-ll5-ryegrass": ("drc_ryegrass.csv", "ryegrass", "LL.5", "se", "expected_dose_response_params.csv",
                                   "expected_dose_response_ED.csv", "expected_dose_response_fitted.csv"),
    "dose-response-ll2-ryegrass-relative": ("drc_ryegrass_relative.csv", "ryegrass_relative", "LL.2", "se",
                                            "expected_ll2_params.csv", "expected_ll2_ED.csv",
                                            "expected_ll2_fitted.csv"),
}
PARAMS = [("b", "hill_slope"), ("c", "bottom"), ("d", "top"), ("e", "ec50"), ("f", "asymmetry")]
LEVELS = ["10", "20", "50", "80", "90"]


def rows(name, dataset, model):
    with open(os.path.join(REF, name), newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["dataset"] == dataset and r["curve"] == "all" and r["model"] == model]


def write(path, header, table):
    with open(path, "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(header)
        w.writerows(table)


def main():
    scenario = os.path.basename(HERE)
    infile, dataset, model, se, params_file, ed_file, fitted_file = SCENARIOS[scenario]
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    shutil.copyfile(os.path.join(REF, infile), os.path.join(HERE, "data", "input.csv"))

    params = {r["param"]: r for r in rows(params_file, dataset, model)}
    if not params:
        sys.exit("no %s %s rows in %s" % (dataset, model, params_file))
    first = next(iter(params.values()))
    header = ["model", "n"]
    values = [model, first["n"]]
    for letter, name in PARAMS:
        if letter not in params:
            continue  # fixed by the model
        r = params[letter]
        header += [name, name + "_se"]
        values += [r["estimate"], r[se]]
        if letter != "e" and se == "se":
            header += [name + "_lower", name + "_upper"]
            values += [r["ci_low"], r["ci_high"]]
    eds = {r["p"]: r for r in rows(ed_file, dataset, model)}
    if model != "LL.5":
        header.append("log10_ec50")
        values.append(eds["50"]["log10ED"])
    header += ["rse", "rss", "df"]
    values += [first["rse"], first["rss"], first["df"]]
    for p in LEVELS:
        header += ["ed" + p, "ed" + p + "_se"]
        values += [eds[p]["ED"], eds[p][se]]
    write(os.path.join(HERE, "expected", "0.csv"), header, [values])

    fitted = rows(fitted_file, dataset, model)
    write(os.path.join(HERE, "expected", "1.csv"), ["dose", "response", "fitted", "residual"],
          [[r["dose"], r["response"], r["fitted"], r["residual"]] for r in fitted])
    print("%s: data/input.csv (%s), expected/0.csv (%d columns), expected/1.csv (%d rows)"
          % (scenario, infile, len(header), len(fitted)))


if __name__ == "__main__":
    main()
