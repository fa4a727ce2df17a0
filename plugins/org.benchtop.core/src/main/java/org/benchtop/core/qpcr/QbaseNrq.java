package org.benchtop.core.qpcr;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalized relative quantities with several reference genes and full error propagation, the
 * qbase+ method of Hellemans et al. 2007 (Genome Biol 8:R19, doi:10.1186/gb-2007-8-2-r19).
 * For each gene g with amplification factor E_g and each sample s (replicate mean Cq
 * {@code Cq_gs} with standard error {@code SE_gs}):
 * <pre>
 *   RQ_gs    = E_g^(mean_s'(Cq_gs') - Cq_gs)            SE(RQ_gs) = RQ_gs·ln(E_g)·SE_gs
 *   NF_s     = (Π_r RQ_rs)^(1/f)  over the f reference genes
 *   SE(NF_s) = NF_s·sqrt(Σ_r (SE(RQ_rs)/(f·RQ_rs))²)
 *   NRQ_gs   = RQ_gs / NF_s      SE(NRQ_gs) = NRQ_gs·sqrt((SE(RQ_gs)/RQ_gs)² + (SE(NF_s)/NF_s)²)
 * </pre>
 * (equations 4-10 of the paper, with the arithmetic mean Cq over all samples as the
 * per-gene reference). NRQs can then be rescaled to a calibrator sample; SEs scale with them.
 */
public final class QbaseNrq {

    private QbaseNrq() {
    }

    /** @return the method (it has no settings) */
    public static QbaseNrq withDefaults() {
        return new QbaseNrq();
    }

    /**
     * One sample, one gene of interest.
     *
     * @param sample the sample
     * @param target the gene of interest
     * @param rq the relative quantity RQ
     * @param seRq its standard error
     * @param nf the sample's normalization factor
     * @param seNf its standard error
     * @param nrq the normalized relative quantity
     * @param seNrq its standard error
     */
    public record SampleNrq(String sample, String target, double rq, double seRq, double nf, double seNf, double nrq,
            double seNrq) {
    }

    /**
     * @param references the reference genes
     * @param rows per gene of interest, per sample (genes in input order, samples in input order)
     * @param warnings samples without reference data
     */
    public record Result(List<String> references, List<SampleNrq> rows, List<String> warnings) {
        /** Defensive copies. */
        public Result {
            references = List.copyOf(references);
            rows = List.copyOf(rows);
            warnings = List.copyOf(warnings);
        }

        /**
         * @param sample a sample
         * @param target a gene of interest
         * @return its row
         */
        public SampleNrq row(String sample, String target) {
            return rows.stream().filter(r -> r.sample().equals(sample) && r.target().equals(target)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no row " + sample + "/" + target));
        }
    }

    /**
     * Computes NRQs.
     *
     * @param samples the sample names (rows)
     * @param genes the gene names (columns), references and genes of interest
     * @param meanCq replicate mean Cq [sample][gene], cycles; NaN = not measured / not detected
     * @param seCq standard error of the mean Cq [sample][gene], cycles (0 or NaN for single wells:
     *     NaN propagates to the SEs)
     * @param efficiency amplification factor per gene (2 = 100 %)
     * @param references the reference genes (a subset of {@code genes})
     * @return NRQ with SE for every gene that is not a reference, every sample
     * @throws QpcrException (BAD_INPUT) if a reference gene is unknown or has no Cq in a sample
     */
    public Result compute(List<String> samples, List<String> genes, double[][] meanCq, double[][] seCq,
            double[] efficiency, List<String> references) {
        int ns = samples.size();
        int ng = genes.size();
        if (references.isEmpty()) {
            throw QpcrException.badInput("NRQ needs at least one reference gene; set --reference");
        }
        int[] ref = new int[references.size()];
        for (int r = 0; r < ref.length; r++) {
            ref[r] = genes.indexOf(references.get(r));
            if (ref[r] < 0) {
                throw QpcrException.badInput("Reference gene '%s' is not among the targets (%s); check the spelling",
                        references.get(r), String.join(", ", genes));
            }
        }
        for (int g = 0; g < ng; g++) {
            PfafflRatio.checkE(genes.get(g), efficiency[g]);
        }
        for (int s = 0; s < ns; s++) {
            for (int r : ref) {
                if (Double.isNaN(meanCq[s][r])) {
                    throw QpcrException.badInput("Reference gene '%s' has no Cq in sample '%s' (missing or non-detect);"
                            + " measure it, drop the sample, or use other reference genes", genes.get(r),
                            samples.get(s));
                }
            }
        }
        double[][] rq = new double[ns][ng];
        double[][] serq = new double[ns][ng];
        for (int g = 0; g < ng; g++) {
            List<Double> present = new ArrayList<>();
            for (int s = 0; s < ns; s++) {
                if (!Double.isNaN(meanCq[s][g])) {
                    present.add(Double.valueOf(meanCq[s][g]));
                }
            }
            double m = QMath.mean(QMath.toArray(present));
            double le = Math.log(efficiency[g]);
            for (int s = 0; s < ns; s++) {
                rq[s][g] = Math.exp(le * (m - meanCq[s][g]));
                serq[s][g] = rq[s][g] * le * seCq[s][g];
            }
        }
        int f = ref.length;
        List<SampleNrq> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double[] nf = new double[ns];
        double[] senf = new double[ns];
        for (int s = 0; s < ns; s++) {
            double lsum = 0;
            double v = 0;
            for (int r : ref) {
                lsum += Math.log(rq[s][r]);
                double q = serq[s][r] / (f * rq[s][r]);
                v += q * q;
            }
            nf[s] = Math.exp(lsum / f);
            senf[s] = nf[s] * Math.sqrt(v);
        }
        for (int g = 0; g < ng; g++) {
            boolean isRef = false;
            for (int r : ref) {
                isRef |= r == g;
            }
            if (isRef) {
                continue;
            }
            for (int s = 0; s < ns; s++) {
                double nrq = rq[s][g] / nf[s];
                double a = serq[s][g] / rq[s][g];
                double b = senf[s] / nf[s];
                double se = nrq * Math.sqrt(a * a + b * b);
                if (Double.isNaN(nrq)) {
                    warnings.add("Target '" + genes.get(g) + "' has no Cq in sample '" + samples.get(s)
                            + "': NRQ not available");
                }
                rows.add(new SampleNrq(samples.get(s), genes.get(g), rq[s][g], serq[s][g], nf[s], senf[s], nrq, se));
            }
        }
        return new Result(references, rows, warnings);
    }
}
