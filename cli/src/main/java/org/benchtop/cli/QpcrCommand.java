package org.benchtop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.qpcr.Cq;
import org.benchtop.core.qpcr.GenormSettings;
import org.benchtop.core.qpcr.QpcrAnalysis;
import org.benchtop.core.qpcr.QpcrRuns;
import org.benchtop.core.qpcr.QuantifySettings;
import org.benchtop.core.qpcr.StandardCurveSettings;
import org.benchtop.core.qpcr.TechnicalReplicates;
import org.benchtop.core.table.Table;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code benchtop qpcr quantify|standard-curve|genorm|read-rdml}: qPCR analysis. */
@Command(name = "qpcr", mixinStandardHelpOptions = true, description = "qPCR: relative quantification, standard curves, geNorm, RDML import.",
        subcommands = {QpcrCommand.Quantify.class, QpcrCommand.StandardCurve.class, QpcrCommand.Genorm.class,
            QpcrCommand.ReadRdml.class})
final class QpcrCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: quantify, standard-curve, genorm or read-rdml");
    }

    /**
     * Reads a long table of wells; the id and Cq columns as text, so that well ids, sample names
     * like {@code 01} and Cq values like {@code Undetermined} reach the engine as written.
     */
    static Table readWells(Path input, String... textColumns) {
        Set<String> ids = new LinkedHashSet<>();
        for (String c : textColumns) {
            if (c != null) {
                ids.add(c);
            }
        }
        return CliFiles.read(input, ids);
    }

    /** Checks every given (non-null) output before the analysis runs. */
    static void checkWritable(Path... files) {
        for (Path f : files) {
            if (f != null) {
                CliFiles.checkWritable(f);
            }
        }
    }

    /** Writes an optional table output. */
    static void writeIfAsked(Table t, Path file) {
        if (file != null) {
            CliFiles.write(t, file);
        }
    }

    /** {@code benchtop qpcr quantify}. */
    @Command(name = "quantify", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Relative quantification: one row per group and target with columns group, target, "
                + "delta_cq, delta_delta_cq, error, relative_expression, lower, upper.",
                "Input: a long table, one row per well (reaction). Technical replicates (same sample and target) are "
                    + "averaged; Cq 'Undetermined', empty or above --cq-cutoff is a non-detect, reported as a "
                    + "warning and left out."})
    static final class Quantify implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "Long table of wells (CSV or TSV).")
        Path input;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Results CSV.")
        Path output;

        @Option(names = "--sample", required = true, paramLabel = "COL", description = "Sample (biological replicate) column.")
        String sample;

        @Option(names = "--group", required = true, paramLabel = "COL", description = "Group (condition) column.")
        String group;

        @Option(names = "--target", required = true, paramLabel = "COL", description = "Target (gene) column.")
        String target;

        @Option(names = "--cq", required = true, paramLabel = "COL", description = "Cq (Ct) column; text such as 'Undetermined' is a non-detect.")
        String cq;

        @Option(names = "--reference", split = ",", paramLabel = "GENE",
                description = "Reference gene(s), e.g. GAPDH or GAPDH,ACTB (several: the mean of their Cq, i.e. the "
                    + "geometric mean of quantities). Required except for --method dcq.")
        List<String> reference = new ArrayList<>();

        @Option(names = "--calibrator", required = true, paramLabel = "GROUP", description = "The calibrator (control) group: relative expression 1.")
        String calibrator;

        @Option(names = "--method", defaultValue = "ddcq", paramLabel = "ddcq|pfaffl|nrq|dcq",
                description = "ddcq: Livak 2^-ddCq; pfaffl: efficiency-corrected ratio (efficiencies from --efficiency "
                    + "or standard wells); nrq: qbase+ normalized relative quantity (Hellemans 2007); dcq: no "
                    + "reference (default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--efficiency", paramLabel = "TARGET=E,...",
                description = "Amplification factors per target, e.g. CDKN1A=1.95,GAPDH=2 (values above 2.5 are "
                    + "percentages: GAPDH=97 is E=1.97). Targets not given take theirs from standard wells.")
        String efficiency;

        @Option(names = "--mode", defaultValue = "separate-tubes", paramLabel = "separate-tubes|same-tube",
                description = "ddCq variant of R's pcr package: average per group then propagate SDs (separate-tubes), "
                    + "or dCq per sample (same-tube) (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--well", paramLabel = "COL", description = "Well id column (optional; named in messages).")
        String well;

        @Option(names = "--type", paramLabel = "COL", description = "Sample type column: unkn, std, ntc, nrt (optional).")
        String type;

        @Option(names = "--quantity", paramLabel = "COL", description = "Known quantity of standard wells (optional; standard curves for pfaffl/nrq).")
        String quantity;

        @Option(names = "--plate", paramLabel = "COL", description = "Plate/run column (optional).")
        String plate;

        @Option(names = "--cq-cutoff", defaultValue = "" + Cq.DEFAULT_CUTOFF, paramLabel = "CYCLES",
                description = "Cq above this is a non-detect (default: ${DEFAULT-VALUE}).")
        double cqCutoff;

        @Option(names = "--sd-threshold", defaultValue = "" + TechnicalReplicates.DEFAULT_SD_THRESHOLD, paramLabel = "CYCLES",
                description = "Flag technical replicates whose SD exceeds this (default: ${DEFAULT-VALUE}).")
        double sdThreshold;

        @Option(names = "--exclude-outliers", description = "Exclude one outlying technical replicate of flagged sets (reported per well).")
        boolean excludeOutliers;

        @Option(names = "--plot", paramLabel = "FILE", description = "Also write the bar chart of fold changes with error bars (PNG).")
        Path plot;

        @Option(names = "--samples", paramLabel = "FILE", description = "Also write per sample and target: target_cq, reference_cq, delta_cq, nrq, se_nrq.")
        Path samples;

        @Option(names = "--replicates", paramLabel = "FILE", description = "Also write the technical replicates: mean and SD per sample and target, flags.")
        Path replicates;

        @Option(names = "--wells", paramLabel = "FILE", description = "Also write the status of every input well (used, non-detect, excluded).")
        Path wells;

        @Option(names = "--statistics", paramLabel = "FILE", description = "Also write Welch t and Wilcoxon tests of each group vs the calibrator on dCq.")
        Path statistics;

        @Option(names = "--efficiencies", paramLabel = "FILE", description = "Also write the efficiencies used (pfaffl, nrq).")
        Path efficiencies;

        QuantifySettings settings() {
            Map<String, Double> e = QuantifySettings.parseEfficiencies(efficiency);
            return new QuantifySettings(sample, group, target, cq, reference, calibrator, QuantifySettings.Method.parse(method),
                    e, QuantifySettings.parseMode(mode), well, type, quantity, plate, cqCutoff, sdThreshold, excludeOutliers);
        }

        @Override
        public Integer call() {
            checkWritable(output, plot, samples, replicates, wells, statistics, efficiencies);
            QuantifySettings s = settings();
            Table table = readWells(input, sample, group, target, cq, well, type, plate);
            ConsoleProgress progress = ConsoleProgress.onStandardError();
            RunRecord.Builder record = QpcrRuns.quantify(table, s);
            QpcrAnalysis.QuantifyOutput out;
            try {
                out = QpcrAnalysis.create().quantify(table, s, plot != null, progress);
            } finally {
                progress.done();
            }
            CliFiles.write(out.results(), output);
            writeIfAsked(out.samples(), samples);
            writeIfAsked(out.replicates(), replicates);
            writeIfAsked(out.wells(), wells);
            writeIfAsked(out.statistics(), statistics);
            writeIfAsked(out.efficiencies(), efficiencies);
            if (plot != null) {
                CliFiles.writeAtomically(plot, out.foldChangePlot());
            }
            CliFiles.writeRecord(record.warnings(out.warnings()).finish().build(), output);
            Warnings.print(spec, out.warnings());
            return 0;
        }
    }

    /** {@code benchtop qpcr standard-curve}. */
    @Command(name = "standard-curve", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Standard curves per target from dilution series (Cq against log10 quantity): slope, "
                + "intercept, R^2, SEs, amplification factor 10^(-1/slope), efficiency %%; and the quantities of the "
                + "unknown wells read off the curves.",
                "Writes the curves to --output and the interpolated unknowns to --unknowns (default: "
                    + "<output stem>_unknowns.csv beside --output)."})
    static final class StandardCurve implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "Long table of wells (CSV or TSV).")
        Path input;

        @Option(names = "--output", required = true, paramLabel = "FILE",
                description = "Curves CSV: target, n, levels, slope, intercept, r_squared, se_slope, se_intercept, "
                    + "amplification_factor, efficiency_percent.")
        Path output;

        @Option(names = "--unknowns", paramLabel = "FILE",
                description = "Interpolated unknowns CSV: well, sample, target, cq, log10_quantity, quantity, extrapolated "
                    + "(default: <output stem>_unknowns.csv).")
        Path unknowns;

        @Option(names = "--sample", required = true, paramLabel = "COL", description = "Sample column.")
        String sample;

        @Option(names = "--target", required = true, paramLabel = "COL", description = "Target (gene) column.")
        String target;

        @Option(names = "--cq", required = true, paramLabel = "COL", description = "Cq (Ct) column.")
        String cq;

        @Option(names = "--quantity", required = true, paramLabel = "COL",
                description = "Known quantity of the standards (rows with a quantity are standards unless --type says otherwise).")
        String quantity;

        @Option(names = "--type", paramLabel = "COL", description = "Sample type column: unkn, std, ntc, nrt (optional).")
        String type;

        @Option(names = "--well", paramLabel = "COL", description = "Well id column (optional).")
        String well;

        @Option(names = "--cq-cutoff", defaultValue = "" + Cq.DEFAULT_CUTOFF, paramLabel = "CYCLES",
                description = "Cq above this is a non-detect (default: ${DEFAULT-VALUE}).")
        double cqCutoff;

        @Option(names = "--plot", paramLabel = "FILE", description = "Also write the plot of Cq against log10 quantity with the fitted lines (PNG).")
        Path plot;

        @Override
        public Integer call() {
            Path unk = unknowns != null ? unknowns : CliFiles.sibling(output, "_unknowns");
            checkWritable(output, unk, plot);
            StandardCurveSettings s = new StandardCurveSettings(sample, target, cq, quantity, type, well, cqCutoff);
            Table table = readWells(input, sample, target, cq, type, well);
            ConsoleProgress progress = ConsoleProgress.onStandardError();
            RunRecord.Builder record = QpcrRuns.standardCurve(table, s);
            QpcrAnalysis.StandardCurveOutput out;
            try {
                out = QpcrAnalysis.create().standardCurve(table, s, plot != null, progress);
            } finally {
                progress.done();
            }
            CliFiles.write(out.curves(), output);
            CliFiles.write(out.unknowns(), unk);
            if (plot != null) {
                CliFiles.writeAtomically(plot, out.plot());
            }
            CliFiles.writeRecord(record.warnings(out.warnings()).finish().build(), output);
            Warnings.print(spec, out.warnings());
            return 0;
        }
    }

    /** {@code benchtop qpcr genorm}. */
    @Command(name = "genorm", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"geNorm reference gene stability (Vandesompele et al. 2002), per group if --group is given: "
                + "the M value of every candidate gene at every exclusion step, the pairwise variation V_n/n+1 and the "
                + "ranking (most stable first).",
                "Writes the M values to --output, the pairwise variations to --variation (default: "
                    + "<output stem>_variation.csv) and the ranking to --ranking (default: <output stem>_ranking.csv), "
                    + "all beside each other unless given."})
    static final class Genorm implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "Long table: sample, target and Cq or quantity (CSV or TSV).")
        Path input;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "M values CSV: group, step, target, m_value.")
        Path output;

        @Option(names = "--variation", paramLabel = "FILE",
                description = "Pairwise variation CSV: group, step, n_genes, label, pairwise_variation (default: <output stem>_variation.csv).")
        Path variation;

        @Option(names = "--ranking", paramLabel = "FILE",
                description = "Ranking CSV: group, rank, target (default: <output stem>_ranking.csv).")
        Path ranking;

        @Option(names = "--sample", required = true, paramLabel = "COL", description = "Sample column.")
        String sample;

        @Option(names = "--target", required = true, paramLabel = "COL", description = "Target (candidate reference gene) column.")
        String target;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Value value;

        /** Exactly one of --cq and --quantity. */
        static final class Value {
            @Option(names = "--cq", required = true, paramLabel = "COL", description = "Cq column (log2 quantity = -Cq * log2(E)).")
            String cq;

            @Option(names = "--quantity", required = true, paramLabel = "COL", description = "Relative quantity column (> 0).")
            String quantity;
        }

        @Option(names = "--group", paramLabel = "COL", description = "Group column: geNorm per group, e.g. per tissue (optional).")
        String group;

        @Option(names = "--efficiency", paramLabel = "TARGET=E,...",
                description = "Amplification factors per gene for Cq input (default 2 for every gene).")
        String efficiency;

        @Option(names = "--cq-cutoff", defaultValue = "" + Cq.DEFAULT_CUTOFF, paramLabel = "CYCLES",
                description = "Cq above this is a non-detect, left out (default: ${DEFAULT-VALUE}).")
        double cqCutoff;

        @Override
        public Integer call() {
            Path v = variation != null ? variation : CliFiles.sibling(output, "_variation");
            Path r = ranking != null ? ranking : CliFiles.sibling(output, "_ranking");
            checkWritable(output, v, r);
            GenormSettings s = new GenormSettings(sample, target, value.cq, value.quantity, group,
                    QuantifySettings.parseEfficiencies(efficiency), cqCutoff);
            Table table = readWells(input, sample, target, value.cq, group);
            ConsoleProgress progress = ConsoleProgress.onStandardError();
            RunRecord.Builder record = QpcrRuns.genorm(table, s);
            QpcrAnalysis.GenormOutput out;
            try {
                out = QpcrAnalysis.create().genorm(table, s, progress);
            } finally {
                progress.done();
            }
            CliFiles.write(out.mValues(), output);
            CliFiles.write(out.variations(), v);
            CliFiles.write(out.ranking(), r);
            CliFiles.writeRecord(record.warnings(out.warnings()).finish().build(), output);
            Warnings.print(spec, out.warnings());
            return 0;
        }
    }

    /** {@code benchtop qpcr read-rdml}. */
    @Command(name = "read-rdml", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Reads an RDML file (the qPCR exchange format, versions 1.0 to 1.3; zip or plain XML) into a "
                + "table: well, sample, type, quantity, target, cq, one row per reaction and target.",
                "External entities and document type declarations are refused; zip entries are bounded."})
    static final class ReadRdml implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "The .rdml (or .xml) file.")
        Path input;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output CSV.")
        Path output;

        @Override
        public Integer call() {
            CliFiles.checkWritable(output);
            if (!Files.isRegularFile(input)) {
                throw new BenchtopException(BenchtopException.Kind.BAD_INPUT,
                        "Input file " + input + " does not exist or is not a file; check the path.");
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(input);
            } catch (IOException e) {
                throw new BenchtopException(BenchtopException.Kind.BAD_INPUT, "Cannot read " + input + ": " + e.getMessage());
            }
            String name = input.getFileName().toString();
            QpcrAnalysis.RdmlOutput out = QpcrAnalysis.create().readRdml(bytes, name, ConsoleProgress.onStandardError());
            RunRecord.Builder record = QpcrRuns.readRdml(name, bytes, out.wells());
            CliFiles.write(out.wells(), output);
            CliFiles.writeRecord(record.warnings(out.warnings()).finish().build(), output);
            Warnings.print(spec, out.warnings());
            return 0;
        }
    }
}
