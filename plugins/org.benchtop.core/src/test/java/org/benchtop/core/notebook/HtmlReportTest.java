package org.benchtop.core.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML report: well-formed, self-contained, escaped, summary of every analysis, then plots and provenance. */
class HtmlReportTest {

    @TempDir
    Path tmp;

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of the document, a space between the texts of elements (as a browser shows table cells). */
    private static String text(Document d) {
        StringBuilder b = new StringBuilder();
        collect(d.getDocumentElement(), b);
        return b.toString().replaceAll("\\s+", " ");
    }

    private static void collect(org.w3c.dom.Node n, StringBuilder b) {
        if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
            b.append(n.getNodeValue());
            return;
        }
        if (n.getNodeName().equals("style") || n.getNodeName().equals("nav")) {
            return;
        }
        for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            collect(c, b);
        }
        if (List.of("td", "th", "dt", "dd", "p", "li", "h1", "h2", "h3", "div", "figcaption").contains(n.getNodeName())) {
            b.append(' ');
        }
    }

    @Test
    void isWellFormedSelfContainedAndHasNoScripts() throws Exception {
        String html = HtmlReport.render(NotebookFixtures.fullEntry());
        Document d = parse(html); // XHTML: an XML parser reads it (HTML-to-PDF converters need that)
        assertEquals(0, d.getElementsByTagName("script").getLength());
        assertEquals(0, d.getElementsByTagName("link").getLength());
        NodeList imgs = d.getElementsByTagName("img");
        assertEquals(2, imgs.getLength());
        for (int i = 0; i < imgs.getLength(); i++) {
            assertTrue(((Element) imgs.item(i)).getAttribute("src").startsWith("data:image/png;base64,iVBORw0KGgo"));
        }
        assertFalse(html.contains("http://") && html.contains("src=\"http"), "nothing fetched from the web");
    }

    @Test
    void escapesEveryText() throws Exception {
        String html = HtmlReport.render(NotebookFixtures.fullEntry());
        assertFalse(html.contains("<screen>"));
        assertFalse(html.contains("<b>paragraph</b>"));
        assertFalse(html.contains("QGP1 <mut>"));
        assertTrue(html.contains("Milademetan &lt;screen&gt; &amp; follow-up"));
        String t = text(parse(html));
        assertTrue(t.contains("Second <b>paragraph</b>."), "notes shown as typed");
        assertTrue(t.contains("a <b> & 'c'"), "parameter values shown as typed");
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlReport.escape("<a href=\"x\">&'"));
        assertEquals("ab", HtmlReport.escape("a\u0000b"), "control characters are not allowed in XML");
    }

    @Test
    void showsTheLicenseALinkWhenItIsAUrl() throws Exception {
        String cc = "https://creativecommons.org/licenses/by/4.0/";
        Document d = parse(HtmlReport.render(NotebookFixtures.awkwardEntry(cc)));
        assertTrue(text(d).contains("License: " + cc), text(d));
        NodeList links = d.getElementsByTagName("a");
        boolean linked = false;
        for (int i = 0; i < links.getLength(); i++) {
            linked |= ((Element) links.item(i)).getAttribute("href").equals(cc);
        }
        assertTrue(linked, "the license URL is a link");
        assertTrue(text(parse(HtmlReport.render(NotebookFixtures.awkwardEntry("internal use only"))))
                .contains("License: internal use only"));
        assertFalse(text(parse(HtmlReport.render(NotebookFixtures.awkwardEntry(null)))).contains("License:"),
                "no license chosen: nothing shown");
    }

    @Test
    void summaryComesFirstWithTheKeyNumbersOfEveryAnalysis() throws Exception {
        String t = text(parse(HtmlReport.render(NotebookFixtures.fullEntry())));
        int summary = t.indexOf("Summary");
        int plots = t.indexOf("Plots");
        int provenance = t.indexOf("Parameters and provenance");
        assertTrue(summary > 0 && summary < plots && plots < provenance, "order: summary, plots, provenance");
        String s = t.substring(summary, plots);
        // plate QC: pass count, Z' and robust Z' per plate
        assertTrue(s.contains("Plate quality control"), s);
        assertTrue(s.contains("2 of 3 plates pass"), s);
        assertTrue(s.contains("P2 0.380 0.410 no"), s);
        // dose response: EC50 with its interval per curve, well determined
        assertTrue(s.contains("2 curves fitted; EC50 well determined for 1 of 2"), s);
        assertTrue(s.contains("SJSA-1 0.0412 0.0301 \u2013 0.0563 yes"), s);
        assertTrue(s.contains("QGP1 <mut> - - no no response"), s);
        // qPCR: fold change per target and group
        assertTrue(s.contains("CDKN1A treated 6.5 5.2 \u2013 8.1"), s);
        assertTrue(s.contains("MDM2 treated 3.1 2.5 \u2013 3.9"), s);
        // RNA-seq with the run's alpha 0.05: ENSG01 and ENSG02, one up and one down, ENSG04 untested
        assertTrue(s.contains("2 differentially expressed genes (padj < 0.05): 1 up, 1 down, of 3 genes"), s);
        assertTrue(s.indexOf("ENSG01") < s.indexOf("ENSG02") && !s.contains("ENSG03"), s);
        assertTrue(s.contains("ENSG01 100 2.5 1.00e-12"), s);
    }

    @Test
    void provenanceListsEveryAnalysisWithInputsParametersAndWarnings() throws Exception {
        NotebookEntry e = NotebookFixtures.fullEntry();
        String t = text(parse(HtmlReport.render(e)));
        String p = t.substring(t.indexOf("Parameters and provenance"));
        for (RunRecord r : e.runRecords()) {
            assertTrue(p.contains("(" + r.analysis() + ")"), r.analysis());
            assertTrue(p.contains(r.inputs().get(0).sha256()), "input checksum of " + r.analysis());
        }
        assertTrue(p.contains("1. Plate quality control (plates.qc)"), p);
        assertTrue(p.contains("Started 2025-03-04 09:10:11 UTC"), p);
        assertTrue(p.contains("Finished 2025-03-04 09:10:14 UTC (3.0 s)"), p);
        assertTrue(p.contains("Plate P2 fails: Z' 0.38"), p);
        assertTrue(p.contains("alpha 0.05"), p);
        // every file with its checksum
        for (NotebookEntry.ResultTable rt : e.tables()) {
            assertTrue(p.contains(rt.name()) && p.contains(rt.sha256()), rt.name());
        }
    }

    @Test
    void anEntryWithoutRunsSaysThereIsNoProvenance() throws Exception {
        NotebookEntry e = NotebookEntry.builder().title("t").author("a")
                .table("x.csv", "gene_id,log2FoldChange,padj\n7,1.5,0.01\n".getBytes(StandardCharsets.UTF_8)).build();
        String t = text(parse(HtmlReport.render(e)));
        assertTrue(t.contains("no Benchtop run record"), t);
        assertTrue(t.contains("no run record: no provenance"), t);
        // recognized by its columns; alpha defaults to 0.1; the gene id stays text
        assertTrue(t.contains("1 differentially expressed genes (padj < 0.1)"), t);
    }

    @ParameterizedTest
    @CsvSource({"0,0", "0.123456,0.123", "12345.6,12300", "123456,1.23e+05", "0.000123,1.23e-04", "NaN,-", "-2.5,-2.5"})
    void numbersHaveThreeSignificantDigits(double x, String expected) {
        assertEquals(expected, HtmlReport.number(x));
    }

    @Test
    void reportIsWrittenAtomically() throws Exception {
        Path f = tmp.resolve("report.html");
        AtomicFiles.Written w = HtmlReport.write(NotebookFixtures.fullEntry(), f, false);
        assertEquals(Files.size(f), w.size());
        assertTrue(Files.readString(f).startsWith("<!DOCTYPE html>"));
        List<String> names = new ArrayList<>();
        try (var s = Files.list(tmp)) {
            s.forEach(x -> names.add(x.getFileName().toString()));
        }
        assertEquals(List.of("report.html"), names);
    }
}
