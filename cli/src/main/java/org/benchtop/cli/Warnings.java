package org.benchtop.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;

/** Prints an analysis's warnings on the command's standard error, one per line. */
final class Warnings {

    private Warnings() {
    }

    /**
     * @param spec the running command (its error stream is used)
     * @param warnings the warnings
     */
    static void print(CommandLine.Model.CommandSpec spec, List<String> warnings) {
        PrintWriter err = spec.commandLine().getErr();
        for (String w : warnings) {
            err.println("benchtop: warning: " + w);
        }
        err.flush();
    }
}
