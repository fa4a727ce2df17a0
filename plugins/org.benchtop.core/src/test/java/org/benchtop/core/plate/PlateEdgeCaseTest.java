package org.benchtop.core.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input and degenerate plates: every problem is a {@link PlateException} of kind BAD_INPUT,
 * thrown before any output, whose message names the file and line (or the plate), the well, and
 * how to fix it; degenerate but valid plates give NaN and warnings, not exceptions.
 */
class PlateEdgeCaseTest {

    private static final String HEADER = "plate,well,value,content,flag\n";

    /** A 96-well plate: column 1 neg, column 12 pos, the rest samples with a deterministic pattern. */
    static String plate(String name, IntFunction<String> valueOfWell) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < 96; w++) {
            int c = w % 12;
            String content = c == 0 ? "neg" : c == 11 ? "pos" : "sample";
            sb.append(name).append(',').append(PlateFormat.WELLS_96.wellId(w)).append(',')
                    .append(valueOfWell.apply(w)).append(',').append(content).append(",false\n");
        }
        return sb.toString();
    }

    static String noisy(int w) {
        int c = w % 12;
        double v = c == 0 ? 1000 + (w * 7) % 13 : c == 11 ? 100 + (w * 5) % 11 : 500 + (w * 37) % 101;
        return Double.toString(v);
    }

    static Table csv(String text) {
        return CsvReader.withDefaults().withStringColumns(Set.of("well")).read(new StringReader(text), "plates.csv");
    }

    static PlateSettings settings() {
        return PlateSettings.defaults(List.of("plate"), "well", "value", "content");
    }

    static PlateException normalizeFails(String text, PlateSettings s) {
        PlateException e = assertThrows(PlateException.class,
                () -> PlateAnalysis.normalize(csv(text), s, ProgressMonitor.NONE));
        assertEquals(BenchtopException.Kind.BAD_INPUT, e.kind());
        return e;
    }

    static void assertMentions(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should mention '" + p + "': " + e.getMessage());
        }
    }

    @Test
    void validTwoPlateInputWorks() {
        NormalizeOutput out = PlateAnalysis.normalize(csv(HEADER + plate("P1", PlateEdgeCaseTest::noisy)
                + plate("P2", PlateEdgeCaseTest::noisy)), settings(), ProgressMonitor.NONE);
        assertEquals(PlateFormat.WELLS_96, out.format());
        assertEquals(192, out.table().rowCount());
        assertEquals(2, out.plates().size());
    }

    @Test
    void emptyTable() {
        PlateException e = normalizeFails(HEADER, settings());
        assertMentions(e, "plates.csv", "no rows");
    }

    @Test
    void missingColumn() {
        PlateException e = normalizeFails(HEADER + plate("P1", PlateEdgeCaseTest::noisy),
                settings().withValueColumn("signal"));
        assertMentions(e, "'signal'", "plates.csv", "plate, well, value, content, flag", "--value");
    }

    @ParameterizedTest
    @CsvSource({ "#5", "A0", "5A", "A-1", "AAA1", "well 5" })
    void unknownWellId(String bad) {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replace("P1,A05,", "P1," + bad + ",");
        PlateException e = normalizeFails(text, settings());
        assertMentions(e, "plates.csv line 6", "'" + bad + "'", "not a well id", "A01");
    }

    @Test
    void wellOutsideTheChosenFormat() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replace("P1,H12,", "P1,P24,");
        PlateException e = normalizeFails(text, settings().withFormat(PlateFormat.WELLS_96));
        assertMentions(e, "plates.csv line 97", "'P24'", "96-well", "--format");
        // without a format, P24 makes it a 384-well plate
        NormalizeOutput out = PlateAnalysis.normalize(csv(text), settings(), ProgressMonitor.NONE);
        assertEquals(PlateFormat.WELLS_384, out.format());
    }

    @ParameterizedTest
    @CsvSource({ "AG1", "A49" })
    void wellOutsideEveryFormat(String bad) {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replace("P1,B03,", "P1," + bad + ",");
        PlateException e = normalizeFails(text, settings());
        assertMentions(e, "plates.csv line 16", bad, "outside every plate format");
    }

    @Test
    void duplicateWell() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replace("P1,B03,", "P1,A3,");
        PlateException e = normalizeFails(text, settings());
        assertMentions(e, "Well A03 occurs twice on plate plate=P1", "plates.csv line 4", "plates.csv line 16",
                "--plate");
    }

    @Test
    void noNegativeControlsForAMethodThatNeedsThem() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy) + plate("P2", PlateEdgeCaseTest::noisy)
                .replace(",neg,", ",NC,");
        PlateException e = normalizeFails(text,
                settings().withMethods(EnumSet.of(NormalizationMethod.PERCENT_OF_NEGATIVE)));
        assertMentions(e, "plate=P2", "plates.csv line 98", "no usable negative control wells", "'neg'",
                "percent_of_negative");
        // the sample-based methods do not need controls
        NormalizeOutput ok = PlateAnalysis.normalize(csv(text),
                settings().withMethods(EnumSet.of(NormalizationMethod.ROBUST_Z_SCORE)), ProgressMonitor.NONE);
        assertTrue(ok.warnings().get(0).contains("'NC' (8 wells)"), ok.warnings().toString());
    }

    @Test
    void noPositiveControlsForPercentInhibition() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replace(",pos,", ",sample,");
        PlateException e = normalizeFails(text, settings().withMethods(EnumSet.of(
                NormalizationMethod.PERCENT_INHIBITION)));
        assertMentions(e, "plate=P1", "positive control", "percent_inhibition");
    }

    @Test
    void excludedControlsDoNotCount() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replaceAll("(,pos),false", "$1,true");
        PlateException e = normalizeFails(text, settings().withExcludeColumn("flag"));
        assertMentions(e, "no usable positive control wells", "not excluded");
    }

    @Test
    void zeroSdForZScore() {
        String text = HEADER + plate("P1", w -> w % 12 == 0 ? "10" : w % 12 == 11 ? "1" : "5");
        PlateException e = normalizeFails(text, settings().withMethods(EnumSet.of(NormalizationMethod.Z_SCORE)));
        assertMentions(e, "plate=P1", "80 sample wells all have the value 5", "SD 0", "z_score");
    }

    @Test
    void zeroMadForRobustZScore() {
        // 41 of 80 samples equal: MAD 0 although the SD is not
        String text = HEADER + plate("P1", w -> w % 12 == 0 || w % 12 == 11 ? noisy(w) : w < 60 ? "5" : noisy(w));
        PlateException e = normalizeFails(text,
                settings().withMethods(EnumSet.of(NormalizationMethod.ROBUST_Z_SCORE)));
        assertMentions(e, "MAD 0", "robust_z_score");
        PlateAnalysis.normalize(csv(text), settings().withMethods(EnumSet.of(NormalizationMethod.Z_SCORE)),
                ProgressMonitor.NONE);
    }

    @Test
    void zeroResidualMadForBScore() {
        // an exactly additive plate (row + column effects, no noise): all residuals 0
        String text = HEADER + plate("P1", w -> Integer.toString(100 + 10 * (w / 12) + (w % 12)));
        PlateException e = normalizeFails(text, settings().withMethods(EnumSet.of(NormalizationMethod.B_SCORE)));
        assertMentions(e, "plate=P1", "residuals", "MAD 0", "b_score");
    }

    @Test
    void oneSampleWell() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replace(",sample,", ",empty,")
                .replaceFirst("(P1,A02,[^,]*),empty,", "$1,sample,");
        assertMentions(normalizeFails(text, settings().withMethods(EnumSet.of(NormalizationMethod.Z_SCORE))),
                "only 1 usable sample well");
        assertMentions(normalizeFails(text, settings().withMethods(EnumSet.of(NormalizationMethod.ROBUST_Z_SCORE))),
                "MAD 0");
        NormalizeOutput ok = PlateAnalysis.normalize(csv(text),
                settings().withMethods(EnumSet.of(NormalizationMethod.PLATE_MEDIAN_RATIO)), ProgressMonitor.NONE);
        assertEquals(1.0, ok.table().column("plate_median_ratio").getDouble(1), 0.0);
    }

    @Test
    void allZeros() {
        String text = HEADER + plate("P1", w -> "0");
        assertMentions(normalizeFails(text, settings().withMethods(EnumSet.of(
                NormalizationMethod.PERCENT_OF_NEGATIVE))), "mean of the negative controls is 0");
        assertMentions(normalizeFails(text, settings().withMethods(EnumSet.of(
                NormalizationMethod.PLATE_MEDIAN_RATIO))), "median of the sample wells is 0");
        assertMentions(normalizeFails(text, settings().withMethods(EnumSet.of(
                NormalizationMethod.PERCENT_INHIBITION))), "same mean");
        // QC reports instead of failing
        QcOutput qc = PlateAnalysis.qc(csv(text), settings(), ProgressMonitor.NONE);
        assertTrue(Double.isNaN(qc.table().column("z_prime").getDouble(0)));
        assertTrue(qc.table().column("pass").isMissing(0));
    }

    @Test
    void nonNumericValue() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replaceFirst("P1,C04,[^,]*,", "P1,C04,12a,");
        PlateException e = normalizeFails(text, settings());
        assertMentions(e, "plates.csv line 29", "'12a'", "value column 'value'", "not a number");
    }

    @Test
    void infiniteValue() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replaceFirst("P1,C04,[^,]*,", "P1,C04,Infinity,");
        assertMentions(normalizeFails(text, settings()), "plates.csv line 29", "infinite");
    }

    @Test
    void badExclusionFlag() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replaceFirst("(P1,D01,[^,]*,neg),false",
                "$1,maybe");
        assertMentions(normalizeFails(text, settings().withExcludeColumn("flag")), "plates.csv line 38", "'maybe'",
                "exclude column 'flag'");
    }

    @Test
    void emptyPlateKey() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replaceFirst("P1,D01,", ",D01,");
        assertMentions(normalizeFails(text, settings()), "plates.csv line 38", "plate column 'plate' is empty");
    }

    @Test
    void outputColumnNameTaken() {
        String text = "z_score," + HEADER + plate("P1", PlateEdgeCaseTest::noisy).replaceAll("(?m)^", "1,");
        assertMentions(normalizeFails(text, settings()), "already has a column 'z_score'");
    }

    @Test
    void errorOnTheLastPlateStillStopsEverything() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy) + plate("P2", PlateEdgeCaseTest::noisy)
                + plate("P3", w -> "7") + plate("P4", w -> "8");
        PlateException e = normalizeFails(text, settings().withMethods(EnumSet.of(NormalizationMethod.Z_SCORE)));
        assertMentions(e, "plate=P3"); // the first bad plate in input order, whatever the threads
    }

    @Test
    void missingValuesAreNaNEverywhereAndCounted() {
        String text = HEADER + plate("P1", w -> w == 30 || w == 12 ? "" : noisy(w));
        NormalizeOutput out = PlateAnalysis.normalize(csv(text), settings(), ProgressMonitor.NONE);
        for (String m : NormalizationMethod.names()) {
            assertTrue(Double.isNaN(out.table().column(m).getDouble(30)), m);
            assertFalse(Double.isNaN(out.table().column(m).getDouble(31)), m);
        }
        QcOutput qc = PlateAnalysis.qc(csv(text), settings(), ProgressMonitor.NONE);
        assertEquals(2, qc.table().column("n_missing").getLong(0));
        assertEquals(7, qc.table().column("n_neg").getLong(0));
        assertEquals(79, qc.table().column("n_sample").getLong(0));
        assertEquals(Boolean.TRUE, Boolean.valueOf(qc.table().column("pass").getBoolean(0)));
    }

    @Test
    void labelsAreCaseInsensitiveAndConfigurable() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replace(",neg,", ", DMSO ,")
                .replace(",pos,", ",Staurosporine,").replace(",sample,", ",CPD,");
        PlateSettings s = settings().withNegativeLabel("dmso").withPositiveLabel("STAUROSPORINE").withSampleLabel("cpd");
        QcOutput qc = PlateAnalysis.qc(csv(text), s, ProgressMonitor.NONE);
        assertEquals(8, qc.table().column("n_neg").getLong(0));
        assertEquals(8, qc.table().column("n_pos").getLong(0));
        assertEquals(80, qc.table().column("n_sample").getLong(0));
        assertTrue(qc.warnings().stream().noneMatch(w -> w.contains("match no label")), qc.warnings().toString());
    }

    @Test
    void qcWithoutControlsWarnsInsteadOfFailing() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy).replace(",neg,", ",sample,");
        QcOutput qc = PlateAnalysis.qc(csv(text), settings(), ProgressMonitor.NONE);
        assertTrue(Double.isNaN(qc.table().column("z_prime").getDouble(0)));
        assertTrue(qc.warnings().stream().anyMatch(w -> w.contains("Z' and SSMD could not be computed")));
        assertTrue(Double.isNaN(qc.screen().column("z_prime").getDouble(0)));
    }

    @Test
    void sixWellPlateHasNoEdgeTest() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int w = 0; w < 6; w++) {
            sb.append("P1,").append(PlateFormat.WELLS_6.wellId(w)).append(',').append(w + 1)
                    .append(w == 0 ? ",neg" : w == 5 ? ",pos" : ",sample").append(",false\n");
        }
        QcOutput qc = PlateAnalysis.qc(csv(sb.toString()), settings(), ProgressMonitor.NONE);
        assertEquals(PlateFormat.WELLS_6, qc.format());
        assertTrue(Double.isNaN(qc.table().column("edge_p_value").getDouble(0)));
        assertTrue(qc.warnings().stream().anyMatch(w -> w.contains("edge test could not be computed")));
    }

    @Test
    void invalidSettings() {
        assertThrows(PlateException.class, () -> settings().withNegativeLabel("Sample"));
        assertThrows(PlateException.class, () -> settings().withPositiveLabel("EMPTY"));
        assertThrows(PlateException.class, () -> settings().withNegativeLabel(" "));
        assertThrows(PlateException.class, () -> settings().withValueColumn("well"));
        assertThrows(PlateException.class, () -> settings().withPlateColumns(List.of()));
        assertThrows(PlateException.class, () -> settings().withExcludeColumn("plate"));
        assertThrows(PlateException.class, () -> settings().withZPrimeThreshold(1.5));
        assertThrows(PlateException.class, () -> settings().withZPrimeThreshold(Double.NaN));
        assertMentions(assertThrows(PlateException.class, () -> NormalizationMethod.parseList("z_score,bscore")),
                "'bscore'", "b_score");
        assertThrows(PlateException.class, () -> NormalizationMethod.parseList(" "));
        assertEquals(EnumSet.of(NormalizationMethod.B_SCORE, NormalizationMethod.Z_SCORE),
                NormalizationMethod.parseList("B-Score, z_score"));
        assertThrows(PlateException.class, () -> PlateFormat.ofWells(100));
    }

    @Test
    void heatmapOfUnknownValue() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy);
        assertMentions(assertThrows(PlateException.class,
                () -> PlateAnalysis.heatmaps(csv(text), settings(), "signal", ProgressMonitor.NONE)), "'signal'",
                "b_score");
        assertEquals(1, PlateAnalysis.heatmaps(csv(text), settings(), "value", ProgressMonitor.NONE).size());
    }

    @Test
    void cancellation() {
        String text = HEADER + plate("P1", PlateEdgeCaseTest::noisy);
        List<String> seen = new ArrayList<>();
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public void setProgress(double fraction, String message) {
                seen.add(message);
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> PlateAnalysis.normalize(csv(text), settings(), cancelled));
    }
}
