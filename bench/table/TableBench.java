import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.benchtop.core.table.CsvReader;
import org.benchtop.core.table.CsvWriter;
import org.benchtop.core.table.Table;

/**
 * Plate-sized CSV benchmark for org.benchtop.core.table: generates 1,000 plates x 1,536 wells
 * (1,536,000 rows, 6 columns), then times CsvReader.read and CsvWriter.write. Not a unit test;
 * see README.md for how to run it.
 */
public final class TableBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path in = dir.resolve("bench_plates.csv");
        Path out = dir.resolve("bench_plates_out.csv");
        generate(in);
        System.out.printf(Locale.ROOT, "input %s: %.1f MB%n", in, Files.size(in) / 1e6);
        java.lang.management.ThreadMXBean th = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            long c0 = th.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            Table t = CsvReader.withDefaults().withStringColumns(java.util.Set.of("plate")).read(in);
            long t1 = System.nanoTime();
            long c1 = th.getCurrentThreadCpuTime();
            long p1 = os.getProcessCpuTime();
            CsvWriter.withDefaults().write(t, out);
            long t2 = System.nanoTime();
            long c2 = th.getCurrentThreadCpuTime();
            long p2 = os.getProcessCpuTime();
            System.out.printf(Locale.ROOT, "run %d: %d rows x %d cols; read wall %.0f ms (thread cpu %.0f, process cpu %.0f);"
                    + " write wall %.0f ms (thread cpu %.0f, process cpu %.0f); types %s%n",
                    i + 1, t.rowCount(), t.columnCount(), (t1 - t0) / 1e6, (c1 - c0) / 1e6, (p1 - p0) / 1e6,
                    (t2 - t1) / 1e6, (c2 - c1) / 1e6, (p2 - p1) / 1e6,
                    t.columns().stream().map(c -> c.name() + ":" + c.type()).toList());
        }
    }

    static void generate(Path file) throws Exception {
        SplittableRandom rnd = new SplittableRandom(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("plate,well,row,col,signal,type\n");
            for (int p = 1; p <= 1000; p++) {
                String plate = String.format(Locale.ROOT, "P%04d", p);
                for (int r = 0; r < 32; r++) {
                    for (int c = 0; c < 48; c++) {
                        String well = String.format(Locale.ROOT, "%s%02d", rowName(r), c + 1);
                        String type = c == 0 ? "neg" : c == 47 ? "pos" : "sample";
                        double v = 1000 + 200 * rnd.nextDouble() + (c == 47 ? 5000 : 0);
                        w.write(plate + "," + well + "," + (r + 1) + "," + (c + 1) + "," + v + "," + type + "\n");
                    }
                }
            }
        }
    }

    static String rowName(int r) {
        return r < 26 ? String.valueOf((char) ('A' + r)) : "A" + (char) ('A' + r - 26);
    }
}
