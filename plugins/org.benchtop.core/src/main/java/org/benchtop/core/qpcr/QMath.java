package org.benchtop.core.qpcr;

/** Small numeric helpers of the qPCR engines (sample mean and SD as R's {@code mean}, {@code sd}). */
final class QMath {
    private QMath() {
    }

    /** @return the arithmetic mean, NaN for an empty array */
    static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double m = s / x.length;
        // one refinement pass, as R's mean.default does for long doubles
        double c = 0;
        for (double v : x) {
            c += v - m;
        }
        return m + c / x.length;
    }

    /** @return the sample standard deviation (n - 1 denominator), NaN for fewer than 2 values */
    static double sd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** @return the median, NaN for an empty array */
    static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** @return the arithmetic mean of log values back-transformed: the geometric mean of positive x */
    static double geomean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.log(v);
        }
        return Math.exp(s / x.length);
    }

    static double[] toArray(java.util.List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i).doubleValue();
        }
        return a;
    }
}
