package org.benchtop.core.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notebook entry and its builder: names, author, provenance warning, outputs. */
class NotebookEntryTest {

    private static NotebookEntry.Builder minimal() {
        return NotebookEntry.builder().title("t").author("A. Person");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.csv", "/abs.csv", "a/../../x.csv", "C:x.csv", "a\\b.csv", "", "a//b.csv", "./x.csv",
        "tab\there.csv", "what?.csv", "trailing./x.csv"})
    void namesThatEscapeOrCannotBeExtractedAreRefused(String name) {
        NotebookException e = assertThrows(NotebookException.class,
                () -> minimal().table(name, "a\n1\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("The table name '"), e.getMessage());
        assertTrue(e.getMessage().contains("plain relative file name"), e.getMessage());
    }

    @Test
    void namesEscapingTheFolderSaySo() {
        NotebookException e = assertThrows(NotebookException.class,
                () -> minimal().plot("../evil.png", NotebookFixtures.png(Color.RED)));
        assertTrue(e.getMessage().contains("would escape the folder"), e.getMessage());
    }

    @Test
    void extensionsAreAddedAndNamesAreUniqueIgnoringCase() {
        NotebookEntry.Builder b = minimal().table("results", "a\n1\n".getBytes(StandardCharsets.UTF_8))
                .plot("sub/curve", NotebookFixtures.png(Color.RED), "<svg/>".getBytes(StandardCharsets.UTF_8));
        NotebookException dup = assertThrows(NotebookException.class,
                () -> b.table("Results.CSV", "a\n1\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(dup.getMessage().contains("used twice") && dup.getMessage().contains("ignoring case"),
                dup.getMessage());
        NotebookEntry e = b.build();
        assertEquals("results.csv", e.tables().get(0).name());
        assertEquals("sub/curve.png", e.plots().get(0).name());
        assertEquals("sub/curve.svg", e.plots().get(0).svgName());
        NotebookException reserved = assertThrows(NotebookException.class,
                () -> minimal().table("report.html", new byte[1]));
        assertTrue(reserved.getMessage().contains("reserved"), reserved.getMessage());
    }

    @Test
    void aPlotMustBeAPng() {
        NotebookException e = assertThrows(NotebookException.class,
                () -> minimal().plot("x.png", "GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("not a PNG image"), e.getMessage());
    }

    @Test
    void titleAndAuthorAreRequired() {
        assertTrue(assertThrows(NotebookException.class, () -> NotebookEntry.builder().author("x").build())
                .getMessage().contains("no title"));
        assertTrue(assertThrows(NotebookException.class, () -> NotebookEntry.builder().title("x").build())
                .getMessage().contains("no author"));
        assertTrue(assertThrows(NotebookException.class, () -> NotebookEntry.builder().author(" "))
                .getMessage().contains("author's name is empty"));
    }

    @Test
    void orcidIsNormalizedAndItsCheckDigitVerified() {
        assertEquals("0000-0002-1825-0097", new NotebookEntry.Author("A", "https://orcid.org/0000-0002-1825-0097", null)
                .orcid());
        assertEquals("0000-0001-5109-3700", new NotebookEntry.Author("A", " 0000-0001-5109-3700 ", "").orcid());
        assertEquals("0000-0002-1694-233X", new NotebookEntry.Author("A", "0000-0002-1694-233x", "").orcid());
        NotebookException wrong = assertThrows(NotebookException.class,
                () -> new NotebookEntry.Author("A", "0000-0002-1825-0098", null));
        assertTrue(wrong.getMessage().contains("check digit") && wrong.getMessage().contains("should be 7"),
                wrong.getMessage());
        assertTrue(assertThrows(NotebookException.class, () -> new NotebookEntry.Author("A", "12345", null))
                .getMessage().contains("not of the form"));
        assertTrue(assertThrows(NotebookException.class, () -> new NotebookEntry.Author("A", null, "nobody"))
                .getMessage().contains("e-mail address 'nobody'"));
    }

    @Test
    void anEntryWithoutRunRecordsWarnsThatItHasNoProvenance() {
        NotebookEntry e = minimal().table("x.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8)).warning("gathered").build();
        assertEquals(List.of(NotebookEntry.NO_PROVENANCE, "gathered"), e.warnings());
        assertEquals(List.of(), NotebookFixtures.fullEntry().warnings());
    }

    @Test
    void runOutputsMustNameFilesOfTheEntry() {
        RunRecord r = NotebookFixtures.record("plates.qc", NotebookFixtures.plateQc(), 0);
        NotebookException e = assertThrows(NotebookException.class, () -> minimal().run(r, "missing.csv").build());
        assertTrue(e.getMessage().contains("'missing.csv'") && e.getMessage().contains("plates.qc"), e.getMessage());
        NotebookEntry ok = minimal().run(r, "qc").table("qc", NotebookFixtures.plateQc()).build();
        assertEquals(List.of("qc.csv"), ok.analyses().get(0).outputs());
        assertEquals(r, ok.producerOf("qc.csv").orElseThrow().record());
    }

    @Test
    void tablesAreKeptAsCanonicalCsvSoTheirChecksumMatchesRunInputs() {
        NotebookEntry e = minimal().table("qc", NotebookFixtures.plateQc()).build();
        RunRecord r = NotebookFixtures.record("dose_response.fit", NotebookFixtures.plateQc(), 1);
        assertEquals(r.inputs().get(0).sha256(), e.tables().get(0).sha256());
    }
}
