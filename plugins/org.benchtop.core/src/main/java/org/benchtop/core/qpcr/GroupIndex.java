package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups array positions by label, in order of first appearance. */
final class GroupIndex {
    private final Map<String, List<Integer>> idx = new LinkedHashMap<>();

    GroupIndex(String[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw QpcrException.badInput("Missing group at position %d; every sample needs a group",
                        Integer.valueOf(i + 1));
            }
            idx.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(Integer.valueOf(i));
        }
    }

    List<String> groups() {
        return new ArrayList<>(idx.keySet());
    }

    boolean has(String g) {
        return idx.containsKey(g);
    }

    /** The finite values of x in group g. */
    double[] values(String g, double[] x) {
        List<Integer> ii = idx.get(g);
        double[] v = new double[ii.size()];
        int k = 0;
        for (Integer i : ii) {
            double d = x[i.intValue()];
            if (!Double.isNaN(d)) {
                v[k++] = d;
            }
        }
        return java.util.Arrays.copyOf(v, k);
    }

    void requireCalibrator(String calibrator, String what) {
        if (!idx.containsKey(calibrator)) {
            throw QpcrException.badInput("Calibrator group '%s' is absent%s; the groups present are: %s. Set the "
                    + "calibrator to one of them", calibrator, what, String.join(", ", idx.keySet()));
        }
    }
}
