package org.knime.core.node.config.base;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Stub-internal (package-private, not part of the KNIME API): reads and writes KNIME's XML config format as
 * produced by org.knime.core.node.config.base.XMLConfig / XMLContentHandler (knime-shared):
 *
 * <pre>
 * &lt;config xmlns="http://www.knime.org/2008/09/XMLConfig" ... key="settings.xml"&gt;
 *     &lt;entry key="k" type="xstring" value="v"/&gt;
 *     &lt;entry key="n" type="xstring" value="" isnull="true"/&gt;
 *     &lt;config key="sub"&gt; ... &lt;/config&gt;
 * &lt;/config&gt;
 * </pre>
 *
 * Characters below 32 or above 0xD7FF, and a '%' directly followed by '%', are written as "%%" plus the five-digit
 * decimal code of the character; reading reverses that.
 */
final class StubXml {

    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private static final String SCHEMA_LOCATION =
        "http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd";

    private StubXml() {
    }

    static void write(final ConfigBase config, final OutputStream output) throws IOException {
        try (Writer w = new OutputStreamWriter(new BufferedOutputStream(output), StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            writeConfig(config, w, 0);
        }
    }

    private static void writeConfig(final ConfigBase config, final Writer w, final int depth) throws IOException {
        indent(w, depth);
        w.write("<config");
        if (depth == 0) {
            w.write(" xmlns=\"" + NAMESPACE + "\"");
            w.write(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
            w.write(" xsi:schemaLocation=\"" + SCHEMA_LOCATION + "\"");
        }
        w.write(" key=\"" + attr(config.getKey()) + "\">\n");
        for (String key : config.keySet()) {
            AbstractConfigEntry e = config.getEntry(key);
            if (e instanceof ConfigBase) {
                writeConfig((ConfigBase)e, w, depth + 1);
            } else if (e.getType() != ConfigEntries.xtransientstring) {
                String value = e.toStringValue();
                indent(w, depth + 1);
                w.write("<entry key=\"" + attr(key) + "\" type=\"" + e.getType().name() + "\" value=\"");
                w.write(attr(escapeKnime(value == null ? "" : value)));
                w.write(value == null ? "\" isnull=\"true\"/>\n" : "\"/>\n");
            }
        }
        indent(w, depth);
        w.write("</config>\n");
    }

    private static void indent(final Writer w, final int depth) throws IOException {
        for (int i = 0; i < depth; i++) {
            w.write("    ");
        }
    }

    /** XML attribute escaping. */
    private static String attr(final String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** KNIME's "%%ddddd" escaping of characters XML can't carry. */
    static String escapeKnime(final String s) {
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean doubledPercent = c == '%' && i + 1 < n && s.charAt(i + 1) == '%';
            if (c < 32 || c > 0xd7ff || doubledPercent) {
                b.append("%%").append(String.format("%05d", (int)c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String unescapeKnime(final String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '%' && i + 6 < n && s.charAt(i + 1) == '%' && allDigits(s, i + 2, i + 7)) {
                b.append((char)Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 7;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static boolean allDigits(final String s, final int from, final int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    static void read(final ConfigBase root, final InputStream in) throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setValidating(false);
            f.setNamespaceAware(false);
            XMLReader reader = f.newSAXParser().getXMLReader();
            Handler h = new Handler(root);
            reader.setContentHandler(h);
            reader.setErrorHandler(h);
            // old files may reference XMLConfig.dtd; never fetch it
            reader.setEntityResolver((publicId, systemId) -> new InputSource(new java.io.StringReader("")));
            reader.parse(new InputSource(in));
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("Unable to parse xml: " + e.getMessage(), e);
        }
    }

    private static final class Handler extends DefaultHandler {

        private final Deque<ConfigBase> m_stack = new ArrayDeque<>();

        private boolean m_first = true;

        Handler(final ConfigBase root) {
            m_stack.push(root);
        }

        @Override
        public void startElement(final String uri, final String localName, final String qName,
            final Attributes attributes) throws SAXException {
            ConfigBase current = m_stack.peek();
            if ("config".equals(qName)) {
                String key = attributes.getValue("key");
                if (m_first) {
                    m_first = false;
                    current.setKey(key);
                } else {
                    m_stack.push(current.addConfigBase(key));
                }
            } else if ("entry".equals(qName)) {
                if (m_first) {
                    throw new SAXException("First element in xml is not a config");
                }
                String key = attributes.getValue("key");
                String type = attributes.getValue("type");
                ConfigEntries t;
                try {
                    t = ConfigEntries.valueOf(type);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new SAXException("Invalid type ('" + type + "') for key '" + key + "' in XML file.");
                }
                if (t == ConfigEntries.config || t == ConfigEntries.xtransientstring) {
                    throw new SAXException("Type '" + type + "' not allowed for an entry (key '" + key + "')");
                }
                String value = unescapeKnime(attributes.getValue("value"));
                if ("true".equals(attributes.getValue("isnull"))) {
                    value = null;
                }
                try {
                    ConfigBase.checkParsable(t, value);
                } catch (RuntimeException e) {
                    throw new SAXException("Invalid value ('" + value + "') of type '" + type + "' for key '" + key
                        + "' in XML file.", e);
                }
                current.addEntry(new StubValueEntry(t, key, value));
            } else {
                throw new SAXException("\"" + qName + "\" is not a valid tag name.");
            }
        }

        @Override
        public void endElement(final String uri, final String localName, final String qName) {
            if ("config".equals(qName) && m_stack.size() > 1) {
                m_stack.pop();
            }
        }

        @Override
        public void error(final org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(final org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
