package org.benchtop.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.plate.NormalizationMethod;
import org.benchtop.core.plate.NormalizeOutput;
import org.benchtop.core.plate.PlateAnalysis;
import org.benchtop.core.plate.PlateFormat;
import org.benchtop.core.plate.PlateHeatmap;
import org.benchtop.core.plate.PlateOutput;
import org.benchtop.core.plate.PlateRuns;
import org.benchtop.core.plate.PlateSettings;
import org.benchtop.core.plate.QcOutput;
import org.benchtop.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code benchtop plates normalize|qc}: plate normalization and quality control. */
@Command(name = "plates", mixinStandardHelpOptions = true, description = "Microtiter plate normalization and quality control.",
        subcommands = {PlatesCommand.Normalize.class, PlatesCommand.Qc.class})
final class PlatesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: normalize or qc");
    }

    /** The input options both plate commands share; names as in the node dialogs. */
    static final class PlateOptions {
        @Option(names = "--input", required = true, paramLabel = "FILE", description = "Long table, one row per well (CSV or TSV).")
        Path input;

        @Option(names = "--plate", required = true, split = ",", paramLabel = "COL",
                description = "Column(s) that identify a plate, e.g. plate or plate,replicate.")
        List<String> plate;

        @Option(names = "--well", required = true, paramLabel = "COL", description = "Well id column (A1, A01, AF48).")
        String well;

        @Option(names = "--value", required = true, paramLabel = "COL", description = "Raw value column.")
        String value;

        @Option(names = "--content", required = true, paramLabel = "COL",
                description = "Well content column (negative / positive / sample labels, 'empty', anything else is 'other').")
        String content;

        @Option(names = "--negative", defaultValue = "neg", paramLabel = "LABEL", description = "Label of negative controls (default: ${DEFAULT-VALUE}).")
        String negative;

        @Option(names = "--positive", defaultValue = "pos", paramLabel = "LABEL", description = "Label of positive controls (default: ${DEFAULT-VALUE}).")
        String positive;

        @Option(names = "--sample", defaultValue = "sample", paramLabel = "LABEL", description = "Label of sample wells (default: ${DEFAULT-VALUE}).")
        String sample;

        @Option(names = "--exclude", paramLabel = "COL",
                description = "Boolean column of flagged wells: left out of every statistic, still written out.")
        String exclude;

        @Option(names = "--format", paramLabel = "WELLS", description = "Plate format: 6, 12, 24, 48, 96, 384 or 1536 (default: from the well ids).")
        Integer format;

        @Option(names = "--heatmaps", paramLabel = "DIR", description = "Write one heatmap PNG per plate into this folder.")
        Path heatmaps;

        PlateSettings settings(Set<NormalizationMethod> methods, double zPrimeThreshold) {
            return PlateSettings.defaults(plate, well, value, content).withNegativeLabel(negative).withPositiveLabel(positive)
                    .withSampleLabel(sample).withExcludeColumn(exclude)
                    .withFormat(format == null ? null : PlateFormat.ofWells(format)).withMethods(methods)
                    .withZPrimeThreshold(zPrimeThreshold);
        }

        Table read() {
            Set<String> ids = new HashSet<>(plate);
            ids.add(well);
            ids.add(content);
            return CliFiles.read(input, ids);
        }

        void writeHeatmaps(Table table, PlateSettings s, String valueName, ConsoleProgress progress) {
            if (heatmaps == null) {
                return;
            }
            List<PlateHeatmap> maps = PlateAnalysis.heatmaps(table, s, valueName, progress);
            Path dir = CliFiles.imageFolder(heatmaps);
            for (PlateHeatmap h : maps) {
                CliFiles.writeAtomically(dir.resolve(h.fileName()), h.png());
            }
        }
    }

    /** {@code benchtop plates normalize}. */
    @Command(name = "normalize", mixinStandardHelpOptions = true,
            description = "Normalize every plate: the input columns plus one column per method.")
    static final class Normalize implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        PlateOptions in = new PlateOptions();

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output CSV.")
        Path output;

        @Option(names = "--methods", defaultValue = "all", paramLabel = "all|m1,m2",
                description = "Methods: all, or a comma-separated list of ${COMPLETION-CANDIDATES}.",
                completionCandidates = MethodNames.class)
        String methods;

        @Option(names = "--qc", paramLabel = "FILE",
                description = "Also write the per-plate QC table (as 'plates qc --output') from the same run.")
        Path qc;

        @Option(names = "--heatmap-value", paramLabel = "NAME",
                description = "What the heatmaps show: the value column or a method column (default: b_score if computed, else the value column).")
        String heatmapValue;

        @Override
        public Integer call() {
            CliFiles.checkWritable(output);
            if (qc != null) {
                CliFiles.checkWritable(qc);
            }
            PlateSettings s = in.settings(NormalizationMethod.parseList(methods), 0.5);
            Table table = in.read();
            ConsoleProgress progress = ConsoleProgress.onStandardError();
            RunRecord.Builder record = PlateRuns.start(PlateRuns.NORMALIZE, table, s);
            Table normalized;
            Table qcTable = null;
            List<String> warnings;
            try {
                if (qc == null) {
                    NormalizeOutput out = PlateAnalysis.normalize(table, s, progress);
                    normalized = out.table();
                    warnings = out.warnings();
                } else {
                    PlateOutput out = PlateAnalysis.run(table, s, progress); // one pass for both
                    normalized = out.normalized();
                    qcTable = out.qc();
                    warnings = out.warnings();
                }
                String shown = heatmapValue != null ? heatmapValue
                        : s.methods().contains(NormalizationMethod.B_SCORE) ? NormalizationMethod.B_SCORE.columnName() : s.valueColumn();
                in.writeHeatmaps(table, s, shown, progress);
            } finally {
                progress.done();
            }
            CliFiles.write(normalized, output);
            if (qcTable != null) {
                CliFiles.write(qcTable, qc);
            }
            CliFiles.writeRecord(record.warnings(warnings).finish().build(), output);
            Warnings.print(spec, warnings);
            return 0;
        }
    }

    /** {@code benchtop plates qc}. */
    @Command(name = "qc", mixinStandardHelpOptions = true,
            description = "Quality control: one row per plate (controls, Z', SSMD, S/B, edge effects, pass/fail).")
    static final class Qc implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        PlateOptions in = new PlateOptions();

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Per-plate QC CSV.")
        Path output;

        @Option(names = "--screen", paramLabel = "FILE", description = "Also write the screen-level pooled control QC.")
        Path screen;

        @Option(names = "--effects", paramLabel = "FILE", description = "Also write the median-polish row and column effects per plate.")
        Path effects;

        @Option(names = "--z-prime-threshold", defaultValue = "0.5", paramLabel = "Z",
                description = "A plate passes when its Z' is at least this (default: ${DEFAULT-VALUE}).")
        double zPrimeThreshold;

        @Override
        public Integer call() {
            CliFiles.checkWritable(output);
            List<Path> extra = new ArrayList<>();
            if (screen != null) {
                CliFiles.checkWritable(screen);
                extra.add(screen);
            }
            if (effects != null) {
                CliFiles.checkWritable(effects);
                extra.add(effects);
            }
            PlateSettings s = in.settings(Set.of(), zPrimeThreshold);
            Table table = in.read();
            ConsoleProgress progress = ConsoleProgress.onStandardError();
            RunRecord.Builder record = PlateRuns.start(PlateRuns.QC, table, s);
            QcOutput out;
            try {
                out = PlateAnalysis.qc(table, s, progress);
                in.writeHeatmaps(table, s, s.valueColumn(), progress);
            } finally {
                progress.done();
            }
            CliFiles.write(out.table(), output);
            if (screen != null) {
                CliFiles.write(out.screen(), screen);
            }
            if (effects != null) {
                CliFiles.write(out.effects(), effects);
            }
            CliFiles.writeRecord(record.warnings(out.warnings()).finish().build(), output);
            Warnings.print(spec, out.warnings());
            return 0;
        }
    }

    /** The method names, for the help text. */
    static final class MethodNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        MethodNames() {
            super(NormalizationMethod.names());
        }
    }
}
