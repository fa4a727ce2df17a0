package org.benchtop.core.rnaseq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.benchtop.core.BenchtopException.Kind;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;
import org.junit.jupiter.api.Test;

/** The table-level facades DeseqAnalysis and TmmAnalysis. */
class DeseqAnalysisTest {

    static Table read(String resource, Set<String> text) {
        try (Reader r = new InputStreamReader(DeseqAnalysisTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            return CsvReader.withDefaults().withStringColumns(text).read(r, resource);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The pasilla count table with its sample columns in the order of make_expected.R (treated first). */
    static Table pasillaCounts() {
        Table t = read("pasilla_gene_counts.tsv", Set.of("gene_id"));
        List<Column> cols = new ArrayList<>();
        cols.add(t.column("gene_id"));
        for (String s : RefData.read("expected_coldata_used.csv").strings("sample")) {
            cols.add(t.column(s));
        }
        return Table.of(t.source(), cols);
    }

    static Table pasillaSheet() {
        return read("expected_coldata_used.csv", Set.of("sample"));
    }

    @Test
    void pasillaResultsTableMatchesDeseq2() {
        DeseqSettings s = new DeseqSettings("~ condition", "condition,treated,untreated", null, 0.1, "none", 2, "ratio",
                "parametric", null, "sample", null, null, List.of(), 7, true, true, List.of());
        DeseqAnalysis.Output out = DeseqAnalysis.run(pasillaCounts(), pasillaSheet(), s, true, null);
        assertEquals(List.of("gene_id", "baseMean", "log2FoldChange", "lfcSE", "stat", "pvalue", "padj", "dispersion"),
                out.results().columnNames());
        RefData.Table ref = RefData.read("expected_deseq2_condition_results.csv");
        String[] genes = ref.strings("gene_id");
        RefCompare c = new RefCompare("facade pasilla");
        for (String q : new String[] {"baseMean", "log2FoldChange", "lfcSE", "stat", "dispersion"}) {
            c.check(q, genes, out.results().column(q).toDoubleArray(), ref.doubles(q), 1e-4, 0);
        }
        c.check("pvalue", genes, out.results().column("pvalue").toDoubleArray(), ref.doubles("pvalue"), 1e-3, 1e-12);
        c.check("padj", genes, out.results().column("padj").toDoubleArray(), ref.doubles("padj"), 1e-3, 1e-12);
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));
        assertEquals(7, out.sizeFactors().rowCount());
        assertEquals(8, out.normalizedCounts().columnCount());
        for (byte[] png : new byte[][] {out.volcanoPlot(), out.maPlot(), out.dispersionPlot(), out.pcaPlot()}) {
            assertNotNull(png);
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
        }
    }

    @Test
    void longFormatGivesTheSameResults() {
        Table wide = pasillaCounts();
        List<String> gene = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        List<Double> count = new ArrayList<>();
        for (int r = 0; r < 300; r++) {
            for (String col : wide.columnNames().subList(1, wide.columnCount())) {
                gene.add(wide.column("gene_id").getString(r));
                sample.add(col);
                count.add(Double.valueOf(wide.column(col).getDouble(r)));
            }
        }
        Table lng = Table.of("long", List.of(Column.ofStrings("gene", gene.toArray(new String[0])),
                Column.ofStrings("sample", sample.toArray(new String[0])),
                Column.ofDoubles("count", count.stream().mapToDouble(Double::doubleValue).toArray())));
        List<Column> firstRows = new ArrayList<>();
        for (Column col : wide.columns()) {
            firstRows.add(col.isNumeric() ? Column.ofDoubles(col.name(),
                    java.util.Arrays.copyOf(col.toDoubleArray(), 300))
                    : Column.ofStrings(col.name(), java.util.Arrays.copyOf(col.toStringArray(), 300)));
        }
        Table wide300 = Table.of("wide", firstRows);
        DeseqSettings w = new DeseqSettings("~ condition", "condition,treated,untreated", null, 0.1, "none", 1, "ratio",
                "parametric", null, null, null, null, List.of(), 7, true, true, List.of());
        DeseqSettings l = new DeseqSettings("~ condition", "condition,treated,untreated", null, 0.1, "none", 1, "ratio",
                "parametric", "gene", null, "sample", "count", List.of(), 7, true, true, List.of());
        DeseqAnalysis.Output a = DeseqAnalysis.run(wide300, pasillaSheet(), w, false, null);
        DeseqAnalysis.Output b = DeseqAnalysis.run(lng, pasillaSheet(), l, false, null);
        assertArrayEquals(a.results().column("padj").toDoubleArray(), b.results().column("padj").toDoubleArray());
    }

    @Test
    void mismatchedSampleNamesAreNamedBeforeAnyOutput() {
        Table sheet = Table.of("sheet.csv", List.of(
                Column.ofStrings("sample", new String[] {"treated1", "treated2", "treated3", "untreated1", "untreated2",
                    "untreated3", "untreatedX"}),
                Column.ofStrings("condition", new String[] {"t", "t", "t", "u", "u", "u", "u"})));
        RnaseqException e = assertThrows(RnaseqException.class, () -> DeseqAnalysis.run(pasillaCounts(), sheet,
                DeseqSettings.of("~ condition", "condition,t,u"), false, null));
        assertEquals(Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("untreated4") && e.getMessage().contains("untreatedX"), e.getMessage());
    }

    @Test
    void shrinkageAndLrtThroughTheFacade() {
        DeseqSettings shr = new DeseqSettings("~ condition", "condition,treated,untreated", null, 0.1, "normal", 2,
                "ratio", "parametric", null, null, null, null, List.of(), 7, true, true, List.of());
        DeseqAnalysis.Output o = DeseqAnalysis.run(pasillaCounts(), pasillaSheet(), shr, false, null);
        RefData.Table ref = RefData.read("more_pasilla_shrink_normal.csv");
        RefCompare c = new RefCompare("facade shrink");
        c.check("log2FoldChange", ref.strings("gene_id"), o.results().column("log2FoldChange").toDoubleArray(),
                ref.doubles("log2FoldChange"), 1e-4, 1e-12);
        assertTrue(c.failures().isEmpty(), () -> String.join("\n", c.failures()));
        DeseqSettings lrt = new DeseqSettings("~ type + condition", "condition,treated,untreated", "~ type", 0.1, "none",
                2, "ratio", "parametric", null, null, null, null, List.of(), 7, true, true, List.of());
        DeseqAnalysis.Output l = DeseqAnalysis.run(pasillaCounts(), pasillaSheet(), lrt, false, null);
        RefData.Table lr = RefData.read("more_pasilla_lrt_results.csv");
        RefCompare d = new RefCompare("facade LRT");
        d.check("stat", lr.strings("gene_id"), l.results().column("stat").toDoubleArray(), lr.doubles("stat"), 1e-4, 0);
        assertTrue(d.failures().isEmpty(), () -> String.join("\n", d.failures()));
    }

    @Test
    void tmmFacade() {
        TmmAnalysis.Output o = TmmAnalysis.run(pasillaCounts(), TmmSettings.defaults(), null);
        assertEquals(List.of("sample", "lib_size", "norm_factor", "effective_lib_size"), o.factors().columnNames());
        RefData.Table ref = RefData.read("edger_norm_factors_unfiltered_full.csv");
        for (int r = 0; r < 7; r++) {
            String sample = o.factors().column("sample").getString(r);
            int i = List.of(ref.strings("sample")).indexOf(sample);
            assertEquals(ref.doubles("TMM")[i], o.factors().column("norm_factor").getDouble(r), 1e-8);
        }
        assertEquals(8, o.cpm().columnCount());
        assertEquals(8, o.logCpm().columnCount());
    }
}
