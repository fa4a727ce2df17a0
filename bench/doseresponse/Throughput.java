import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.benchtop.core.doseresponse.DoseResponseAnalysis;
import org.benchtop.core.doseresponse.DoseResponseSettings;
import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.CsvWriter;
import org.benchtop.core.table.Table;

/**
 * A JMH-free throughput check of what `benchtop dose-response fit` does, without the CLI wrapper:
 * read the CSV, fit every curve (LL.4, group curve_id), write the fit and point tables.
 * Run (single-file source launch, Java 17):
 *   java -cp CORE_CLASSES:DEPENDENCY_JARS Throughput.java curves.csv outdir [truth.csv]
 * Prints the time of each phase, curves/s and the share of curves well determined (and, with the
 * truth file, the median relative error of the EC50).
 */
public class Throughput {
    public static void main(String[] args) throws Exception {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.OperatingSystemMXBean cpu = (com.sun.management.OperatingSystemMXBean) os;
        long c0 = cpu.getProcessCpuTime();
        long t0 = System.nanoTime();
        Table in = CsvReader.withDefaults().read(Path.of(args[0]));
        long t1 = System.nanoTime();
        long c1 = cpu.getProcessCpuTime();
        DoseResponseSettings s = DoseResponseSettings.of("dose", "response").withGroup(List.of("curve_id"));
        DoseResponseAnalysis.Output out = DoseResponseAnalysis.withDefaults().run(in, s, null);
        long t2 = System.nanoTime();
        long c2 = cpu.getProcessCpuTime();
        Path dir = Files.createDirectories(Path.of(args[1]));
        CsvWriter.withDefaults().write(out.fits(), dir.resolve("fits.csv"));
        CsvWriter.withDefaults().write(out.points(), dir.resolve("points.csv"));
        long t3 = System.nanoTime();
        long c3 = cpu.getProcessCpuTime();
        int k = out.fits().rowCount();
        int wd = 0;
        for (int i = 0; i < k; i++) {
            wd += out.fits().column("well_determined").getBoolean(i) ? 1 : 0;
        }
        System.out.printf("read %.2f s, fit %.2f s (%.0f curves/s, %.1f us/curve on %d cores), write %.2f s; total %.2f s for %d curves = %.0f curves/s (in-JVM)%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, k / ((t2 - t1) / 1e9), (t2 - t1) / 1e3 / k,
                Runtime.getRuntime().availableProcessors(), (t3 - t2) / 1e9, (t3 - t0) / 1e9, k, k / ((t3 - t0) / 1e9));
        System.out.printf("CPU seconds (all threads; JVM start and JIT not included): read %.2f, fit %.2f (%.1f us/curve), write %.2f%n",
                (c1 - c0) / 1e9, (c2 - c1) / 1e9, (c2 - c1) / 1e3 / k, (c3 - c2) / 1e9);
        System.out.printf("well determined: %d of %d (%.2f%%)%n", wd, k, 100.0 * wd / k);
        if (args.length > 2) {
            Table truth = CsvReader.withDefaults().read(Path.of(args[2]));
            double[] err = new double[k];
            int m = 0;
            for (int i = 0; i < k; i++) {
                double e = out.fits().column("ec50").getDouble(i);
                if (!Double.isNaN(e)) {
                    err[m++] = Math.abs(Math.log(e / truth.column("ec50").getDouble(i)));
                }
            }
            java.util.Arrays.sort(err, 0, m);
            System.out.printf("median |ln(EC50 / true EC50)| = %.4f, 95th percentile %.4f%n", err[m / 2], err[(int) (0.95 * m)]);
        }
    }
}
