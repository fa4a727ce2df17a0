package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.benchtop.core.stats.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DispersionPriorSimulation} run on DESeq2's own log residuals (obsDist) of five data sets
 * with 1 to 3 residual degrees of freedom, against the intermediate values of DESeq2 1.38.3's
 * {@code estimateDispersionsPriorVar} recorded by make_expected_deseq2_priorvar.R (which asserts
 * they give DESeq2's dispPriorVar): the 40 histogram counts identical; the 200 KL divergences to
 * 2e-16 relative (measured: all identical except one value one unit in the last place, in
 * sim_df1, from the C library's log); the loess curve at the 1000 fine-grid points to 1e-14
 * relative (measured: identical); the minimizing grid value identical.
 */
class DispersionPriorSimulationTest {

    @ParameterizedTest
    @ValueSource(strings = {"t2u1", "t2u2", "t3u2", "type_t3u3", "sim_df1"})
    void matchesDeseq2(String tag) {
        String base = "priorvar_" + tag;
        Map<String, String> meta = RefData.read(base + "_metadata.csv").keyValue();
        int df = Integer.parseInt(meta.get("m")) - Integer.parseInt(meta.get("p"));
        double[] obs = RefData.read(base + "_obsdist.csv").doubles("obsDist");
        assertEquals(Integer.parseInt(meta.get("n_obsDist")), obs.length);
        RefData.Table sim = RefData.read(base + "_simulation.csv");
        double[] counts = part(sim, "counts");
        double[] kl = part(sim, "klDivs");
        double[] lofit = part(sim, "lofitFitted");

        DispersionPriorSimulation.Result r = DispersionPriorSimulation.estimate(obs, df);

        double[] breaks = new double[41];
        for (int j = 0; j < 41; j++) {
            breaks[j] = (j - 20) / 2.0;
        }
        int[] ours = Histogram.of(obs, breaks).counts();
        for (int j = 0; j < 40; j++) {
            assertEquals(counts[j], ours[j], 0, tag + " histogram count " + j);
        }
        int klSame = 0;
        double klDev = 0;
        for (int g = 0; g < kl.length; g++) {
            double d = Math.abs(r.klDivs()[g] - kl[g]) / Math.abs(kl[g]);
            klSame += r.klDivs()[g] == kl[g] ? 1 : 0;
            klDev = Math.max(klDev, d);
            assertTrue(d <= 2e-16, tag + " klDivs[" + g + "]: ours " + r.klDivs()[g] + ", DESeq2 " + kl[g]);
        }
        double fitDev = 0;
        for (int i = 0; i < lofit.length; i++) {
            double d = Math.abs(r.lofitFitted()[i] - lofit[i]) / Math.abs(lofit[i]);
            fitDev = Math.max(fitDev, d);
            assertTrue(d <= 1e-14, tag + " lofitFitted[" + i + "]: ours " + r.lofitFitted()[i] + ", DESeq2 " + lofit[i]);
        }
        assertEquals(Double.parseDouble(meta.get("argminKL")), r.argminKL(), 0, tag + " argminKL");
        assertEquals(Double.parseDouble(meta.get("dispPriorVar")), r.dispPriorVar(), 0, tag + " dispPriorVar");
        assertEquals(obs.length, r.residualCount());
        System.out.printf(Locale.ROOT, "prior simulation %s (m - p = %d): argminKL %s as DESeq2; klDivs %d of 200 "
                + "identical (max rel %.2g); loess curve max rel %.2g%n", tag, Integer.valueOf(df),
                Double.toString(r.argminKL()), Integer.valueOf(klSame), Double.valueOf(klDev), Double.valueOf(fitDev));
    }

    private static double[] part(RefData.Table t, String what) {
        List<String[]> rows = t.rows().stream().filter(r -> r[0].equals(what)).toList();
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(rows.get(i)[2]);
        }
        return v;
    }
}
