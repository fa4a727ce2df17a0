package org.benchtop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.notebook.ElnWriter;
import org.benchtop.core.notebook.HtmlReport;
import org.benchtop.core.notebook.NotebookEntry;
import org.benchtop.core.notebook.RunFolder;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.Table;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchtop demo}: the lab workflow of the seed case, headless, on the bundled example data
 * {@code examples/milademetan/} (SIMULATED from published values of the MDM2 inhibitor milademetan,
 * see that folder's README.md): plate QC and normalization of a 384-well viability screen across
 * eight cell lines, an IC50 per cell line, qPCR of four p53 targets against GAPDH and ACTB, and
 * DESeq2 differential expression of treated vs DMSO cells (when this build has the {@code rnaseq}
 * command). Each step runs the CLI subcommand a user would type, so every result gets its run
 * record; then one notebook entry gathers the results folder ({@code .eln} and HTML report), and a
 * short summary compares the results with the simulated truth.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the lab workflow of the milademetan example (simulated from published values): plate QC and "
            + "normalization, IC50 per cell line, qPCR fold changes of p53 targets, RNA-seq differential expression; "
            + "write every result and one notebook entry (.eln and HTML) into a folder and print a summary against the "
            + "simulated truth.",
            "The KcViab RNAi screen (examples/kcviab) is a separate example: see the plates commands."})
final class DemoCommand implements Callable<Integer> {

    /** The example's folder inside the jar (and in the source tree under examples/). */
    static final String EXAMPLE = "examples/milademetan/";

    /** The example files copied into {@code OUT/data/}: inputs, the simulated truth, the README. */
    static final List<String> FILES = List.of("README.md", "plates.csv", "truth_ic50.csv", "qpcr.csv",
            "qpcr_efficiencies.csv", "truth_qpcr.csv", "rnaseq_counts.csv", "rnaseq_samples.csv", "truth_rnaseq.csv");

    /** The four p53 targets measured by qPCR. */
    static final List<String> P53_TARGETS = List.of("CDKN1A", "BBC3", "MDM2", "GDF15");

    /** DESeq2 level: genes with padj below this are called differentially expressed (DESeq2's default alpha). */
    static final double ALPHA = 0.1;

    @Option(names = "--out", defaultValue = "benchtop-demo", paramLabel = "DIR",
            description = "Folder for the results (default: ${DEFAULT-VALUE}); created if needed, files in it are replaced.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter say = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = CliFiles.imageFolder(out);
        Path data = CliFiles.imageFolder(dir.resolve("data"));
        Path results = CliFiles.imageFolder(dir.resolve("results"));
        Path details = CliFiles.imageFolder(dir.resolve("details"));
        for (String f : FILES) {
            extract(EXAMPLE + f, data.resolve(f));
        }
        say.println("Benchtop demo: the MDM2 inhibitor milademetan (DS-3032b) on TP53 wild-type and mutant cell lines.");
        say.println("The data are SIMULATED from published values (see " + data.resolve("README.md") + ").");

        Path plates = data.resolve("plates.csv");
        String[] plateInput = {"--input", plates.toString(), "--plate", "plate", "--well", "well", "--value", "value",
            "--content", "content", "--negative", "neg", "--positive", "pos", "--sample", "sample", "--format", "384"};
        Path qc = results.resolve("plates_qc.csv");
        run(say, err, "plates qc", plateInput, "--output", qc.toString(), "--heatmaps", results.resolve("heatmaps").toString());
        Path normalized = results.resolve("plates_normalized.csv");
        run(say, err, "plates normalize", plateInput, "--output", normalized.toString(), "--methods", "percent_of_negative");

        Path ic50 = results.resolve("ic50.csv");
        run(say, err, "dose-response fit", new String[0], "--input", normalized.toString(), "--output", ic50.toString(),
                "--dose", "dose_nM", "--response", "percent_of_negative", "--group", "cell_line", "--model", "LL.4",
                "--points", details.resolve("ic50_points.csv").toString(),
                "--plots", results.resolve("dose_response").toString());

        Path qpcr = results.resolve("qpcr_fold_changes.csv");
        run(say, err, "qpcr quantify", new String[0], "--input", data.resolve("qpcr.csv").toString(), "--output",
                qpcr.toString(), "--sample", "sample", "--group", "group", "--target", "target", "--cq", "cq",
                "--reference", "GAPDH,ACTB", "--calibrator", "DMSO", "--method", "nrq",
                "--efficiency", efficiencies(data.resolve("qpcr_efficiencies.csv")),
                "--samples", details.resolve("qpcr_samples.csv").toString(),
                "--statistics", details.resolve("qpcr_statistics.csv").toString(),
                "--plot", results.resolve("qpcr_fold_changes.png").toString());

        Path de = results.resolve("rnaseq_de.csv");
        run(say, err, "rnaseq deseq", new String[0], "--counts", data.resolve("rnaseq_counts.csv").toString(),
                "--samples", data.resolve("rnaseq_samples.csv").toString(), "--design", "~ condition",
                "--contrast", "condition,milademetan,DMSO", "--output", de.toString(),
                "--normalized-counts", details.resolve("rnaseq_normalized_counts.csv").toString(),
                "--size-factor-table", details.resolve("rnaseq_size_factors.csv").toString(),
                "--plots", results.resolve("rnaseq").toString());

        say.println();
        summary(say, plates, qc, ic50, data.resolve("truth_ic50.csv"), qpcr, data.resolve("truth_qpcr.csv"));
        rnaseqSummary(say, de, data.resolve("truth_rnaseq.csv"));

        // one notebook entry of every run in results/: run records, result tables, plots
        NotebookEntry entry = RunFolder.collect(results)
                .title("Milademetan (DS-3032b) in TP53 wild-type and mutant cell lines (SIMULATED demo data)")
                .author("Benchtop demo")
                .project("MDM2 inhibition: viability, p53 target induction")
                .notes(notes(data))
                .build();
        Path eln = dir.resolve("milademetan.eln");
        Path html = dir.resolve("milademetan_report.html");
        ElnWriter.write(entry, eln, true);
        HtmlReport.write(entry, html, true);
        say.println();
        say.println("Notebook entry (" + entry.analyses().size() + " analyses): " + eln
                + " (ELN archive: eLabFTW, Kadi4Mat, SampleDB, PASTA import it) and " + html);

        say.printf(Locale.ROOT, "%nIn %s: data/ (the inputs and the simulated truth), results/ (one table per analysis "
                + "with its run record, and the plots), details/ (further tables), the notebook entry and its report.%n",
                dir.toAbsolutePath());
        say.flush();
        return 0;
    }

    /** The entry's notes: what the data are, and the simulated truth to compare the results with. */
    static String notes(Path data) {
        StringBuilder b = new StringBuilder();
        b.append("The data of this entry are SIMULATED from published values (Benchtop's examples/milademetan/README.md, "
                + "copied into the demo's data/ folder): nothing was measured. They show the workflow of an MDM2 "
                + "inhibitor study: a 384-well viability screen across eight cell lines (plate QC, normalization to "
                + "DMSO, an IC50 per cell line), qPCR of p53 targets against GAPDH and ACTB, and RNA-seq of treated vs "
                + "DMSO cells.\n\nSimulated truth, to compare with the results below. IC50: ");
        Table ic = read(data.resolve("truth_ic50.csv"), "cell_line");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ic.rowCount(); i++) {
            String v = ic.column("ic50_nM").getString(i);
            parts.add(ic.column("cell_line").getString(i) + " (TP53 " + ic.column("tp53").getString(i) + ") "
                    + (v == null ? "no effect" : v + " nM"));
        }
        b.append(String.join(", ", parts)).append(".\nqPCR fold changes, treated / DMSO: ");
        Table q = read(data.resolve("truth_qpcr.csv"), "target");
        parts.clear();
        for (int i = 0; i < q.rowCount(); i++) {
            parts.add(q.column("target").getString(i) + " " + q.column("fold_change").getString(i));
        }
        b.append(String.join(", ", parts)).append(" (GAPDH and ACTB are the references).\nRNA-seq fold changes: ");
        Table r = read(data.resolve("truth_rnaseq.csv"), "gene_id");
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < r.rowCount(); i++) {
            if (r.column("fold_change").getDouble(i) != 1) {
                changed.add(Integer.valueOf(i));
            }
        }
        changed.sort(java.util.Comparator.comparingDouble((Integer i) -> -r.column("fold_change").getDouble(i.intValue()))
                .thenComparing(i -> r.column("gene_id").getString(i.intValue())));
        parts.clear();
        for (Integer i : changed) {
            parts.add(r.column("gene_id").getString(i.intValue()) + " "
                    + plain(r.column("fold_change").getDouble(i.intValue())));
        }
        b.append(String.join(", ", parts)).append("; the other ").append(r.rowCount() - parts.size())
                .append(" genes unchanged.");
        return b.toString();
    }

    /** Runs one subcommand with the demo's output streams; a failure stops the demo. */
    private static void run(PrintWriter say, PrintWriter err, String what, String[] common, String... args) {
        String[] full = concat(what.split(" "), common, args);
        say.println("$ benchtop " + String.join(" ", java.util.Arrays.stream(full).map(a -> a.contains(" ") ? "\"" + a + "\"" : a)
                .toArray(String[]::new)));
        say.flush();
        int code = BenchtopCli.execute(full, say, err);
        if (code != 0) {
            throw new BenchtopException(BenchtopException.Kind.ANALYSIS_FAILURE,
                    "demo step '" + what + "' failed (exit code " + code + "); its message is above");
        }
    }

    /** The {@code --efficiency} value from {@code target, amplification_factor} rows. */
    static String efficiencies(Path file) {
        Table t = read(file, "target");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            parts.add(t.column("target").getString(i) + "=" + t.column("amplification_factor").getString(i));
        }
        return String.join(",", parts);
    }

    private static void summary(PrintWriter say, Path platesFile, Path qcFile, Path ic50File, Path ic50Truth, Path qpcrFile,
            Path qpcrTruth) {
        // plate QC, with the cell line of each plate
        Table plates = read(platesFile, "plate", "well", "cell_line");
        Map<String, String> lineOfPlate = new LinkedHashMap<>();
        for (int i = 0; i < plates.rowCount(); i++) {
            lineOfPlate.putIfAbsent(plates.column("plate").getString(i), plates.column("cell_line").getString(i));
        }
        Table qc = read(qcFile, "plate");
        say.println("Plate QC (Z' >= 0.5 passes; the warnings about the median polish and the edge test are expected:");
        say.println("only 30 wells per plate hold samples, none in the outer ring):");
        for (int i = 0; i < qc.rowCount(); i++) {
            String plate = qc.column("plate").getString(i);
            say.printf(Locale.ROOT, "  %-4s %-11s Z' %5.2f  %s%n", plate, lineOfPlate.get(plate),
                    Double.valueOf(qc.column("z_prime").getDouble(i)),
                    "true".equals(qc.column("pass").getString(i)) ? "pass" : "FAIL");
        }

        // IC50 per cell line
        Table truth = read(ic50Truth, "cell_line");
        Map<String, Integer> truthRow = rows(truth, "cell_line");
        Table fits = read(ic50File, "cell_line");
        say.println();
        say.println("IC50 per cell line (LL.4 fit of viability in percent of DMSO; 95% CI) vs the simulated truth:");
        say.printf(Locale.ROOT, "  %-11s %-10s %-27s %s%n", "cell line", "TP53", "IC50 nM [95% CI]", "simulated");
        for (int i = 0; i < fits.rowCount(); i++) {
            String line = fits.column("cell_line").getString(i);
            Integer t = truthRow.get(line);
            String tp53 = t == null ? "?" : truth.column("tp53").getString(t.intValue());
            double trueIc50 = t == null ? Double.NaN : truth.column("ic50_nM").getDouble(t.intValue());
            String truthText = Double.isNaN(trueIc50) ? "no effect" : truth.column("ic50_nM").getString(t.intValue()) + " nM";
            String fitted;
            String verdict;
            if ("true".equals(fits.column("well_determined").getString(i))) {
                double e = fits.column("ec50").getDouble(i);
                double lo = fits.column("ec50_lower").getDouble(i);
                double hi = fits.column("ec50_upper").getDouble(i);
                fitted = num(e) + " [" + num(lo) + ", " + num(hi) + "]";
                verdict = Double.isNaN(trueIc50) ? "(an IC50 where none was simulated)"
                        : lo <= trueIc50 && trueIc50 <= hi ? "(in the CI)" : "(outside the CI)";
            } else {
                fitted = "none: not well determined";
                verdict = Double.isNaN(trueIc50) ? "(no IC50, as simulated)" : "(an IC50 was simulated)";
            }
            say.printf(Locale.ROOT, "  %-11s %-10s %-27s %s %s%n", line, tp53, fitted, truthText, verdict);
        }

        // qPCR
        Table fold = read(qpcrFile, "group", "target");
        Table qTruth = read(qpcrTruth, "target");
        Map<String, Integer> qTruthRow = rows(qTruth, "target");
        say.println();
        say.println("qPCR, SJSA-1 + milademetan vs DMSO (NRQ against GAPDH and ACTB; fold change [+- 1 SE]) vs the simulated truth:");
        for (int i = 0; i < fold.rowCount(); i++) {
            String target = fold.column("target").getString(i);
            if ("DMSO".equals(fold.column("group").getString(i))) {
                continue;
            }
            double fc = fold.column("relative_expression").getDouble(i);
            Integer t = qTruthRow.get(target);
            say.printf(Locale.ROOT, "  %-7s %6.2f [%s, %s]  simulated %s  %s%n", target, Double.valueOf(fc),
                    num(fold.column("lower").getDouble(i)), num(fold.column("upper").getDouble(i)),
                    t == null ? "?" : plain(qTruth.column("fold_change").getDouble(t.intValue())), fc > 1 ? "up" : "not up");
        }
    }

    private static void rnaseqSummary(PrintWriter say, Path deFile, Path truthFile) {
        Table de = read(deFile, "gene_id");
        Table truth = read(truthFile, "gene_id");
        Map<String, Integer> deRow = rows(de, "gene_id");
        int called = 0;
        int up = 0;
        for (int i = 0; i < de.rowCount(); i++) {
            double padj = de.column("padj").getDouble(i);
            if (padj < ALPHA) {
                called++;
                up += de.column("log2FoldChange").getDouble(i) > 0 ? 1 : 0;
            }
        }
        int simulated = 0;
        int recovered = 0;
        for (int i = 0; i < truth.rowCount(); i++) {
            if (truth.column("fold_change").getDouble(i) != 1) {
                simulated++;
                Integer r = deRow.get(truth.column("gene_id").getString(i));
                recovered += r != null && de.column("padj").getDouble(r.intValue()) < ALPHA ? 1 : 0;
            }
        }
        say.println();
        say.printf(Locale.ROOT, "RNA-seq, SJSA-1 + milademetan vs DMSO (DESeq2 Wald test, %d genes, 3 + 3 samples):%n",
                Integer.valueOf(de.rowCount()));
        say.printf(Locale.ROOT, "  %d genes differentially expressed at padj < %s (%d up, %d down): %d of the %d simulated "
                + "changes, and %d genes simulated as unchanged%n", Integer.valueOf(called), Double.toString(ALPHA),
                Integer.valueOf(up), Integer.valueOf(called - up), Integer.valueOf(recovered), Integer.valueOf(simulated),
                Integer.valueOf(called - recovered));
        Map<String, Integer> truthRow = rows(truth, "gene_id");
        for (String gene : P53_TARGETS) {
            Integer r = deRow.get(gene);
            Integer t = truthRow.get(gene);
            if (r == null) {
                say.printf(Locale.ROOT, "  %-7s not in the results%n", gene);
                continue;
            }
            double lfc = de.column("log2FoldChange").getDouble(r.intValue());
            double padj = de.column("padj").getDouble(r.intValue());
            say.printf(Locale.ROOT, "  %-7s fold change %6.2f (log2 %5.2f, padj %s)  simulated %s  %s%n", gene,
                    Double.valueOf(Math.pow(2, lfc)), Double.valueOf(lfc), sci(padj),
                    t == null ? "?" : plain(truth.column("fold_change").getDouble(t.intValue())),
                    lfc > 0 && padj < ALPHA ? "up" : "not up");
        }
    }

    /** Three significant digits without trailing zeros: 8, 0.45, 2000. */
    static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2g", Double.valueOf(v)) : "NA";
    }

    private static Map<String, Integer> rows(Table t, String key) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            m.put(t.column(key).getString(i), Integer.valueOf(i));
        }
        return m;
    }

    /** Three significant digits, plain notation. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).toPlainString();
    }

    private static Table read(Path file, String... idColumns) {
        return CsvReader.withDefaults().withStringColumns(Set.of(idColumns)).read(file);
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    private static Path extract(String resource, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new BenchtopException(BenchtopException.Kind.ANALYSIS_FAILURE, "the example data " + resource
                        + " is missing from this build; rebuild with ./mvnw verify");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
