package org.benchtop.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.benchtop.core.BenchtopException;
import org.benchtop.core.BenchtopVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The {@code benchtop} command line: the same engines as the KNIME nodes, CSV/TSV in, CSV out.
 *
 * <p>Exit codes: 0 success, 2 usage error, 3 bad input, 4 analysis failure. Errors are one line on
 * standard error; {@code --debug} adds the stack trace.
 */
@Command(name = "benchtop", mixinStandardHelpOptions = true, versionProvider = BenchtopCli.Version.class,
        description = "Wet-lab analysis from the command line: plates, dose response, qPCR, RNA-seq, lab notebook.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage error (unknown option, missing argument)",
            "3:bad input (the message names the file, line, column or item to fix)", "4:analysis failure"})
public final class BenchtopCli implements Runnable {

    /** Exit code for a usage error. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for bad input. */
    public static final int EXIT_BAD_INPUT = 3;
    /** Exit code for an analysis that failed on valid input. */
    public static final int EXIT_FAILURE = 4;

    /**
     * The analysis groups (subcommands), in the order {@code --help} lists them. A run builds only
     * the group it names (picocli reads every option of every command it is given: all of them
     * would cost about 0.05 s at each start); without a known group name, all.
     */
    private static final List<Class<?>> GROUPS = List.of(PlatesCommand.class, DoseResponseCommand.class,
            QpcrCommand.class, RnaseqCommand.class, DemoCommand.class, NotebookCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: say which analysis to run");
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given output streams and returns the exit code (for tests).
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        BenchtopCli top = new BenchtopCli();
        CommandLine cl = new CommandLine(top);
        String named = commandName(args);
        boolean known = GROUPS.stream().anyMatch(g -> name(g).equals(named));
        for (Class<?> g : GROUPS) {
            if (!known || name(g).equals(named)) {
                cl.addSubcommand(g); // named by its @Command
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((Exception ex, CommandLine cmd, ParseResult parsed) -> {
            boolean debug = parsed.matchedOption("--debug") != null || hasDebug(parsed);
            if (debug) {
                ex.printStackTrace(err);
            }
            if (ex instanceof BenchtopException be) {
                err.println("benchtop: " + be.getMessage());
                return be.kind() == BenchtopException.Kind.BAD_INPUT ? EXIT_BAD_INPUT : EXIT_FAILURE;
            }
            if (ex instanceof CancellationException) {
                err.println("benchtop: cancelled");
                return EXIT_FAILURE;
            }
            err.println("benchtop: internal error: " + ex + (debug ? "" : " (run again with --debug for details)"));
            return EXIT_FAILURE;
        });
        return cl.execute(args);
    }

    /** @return the first argument that is not an option (the top command has no option that takes a value) */
    private static String commandName(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static String name(Class<?> group) {
        return group.getAnnotation(Command.class).name();
    }

    private static boolean hasDebug(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.matchedOption("--debug") != null) {
                return true;
            }
        }
        return false;
    }

    /** Prints the Benchtop version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"benchtop " + BenchtopVersion.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
