package org.benchtop.core.doseresponse;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The fits of the reference data sets, as made in make_expected.R. */
final class ReferenceFits {

    private ReferenceFits() {
    }

    /** Max |deviation| per quantity, reported by the tests (for the README and the report). */
    static final Map<String, Double> MAX_DEVIATION = new TreeMap<>();

    static synchronized void record(String quantity, double deviation) {
        MAX_DEVIATION.merge(quantity, Double.valueOf(deviation), (a, b) -> Double.valueOf(Math.max(a.doubleValue(), b.doubleValue())));
    }

    static LogLogisticFitter.JointResult fit(String dataset, String model, SeConvention se) {
        LogLogisticFitter.Optimizer opt = LogLogisticFitter.Optimizer.COMPACT;
        return fit(dataset, model, se, opt);
    }

    static LogLogisticFitter.JointResult fit(String dataset, String model, SeConvention se,
            LogLogisticFitter.Optimizer opt) {
        switch (dataset + "|" + model) {
            case "ryegrass|LL.4":
                return single(DoseResponseData.ryegrass(), LogLogisticModel.LL4, se, opt);
            case "ryegrass|LL.3":
                return single(DoseResponseData.ryegrass(), LogLogisticModel.LL3, se, opt);
            case "ryegrass|LL.5":
                return single(DoseResponseData.ryegrass(), LogLogisticModel.LL5, se, opt);
            case "spinach|LL.4 (joint fit, pooled variance)":
                return joint(DoseResponseData.spinach(), LogLogisticModel.LL4, se, opt, EnumSet.noneOf(LogLogisticParameter.class));
            case "S.alba|LL.3 (joint fit, pooled variance)":
                return joint(DoseResponseData.sAlba(), LogLogisticModel.LL3, se, opt, EnumSet.noneOf(LogLogisticParameter.class));
            case "S.alba|LL.4 common c,d (joint fit)":
                return joint(DoseResponseData.sAlba(), LogLogisticModel.LL4, se, opt,
                        EnumSet.of(LogLogisticParameter.BOTTOM, LogLogisticParameter.TOP));
            default:
                throw new IllegalArgumentException(dataset + " " + model);
        }
    }

    private static LogLogisticFitter.JointResult single(DoseResponseData.Curves c, LogLogisticModel m, SeConvention se,
            LogLogisticFitter.Optimizer opt) {
        return LogLogisticFitter.create(m).withSeConvention(se).withOptimizer(opt)
                .fitJoint(c.doses(), c.responses(), List.of("all"), EnumSet.noneOf(LogLogisticParameter.class));
    }

    private static LogLogisticFitter.JointResult joint(DoseResponseData.Curves c, LogLogisticModel m, SeConvention se,
            LogLogisticFitter.Optimizer opt, EnumSet<LogLogisticParameter> shared) {
        return LogLogisticFitter.create(m).withSeConvention(se).withOptimizer(opt)
                .fitJoint(c.doses(), c.responses(), c.labels(), shared);
    }

    static LogLogisticFitter.Result curve(LogLogisticFitter.JointResult jr, String label) {
        if (label.equals("common")) {
            return jr.curves().get(0);
        }
        for (LogLogisticFitter.Result r : jr.curves()) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException(label);
    }
}
