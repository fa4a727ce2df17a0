import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.plate.NormalizeOutput;
import org.benchtop.core.plate.PlateAnalysis;
import org.benchtop.core.plate.PlateOutput;
import org.benchtop.core.plate.PlateSettings;
import org.benchtop.core.plate.QcOutput;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.CsvWriter;
import org.benchtop.core.table.Table;

/**
 * Times the steps of a `benchtop plates` run in one JVM on the generated input: read the CSV,
 * normalize with every method (incl. B-score) and QC in one pass ({@code PlateAnalysis.run}), write
 * the normalized table and the QC table; then, for comparison, {@code normalize} and {@code qc}
 * separately. Not a test.
 *
 * usage: java PlateBench INPUT.csv OUTPUT_FOLDER [REPETITIONS]
 */
public final class PlateBench {

    public static void main(String[] args) throws Exception {
        Path in = Paths.get(args[0]);
        Path outDir = Paths.get(args[1]);
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(outDir);
        PlateSettings s = PlateSettings.defaults(List.of("plate"), "well", "value", "content")
                .withExcludeColumn("flagged");
        for (int rep = 1; rep <= reps; rep++) {
            long t0 = System.nanoTime();
            long c0 = cpu();
            Table t = CsvReader.withDefaults().withStringColumns(Set.of("well")).read(in);
            long t1 = System.nanoTime();
            PlateOutput out = PlateAnalysis.run(t, s, ProgressMonitor.NONE); // normalize + QC in one pass
            long t2 = System.nanoTime();
            CsvWriter.withDefaults().write(out.normalized(), outDir.resolve("normalized.csv"));
            CsvWriter.withDefaults().write(out.qc(), outDir.resolve("qc.csv"));
            long t3 = System.nanoTime();
            long c1 = cpu();
            NormalizeOutput n = PlateAnalysis.normalize(t, s, ProgressMonitor.NONE);
            long t4 = System.nanoTime();
            QcOutput q = PlateAnalysis.qc(t, s, ProgressMonitor.NONE);
            long t5 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: read %.2f s, normalize+qc %.2f s, write %.2f s; total %.2f s wall, "
                    + "%.2f s process CPU (%d rows, %d plates); separately: normalize %.2f s, qc %.2f s%n", rep,
                    sec(t1 - t0), sec(t2 - t1), sec(t3 - t2), sec(t3 - t0), sec(c1 - c0), t.rowCount(),
                    n.plates().size() + 0 * q.plates().size(), sec(t4 - t3), sec(t5 - t4));
        }
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
