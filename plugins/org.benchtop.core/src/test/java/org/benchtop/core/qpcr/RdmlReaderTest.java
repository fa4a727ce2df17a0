package org.benchtop.core.qpcr;

import static org.benchtop.core.qpcr.RefData.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.benchtop.core.BenchtopException;
import org.junit.jupiter.api.Test;

/**
 * RDML import: the StepOne export (RDML 1.0) against the Cq table R's xml2 extracted from it
 * ({@code RDML_stepone_std_cq.csv}, exactly), its standard curve against the instrument's stored
 * efficiency (0.01 percentage points) and against R's {@code lm} (1e-9), and hostile files built
 * here: XXE, billion laughs, zip bomb, zip slip, too many entries, missing required elements.
 */
class RdmlReaderTest {

    static RdmlData stepOne() throws IOException {
        try (InputStream in = RdmlReaderTest.class.getResourceAsStream("RDML_stepone_std.rdml")) {
            return RdmlReader.withDefaults().read(in, "RDML_stepone_std.rdml");
        }
    }

    @Test
    void stepOneCqTableIsExact() throws IOException {
        RdmlData d = stepOne();
        assertEquals("1.0", d.version());
        List<String[]> exp = RefData.csv("RDML_stepone_std_cq.csv");
        assertEquals(List.of("well", "sample", "type", "quantity", "target", "cq"), List.of(exp.get(0)));
        assertEquals(exp.size() - 1, d.reactions().size());
        for (int i = 1; i < exp.size(); i++) {
            String[] e = exp.get(i);
            RdmlData.Reaction r = d.reactions().get(i - 1);
            assertEquals(e[0], r.well());
            assertEquals(e[1], r.sample());
            assertEquals(e[2], r.type().code());
            if (e[3].equals("NA")) {
                assertTrue(Double.isNaN(r.quantity()), "quantity NA at " + e[0]);
            } else {
                assertEquals(Double.parseDouble(e[3]), r.quantity(), 0.0);
            }
            assertEquals(e[4], r.target());
            assertEquals(Double.parseDouble(e[5]), r.cq(), 0.0, "cq at " + e[0]);
        }
        assertEquals(93.91181, d.target("RNase P").amplificationEfficiency(), 0.0);
    }

    @Test
    void stepOneStandardCurveMatchesInstrumentAndR() throws IOException {
        RdmlData d = stepOne();
        List<RdmlData.Reaction> std = d.reactions().stream().filter(r -> r.type() == SampleType.STANDARD).toList();
        StandardCurve.Result c = StandardCurve.withDefaults().fit("RNase P",
                std.stream().mapToDouble(RdmlData.Reaction::quantity).toArray(),
                std.stream().mapToDouble(RdmlData.Reaction::cq).toArray());
        assertEquals(93.91181, c.efficiencyPercent(), 0.01, "StepOne stored efficiency");
        String ds = "stepone_std";
        for (String[] q : new String[][] {{"intercept"}, {"slope"}, {"r_squared"}, {"se_slope"}, {"se_intercept"},
            {"amplification_factor"}, {"efficiency_percent"}}) {
            double v = switch (q[0]) {
                case "intercept" -> c.intercept();
                case "slope" -> c.slope();
                case "r_squared" -> c.rSquared();
                case "se_slope" -> c.seSlope();
                case "se_intercept" -> c.seIntercept();
                case "amplification_factor" -> c.amplificationFactor();
                default -> c.efficiencyPercent();
            };
            assertRel(QpcrReferenceTest.exp(ds, "standard curve", "std", "RNase P", q[0]), v, 1e-9, q[0]);
        }
        List<String[]> unk = RefData.csv("expected_stepone_unknowns_interpolated.csv");
        for (String[] u : unk.subList(1, unk.size())) {
            double cq = Double.parseDouble(u[5]);
            assertRel(Double.parseDouble(u[6]), c.log10Quantity(cq), 1e-9, "log10 q " + u[0]);
            assertRel(Double.parseDouble(u[7]), c.quantity(cq), 1e-9, "q " + u[0]);
        }
    }

    static byte[] zip(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bo)) {
            for (int i = 0; i < names.length; i++) {
                z.putNextEntry(new ZipEntry(names[i]));
                z.write(contents[i]);
                z.closeEntry();
            }
        }
        return bo.toByteArray();
    }

    static QpcrException fails(byte[] file) {
        QpcrException e = assertThrows(QpcrException.class,
                () -> RdmlReader.withDefaults().read(new ByteArrayInputStream(file), "hostile.rdml"));
        assertEquals(BenchtopException.Kind.BAD_INPUT, e.kind());
        return e;
    }

    static final String MINIMAL = "<?xml version=\"1.0\"?>\n<rdml xmlns=\"http://www.rdml.org\" version=\"1.2\">"
            + "<sample id=\"s1\"><type>unkn</type></sample><target id=\"GAPDH\"><type>ref</type></target>"
            + "<experiment id=\"e\"><run id=\"r\"><pcrFormat><rows>8</rows><columns>12</columns><rowLabel>ABC"
            + "</rowLabel><columnLabel>123</columnLabel></pcrFormat>"
            + "<react id=\"14\"><sample id=\"s1\"/><data><tar id=\"GAPDH\"/><cq>21.5</cq></data></react>"
            + "<react id=\"15\"><sample id=\"s1\"/><data><tar id=\"GAPDH\"/><cq>-1</cq></data></react>"
            + "</run></experiment></rdml>";

    @Test
    void plainXmlAndNumberedWellsAreRead() {
        RdmlData d = RdmlReader.withDefaults().read(new ByteArrayInputStream(MINIMAL.getBytes(StandardCharsets.UTF_8)),
                "min.xml");
        assertEquals("1.2", d.version());
        assertEquals("B2", d.reactions().get(0).well());
        assertEquals(21.5, d.reactions().get(0).cq(), 0.0);
        assertTrue(Double.isNaN(d.reactions().get(1).cq()), "negative Cq = no Cq");
        assertEquals(1, d.warnings().size());
    }

    @Test
    void xxeEntityIsRefused() throws IOException {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rdml version=\"1.2\"><sample id=\"&xxe;\"/></rdml>";
        QpcrException e = fails(zip(new String[] {"rdml_data.xml"}, new byte[][] {xxe.getBytes(StandardCharsets.UTF_8)}));
        assertTrue(e.getMessage().contains("document type declaration"), e.getMessage());
        assertTrue(!e.getMessage().contains("root:"), "no file content leaks");
        fails(xxe.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                b.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            b.append("\">");
        }
        b.append("]>\n<rdml version=\"1.2\"><sample id=\"&lol9;\"/></rdml>");
        QpcrException e = fails(b.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void zipBombIsRefused() throws IOException {
        byte[] zeros = new byte[20 << 20]; // 20 MiB of zeros deflate about 1000:1
        QpcrException e = fails(zip(new String[] {"rdml_data.xml"}, new byte[][] {zeros}));
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
        // and the absolute size limit
        QpcrException e2 = assertThrows(QpcrException.class, () -> RdmlReader.withDefaults()
                .withMaxUncompressedBytes(1 << 20).withMaxCompressionRatio(1e9)
                .read(new ByteArrayInputStream(zip(new String[] {"rdml_data.xml"}, new byte[][] {zeros})), "b.rdml"));
        assertTrue(e2.getMessage().contains("more than 1048576 bytes"), e2.getMessage());
    }

    @Test
    void zipSlipNamesAndTooManyEntriesAreRefused() throws IOException {
        byte[] x = MINIMAL.getBytes(StandardCharsets.UTF_8);
        QpcrException e = fails(zip(new String[] {"../../evil.sh", "rdml_data.xml"}, new byte[][] {x, x}));
        assertTrue(e.getMessage().contains("unsafe zip entry name '../../evil.sh'"), e.getMessage());
        fails(zip(new String[] {"/etc/cron.d/x", "rdml_data.xml"}, new byte[][] {x, x}));
        List<String> names = new ArrayList<>();
        List<byte[]> cs = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            names.add("f" + i + ".txt");
            cs.add(new byte[] {1});
        }
        QpcrException many = fails(zip(names.toArray(new String[0]), cs.toArray(new byte[0][])));
        assertTrue(many.getMessage().contains("more than 100 zip entries"), many.getMessage());
    }

    static void assertMsg(QpcrException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void missingPiecesGiveClearErrors() throws IOException {
        byte[] x = MINIMAL.getBytes(StandardCharsets.UTF_8);
        assertMsg(fails(zip(new String[] {"data.xml"}, new byte[][] {x})), "no entry rdml_data.xml");
        assertMsg(fails(utf8("<rdml><sample id=\"a\"/></rdml>")), "'version' attribute");
        assertMsg(fails(utf8("<qpcr version=\"1.2\"/>")), "root element is <qpcr>");
        assertMsg(fails(utf8(MINIMAL.replace("<sample id=\"s1\"/>", ""))), "has no <sample> element");
        assertMsg(fails(utf8(MINIMAL.replace("<tar id=\"GAPDH\"/>", ""))), "without <tar>");
        assertMsg(fails(utf8(MINIMAL.replace("<sample id=\"s1\"><type>", "<sample id=\"s2\"><type>"))),
                "not declared");
        assertMsg(fails(utf8(MINIMAL.replace("version=\"1.2\"", "version=\"2.0\""))), "versions 1.0 to 1.3");
        assertMsg(fails(utf8(MINIMAL.substring(0, 200))), "not well-formed");
        assertMsg(fails(utf8(MINIMAL.replace("21.5", "abc"))), "'abc', not a number");
        assertMsg(fails(new byte[] {'P', 'K', 3, 4, 0, 0, 9}), "hostile.rdml");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
