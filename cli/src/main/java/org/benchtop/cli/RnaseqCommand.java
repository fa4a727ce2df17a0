package org.benchtop.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.rnaseq.DeseqAnalysis;
import org.benchtop.core.rnaseq.DeseqSettings;
import org.benchtop.core.rnaseq.RnaseqRuns;
import org.benchtop.core.rnaseq.TmmAnalysis;
import org.benchtop.core.rnaseq.TmmSettings;
import org.benchtop.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code benchtop rnaseq deseq|tmm}: RNA-seq differential expression (DESeq2) and edgeR TMM factors. */
@Command(name = "rnaseq", mixinStandardHelpOptions = true,
        description = "RNA-seq: DESeq2 differential expression (gene for gene as DESeq2 1.38.3), edgeR TMM normalization.",
        subcommands = {RnaseqCommand.Deseq.class, RnaseqCommand.Tmm.class})
final class RnaseqCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: deseq or tmm");
    }

    /**
     * Runs {@code rnaseq} on its own ({@code java -cp benchtop-cli.jar org.benchtop.cli.RnaseqCommand deseq ...}),
     * with the exit codes of {@code benchtop}, until it is registered as a subcommand of {@link BenchtopCli}.
     *
     * @param args the arguments after {@code rnaseq}
     */
    public static void main(String[] args) {
        picocli.CommandLine cl = new picocli.CommandLine(new RnaseqCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof org.benchtop.core.BenchtopException be) {
                cmd.getErr().println("benchtop: " + be.getMessage());
                return be.kind() == org.benchtop.core.BenchtopException.Kind.BAD_INPUT ? BenchtopCli.EXIT_BAD_INPUT
                        : BenchtopCli.EXIT_FAILURE;
            }
            throw ex;
        });
        System.exit(cl.execute(args));
    }

    /** Reads a table with the given columns kept as text (ids). */
    static Table readWithIds(Path file, String... idColumns) {
        Set<String> ids = new LinkedHashSet<>();
        for (String c : idColumns) {
            if (c != null) {
                ids.add(c);
            }
        }
        return CliFiles.read(file, ids);
    }

    /** {@code benchtop rnaseq deseq}. */
    @Command(name = "deseq", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Differential expression as DESeq2's DESeq() + results(): median-of-ratios size factors, "
                + "Cox-Reid dispersions with the parametric trend and MAP shrinkage, negative binomial GLM, Wald test "
                + "(or likelihood-ratio test with --reduced), Cook's outlier handling, independent filtering, BH.",
                "Writes --output (gene_id, baseMean, log2FoldChange, lfcSE, stat, pvalue, padj, dispersion), "
                    + "<output stem>_normalized_counts.csv and <output stem>_size_factors.csv, and a run record."})
    static final class Deseq implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--counts", required = true, paramLabel = "FILE",
                description = "Raw counts (CSV/TSV): a gene id column, then one column per sample; or a long table "
                    + "with --count-sample-column and --count-column.")
        Path counts;

        @Option(names = "--samples", required = true, paramLabel = "FILE",
                description = "Sample sheet (CSV/TSV): a sample name column matching the count columns, and the design "
                    + "variables.")
        Path samples;

        @Option(names = "--design", required = true, paramLabel = "FORMULA",
                description = "Design formula, e.g. \"~ batch + condition\" (interactions a:b, numeric covariates).")
        String design;

        @Option(names = "--contrast", required = true, paramLabel = "FACTOR,NUM,DEN",
                description = "What to compare: condition,treated,control; or a coefficient name; or one numeric "
                    + "weight per coefficient.")
        String contrast;

        @Option(names = "--reduced", paramLabel = "FORMULA",
                description = "Reduced design for a likelihood-ratio test, e.g. \"~ batch\".")
        String reduced;

        @Option(names = "--alpha", defaultValue = "0.1", paramLabel = "FDR",
                description = "FDR level of the independent filtering (default: ${DEFAULT-VALUE}).")
        double alpha;

        @Option(names = "--shrink", defaultValue = "none", paramLabel = "none|normal",
                description = "LFC shrinkage: DESeq2's lfcShrink(type=\"normal\") (default: ${DEFAULT-VALUE}).")
        String shrink;

        @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
                description = "Worker threads; results are identical for any N (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Results CSV.")
        Path output;

        @Option(names = "--plots", paramLabel = "DIR",
                description = "Also write volcano.png, ma.png, dispersion.png and pca.png (PCA of VST values) here.")
        Path plots;

        @Option(names = "--normalized-counts", paramLabel = "FILE",
                description = "Normalized counts CSV (default: <output stem>_normalized_counts.csv).")
        Path normalized;

        @Option(names = "--size-factor-table", paramLabel = "FILE",
                description = "Size factors CSV (default: <output stem>_size_factors.csv).")
        Path sizeFactorTable;

        @Option(names = "--size-factors", defaultValue = "ratio", paramLabel = "ratio|poscounts",
                description = "Size factor method (poscounts when every gene has a zero) (default: ${DEFAULT-VALUE}).")
        String sizeFactors;

        @Option(names = "--fit-type", defaultValue = "parametric", paramLabel = "parametric|local|mean",
                description = "Dispersion trend, as DESeq2's fitType; parametric falls back to local when it fails "
                    + "(default: ${DEFAULT-VALUE}).")
        String fitType;

        @Option(names = "--gene-column", paramLabel = "COL", description = "Gene id column of --counts (default: the first).")
        String geneColumn;

        @Option(names = "--sample-column", paramLabel = "COL", description = "Sample name column of --samples (default: the first).")
        String sampleColumn;

        @Option(names = "--count-sample-column", paramLabel = "COL", description = "Long count table: its sample column.")
        String countSampleColumn;

        @Option(names = "--count-column", paramLabel = "COL", description = "Long count table: its count column.")
        String countColumn;

        @Option(names = "--factors", split = ",", paramLabel = "COL",
                description = "Sample sheet columns to treat as factors although numeric (e.g. batch numbers).")
        List<String> factors = new ArrayList<>();

        @Option(names = "--reference", split = ",", paramLabel = "FACTOR=LEVEL",
                description = "Reference levels, e.g. type=paired-end (the contrast's denominator is the reference of "
                    + "its factor unless given here; otherwise the first level in sorted order).")
        List<String> references = new ArrayList<>();

        @Option(names = "--min-replicates-for-replace", defaultValue = "7", paramLabel = "N",
                description = "Replace Cook's outliers in cells with at least N samples and refit (0 = off) "
                    + "(default: ${DEFAULT-VALUE}).")
        int minReplicatesForReplace;

        @Option(names = "--no-independent-filtering", description = "Plain BH over all genes.")
        boolean noIndependentFiltering;

        @Option(names = "--no-cooks-cutoff", description = "Do not set p-values of Cook's outlier genes to NA.")
        boolean noCooksCutoff;

        @Override
        public Integer call() {
            Path norm = normalized != null ? normalized : CliFiles.sibling(output, "_normalized_counts");
            Path sf = sizeFactorTable != null ? sizeFactorTable : CliFiles.sibling(output, "_size_factors");
            QpcrCommand.checkWritable(output, norm, sf);
            DeseqSettings s = new DeseqSettings(design, contrast, reduced, alpha, shrink, threads, sizeFactors, fitType,
                    geneColumn, sampleColumn, countSampleColumn, countColumn, factors, minReplicatesForReplace,
                    !noIndependentFiltering, !noCooksCutoff, references);
            Table countTable = readWithIds(counts, geneColumn, countSampleColumn);
            Table sampleTable = readWithIds(samples, sampleColumn);
            RunRecord.Builder record = RnaseqRuns.deseq(countTable, sampleTable, s);
            ConsoleProgress progress = ConsoleProgress.onStandardError();
            DeseqAnalysis.Output out;
            try {
                out = DeseqAnalysis.run(countTable, sampleTable, s, plots != null, progress);
            } finally {
                progress.done();
            }
            CliFiles.write(out.results(), output);
            CliFiles.write(out.normalizedCounts(), norm);
            CliFiles.write(out.sizeFactors(), sf);
            if (plots != null) {
                Path dir = CliFiles.imageFolder(plots);
                CliFiles.writeAtomically(dir.resolve("volcano.png"), out.volcanoPlot());
                CliFiles.writeAtomically(dir.resolve("ma.png"), out.maPlot());
                CliFiles.writeAtomically(dir.resolve("dispersion.png"), out.dispersionPlot());
                CliFiles.writeAtomically(dir.resolve("pca.png"), out.pcaPlot());
            }
            CliFiles.writeRecord(record.warnings(out.warnings()).finish().build(), output);
            Warnings.print(spec, out.warnings());
            return 0;
        }
    }

    /** {@code benchtop rnaseq tmm}. */
    @Command(name = "tmm", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"edgeR calcNormFactors (TMM, RLE or upper quartile) and CPM / logCPM.",
                "Writes --output (sample, lib_size, norm_factor, effective_lib_size), and with --cpm / --logcpm the "
                    + "CPM tables."})
    static final class Tmm implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--counts", required = true, paramLabel = "FILE", description = "Raw counts: gene id column, then one column per sample.")
        Path counts;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Normalization factors CSV.")
        Path output;

        @Option(names = "--method", defaultValue = "tmm", paramLabel = "tmm|rle|upperquartile",
                description = "Normalization method (default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--gene-column", paramLabel = "COL", description = "Gene id column (default: the first).")
        String geneColumn;

        @Option(names = "--prior-count", defaultValue = "2", paramLabel = "N", description = "Prior count of logCPM (default: ${DEFAULT-VALUE}).")
        double priorCount;

        @Option(names = "--cpm", paramLabel = "FILE", description = "Also write counts per million.")
        Path cpm;

        @Option(names = "--logcpm", paramLabel = "FILE", description = "Also write log2 counts per million.")
        Path logcpm;

        @Override
        public Integer call() {
            QpcrCommand.checkWritable(output, cpm, logcpm);
            TmmSettings s = new TmmSettings(method, geneColumn, priorCount);
            Table countTable = readWithIds(counts, geneColumn);
            RunRecord.Builder record = RnaseqRuns.tmm(countTable, s);
            TmmAnalysis.Output out = TmmAnalysis.run(countTable, s, null);
            CliFiles.write(out.factors(), output);
            QpcrCommand.writeIfAsked(out.cpm(), cpm);
            QpcrCommand.writeIfAsked(out.logCpm(), logcpm);
            CliFiles.writeRecord(record.warnings(out.warnings()).finish().build(), output);
            Warnings.print(spec, out.warnings());
            return 0;
        }
    }
}
