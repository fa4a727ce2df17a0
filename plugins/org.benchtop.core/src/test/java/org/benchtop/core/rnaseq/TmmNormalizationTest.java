package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * edgeR 3.40.2 calcNormFactors / cpm against references made by make_expected_edger_cpm.R (full
 * precision) and the shared make_expected.R (10 digits): factors to 1e-8 relative.
 */
class TmmNormalizationTest {

    private static CountMatrix filtered() {
        CountMatrix all = RefData.pasillaCounts();
        Set<String> keep = new HashSet<>(List.of(RefData.read("edger_filtered_gene_ids.csv").strings("gene_id")));
        int m = all.sampleCount();
        String[] genes = all.geneIds().stream().filter(keep::contains).toArray(String[]::new);
        double[] c = new double[genes.length * m];
        int k = 0;
        for (int g = 0; g < all.geneCount(); g++) {
            if (keep.contains(all.geneId(g))) {
                for (int j = 0; j < m; j++) {
                    c[k * m + j] = all.get(g, j);
                }
                k++;
            }
        }
        return CountMatrix.of(genes, all.sampleNames().toArray(new String[0]), c);
    }

    @ParameterizedTest
    @CsvSource({"TMM,TMM", "RLE,RLE", "UPPER_QUARTILE,upperquartile"})
    void unfilteredFactorsMatchEdgeR(String method, String column) {
        TmmNormalization.Result r = TmmNormalization.withDefaults().withMethod(TmmNormalization.Method.valueOf(method))
                .estimate(RefData.pasillaCounts());
        RefData.Table full = RefData.read("edger_norm_factors_unfiltered_full.csv");
        RefData.Table shared = RefData.read("expected_edger_norm_factors_unfiltered.csv");
        double[] exp = full.doubles(column);
        double[] exp10 = shared.doubles(column);
        double[] lib = full.doubles("lib.size");
        for (int j = 0; j < exp.length; j++) {
            assertEquals(exp[j], r.normFactors()[j], 1e-8 * exp[j], method + " sample " + j);
            assertEquals(exp10[j], r.normFactors()[j], 1e-9 * exp[j] + 5e-10, method + " (10 digits) sample " + j);
            assertEquals(lib[j], r.libSizes()[j], 0.0);
        }
    }

    @Test
    void filteredTmmAndCpmMatchEdgeR() {
        CountMatrix counts = filtered();
        TmmNormalization.Result r = TmmNormalization.withDefaults().estimate(counts);
        double[] exp = RefData.read("edger_norm_factors_filtered_full.csv").doubles("TMM");
        double[] exp10 = RefData.read("expected_edger_norm_factors_filtered.csv").doubles("TMM");
        for (int j = 0; j < exp.length; j++) {
            assertEquals(exp[j], r.normFactors()[j], 1e-8 * exp[j], "sample " + j);
            assertEquals(exp10[j], r.normFactors()[j], 1e-9 * exp[j] + 5e-10, "sample " + j);
        }
        double[] cpm = r.cpm(counts);
        double[] lcpm = r.logCpm(counts, 2);
        RefData.Table c = RefData.read("edger_cpm_filtered.csv");
        RefData.Table lc = RefData.read("edger_logcpm_filtered.csv");
        int m = counts.sampleCount();
        for (int j = 0; j < m; j++) {
            double[] ec = c.doubles(counts.sampleName(j));
            double[] el = lc.doubles(counts.sampleName(j));
            for (int g = 0; g < ec.length; g++) {
                assertEquals(ec[g], cpm[g * m + j], 1e-10 * Math.abs(ec[g]), "cpm " + g + "," + j);
                assertEquals(el[g], lcpm[g * m + j], 1e-10 * Math.abs(el[g]) + 1e-12, "logcpm " + g + "," + j);
            }
        }
    }
}
