package org.benchtop.core.qpcr;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads RDML files (Real-time PCR Data Markup Language, Lefever et al. 2009, Nucleic Acids Res
 * 37:2065, doi:10.1093/nar/gkp056; Ruijter et al. 2015, Biomol Detect Quantif 3:1), versions
 * 1.0 to 1.3: a zip holding {@code rdml_data.xml}, or that XML file uncompressed.
 *
 * <p>Security: the XML parser runs with secure processing, document type declarations are
 * rejected (so no external entities, no entity expansion such as "billion laughs"), and no
 * external DTD or schema is ever loaded. Zip input is bounded: at most {@code maxEntries} entries,
 * at most {@code maxUncompressedBytes} in total, a compression ratio of at most
 * {@code maxCompressionRatio} once more than 1 MiB is inflated, and entry names that are absolute
 * or contain {@code ..} ("zip slip") are refused. Nothing is written to disk.
 *
 * <p>Read: {@code sample} (id, type, quantity/value), {@code target} (id, type,
 * amplificationEfficiency, dyeId), and {@code experiment/run/react} with {@code sample@id} and each
 * {@code data} ({@code tar@id}, {@code cq}). A negative Cq (RDML's "no Cq") or a missing one is
 * NaN. Missing required elements give a {@link QpcrException} (BAD_INPUT) naming the element.
 */
public final class RdmlReader {

    /** Default maximum number of zip entries. */
    public static final int DEFAULT_MAX_ENTRIES = 100;
    /** Default maximum total uncompressed size: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    /** Default maximum compression ratio. */
    public static final double DEFAULT_MAX_RATIO = 200;

    private static final int RATIO_CHECK_FROM = 1 << 20;

    private final int maxEntries;
    private final long maxUncompressedBytes;
    private final double maxCompressionRatio;

    private RdmlReader(int maxEntries, long maxBytes, double maxRatio) {
        if (maxEntries < 1 || maxBytes < 1 || !(maxRatio >= 1)) {
            throw QpcrException.badInput("RDML limits must be positive (entries %d, bytes %d, ratio %s)",
                    Integer.valueOf(maxEntries), Long.valueOf(maxBytes), Double.valueOf(maxRatio));
        }
        this.maxEntries = maxEntries;
        this.maxUncompressedBytes = maxBytes;
        this.maxCompressionRatio = maxRatio;
    }

    /** @return a reader with the default limits (100 entries, 256 MiB, ratio 200) */
    public static RdmlReader withDefaults() {
        return new RdmlReader(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES, DEFAULT_MAX_RATIO);
    }

    /**
     * @param n the maximum number of zip entries
     * @return a copy
     */
    public RdmlReader withMaxEntries(int n) {
        return new RdmlReader(n, maxUncompressedBytes, maxCompressionRatio);
    }

    /**
     * @param bytes the maximum total uncompressed size (also the maximum size of an XML file)
     * @return a copy
     */
    public RdmlReader withMaxUncompressedBytes(long bytes) {
        return new RdmlReader(maxEntries, bytes, maxCompressionRatio);
    }

    /**
     * @param ratio the maximum ratio of uncompressed to compressed bytes
     * @return a copy
     */
    public RdmlReader withMaxCompressionRatio(double ratio) {
        return new RdmlReader(maxEntries, maxUncompressedBytes, ratio);
    }

    /**
     * Reads an RDML file.
     *
     * @param file the .rdml (zip) or .xml file
     * @return its content
     * @throws QpcrException (BAD_INPUT) for an unreadable, malformed, hostile or incomplete file
     */
    public RdmlData read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw QpcrException.badInput(e, "Cannot read RDML file %s: %s", file, e.getMessage());
        }
    }

    /**
     * Reads RDML from a stream (zip or plain XML, detected from the first bytes).
     *
     * @param input the stream (not closed)
     * @param source the file name, for messages
     * @return its content
     * @throws QpcrException (BAD_INPUT) for an unreadable, malformed, hostile or incomplete file
     */
    public RdmlData read(InputStream input, String source) {
        try {
            BufferedInputStream in = new BufferedInputStream(input);
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            byte[] xml;
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                xml = unzip(in, source);
            } else {
                xml = readBounded(in, source);
            }
            return parse(xml, source);
        } catch (IOException e) {
            throw QpcrException.badInput(e, "Cannot read RDML file %s: %s", source, e.getMessage());
        }
    }

    private byte[] readBounded(InputStream in, String source) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUncompressedBytes + 1));
        if (b.length > maxUncompressedBytes) {
            throw QpcrException.badInput("RDML file %s is larger than the limit of %d bytes", source,
                    Long.valueOf(maxUncompressedBytes));
        }
        return b;
    }

    /** Counts the compressed bytes the zip stream consumes. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }

    private byte[] unzip(InputStream raw, String source) throws IOException {
        Counting counting = new Counting(raw);
        byte[] found = null;
        List<String> names = new ArrayList<>();
        long total = 0;
        byte[] buf = new byte[8192];
        try (ZipInputStream zin = new ZipInputStream(counting)) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                String name = e.getName();
                if (names.size() >= maxEntries) {
                    throw QpcrException.badInput("RDML file %s has more than %d zip entries; an RDML zip holds "
                            + "rdml_data.xml (and few other files): refusing to read it", source,
                            Integer.valueOf(maxEntries));
                }
                names.add(name);
                if (name.startsWith("/") || name.startsWith("\\") || name.contains("..") || name.contains(":")) {
                    throw QpcrException.badInput("RDML file %s has an unsafe zip entry name '%s' (absolute path or "
                            + "'..'); refusing to read it", source, name);
                }
                boolean wanted = name.equals("rdml_data.xml");
                ByteArrayOutputStream out = wanted ? new ByteArrayOutputStream() : null;
                int n;
                while ((n = zin.read(buf)) > 0) {
                    total += n;
                    if (total > maxUncompressedBytes) {
                        throw QpcrException.badInput("RDML file %s inflates to more than %d bytes (entry '%s'); "
                                + "refusing a possible zip bomb", source, Long.valueOf(maxUncompressedBytes), name);
                    }
                    if (total > RATIO_CHECK_FROM && total > maxCompressionRatio * Math.max(1, counting.count)) {
                        throw QpcrException.badInput("RDML file %s has a compression ratio above %.0f (entry '%s'); "
                                + "refusing a possible zip bomb", source, Double.valueOf(maxCompressionRatio), name);
                    }
                    if (out != null) {
                        out.write(buf, 0, n);
                    }
                }
                if (wanted) {
                    found = out.toByteArray();
                }
            }
        } catch (ZipException e) {
            throw QpcrException.badInput(e, "RDML file %s is not a valid zip archive: %s", source, e.getMessage());
        }
        if (found == null) {
            throw QpcrException.badInput("RDML file %s has no entry rdml_data.xml (entries: %s); it is not an RDML "
                    + "archive", source, names.isEmpty() ? "none" : String.join(", ", names));
        }
        return found;
    }

    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings are not errors
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw QpcrException.failure("The XML parser does not support secure processing: %s", e.getMessage());
        }
    }

    private RdmlData parse(byte[] xml, String source) {
        Document doc;
        try {
            doc = secureBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("DOCTYPE") || msg.contains("disallow-doctype-decl")) {
                throw QpcrException.badInput(e, "RDML file %s contains a document type declaration or entity (line "
                        + "%d); DTDs and entities are refused for security (XXE, entity expansion). RDML files "
                        + "never need them", source, Integer.valueOf(e.getLineNumber()));
            }
            throw QpcrException.badInput(e, "RDML file %s is not well-formed XML at line %d, column %d: %s", source,
                    Integer.valueOf(e.getLineNumber()), Integer.valueOf(e.getColumnNumber()), msg);
        } catch (SAXException | IOException e) {
            throw QpcrException.badInput(e, "RDML file %s cannot be parsed: %s", source, e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!"rdml".equals(name(root))) {
            throw QpcrException.badInput("%s is not an RDML file: its root element is <%s>, not <rdml>", source,
                    name(root));
        }
        String version = root.getAttribute("version");
        if (version.isEmpty()) {
            throw QpcrException.badInput("RDML file %s: the <rdml> element lacks the required 'version' attribute",
                    source);
        }
        if (!List.of("1.0", "1.1", "1.2", "1.3").contains(version)) {
            throw QpcrException.badInput("RDML file %s has version %s; versions 1.0 to 1.3 are supported", source,
                    version);
        }
        List<String> warnings = new ArrayList<>();
        Map<String, RdmlData.Sample> samples = new java.util.LinkedHashMap<>();
        Map<String, List<Element>> sampleTypes = new HashMap<>();
        List<RdmlData.Target> targets = new ArrayList<>();
        for (Element s : children(root, "sample")) {
            String id = requireAttr(s, "id", "<sample>", source);
            List<Element> types = children(s, "type");
            sampleTypes.put(id, types);
            SampleType type = types.isEmpty() ? SampleType.UNKNOWN : parseType(text(types.get(0)), id, source);
            double q = Double.NaN;
            String unit = null;
            Element qe = child(s, "quantity");
            if (qe != null) {
                q = number(child(qe, "value"), "sample '" + id + "' quantity/value", source);
                unit = text(child(qe, "unit"));
            }
            samples.put(id, new RdmlData.Sample(id, type, q, unit));
        }
        for (Element t : children(root, "target")) {
            String id = requireAttr(t, "id", "<target>", source);
            Element eff = child(t, "amplificationEfficiency");
            targets.add(new RdmlData.Target(id, text(child(t, "type")),
                    eff == null ? Double.NaN : number(eff, "target '" + id + "' amplificationEfficiency", source),
                    text(child(t, "dyeId"))));
        }
        List<RdmlData.Reaction> reactions = new ArrayList<>();
        int runs = 0;
        List<Element[]> allRuns = new ArrayList<>();
        for (Element ex : children(root, "experiment")) {
            for (Element run : children(ex, "run")) {
                allRuns.add(new Element[] {ex, run});
            }
        }
        runs = allRuns.size();
        for (Element[] er : allRuns) {
            String exId = er[0].getAttribute("id");
            String runId = er[1].getAttribute("id");
            int cols = -1;
            boolean abc = false;
            Element fmt = child(er[1], "pcrFormat");
            if (fmt != null && child(fmt, "columns") != null) {
                try {
                    cols = Integer.parseInt(text(child(fmt, "columns")).trim());
                } catch (NumberFormatException e) {
                    cols = -1;
                }
                abc = "ABC".equals(text(child(fmt, "rowLabel"))) && "123".equals(text(child(fmt, "columnLabel")));
            }
            for (Element r : children(er[1], "react")) {
                String rid = requireAttr(r, "id", "<react> in run '" + runId + "'", source);
                Element se = child(r, "sample");
                if (se == null) {
                    throw QpcrException.badInput("RDML file %s: reaction '%s' of run '%s' has no <sample> element",
                            source, rid, runId);
                }
                String sid = requireAttr(se, "id", "<sample> of reaction '" + rid + "'", source);
                RdmlData.Sample smp = samples.get(sid);
                if (smp == null) {
                    throw QpcrException.badInput("RDML file %s: reaction '%s' of run '%s' refers to sample '%s', which "
                            + "is not declared as a <sample>", source, rid, runId, sid);
                }
                String well = wellName(rid, cols, abc);
                if (runs > 1) {
                    well = runId + ":" + well;
                }
                for (Element d : children(r, "data")) {
                    Element tar = child(d, "tar");
                    if (tar == null) {
                        throw QpcrException.badInput("RDML file %s: reaction '%s' of run '%s' has a <data> element "
                                + "without <tar>", source, rid, runId);
                    }
                    String tid = requireAttr(tar, "id", "<tar> of reaction '" + rid + "'", source);
                    Element cqe = child(d, "cq");
                    double cq = cqe == null ? Double.NaN : number(cqe, "reaction '" + rid + "' cq", source);
                    if (cq < 0) {
                        cq = Double.NaN;
                    }
                    if (Double.isNaN(cq)) {
                        warnings.add(String.format(Locale.ROOT, "Reaction %s (sample '%s', target '%s') has no Cq",
                                well, sid, tid));
                    }
                    SampleType type = typeFor(sampleTypes.get(sid), tid, smp.type(), sid, source);
                    double q = smp.quantity();
                    if (Double.isNaN(q) && type == SampleType.STANDARD) {
                        Element dq = child(d, "quantity");
                        if (dq != null && child(dq, "value") != null) {
                            q = number(child(dq, "value"), "reaction '" + rid + "' quantity", source);
                        }
                    }
                    reactions.add(new RdmlData.Reaction(exId, runId, well, sid, type, q, tid, cq));
                }
            }
        }
        if (reactions.isEmpty()) {
            throw QpcrException.badInput("RDML file %s contains no reactions with data (experiment/run/react/data); "
                    + "nothing to read", source);
        }
        if (runs > 1) {
            warnings.add("RDML file " + source + " holds " + runs + " runs; wells are named run:well");
        }
        return new RdmlData(source, version, new ArrayList<>(samples.values()), targets, reactions, warnings);
    }

    private static SampleType typeFor(List<Element> types, String target, SampleType dflt, String sid,
            String source) {
        if (types == null || types.size() <= 1) {
            return dflt;
        }
        for (Element t : types) {
            if (target.equals(t.getAttribute("targetId"))) {
                return parseType(text(t), sid, source);
            }
        }
        for (Element t : types) {
            if (t.getAttribute("targetId").isEmpty()) {
                return parseType(text(t), sid, source);
            }
        }
        return dflt;
    }

    private static SampleType parseType(String t, String sid, String source) {
        try {
            return SampleType.parse(t);
        } catch (QpcrException e) {
            throw QpcrException.badInput(e, "RDML file %s: sample '%s' has an unknown type '%s' (RDML types: unkn, "
                    + "std, ntc, nac, ntp, nrt, pos, opt)", source, sid, t);
        }
    }

    static String wellName(String id, int cols, boolean abc) {
        if (cols > 0 && abc) {
            try {
                int n = Integer.parseInt(id.trim());
                if (n >= 1) {
                    int row = (n - 1) / cols;
                    String rl = row < 26 ? String.valueOf((char) ('A' + row))
                            : String.valueOf((char) ('A' + row / 26 - 1)) + (char) ('A' + row % 26);
                    return rl + ((n - 1) % cols + 1);
                }
            } catch (NumberFormatException e) {
                return id;
            }
        }
        return id;
    }

    private static String name(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && local.equals(name(n))) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static Element child(Element parent, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && local.equals(name(n))) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }

    private static String requireAttr(Element e, String attr, String what, String source) {
        String v = e.getAttribute(attr);
        if (v == null || v.isEmpty()) {
            throw QpcrException.badInput("RDML file %s: %s lacks the required '%s' attribute", source, what, attr);
        }
        return v;
    }

    private static double number(Element e, String what, String source) {
        if (e == null) {
            return Double.NaN;
        }
        String t = text(e);
        if (t.isEmpty() || t.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            throw QpcrException.badInput("RDML file %s: %s is '%s', not a number", source, what, t);
        }
    }
}
