import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.benchtop.core.ProgressMonitor;
import org.benchtop.core.notebook.RunRecord;
import org.benchtop.core.plate.PlateAnalysis;
import org.benchtop.core.plate.PlateOutput;
import org.benchtop.core.plate.PlateRuns;
import org.benchtop.core.plate.PlateSettings;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.CsvWriter;
import org.benchtop.core.table.Table;

/**
 * Times, in a fresh JVM, the calls `benchtop plates normalize --qc ... --methods all` makes
 * ({@code PlatesCommand.Normalize}): read the CSV, start the run record (input digest), run
 * normalization and QC in one pass, write both tables, build the run record. Prints wall / process
 * CPU seconds per step; run it once per JVM with the launcher's options to see a cold CLI run. Not a
 * test.
 *
 * usage: java [JVM options] -cp benchtop-cli.jar:. CliPhases INPUT.csv OUTPUT_FOLDER
 */
public final class CliPhases {

    private static long wall;
    private static long cpu;
    private static final StringBuilder OUT = new StringBuilder();

    public static void main(String[] args) {
        double toMain = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        Path outDir = Paths.get(args[1]);
        wall = System.nanoTime();
        cpu = cpu();
        long start = wall;
        Table t = CsvReader.withDefaults().withStringColumns(Set.of("plate", "well", "content")).read(Paths.get(args[0]));
        lap("read");
        PlateSettings s = PlateSettings.defaults(List.of("plate"), "well", "value", "content")
                .withExcludeColumn("flagged");
        RunRecord.Builder record = PlateRuns.start(PlateRuns.NORMALIZE, t, s);
        lap("record start");
        PlateOutput out = PlateAnalysis.run(t, s, ProgressMonitor.NONE);
        lap("run");
        CsvWriter.withDefaults().write(out.normalized(), outDir.resolve("normalized.csv"));
        CsvWriter.withDefaults().write(out.qc(), outDir.resolve("qc.csv"));
        lap("write");
        record.warnings(out.warnings()).finish().build().toJson();
        lap("record");
        System.out.printf(Locale.ROOT, "JVM start to main %.2f s; %stotal after main %.2f s wall, %.2f s process CPU%n",
                toMain, OUT, (System.nanoTime() - start) / 1e9, cpu() / 1e9);
    }

    private static void lap(String step) {
        long w = System.nanoTime();
        long c = cpu();
        OUT.append(String.format(Locale.ROOT, "%s %.2f / %.2f s; ", step, (w - wall) / 1e9, (c - cpu) / 1e9));
        wall = w;
        cpu = c;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
