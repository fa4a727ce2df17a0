package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.benchtop.core.ProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cook's outlier replacement and refit (7 vs 7 samples with injected outliers, DESeq2's default
 * minReplicatesForReplace = 7) and the same data without replacement, against DESeq2 1.38.3
 * (make_expected_deseq2_more.R).
 */
class OutlierReplacementTest {

    @ParameterizedTest
    @CsvSource({"more_sim7_replace_results.csv,7", "more_sim7_noreplace_results.csv,2147483647"})
    void matchesDeseq2(String file, int minReplicates) {
        CountMatrix counts = RefData.countsCsv("sim7_counts.csv");
        DesignMatrix design = DesignMatrix.of(DesignFormula.parse("~ condition"), RefData.sim7Sheet());
        Deseq.Fit fit = Deseq.withDefaults().withThreads(2).withMinReplicatesForReplace(minReplicates).run(counts,
                design, ProgressMonitor.NONE);
        DeseqResults res = fit.results(Contrast.of("condition", "trt", "ctrl"));
        RefData.Table ref = RefData.read(file);
        String[] genes = ref.strings("gene_id");
        RefCompare c = new RefCompare(file);
        int n = genes.length;
        double[] maxCooks = new double[n];
        double[] dg = new double[n];
        for (int g = 0; g < n; g++) {
            maxCooks[g] = fit.cooks().maxCooks(g);
            dg[g] = fit.genewise().dispGeneEst(g);
        }
        c.check("baseMean", genes, res.baseMean(), ref.doubles("baseMean"), 1e-9, 0);
        c.check("dispGeneEst", genes, dg, ref.doubles("dispGeneEst"), 1e-4, 0);
        c.checkResults(genes, res, ref);
        c.check("maxCooks", genes, maxCooks, ref.doubles("maxCooks"), 1e-4, 0);
        if (minReplicates == 7) {
            double[] replace = ref.doubles("replace");
            int flagged = 0;
            for (int g = 0; g < n; g++) {
                boolean r = replace[g] == 1;
                assertTrue(r == fit.replacement().replace()[g], genes[g]);
                flagged += r ? 1 : 0;
            }
            assertEquals(flagged, fit.replacement().flaggedGenes());
            assertTrue(flagged > 20, "the simulation injects 60 outliers");
        }
        System.out.println(c.report());
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));
    }
}
