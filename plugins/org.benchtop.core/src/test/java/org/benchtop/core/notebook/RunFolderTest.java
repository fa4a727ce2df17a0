package org.benchtop.core.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gathering a folder of command-line results into a notebook entry. */
class RunFolderTest {

    @TempDir
    Path dir;

    @Test
    void gathersRunRecordsWithTheirOutputsAndPlots() throws IOException {
        RunRecord first = NotebookFixtures.record("plates.qc", NotebookFixtures.plateQc(), 0);
        RunRecord second = NotebookFixtures.record("dose_response.fit", NotebookFixtures.plateQc(), 2);
        Files.writeString(dir.resolve("qc.csv"), "plate,z_prime,robust_z_prime,pass\nP1,0.7,0.7,true\n");
        Files.writeString(dir.resolve("qc.csv.run.json"), first.toJson());
        Files.createDirectories(dir.resolve("fits/curves"));
        Files.writeString(dir.resolve("fits/ec50.csv"), "curve,ec50,ec50_lower,ec50_upper\nA,1,0.5,2\n");
        Files.writeString(dir.resolve("fits/ec50.csv.run.json"), second.toJson());
        byte[] png = NotebookFixtures.png(Color.GREEN);
        Files.write(dir.resolve("fits/curves/A.png"), png);
        Files.writeString(dir.resolve("fits/curves/A.svg"), "<svg/>");
        Files.write(dir.resolve("overview.png"), png);
        Files.writeString(dir.resolve("wells.csv"), "well,value\nA01,1\n");
        Files.createDirectories(dir.resolve(".cache"));
        Files.write(dir.resolve(".cache/hidden.png"), png);
        Files.writeString(dir.resolve("lost.csv.run.json"),
                NotebookFixtures.record("qpcr.quantify", NotebookFixtures.qpcr(), 1).toJson());

        NotebookEntry e = RunFolder.collect(dir).title("Folder").author("A. Person").build();
        assertEquals(List.of("plates.qc", "qpcr.quantify", "dose_response.fit"),
                e.runRecords().stream().map(RunRecord::analysis).toList(), "in the order they were started");
        assertEquals(first, e.runRecords().get(0));
        assertEquals(List.of("qc.csv"), e.analyses().get(0).outputs());
        assertEquals(List.of(), e.analyses().get(1).outputs());
        assertEquals(List.of("fits/ec50.csv"), e.analyses().get(2).outputs());
        assertEquals(List.of("qc.csv", "fits/ec50.csv"), e.tables().stream().map(NotebookEntry.ResultTable::name).toList());
        assertArrayEquals(Files.readAllBytes(dir.resolve("fits/ec50.csv")), e.tables().get(1).csv(), "bytes as on disk");
        assertEquals(List.of("fits/curves/A.png", "overview.png"), e.plots().stream().map(NotebookEntry.Plot::name).toList());
        assertArrayEquals("<svg/>".getBytes(StandardCharsets.UTF_8), e.plots().get(0).svg().orElseThrow());
        assertEquals(2, e.warnings().size(), e.warnings().toString());
        assertTrue(e.warnings().get(0).contains("lost.csv.run.json") && e.warnings().get(0).contains("missing"));
        assertTrue(e.warnings().get(1).contains("wells.csv"), e.warnings().get(1));
    }

    @Test
    void aFolderWithoutRunRecordsGivesAnEntryWithoutProvenance() throws IOException {
        Files.write(dir.resolve("plot.png"), NotebookFixtures.png(Color.BLACK));
        NotebookEntry e = RunFolder.collect(dir).title("t").author("a").build();
        assertEquals(NotebookEntry.NO_PROVENANCE, e.warnings().get(0));
        assertEquals(1, e.plots().size());
    }

    @Test
    void aMissingFolderOrABrokenRunRecordIsNamed() throws IOException {
        assertTrue(assertThrows(NotebookException.class, () -> RunFolder.collect(dir.resolve("nope")))
                .getMessage().contains("does not exist"));
        Files.writeString(dir.resolve("x.csv.run.json"), "{ broken");
        NotebookException e = assertThrows(NotebookException.class, () -> RunFolder.collect(dir));
        assertTrue(e.getMessage().contains("x.csv.run.json") && e.getMessage().contains("not valid JSON"),
                e.getMessage());
    }
}
