package org.benchtop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.benchtop.core.BenchtopException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchtop demo}: runs the main job on the bundled example data and writes every result into
 * one folder. Today: normalization, QC and heatmaps of the KcViab RNAi screen (cellHTS2).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main analyses on the bundled example data and write the results into a folder.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "benchtop-demo", paramLabel = "DIR",
            description = "Folder for the results (default: ${DEFAULT-VALUE}); created if needed, files in it are replaced.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter say = spec.commandLine().getOut();
        Path dir = CliFiles.imageFolder(out);
        Path wells = extract("examples/kcviab/wells.csv", dir.resolve("kcviab_wells.csv"));
        say.println("Benchtop demo: KcViab genome-wide RNAi viability screen (Boutros et al. 2004, cellHTS2), 57 plates x 2 replicates");
        String[] common = {"--input", wells.toString(), "--plate", "plate,replicate", "--well", "well", "--value", "value",
            "--content", "content", "--exclude", "flagged"};
        run(say, "plates normalize", common, "--output", dir.resolve("plates_normalized.csv").toString(), "--methods", "all",
                "--heatmaps", dir.resolve("heatmaps").toString());
        run(say, "plates qc", common, "--output", dir.resolve("plates_qc.csv").toString(),
                "--screen", dir.resolve("plates_screen_qc.csv").toString(), "--effects", dir.resolve("plates_effects.csv").toString());
        say.printf(Locale.ROOT, "%nResults in %s:%n", dir.toAbsolutePath());
        try (var files = Files.list(dir)) {
            files.sorted().forEach(f -> say.println("  " + dir.relativize(f) + (Files.isDirectory(f) ? "/" : "")));
        }
        return 0;
    }

    private void run(PrintWriter say, String what, String[] common, String... args) {
        String[] full = concat(what.split(" "), common, args);
        say.println("\n$ benchtop " + String.join(" ", full));
        int code = new CommandLine(new BenchtopCli()).execute(full);
        if (code != 0) {
            throw new BenchtopException(BenchtopException.Kind.ANALYSIS_FAILURE, "demo step '" + what + "' failed (exit code " + code + ")");
        }
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
