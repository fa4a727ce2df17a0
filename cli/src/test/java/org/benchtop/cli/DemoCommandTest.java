package org.benchtop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.benchtop.core.notebook.ElnReader;
import org.benchtop.core.notebook.ElnVerifier;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchtop demo} on the bundled milademetan example: the demo must recover what was simulated
 * ({@code examples/milademetan/generate.py}; the truth files beside the data), within the noise that
 * was simulated. The demo runs once for all tests.
 *
 * <p>Tolerances, derived from the simulation's noise, not from our output:
 * <ul>
 * <li>IC50: {@code |ln(IC50_fit / IC50_true)| <= 4 SE}, where SE is the asymptotic standard error of
 * ln IC50 that the simulated noise implies at the simulated design: the Fisher information of the
 * true LL.4 curve at the 30 sample wells (10 doses x 3) and the 16 DMSO wells (dose 0), each with
 * SD = 5 % of its mean (the simulated log-normal well CV). Four SEs: a correct fit fails with
 * probability about 6e-5 per curve. The normalization to the plate's DMSO mean adds a common
 * factor (CV 5 % / sqrt 16) that moves the top, not the midpoint, so it is not counted.</li>
 * <li>The no-effect lines (QGP1, NCI-H2126: flat 100 %) must come back not well determined, with no
 * IC50 (the fit table leaves it empty).</li>
 * <li>qPCR fold changes: {@code |log2(FC_fit / FC_true)| <= 0.53}: 4 SD of the log2 fold change the
 * simulated noise gives. Per sample and target the mean Cq has variance
 * {@code v = 0.10^2 (biological) + 0.15^2 / 3 (technical, mean of 3 wells) = 0.0175}; the
 * normalization factor (mean of 2 references) adds v/2; the group mean of 3 samples divides by 3,
 * and the difference of two groups doubles it: {@code 2 * 1.5 v / 3 = v}, SD = 0.132 log2 units
 * (cycles times log2 E, E &lt;= 2). The per-sample RNA input offsets cancel exactly with the
 * references.</li>
 * </ul>
 */
class DemoCommandTest {

    @TempDir
    static Path tmp;

    static Path dir;

    static PlatesCommandTest.Run run;

    static Path results() {
        return dir.resolve("results");
    }

    static Path example() {
        return PlatesCommandTest.examples().resolve("milademetan");
    }

    @BeforeAll
    static void runDemo() {
        dir = tmp.resolve("demo");
        run = PlatesCommandTest.run("demo", "--out", dir.toString());
    }

    static Table read(Path file, String... ids) {
        return CsvReader.withDefaults().withStringColumns(Set.of(ids)).read(file);
    }

    static Map<String, Integer> rows(Table t, String key) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            m.put(t.column(key).getString(i), Integer.valueOf(i));
        }
        return m;
    }

    @Test
    void demoSucceedsAndWritesEveryResultWithItsRunRecord() throws IOException {
        assertEquals(0, run.code(), run.err());
        for (String f : List.of("plates_qc.csv", "plates_normalized.csv", "ic50.csv", "qpcr_fold_changes.csv")) {
            assertTrue(Files.isRegularFile(results().resolve(f)), f);
            Path rec = results().resolve(f + CliFiles.RUN_SUFFIX);
            assertTrue(Files.isRegularFile(rec), rec.toString());
            RunRecord r = RunRecord.fromJson(Files.readString(rec));
            assertFalse(r.inputs().isEmpty(), f + ": the run record lists its input");
        }
        for (String f : List.of("results/qpcr_fold_changes.png", "details/ic50_points.csv", "details/qpcr_samples.csv",
            "details/qpcr_statistics.csv", "data/plates.csv", "data/README.md")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        try (var maps = Files.list(results().resolve("heatmaps"))) {
            assertEquals(8, maps.count(), "one heatmap per plate");
        }
        try (var plots = Files.list(results().resolve("dose_response"))) {
            assertEquals(8, plots.count(), "one dose-response plot per cell line");
        }
        // the inputs the demo ran on are the bundled example files, byte for byte
        assertEquals(Files.readString(example().resolve("plates.csv")), Files.readString(dir.resolve("data/plates.csv")));
    }

    /** The notebook entry: an intact .eln holding every analysis, and a report naming each. */
    @Test
    void writesOneNotebookEntryWithEveryAnalysis() throws IOException {
        Path eln = dir.resolve("milademetan.eln");
        ElnVerifier.Report report = ElnVerifier.withDefaults().verify(eln);
        assertTrue(report.intact(), report.problems().toString());
        List<String> analyses = List.of("plates.qc", "plates.normalize", "dose_response.fit", "qpcr.quantify",
            "rnaseq.deseq");
        NotebookEntry entry = ElnReader.withDefaults().readEntry(eln);
        List<String> recorded = entry.analyses().stream().map(a -> a.record().analysis()).toList();
        assertEquals(new java.util.TreeSet<>(analyses), new java.util.TreeSet<>(recorded));
        assertTrue(entry.notes().contains("SIMULATED"), entry.notes());
        String html = Files.readString(dir.resolve("milademetan_report.html"));
        for (String a : analyses) {
            assertTrue(html.contains(a), "the report does not name " + a);
        }
        assertTrue(run.out().contains("milademetan.eln"), run.out());
    }

    @Test
    void everyPlatePassesQc() {
        Table qc = read(results().resolve("plates_qc.csv"), "plate");
        assertEquals(8, qc.rowCount());
        for (int i = 0; i < qc.rowCount(); i++) {
            assertTrue(qc.column("z_prime").getDouble(i) >= 0.5, "Z' of plate " + qc.column("plate").getString(i));
            assertTrue(qc.column("pass").getBoolean(i));
        }
    }

    @Test
    void recoversEverySimulatedIc50WithinTheSimulatedNoise() {
        Table truth = read(example().resolve("truth_ic50.csv"), "cell_line");
        Table fits = read(results().resolve("ic50.csv"), "cell_line");
        Map<String, Integer> fitRow = rows(fits, "cell_line");
        assertEquals(truth.rowCount(), fits.rowCount(), "one curve per cell line");
        int withEffect = 0;
        for (int i = 0; i < truth.rowCount(); i++) {
            String line = truth.column("cell_line").getString(i);
            Integer f = fitRow.get(line);
            assertNotNull(f, "no fit for " + line);
            int r = f.intValue();
            boolean determined = fits.column("well_determined").getBoolean(r);
            double trueIc50 = truth.column("ic50_nM").getDouble(i);
            if (Double.isNaN(trueIc50)) {
                // simulated without effect: no IC50 may be reported
                assertFalse(determined, line + " has no simulated effect but came back well determined, IC50 "
                    + fits.column("ec50").getDouble(r));
                assertTrue(Double.isNaN(fits.column("ec50").getDouble(r)), line + ": an IC50 is reported");
                assertFalse(fits.column("reason").getString(r).isBlank(), line + ": the reason is missing");
                continue;
            }
            withEffect++;
            assertTrue(determined, line + ": not well determined: " + fits.column("reason").getString(r));
            double fitted = fits.column("ec50").getDouble(r);
            double se = asymptoticSeLogIc50(trueIc50, truth.column("hill_slope").getDouble(i),
                truth.column("bottom").getDouble(i), truth.column("top").getDouble(i), 0.05);
            double dev = Math.log(fitted / trueIc50);
            System.out.printf(java.util.Locale.ROOT, "IC50 %-11s fitted %9.4g true %7.4g  |ln ratio| %.3f  4 SE %.3f%n",
                line, Double.valueOf(fitted), Double.valueOf(trueIc50), Double.valueOf(Math.abs(dev)), Double.valueOf(4 * se));
            assertTrue(Math.abs(dev) <= 4 * se, line + ": IC50 " + fitted + " nM vs simulated " + trueIc50
                + " nM: |ln ratio| " + Math.abs(dev) + " > 4 SE = " + 4 * se);
            // and the interval the fit reports covers the truth once widened to 4 SE (its 95% CI is about 2 SE)
            double lo = fits.column("ec50_lower").getDouble(r);
            double hi = fits.column("ec50_upper").getDouble(r);
            double half = Math.max(Math.log(hi / fitted), Math.log(fitted / lo));
            assertTrue(Math.abs(dev) <= 2 * half, line + ": the truth is far outside the reported CI [" + lo + ", " + hi + "]");
        }
        assertEquals(6, withEffect);
    }

    /**
     * The asymptotic SE of ln(IC50) of an LL.4 least-squares fit, y = c + (d - c) / (1 + exp(b (ln x - ln e))), at
     * the simulated design (10 half-log doses from 30 uM in triplicate, 16 DMSO wells at dose 0), each observation
     * with SD cv * (its true mean): sqrt of the ln-e diagonal element of the inverse weighted Fisher information.
     */
    static double asymptoticSeLogIc50(double e, double b, double c, double d, double cv) {
        double[][] info = new double[4][4];
        for (int k = -1; k < 10; k++) {
            int wells = k < 0 ? 16 : 3;
            double x = k < 0 ? 0 : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", 30000 * Math.pow(10, -k / 2.0)));
            double[] grad = new double[4]; // b, c, d, ln e
            double mean;
            if (x == 0) {
                mean = d;
                grad[2] = 1;
            } else {
                double u = Math.exp(b * (Math.log(x) - Math.log(e)));
                double g = 1 / (1 + u);
                mean = c + (d - c) * g;
                grad[0] = -(d - c) * g * g * u * (Math.log(x) - Math.log(e));
                grad[1] = 1 - g;
                grad[2] = g;
                grad[3] = (d - c) * g * g * u * b;
            }
            double w = wells / Math.pow(cv * mean, 2);
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q < 4; q++) {
                    info[p][q] += w * grad[p] * grad[q];
                }
            }
        }
        RealMatrix cov = new LUDecomposition(new Array2DRowRealMatrix(info)).getSolver().getInverse();
        return Math.sqrt(cov.getEntry(3, 3));
    }

    @Test
    void qpcrShowsTheFourP53TargetsUpAsSimulated() {
        Table truth = read(example().resolve("truth_qpcr.csv"), "target");
        Map<String, Integer> truthRow = rows(truth, "target");
        Table fc = read(results().resolve("qpcr_fold_changes.csv"), "group", "target");
        int seen = 0;
        for (int i = 0; i < fc.rowCount(); i++) {
            if (!"milademetan".equals(fc.column("group").getString(i))) {
                continue;
            }
            String target = fc.column("target").getString(i);
            double got = fc.column("relative_expression").getDouble(i);
            double want = truth.column("fold_change").getDouble(truthRow.get(target).intValue());
            double dev = Math.abs(Math.log(got / want) / Math.log(2));
            System.out.printf(java.util.Locale.ROOT, "qPCR %-7s fold change %.3f simulated %.3g |log2 ratio| %.3f (<= 0.53)%n",
                target, Double.valueOf(got), Double.valueOf(want), Double.valueOf(dev));
            assertTrue(got > 1.5, target + " is not up: " + got);
            assertTrue(dev <= 0.53, target + ": fold change " + got + " vs simulated " + want);
            seen++;
        }
        assertEquals(DemoCommand.P53_TARGETS.size(), seen, "one fold change per p53 target");
    }

    /** Size factors of the six RNA-seq samples (DMSO_1..3, MIL_1..3), examples/milademetan/generate.py SIZE_FACTORS. */
    static final double[] DMSO_SF = {0.90, 1.10, 1.00};
    static final double[] MIL_SF = {0.85, 1.15, 1.05};

    /**
     * RNA-seq: the four p53 targets up (log2 fold change > 0, padj < 0.1) and their
     * log2 fold change within 4 SD of the simulated one. The SD is the delta-method SD of the log ratio of the two
     * group means of negative binomial counts with the simulated mean m, fold change f and dispersion a:
     * var(ln) = 1 / (m sum s_D) + a sum s_D^2 / (sum s_D)^2 + 1 / (m f sum s_M) + a sum s_M^2 / (sum s_M)^2.
     */
    @Test
    void rnaseqShowsTheFourP53TargetsUpAsSimulated() {
        Table truth = read(example().resolve("truth_rnaseq.csv"), "gene_id");
        Map<String, Integer> truthRow = rows(truth, "gene_id");
        Table de = read(results().resolve("rnaseq_de.csv"), "gene_id");
        Map<String, Integer> deRow = rows(de, "gene_id");
        assertEquals(truth.rowCount(), de.rowCount(), "one row per gene");
        for (String gene : DemoCommand.P53_TARGETS) {
            int t = truthRow.get(gene).intValue();
            int r = deRow.get(gene).intValue();
            double m = truth.column("mean_dmso").getDouble(t);
            double f = truth.column("fold_change").getDouble(t);
            double a = truth.column("dispersion").getDouble(t);
            double var = term(m, a, DMSO_SF) + term(m * f, a, MIL_SF);
            double sd = Math.sqrt(var) / Math.log(2);
            double lfc = de.column("log2FoldChange").getDouble(r);
            double padj = de.column("padj").getDouble(r);
            double dev = Math.abs(lfc - Math.log(f) / Math.log(2));
            System.out.printf(java.util.Locale.ROOT, "RNA-seq %-7s log2FC %.3f simulated %.3f |diff| %.3f (4 SD %.3f) padj %.2g%n",
                gene, Double.valueOf(lfc), Double.valueOf(Math.log(f) / Math.log(2)), Double.valueOf(dev), Double.valueOf(4 * sd),
                Double.valueOf(padj));
            assertTrue(lfc > 0 && padj < DemoCommand.ALPHA, gene + " is not up: log2FC " + lfc + ", padj " + padj);
            assertTrue(dev <= 4 * sd, gene + ": log2FC " + lfc + " vs simulated " + Math.log(f) / Math.log(2));
        }
    }

    private static double term(double mean, double dispersion, double[] sf) {
        double sum = 0;
        double sq = 0;
        for (double s : sf) {
            sum += s;
            sq += s * s;
        }
        return 1 / (mean * sum) + dispersion * sq / (sum * sum);
    }

    @Test
    void printsASummaryAgainstTheTruth() {
        String out = run.out();
        assertTrue(out.contains("SIMULATED"), out);
        assertTrue(out.contains("IC50 per cell line"), out);
        for (String line : List.of("SJSA-1", "93T449", "JAR", "CCF-STTG1", "MDA-MB-231", "MDA-MB-468", "QGP1", "NCI-H2126")) {
            assertTrue(out.contains(line), line + " missing from the summary:\n" + out);
        }
        for (String target : DemoCommand.P53_TARGETS) {
            assertTrue(out.lines().anyMatch(l -> l.trim().startsWith(target) && l.trim().endsWith(" up") && !l.contains("not up")),
                target + " not reported up:\n" + out);
        }
    }
}
