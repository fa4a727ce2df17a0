package org.benchtop.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.benchtop.core.doseresponse.DoseResponseAnalysis;
import org.benchtop.core.doseresponse.DoseResponseRuns;
import org.benchtop.core.doseresponse.DoseResponseSettings;
import org.benchtop.core.doseresponse.LogLogisticModel;
import org.benchtop.core.doseresponse.SeConvention;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code benchtop dose-response fit}: log-logistic dose-response curves (drc LL.2 to LL.5). */
@Command(name = "dose-response", mixinStandardHelpOptions = true, description = "Dose-response curve fitting (IC50/EC50), as R drc and GraphPad Prism.",
        subcommands = {DoseResponseCommand.Fit.class})
final class DoseResponseCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: fit");
    }

    /** {@code benchtop dose-response fit}; option names as the node dialog's settings. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = {"Fit one log-logistic curve per group: y = c + (d - c) / (1 + exp(b (ln x - ln e)))^f.",
                "Output: one row per group (estimates, SEs, 95%% intervals, EC50, fit statistics, well_determined and reason)."})
    static final class Fit implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;


        @Option(names = "--input", required = true, paramLabel = "FILE",
                description = "Long table, one row per observation (CSV or TSV).")
        Path input;

        @Option(names = "--output", required = true, paramLabel = "FILE",
                description = "Fit table CSV (one row per group); the run record is written beside it (FILE.run.json).")
        Path output;

        @Option(names = "--dose", required = true, paramLabel = "COL",
                description = "Dose column (numeric, >= 0; 0 = control), in dose units (not log-transformed).")
        String dose;

        @Option(names = "--response", required = true, paramLabel = "COL", description = "Response column (numeric).")
        String response;

        @Option(names = "--group", split = ",", paramLabel = "COL",
                description = "Column(s) whose value combinations define the curves, e.g. compound,cell_line (default: one curve).")
        List<String> group;

        @Option(names = "--model", defaultValue = "LL.4", paramLabel = "MODEL",
                description = "LL.2 (c = 0, d = 1), LL.3 (c = 0), LL.4 or LL.5 (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--fix", paramLabel = "p=v,...",
                description = "Fixed parameter values, e.g. c=0 or c=0,d=100 (b, c, d, e, f or hill_slope, bottom, top, ec50, asymmetry).")
        String fix;

        @Option(names = "--lower", paramLabel = "p=v,...", description = "Lower bounds, e.g. e=0.001.")
        String lower;

        @Option(names = "--upper", paramLabel = "p=v,...", description = "Upper bounds, e.g. e=1000.")
        String upper;

        @Option(names = "--se", defaultValue = "jacobian", paramLabel = "jacobian|hessian",
                description = "Standard errors: jacobian (R nls, Prism) or hessian (drc) (default: ${DEFAULT-VALUE}).")
        String se;

        @Option(names = "--robust",
                description = "ROUT-like outlier detection (Q = 1%%): outliers are flagged in the point table and left out of the final fit.")
        boolean robust;

        @Option(names = "--ed", paramLabel = "p,...",
                description = "Add ED columns at these relative effect levels in percent, e.g. 10,50,90.")
        String ed;

        @Option(names = "--points", paramLabel = "FILE",
                description = "Also write the point table: every input row with fitted, residual and outlier.")
        Path points;

        @Option(names = "--ratios", paramLabel = "FILE",
                description = "Also write the ED50 ratios between every pair of groups (drc EDcomp, delta method).")
        Path ratios;

        @Option(names = "--comparisons", paramLabel = "FILE",
                description = "Also write F tests: one curve for all groups vs separate curves, and the model with one parameter fewer (LL.3 vs LL.4) per group.")
        Path comparisons;

        @Option(names = "--plots", paramLabel = "DIR", description = "Write one PNG per group into this folder.")
        Path plots;

        DoseResponseSettings settings() {
            return DoseResponseSettings.of(dose, response).withGroup(group == null ? List.of() : group)
                    .withModel(LogLogisticModel.parse(model)).withFix(DoseResponseSettings.parseAssignments(fix))
                    .withBounds(DoseResponseSettings.parseAssignments(lower), DoseResponseSettings.parseAssignments(upper))
                    .withSe(SeConvention.parse(se)).withRobust(robust).withEd(DoseResponseSettings.parseLevels(ed))
                    .withCompare(comparisons != null).withRatios(ratios != null).withPlots(plots != null);
        }

        @Override
        public Integer call() {
            List<Path> outputs = new ArrayList<>();
            outputs.add(output);
            for (Path p : new Path[] {points, ratios, comparisons}) {
                if (p != null) {
                    outputs.add(p);
                }
            }
            for (Path p : outputs) {
                CliFiles.checkWritable(p);
            }
            DoseResponseSettings s = settings();
            // group values are ids: read as written (e.g. 01), never as numbers
            Set<String> ids = new LinkedHashSet<>(s.group());
            Table table = CliFiles.read(input, ids);
            ConsoleProgress progress = ConsoleProgress.onStandardError();
            RunRecord.Builder record = DoseResponseRuns.start(table, s);
            DoseResponseAnalysis.Output out;
            try {
                out = DoseResponseAnalysis.withDefaults().withPointTable(points != null).run(table, s, progress);
            } finally {
                progress.done();
            }
            CliFiles.write(out.fits(), output);
            if (points != null) {
                CliFiles.write(out.points(), points);
            }
            if (ratios != null) {
                CliFiles.write(out.ratios(), ratios);
            }
            if (comparisons != null) {
                CliFiles.write(out.comparisons(), comparisons);
            }
            if (plots != null) {
                Path dir = CliFiles.imageFolder(plots);
                for (DoseResponseAnalysis.Plot p : out.plots()) {
                    CliFiles.writeAtomically(dir.resolve(p.fileName()), p.png());
                }
            }
            CliFiles.writeRecord(record.warnings(out.warnings()).finish().build(), output);
            Warnings.print(spec, out.warnings());
            return 0;
        }
    }
}
