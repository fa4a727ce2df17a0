#!/usr/bin/env python3
"""Copies this testflow's input and expected output from the core's qPCR reference data (Python 3 stdlib only).

  data/RDML_stepone_std.rdml  = PCRuniversum/RDML inst/extdata/stepone_std.rdml (MIT): an RDML v1.0 zip exported by
                                StepOne Software v2.3, "Standard Curve Example", RNase P. The RDML Reader node reads
                                it as knime://knime.workflow/data/RDML_stepone_std.rdml (the workflow's data area).
  expected/0.csv              = RDML_stepone_std_cq.csv: the Cq table of that file extracted with R's xml2 (well,
                                sample, type, quantity, target, cq), verbatim.

Run from anywhere:  python3 make_expected.py [QPCR_REFERENCE_DIR]
(default: plugins/org.benchtop.core/src/test/resources/org/benchtop/core/qpcr of this repository).
The build never runs this script; its output is committed.
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "plugins", "org.benchtop.core", "src",
                                                         "test", "resources", "org", "benchtop", "core", "qpcr")
shutil.copyfile(os.path.join(REF, "RDML_stepone_std.rdml"), os.path.join(HERE, "data", "RDML_stepone_std.rdml"))
shutil.copyfile(os.path.join(REF, "RDML_stepone_std_cq.csv"), os.path.join(HERE, "expected", "0.csv"))
print("wrote data/RDML_stepone_std.rdml, expected/0.csv")
