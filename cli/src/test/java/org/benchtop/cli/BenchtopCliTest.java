package org.benchtop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/**
 * The top command: a run builds only the analysis group it names, so everything that does not
 * name one (help, version, a misspelt group) must still see every group, and options before the
 * group must still work.
 */
class BenchtopCliTest {

    private static PlatesCommandTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchtopCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new PlatesCommandTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryAnalysisGroup() {
        PlatesCommandTest.Run r = run("--help");
        assertEquals(0, r.code(), r.err());
        for (String group : new String[] {"plates", "dose-response", "qpcr", "rnaseq", "demo", "notebook"}) {
            assertTrue(r.out().contains("  " + group + " "), group + " in\n" + r.out());
        }
    }

    @Test
    void aMisspeltGroupIsAUsageErrorThatSuggestsTheRightOne() {
        PlatesCommandTest.Run r = run("plate", "normalize");
        assertEquals(BenchtopCli.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("plates"), r.err());
    }

    @Test
    void withoutAGroupTheUsageErrorNamesTheMissingSubcommand() {
        PlatesCommandTest.Run r = run();
        assertEquals(BenchtopCli.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("Missing subcommand"), r.err());
    }

    @Test
    void debugBeforeTheGroupStillApplies() {
        PlatesCommandTest.Run r = run("--debug", "plates", "normalize", "--input", "nope.csv", "--output", "o.csv",
                "--plate", "plate", "--well", "well", "--value", "value", "--content", "content");
        assertEquals(BenchtopCli.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("nope.csv"), r.err());
        assertTrue(r.err().contains("\tat org.benchtop."), "a stack trace: " + r.err());
    }

    @Test
    void versionNeedsNoGroup() {
        PlatesCommandTest.Run r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("benchtop "), r.out());
    }
}
