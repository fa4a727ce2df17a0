package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * geNorm reference-gene stability (Vandesompele et al. 2002, Genome Biol 3:research0034,
 * doi:10.1186/gb-2002-3-7-research0034), as NormqPCR's {@code selectHKs(method = "geNorm")}.
 * <pre>
 *   A_jk(s) = log2(a_js / a_ks)                     for candidate genes j ≠ k, samples s
 *   V_jk    = sd_s(A_jk)                            (sample SD over samples)
 *   M_j     = Σ_{k≠j} V_jk / (n - 1)                (gene stability; lower is more stable)
 * </pre>
 * The gene with the highest M is excluded and M recomputed on the rest, until two genes remain
 * (they cannot be ranked against each other). The ranking lists those two first, then the
 * excluded genes in reverse order of exclusion. With the normalization factor
 * {@code NF_n = geometric mean of the n best-ranked genes}, the pairwise variation is
 * {@code V_n/n+1 = sd_s(log2(NF_n / NF_n+1))} for n = 2 .. k-1 (cut-off 0.15 suggested by the
 * authors).
 *
 * <p>Input is log2 quantities; from Cq use {@code log2 a = -Cq·log2(E)} (any constant offset per gene
 * cancels). Samples missing any candidate gene are left out with a warning.
 */
public final class GeNorm {

    private final int minGenes;

    private GeNorm(int minGenes) {
        if (minGenes < 2) {
            throw QpcrException.badInput("geNorm stops at %d genes; the minimum is 2", Integer.valueOf(minGenes));
        }
        this.minGenes = minGenes;
    }

    /** @return geNorm down to 2 genes */
    public static GeNorm withDefaults() {
        return new GeNorm(2);
    }

    /**
     * @param n the number of genes at which exclusion stops (at least 2)
     * @return a copy
     */
    public GeNorm withMinGenes(int n) {
        return new GeNorm(n);
    }

    /**
     * The M values of one exclusion step.
     *
     * @param step 1 for all genes, 2 after the first exclusion, ...
     * @param genes the genes at this step, in input order
     * @param m their M values
     * @param meanM the average M
     * @param excluded the gene excluded after this step (highest M), {@code null} at the last step
     */
    public record Step(int step, List<String> genes, double[] m, double meanM, String excluded) {
        /**
         * @param gene a gene of this step
         * @return its M
         */
        public double m(String gene) {
            int i = genes.indexOf(gene);
            if (i < 0) {
                throw new IllegalArgumentException("gene " + gene + " not in step " + step);
            }
            return m[i];
        }
    }

    /**
     * A pairwise variation.
     *
     * @param n the number of genes in the smaller normalization factor
     * @param v {@code V_n/n+1}
     */
    public record Variation(int n, double v) {
        /** @return the label, e.g. {@code V2/3} */
        public String label() {
            return "V" + n + "/" + (n + 1);
        }
    }

    /**
     * @param samples the samples used
     * @param steps the exclusion steps
     * @param ranking most stable first (positions 1 and 2 tied)
     * @param variations V_n/n+1 for n = 2 .. k-1
     * @param warnings dropped samples
     */
    public record Result(List<String> samples, List<Step> steps, List<String> ranking, List<Variation> variations,
            List<String> warnings) {
        /** Defensive copies. */
        public Result {
            samples = List.copyOf(samples);
            steps = List.copyOf(steps);
            ranking = List.copyOf(ranking);
            variations = List.copyOf(variations);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Runs geNorm.
     *
     * @param samples sample names (rows)
     * @param genes candidate gene names (columns)
     * @param log2Quantity log2 relative quantities [sample][gene]; NaN = missing
     * @return steps, ranking and pairwise variations
     * @throws QpcrException (BAD_INPUT) for fewer than 2 genes (or fewer than {@code minGenes}), or
     *     fewer than 2 complete samples
     */
    public Result compute(List<String> samples, List<String> genes, double[][] log2Quantity) {
        int k = genes.size();
        if (k < Math.max(2, minGenes)) {
            throw QpcrException.badInput("geNorm needs at least %d candidate reference genes; got %d (%s)",
                    Integer.valueOf(Math.max(2, minGenes)), Integer.valueOf(k), String.join(", ", genes));
        }
        List<String> warnings = new ArrayList<>();
        List<String> used = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            double[] r = log2Quantity[s];
            List<String> miss = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                if (Double.isNaN(r[g]) || Double.isInfinite(r[g])) {
                    miss.add(genes.get(g));
                }
            }
            if (miss.isEmpty()) {
                used.add(samples.get(s));
                rows.add(r);
            } else {
                warnings.add(String.format(Locale.ROOT, "Sample '%s' left out of geNorm: no value for %s",
                        samples.get(s), String.join(", ", miss)));
            }
        }
        if (used.size() < 2) {
            throw QpcrException.badInput("geNorm needs at least 2 samples with every candidate gene measured; got %d",
                    Integer.valueOf(used.size()));
        }
        int ns = used.size();
        // pairwise SDs of log ratios, computed once
        double[][] v = new double[k][k];
        double[] a = new double[ns];
        for (int j = 0; j < k; j++) {
            for (int i = j + 1; i < k; i++) {
                for (int s = 0; s < ns; s++) {
                    a[s] = rows.get(s)[j] - rows.get(s)[i];
                }
                v[j][i] = QMath.sd(a);
                v[i][j] = v[j][i];
            }
        }
        List<Integer> cur = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            cur.add(Integer.valueOf(g));
        }
        List<Step> steps = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int step = 1;
        while (true) {
            double[] m = new double[cur.size()];
            int worst = 0;
            double sumM = 0;
            for (int p = 0; p < cur.size(); p++) {
                double acc = 0;
                for (int q = 0; q < cur.size(); q++) {
                    if (q != p) {
                        acc += v[cur.get(p).intValue()][cur.get(q).intValue()];
                    }
                }
                m[p] = acc / (cur.size() - 1);
                sumM += m[p];
                if (m[p] > m[worst]) {
                    worst = p;
                }
            }
            List<String> names = new ArrayList<>();
            for (Integer g : cur) {
                names.add(genes.get(g.intValue()));
            }
            boolean last = cur.size() <= Math.max(2, minGenes);
            String ex = last ? null : names.get(worst);
            steps.add(new Step(step, List.copyOf(names), m, sumM / cur.size(), ex));
            if (last) {
                break;
            }
            removed.add(ex);
            cur.remove(worst);
            step++;
        }
        List<String> ranking = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Integer g : cur) {
            rest.add(genes.get(g.intValue()));
        }
        Collections.sort(rest);
        ranking.addAll(rest);
        List<String> rev = new ArrayList<>(removed);
        Collections.reverse(rev);
        ranking.addAll(rev);
        // pairwise variation on the ranking
        List<Variation> vars = new ArrayList<>();
        double[][] nfLog = new double[ranking.size() + 1][ns];
        for (int n = 1; n <= ranking.size(); n++) {
            int g = genes.indexOf(ranking.get(n - 1));
            for (int s = 0; s < ns; s++) {
                nfLog[n][s] = (nfLog[n - 1][s] * (n - 1) + rows.get(s)[g]) / n;
            }
        }
        for (int n = 2; n < ranking.size(); n++) {
            for (int s = 0; s < ns; s++) {
                a[s] = nfLog[n][s] - nfLog[n + 1][s];
            }
            vars.add(new Variation(n, QMath.sd(a)));
        }
        return new Result(used, steps, ranking, vars, warnings);
    }
}
