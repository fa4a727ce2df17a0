package org.benchtop.core.notebook;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.benchtop.core.Images;
import org.benchtop.core.table.Column;
import org.benchtop.core.table.Table;

/** Entries, tables, plots and archive surgery shared by the notebook tests. */
final class NotebookFixtures {

    static final Instant T0 = Instant.parse("2025-03-04T09:10:11Z");
    /** A minimal SVG document. */
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

    private NotebookFixtures() {
    }

    static Table plateQc() {
        return Table.of("qc", List.of(Column.ofStrings("plate", new String[] {"P1", "P2", "P3"}),
                Column.ofInts("n_neg", new int[] {16, 16, 16}, null),
                Column.ofDoubles("z_prime", new double[] {0.71, 0.38, 0.62}),
                Column.ofDoubles("robust_z_prime", new double[] {0.74, 0.41, 0.60}),
                Column.ofBooleans("pass", new Boolean[] {Boolean.TRUE, Boolean.FALSE, Boolean.TRUE})));
    }

    static Table doseResponse() {
        return Table.of("fits", List.of(Column.ofStrings("cell_line", new String[] {"SJSA-1", "QGP1 <mut>"}),
                Column.ofDoubles("ec50", new double[] {0.0412, Double.NaN}),
                Column.ofDoubles("ec50_lower", new double[] {0.0301, Double.NaN}),
                Column.ofDoubles("ec50_upper", new double[] {0.0563, Double.NaN}),
                Column.ofBooleans("well_determined", new Boolean[] {Boolean.TRUE, Boolean.FALSE}),
                Column.ofStrings("reason", new String[] {null, "no response"})));
    }

    static Table qpcr() {
        return Table.of("qpcr", List.of(Column.ofStrings("group", new String[] {"treated", "treated"}),
                Column.ofStrings("target", new String[] {"CDKN1A", "MDM2"}),
                Column.ofDoubles("relative_expression", new double[] {6.5, 3.1}),
                Column.ofDoubles("lower", new double[] {5.2, 2.5}), Column.ofDoubles("upper", new double[] {8.1, 3.9})));
    }

    static Table rnaseq() {
        return Table.of("de", List.of(Column.ofStrings("gene_id", new String[] {"ENSG01", "ENSG02", "ENSG03", "ENSG04"}),
                Column.ofDoubles("baseMean", new double[] {100, 200, 300, 5}),
                Column.ofDoubles("log2FoldChange", new double[] {2.5, -1.2, 0.1, 4}),
                Column.ofDoubles("padj", new double[] {1e-12, 0.03, 0.8, Double.NaN})));
    }

    static byte[] png(Color c) {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        return Images.png(img);
    }

    static RunRecord record(String analysis, Table input, int minute, String... warnings) {
        RunRecord.Builder b = RunRecord.builder(analysis).parameter("alpha", 0.05).parameter("note", "a <b> & 'c'")
                .input("input", input).started(T0.plusSeconds(60L * minute))
                .finished(T0.plusSeconds(60L * minute + 3));
        for (String w : warnings) {
            b.warning(w);
        }
        return b.build();
    }

    /** An entry with one table of every kind, three runs, two plots (one with SVG). */
    static NotebookEntry fullEntry() {
        Table wells = Table.of("wells.csv", List.of(Column.ofStrings("well", new String[] {"A01"}),
                Column.ofDoubles("value", new double[] {1.0})));
        return NotebookEntry.builder().title("Milademetan <screen> & follow-up")
                .author(new NotebookEntry.Author("Ada Lovelace", "https://orcid.org/0000-0002-1825-0097",
                        "ada@example.org"))
                .project("MDM2 / p53").notes("First paragraph.\n\nSecond <b>paragraph</b>.").created(T0)
                .table("plates_qc.csv", plateQc())
                .table("dose_response", doseResponse())
                .table("qpcr/fold_changes.csv", qpcr())
                .table("de results.csv", rnaseq())
                .plot("heatmaps/plate 1.png", png(Color.RED), SVG)
                .plot("curves", png(Color.BLUE))
                .run(record("plates.qc", wells, 0, "Plate P2 fails: Z' 0.38"), "plates_qc.csv", "heatmaps/plate 1.png")
                // its input is the QC table above: linked to that file by checksum
                .run(record("dose_response.fit", plateQc(), 5), "dose_response.csv", "curves")
                .run(record("rnaseq.deseq", wells, 9), "de results.csv")
                .build();
    }

    /**
     * An entry whose names need care in an archive: spaces, non-ASCII letters, a name that only differs
     * from another by case once made portable, the same file name in two folders, a project with a comma.
     */
    static NotebookEntry awkwardEntry(String license) {
        return NotebookEntry.builder().title("Zellviabilität, Platte 3").author("Ada Lovelace")
                .project("Screens, 2025").notes("Two plates.\nSee heatmaps.").license(license).created(T0)
                .table("Ergebnis µM.csv", plateQc())
                .table("Ergebnis_µM.csv", doseResponse())
                .table("ergebnis__m.csv", qpcr())
                .plot("a/plate 1.png", png(Color.RED), SVG)
                .plot("b/plate 1.png", png(Color.GREEN))
                .plot("report", png(Color.BLUE))
                .run(record("plates.qc", qpcr(), 0), "Ergebnis µM.csv", "a/plate 1.png", "b/plate 1.png")
                .build();
    }

    /** Rewrites a zip, letting {@code edit} replace (or drop, with null) each entry's bytes. */
    static void rewrite(Path zip, BiFunction<String, byte[], byte[]> edit, List<String[]> extra) throws IOException {
        List<Object[]> entries = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                byte[] b = z.getInputStream(e).readAllBytes();
                entries.add(new Object[] {e.getName(), b});
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zo = new ZipOutputStream(out)) {
            for (Object[] e : entries) {
                String name = (String) e[0];
                byte[] b = name.endsWith("/") ? (byte[]) e[1] : edit.apply(name, (byte[]) e[1]);
                if (b == null) {
                    continue;
                }
                zo.putNextEntry(new ZipEntry(name));
                zo.write(b);
                zo.closeEntry();
            }
            for (String[] x : extra) {
                zo.putNextEntry(new ZipEntry(x[0]));
                zo.write(x[1].getBytes(StandardCharsets.UTF_8));
                zo.closeEntry();
            }
        }
        Files.write(zip, out.toByteArray());
    }

    /** Writes a zip with the given entries (name, content). */
    static void zip(Path file, String... namesAndContents) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zo = new ZipOutputStream(os)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zo.putNextEntry(new ZipEntry(namesAndContents[i]));
                zo.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zo.closeEntry();
            }
        }
    }
}
